// The node's W3C DID Resolution endpoint (GET /1.0/identifiers/{did}) against ethr-did-resolver, unchanged from npm:
// one DID changed in every way the registry allows (a new owner, services, keys in three encodings, delegates of both
// types, a revoked delegate, an expired one, a revoked service), then both resolvers asked for the latest version and
// for every version in between, and a deactivated DID. The documents must be equal, with their members in the same
// order. The endpoint is Stele's: against another node (anvil) this suite starts its own `stele dev`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { HDNodeWallet, JsonRpcProvider, Network, Wallet } from 'ethers';
import { EthrDID } from 'ethr-did';
import { getResolver } from 'ethr-did-resolver';
import { Resolver } from 'did-resolver';
import { ACCOUNTS, MNEMONIC, derivationPath, startNode } from '../lib/node.js';
import { startSteleDev } from '../lib/stele-dev.js';

const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
const NULL_ADDRESS = '0x0000000000000000000000000000000000000000';
const DAY = 86_400;

/** Whether the node at url serves the DID Resolution endpoint (did:web is answered 501 there). */
async function servesDidResolution(url) {
  try {
    return (await fetch(`${url}/1.0/identifiers/did:web:example.org`)).status === 501;
  } catch {
    return false;
  }
}

describe('DID resolution endpoint (against ethr-did-resolver)', () => {
  let node, rpcUrl, stopOwn, provider, owner, resolver, chainHex, chainId;

  before(async () => {
    node = await startNode();
    rpcUrl = node.rpcUrl;
    if (!(await servesDidResolution(rpcUrl))) {
      const own = await startSteleDev();
      rpcUrl = own.rpcUrl;
      stopOwn = own.stop;
    }
    provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
    chainId = (await provider.getNetwork()).chainId;
    provider.destroy();
    provider = new JsonRpcProvider(rpcUrl, Network.from(chainId), { staticNetwork: true, cacheTimeout: -1 });
    provider.pollingInterval = 100;
    owner = HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(ACCOUNTS.identity[1])).connect(provider);
    chainHex = `0x${chainId.toString(16)}`;
    resolver = new Resolver(
      getResolver({ networks: [{ name: chainHex, chainId, provider, registry: REGISTRY }] }),
    );
  });

  after(async () => {
    provider?.destroy();
    await stopOwn?.();
    await node?.stop();
  });

  /** The node's answer: HTTP status, content type and the result's three members. */
  async function fromNode(pathAndQuery) {
    const res = await fetch(`${rpcUrl}/1.0/identifiers/${pathAndQuery}`);
    const body = await res.json();
    return { status: res.status, contentType: res.headers.get('content-type'), body };
  }

  /** Asserts the node resolves didUrl (as sent) as ethr-did-resolver resolves reference, in the same member order. */
  async function assertSame(reference, sent, expectedStatus = 200) {
    const theirs = await resolver.resolve(reference);
    const ours = await fromNode(sent);
    assert.equal(ours.status, expectedStatus, JSON.stringify(ours.body));
    assert.match(ours.contentType, /^application\/ld\+json;profile="https:\/\/w3id.org\/did-resolution"/);
    const { didDocument, didDocumentMetadata, didResolutionMetadata } = ours.body;
    assert.deepEqual({ didDocument, didDocumentMetadata, didResolutionMetadata }, theirs);
    assert.equal(JSON.stringify(didDocument), JSON.stringify(theirs.didDocument), 'members in the same order');
    assert.equal(JSON.stringify(didDocumentMetadata), JSON.stringify(theirs.didDocumentMetadata));
    return ours.body;
  }

  async function blockOf(txHash) {
    return (await provider.getTransactionReceipt(txHash)).blockNumber;
  }

  /** A fresh identity owned by the funded dev account: the identity signs the change, the owner relays it. */
  async function ownedIdentity() {
    const identity = Wallet.createRandom();
    const plain = new EthrDID({ identifier: identity.address, chainNameOrId: chainId, provider, registry: REGISTRY });
    const signature = identity.signingKey.sign(await plain.createChangeOwnerHash(owner.address));
    const did = new EthrDID({ identifier: identity.address, chainNameOrId: chainId, provider, registry: REGISTRY,
      txSigner: owner });
    const tx = await did.changeOwnerSigned(owner.address, { sigV: signature.v, sigR: signature.r, sigS: signature.s });
    return { identity, did, blocks: [await blockOf(tx)] };
  }

  it('resolves a DID changed in every way as ethr-did-resolver does, at every version', async () => {
    const { identity, did, blocks } = await ownedIdentity();
    const sigAuth = Wallet.createRandom().address;
    const veriKey = Wallet.createRandom().address;
    const shortLived = Wallet.createRandom().address;
    const changes = [
      () => did.setAttribute('did/svc/HubService', 'https://hub.example.org', DAY),
      () => did.setAttribute('did/svc/Messaging', JSON.stringify({ uri: 'https://m.example.org', accept: ['didcomm/v2'] }), DAY),
      () => did.setAttribute('did/pub/Secp256k1/veriKey/hex', owner.signingKey.compressedPublicKey, DAY),
      () => did.setAttribute('did/pub/Ed25519/veriKey/base58', new Uint8Array(randomBytes(32)), DAY),
      () => did.setAttribute('did/pub/X25519/enc/base64', new Uint8Array(randomBytes(32)), DAY),
      () => did.addDelegate(sigAuth, { delegateType: 'sigAuth', expiresIn: DAY }),
      () => did.addDelegate(veriKey, { delegateType: 'veriKey', expiresIn: DAY }),
      () => did.revokeDelegate(sigAuth, 'sigAuth'),
      () => did.revokeAttribute('did/svc/HubService', 'https://hub.example.org'),
      () => did.addDelegate(shortLived, { delegateType: 'veriKey', expiresIn: 1 }),
    ];
    for (const change of changes) blocks.push(await blockOf(await change()));
    // The last delegate was valid for one second from its block's time, and a revocation takes effect once its
    // block's second is past: wait until the wall clock, which both resolvers judge validity by, is past both (a dev
    // chain's timestamps may run ahead of it when blocks come faster than one a second).
    const { timestamp: lastTime } = await provider.getBlock(blocks.at(-1));
    while (Date.now() / 1000 < lastTime + 2) await new Promise((r) => setTimeout(r, 250));

    const didString = `did:ethr:${chainHex}:${identity.address}`;
    const latest = await assertSame(didString, didString);
    assert.deepEqual(latest.didDocument.verificationMethod.map((m) => m.id.replace(/^.*#/, '#')),
      ['#controller', '#delegate-1', '#delegate-2', '#delegate-3', '#delegate-5']);
    assert.deepEqual(latest.didDocument.service.map((s) => s.id.replace(/^.*#/, '#')), ['#service-2']);
    assert.equal(latest.didDocumentMetadata.versionId, String(blocks.at(-1)));

    for (const block of [0, ...blocks, blocks.at(-1) + 1].filter((b, i, all) => all.indexOf(b) === i)) {
      if (block > (await provider.getBlockNumber())) continue;
      await assertSame(`${didString}?versionId=${block}`, `${didString}?versionId=${block}`);
      await assertSame(`${didString}?versionId=${block}`, encodeURIComponent(`${didString}?versionId=${block}`));
    }
    // A time maps to the last block at or before it (dev blocks may share a second).
    const { timestamp } = await provider.getBlock(blocks[5]);
    let last = blocks[5];
    while ((await provider.getBlock(last + 1))?.timestamp === timestamp) last++;
    const time = new Date(timestamp * 1000).toISOString();
    await assertSame(`${didString}?versionId=${last}`, `${didString}?versionTime=${encodeURIComponent(time)}`);
  });

  it('answers 410 for a deactivated DID, with the same result as ethr-did-resolver', async () => {
    const { identity, did } = await ownedIdentity();
    await did.addDelegate(Wallet.createRandom().address, { delegateType: 'veriKey', expiresIn: DAY });
    await did.changeOwner(NULL_ADDRESS);
    const didString = `did:ethr:${chainHex}:${identity.address}`;

    const body = await assertSame(didString, didString, 410);
    assert.equal(body.didDocumentMetadata.deactivated, true);
    assert.deepEqual(body.didDocument.verificationMethod, []);
  });

  it('names the error of a DID it cannot resolve', async () => {
    assert.equal((await fromNode('did:web:example.org')).body.didResolutionMetadata.error, 'methodNotSupported');
    const invalid = await fromNode('did:ethr:not-an-address');
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.didResolutionMetadata.error, 'invalidDid');
    const otherChain = await fromNode(`did:ethr:0x${(chainId + 1n).toString(16)}:${owner.address}`);
    assert.equal(otherChain.status, 404);
    assert.equal(otherChain.body.didResolutionMetadata.error, 'notFound');
  });
});
