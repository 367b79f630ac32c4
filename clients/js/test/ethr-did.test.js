// did:ethr tools unchanged against the node: ethr-did updates a DID through the ERC-1056 registry that every Stele
// chain holds in genesis at the registry's public address, and ethr-did-resolver resolves it. On anvil (the reference)
// the registry's committed runtime code is put at that address with anvil_setCode first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { HDNodeWallet, JsonRpcProvider, Network, Wallet } from 'ethers';
import { EthrDID } from 'ethr-did';
import { getResolver } from 'ethr-did-resolver';
import { Resolver } from 'did-resolver';
import { ACCOUNTS, MNEMONIC, derivationPath, rpc, startNode } from '../lib/node.js';

const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
const ARTIFACT = new URL(
  '../../../apps/identity/src/main/resources/org/stele/apps/identity/contracts/EthereumDIDRegistry.json',
  import.meta.url,
);

describe('did:ethr (ethr-did, ethr-did-resolver)', () => {
  let node, provider, owner, resolver, chainHex;

  before(async () => {
    node = await startNode();
    provider = new JsonRpcProvider(node.rpcUrl, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
    provider.pollingInterval = 100;
    owner = HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(ACCOUNTS.identity[0])).connect(provider);
    const { deployedBytecode } = JSON.parse(readFileSync(ARTIFACT, 'utf8'));
    if ((await provider.getCode(REGISTRY)) === '0x') await rpc(node.rpcUrl, 'anvil_setCode', [REGISTRY, deployedBytecode]);
    chainHex = `0x${node.chainId.toString(16)}`;
    resolver = new Resolver(
      getResolver({ networks: [{ name: chainHex, chainId: node.chainId, provider, registry: REGISTRY }] }),
    );
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
  });

  it('finds the registry at its public address with the committed code', async () => {
    const { deployedBytecode } = JSON.parse(readFileSync(ARTIFACT, 'utf8'));
    assert.equal(await provider.getCode(REGISTRY), deployedBytecode);
  });

  it('takes two updates of one DID in a row, each sent with its own gas estimate', async () => {
    // A fresh identity each run, owned by a funded dev account: the DID's key is a new wallet, and the dev account
    // becomes its owner, so the updates are paid by the dev account.
    const identity = Wallet.createRandom();
    const asIdentity = new EthrDID({ identifier: identity.address, chainNameOrId: node.chainId, provider,
      registry: REGISTRY, txSigner: identity.connect(provider) });
    // The identity has no coin: it signs its change of owner, and the dev account relays it.
    const metaHash = await asIdentity.createChangeOwnerHash(owner.address);
    const signature = identity.signingKey.sign(metaHash);
    const relayer = new EthrDID({ identifier: identity.address, chainNameOrId: node.chainId, provider,
      registry: REGISTRY, txSigner: owner });
    await relayer.changeOwnerSigned(owner.address, { sigV: signature.v, sigR: signature.r, sigS: signature.s });

    const did = new EthrDID({ identifier: identity.address, chainNameOrId: node.chainId, provider,
      registry: REGISTRY, txSigner: owner });
    // Both write block.number into changed[identity]: estimated in the head block's own context, the second would
    // look 2,800 gas cheaper than it is and run out of gas.
    await did.setAttribute('did/svc/HubService', 'https://hub.example.org', 86_400);
    await did.setAttribute('did/pub/Secp256k1/veriKey/hex', owner.signingKey.compressedPublicKey, 86_400);
    const delegate = Wallet.createRandom();
    await did.addDelegate(delegate.address, { delegateType: 'sigAuth', expiresIn: 86_400 });

    const { didDocument, didDocumentMetadata, didResolutionMetadata } = await resolver.resolve(
      `did:ethr:${chainHex}:${identity.address}`,
    );
    assert.equal(didResolutionMetadata.error, undefined, JSON.stringify(didResolutionMetadata));
    assert.equal(didDocumentMetadata.deactivated, undefined);
    assert.deepEqual(didDocument.service.map((s) => s.serviceEndpoint), ['https://hub.example.org']);
    const methods = didDocument.verificationMethod.map((m) => m.id.replace(/^.*#/, '#'));
    assert.deepEqual(methods, ['#controller', '#delegate-1', '#delegate-2']);
    assert.ok(didDocument.authentication.some((a) => a.endsWith('#delegate-2')), 'sigAuth delegate authenticates');
    assert.ok(
      didDocument.verificationMethod.some((m) => m.blockchainAccountId?.toLowerCase().includes(owner.address.toLowerCase())),
      'the controller is the new owner',
    );
  });

  it('reports a deactivated DID as deactivated', async () => {
    const identity = Wallet.createRandom();
    const metaHash = await new EthrDID({ identifier: identity.address, chainNameOrId: node.chainId, provider,
      registry: REGISTRY }).createChangeOwnerHash(owner.address);
    const signature = identity.signingKey.sign(metaHash);
    const did = new EthrDID({ identifier: identity.address, chainNameOrId: node.chainId, provider, registry: REGISTRY,
      txSigner: owner });
    await did.changeOwnerSigned(owner.address, { sigV: signature.v, sigR: signature.r, sigS: signature.s });
    await did.changeOwner('0x0000000000000000000000000000000000000000');

    const { didDocumentMetadata } = await resolver.resolve(`did:ethr:${chainHex}:${identity.address}`);
    assert.equal(didDocumentMetadata.deactivated, true);
  });
});
