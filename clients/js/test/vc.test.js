// Verifiable credentials both ways between Stele and did-jwt-vc from npm, unchanged: `stele vc issue` writes VC-JWTs
// that did-jwt-vc verifies with ethr-did-resolver against the node, and `stele vc verify` accepts what did-jwt-vc
// issues. The status bits and the trusted issuers are chain state (StatusLists and TrustRegistry in genesis), and
// the node serves each status list as a BitstringStatusListCredential. Runs against Stele: when the node under test
// is another (anvil), the suite starts its own `stele dev`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { HDNodeWallet, JsonRpcProvider, Network, Wallet } from 'ethers';
import { ES256KSigner, hexToBytes } from 'did-jwt';
import { createVerifiableCredentialJwt, verifyCredential } from 'did-jwt-vc';
import { getResolver } from 'ethr-did-resolver';
import { Resolver } from 'did-resolver';
import { ACCOUNTS, MNEMONIC, derivationPath } from '../lib/node.js';
import { admitIssuer, ok, startSteleNode, stele } from '../lib/cli.js';

const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
const STATUS_LISTS = '0x0000000000000000000000000000000000005100';
const TRUST_REGISTRY = '0x0000000000000000000000000000000000005101';

const wallet = (i) => HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(i));

/** A status list's bit, from the served credential's encodedList (u + base64url of the GZIP of the bits). */
function bitOf(encodedList, index) {
  assert.ok(encodedList.startsWith('u'));
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  assert.ok(bits.length >= 16384, `a list holds at least 16 KB, this one ${bits.length}`);
  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
}

describe('verifiable credentials (did-jwt-vc, did-jwt, ethr-did-resolver)', () => {
  let node, provider, resolver, chainHex, dir, governorKey, issuerKey, issuer, issuerDid, type, holderDid;

  before(async () => {
    node = await startSteleNode([REGISTRY, STATUS_LISTS, TRUST_REGISTRY]);
    provider = new JsonRpcProvider(node.rpcUrl, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
    chainHex = `0x${node.chainId.toString(16)}`;
    resolver = new Resolver(
      getResolver({ networks: [{ name: chainHex, chainId: node.chainId, provider, registry: REGISTRY }] }),
    );
    dir = mkdtempSync(join(tmpdir(), 'stele-vc-'));
    const governor = wallet(0);
    issuer = wallet(ACCOUNTS.identity[1]);
    governorKey = join(dir, 'governor.key');
    issuerKey = join(dir, 'issuer.key');
    writeFileSync(governorKey, `${governor.privateKey}\n`);
    writeFileSync(issuerKey, issuer.privateKey.slice(2)); // bare hex, no newline: both forms are key files
    issuerDid = `did:ethr:${chainHex}:${issuer.address.toLowerCase()}`;
    holderDid = `did:ethr:${chainHex}:${Wallet.createRandom().address.toLowerCase()}`;
    // A type of this run's own, so that runs against one node do not meet each other's admissions.
    type = `InteropCredential${Date.now()}`;
    await admitIssuer({ provider, rpcUrl: node.rpcUrl, governor, governorKey, issuerDid, type,
      schemaHash: `0x${'ab'.repeat(32)}` });
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('did-jwt-vc verifies a credential stele issued, ES256K and ES256K-R', async () => {
    for (const alg of ['ES256K', 'ES256K-R']) {
      const jwt = await ok(['vc', 'issue', '--rpc', node.rpcUrl, '--key-file', issuerKey, '--subject', holderDid,
        '--claims', '{"name":"Ada","ageOver18":true}', '--type', type, '--expires', 'P30D', '--alg', alg]);
      const verified = await verifyCredential(jwt, resolver);
      assert.equal(verified.verified, true);
      assert.equal(verified.issuer, issuerDid);
      assert.equal(verified.verifiableCredential.credentialSubject.id, holderDid);
      assert.equal(verified.verifiableCredential.credentialSubject.ageOver18, true);
      assert.deepEqual(verified.verifiableCredential.type, ['VerifiableCredential', type]);
      assert.ok(verified.signer.id.endsWith('#controller'), verified.signer.id);
      assert.equal(verified.jwt, jwt);
    }
  });

  it('serves the status list as chain state, and a revocation shows in it and in stele vc verify', async () => {
    const jwt = await ok(['vc', 'issue', '--rpc', node.rpcUrl, '--key-file', issuerKey, '--subject', holderDid,
      '--claims', '{"ageOver18":true}', '--type', type, '--status']);
    const { verifiableCredential: vc } = await verifyCredential(jwt, resolver);
    const status = vc.credentialStatus;
    assert.equal(status.type, 'BitstringStatusListEntry');
    assert.equal(status.statusPurpose, 'revocation');
    const index = Number(status.statusListIndex);
    const list = async () => {
      const res = await fetch(status.statusListCredential);
      assert.equal(res.status, 200);
      const doc = await res.json();
      assert.deepEqual(doc.type, ['VerifiableCredential', 'BitstringStatusListCredential']);
      assert.equal(doc.issuer, issuerDid);
      assert.equal(doc.credentialSubject.statusPurpose, 'revocation');
      return doc.credentialSubject.encodedList;
    };
    assert.equal(bitOf(await list(), index), false);
    await ok(['vc', 'verify', '--rpc', node.rpcUrl, jwt]);
    await ok(['vc', 'revoke', '--rpc', node.rpcUrl, '--key-file', issuerKey, jwt]);
    assert.equal(bitOf(await list(), index), true);
    const refused = await stele(['vc', 'verify', '--rpc', node.rpcUrl, jwt]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^stele vc verify: revoked: revocation bit \d+ of http/);
  });

  it('stele vc verify accepts a credential did-jwt-vc issued, and refuses one of a type the issuer is not trusted for', async () => {
    const signer = ES256KSigner(hexToBytes(issuer.privateKey.slice(2)));
    const now = Math.floor(Date.now() / 1000);
    const credential = (types) => createVerifiableCredentialJwt({
      sub: holderDid,
      nbf: now,
      vc: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential', ...types],
        credentialSubject: { ageOver18: true },
      },
    }, { did: issuerDid, signer, alg: 'ES256K' });
    const trusted = await stele(['vc', 'verify', '--rpc', node.rpcUrl, await credential([type])]);
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.match(trusted.stdout, new RegExp(`^valid: ${type} issued by ${issuerDid} to ${holderDid}`));
    const untrusted = await stele(['vc', 'verify', '--rpc', node.rpcUrl, await credential(['SomethingElse'])]);
    assert.equal(untrusted.code, 1);
    assert.match(untrusted.stderr, /^stele vc verify: issuer unknown: .* was not a trusted issuer of SomethingElse/);
    // a key that is not the issuer's signs in its name: refused on the signature
    const stranger = ES256KSigner(hexToBytes(Wallet.createRandom().privateKey.slice(2)));
    const forged = await createVerifiableCredentialJwt({ sub: holderDid, nbf: now, vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential', type],
      credentialSubject: { ageOver18: true } } }, { did: issuerDid, signer: stranger, alg: 'ES256K' });
    const refused = await stele(['vc', 'verify', '--rpc', node.rpcUrl, forged]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^stele vc verify: signature: not signed by a key of /);
    await assert.rejects(verifyCredential(forged, resolver), /invalid_signature/);
  });
});
