// SD-JWT VCs (RFC 9901, typ dc+sd-jwt) both ways between Stele and @sd-jwt/sd-jwt-vc from npm, unchanged, with the
// hasher and salts of @sd-jwt/crypto-nodejs: `stele vc issue --format sd-jwt` writes credentials the library
// verifies, and presents with a key-binding JWT that it checks; the library issues and presents credentials that
// `stele vc verify` accepts. Neither side has ES256K in WebCrypto, so the library's signer is did-jwt's ES256KSigner
// and its verifiers recover the signer with ethers: the issuer's key must be in the assertionMethod of its DID
// document from ethr-did-resolver, the holder's the cnf key. Runs against Stele: when the node under test is another
// (anvil), the suite starts its own `stele dev`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HDNodeWallet, JsonRpcProvider, Network, SigningKey, Wallet, computeAddress, sha256 } from 'ethers';
import { ES256KSigner, hexToBytes } from 'did-jwt';
import { Resolver } from 'did-resolver';
import { getResolver } from 'ethr-did-resolver';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { ACCOUNTS, MNEMONIC, derivationPath } from '../lib/node.js';
import { admitIssuer, ok, startSteleNode, stele } from '../lib/cli.js';

const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
const TRUST_REGISTRY = '0x0000000000000000000000000000000000005101';

const wallet = (i) => HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(i));

/** The addresses an ES256K signature (base64url r‖s over SHA-256 of data) may come from: both recovery ids. */
function signersOf(data, signature) {
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return [];
  const hash = sha256(Buffer.from(data, 'utf8'));
  const r = `0x${sig.subarray(0, 32).toString('hex')}`;
  const s = `0x${sig.subarray(32).toString('hex')}`;
  const out = [];
  for (const v of [27, 28]) {
    try {
      out.push(computeAddress(SigningKey.recoverPublicKey(hash, { r, s, v })).toLowerCase());
    } catch {
      // not a valid signature for this recovery id
    }
  }
  return out;
}

/** A secp256k1 public key as a JWK, the form of cnf.jwk. */
function jwk(publicKey) {
  const raw = Buffer.from(SigningKey.computePublicKey(publicKey, false).slice(4), 'hex');
  return { kty: 'EC', crv: 'secp256k1', x: raw.subarray(0, 32).toString('base64url'),
    y: raw.subarray(32).toString('base64url') };
}

function addressOfJwk(key) {
  const x = Buffer.from(key.x, 'base64url').toString('hex');
  const y = Buffer.from(key.y, 'base64url').toString('hex');
  return computeAddress(`0x04${x}${y}`).toLowerCase();
}

describe('SD-JWT VC (@sd-jwt/sd-jwt-vc, @sd-jwt/crypto-nodejs)', () => {
  let node, provider, resolver, chainHex, dir, issuer, issuerKey, issuerDid, holder, type;

  /** The library set up as a verifier (and, with signers, an issuer and a holder) of ES256K SD-JWT VCs. */
  const library = (signer, kbSigner) => new SDJwtVcInstance({
    hasher: digest,
    saltGenerator: generateSalt,
    signer,
    signAlg: 'ES256K',
    kbSigner,
    kbSignAlg: 'ES256K',
    // the issuer's signature: by a key of the assertionMethod of the DID document of iss
    verifier: async (data, signature) => {
      const payload = JSON.parse(Buffer.from(data.split('.')[1], 'base64url').toString('utf8'));
      const { didDocument } = await resolver.resolve(payload.iss);
      const keys = (didDocument?.verificationMethod ?? [])
        .filter((m) => didDocument.assertionMethod.includes(m.id) && m.blockchainAccountId)
        .map((m) => m.blockchainAccountId.split(':').pop().toLowerCase());
      return signersOf(data, signature).some((a) => keys.includes(a));
    },
    // the holder's key-binding JWT: by the key the issuer put in cnf
    kbVerifier: async (data, signature, payload) =>
      signersOf(data, signature).includes(addressOfJwk(payload.cnf.jwk)),
  });

  before(async () => {
    node = await startSteleNode([REGISTRY, TRUST_REGISTRY]);
    provider = new JsonRpcProvider(node.rpcUrl, Network.from(node.chainId), { staticNetwork: true, cacheTimeout: -1 });
    chainHex = `0x${node.chainId.toString(16)}`;
    resolver = new Resolver(
      getResolver({ networks: [{ name: chainHex, chainId: node.chainId, provider, registry: REGISTRY }] }),
    );
    dir = mkdtempSync(join(tmpdir(), 'stele-sdjwt-'));
    const governor = wallet(0);
    issuer = wallet(ACCOUNTS.identity[1]);
    holder = Wallet.createRandom();
    const governorKey = join(dir, 'governor.key');
    issuerKey = join(dir, 'issuer.key');
    writeFileSync(governorKey, `${governor.privateKey}\n`);
    writeFileSync(issuerKey, `${issuer.privateKey}\n`);
    issuerDid = `did:ethr:${chainHex}:${issuer.address.toLowerCase()}`;
    type = `SdJwtInterop${Date.now()}`;
    await admitIssuer({ provider, rpcUrl: node.rpcUrl, governor, governorKey, issuerDid, type,
      schemaHash: `0x${'cd'.repeat(32)}` });
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the library verifies an SD-JWT VC stele issued, and a presentation bound to the holder', async () => {
    const holderKey = SigningKey.computePublicKey(holder.signingKey.publicKey, false).slice(4);
    const credential = await ok(['vc', 'issue', '--rpc', node.rpcUrl, '--key-file', issuerKey, '--format', 'sd-jwt',
      '--subject', `did:ethr:${chainHex}:${holder.address.toLowerCase()}`, '--holder-key', holderKey,
      '--claims', '{"name":"Ada","ageOver18":true}', '--type', type]);
    const verifier = library();
    const whole = await verifier.verify(credential);
    assert.equal(whole.header.typ, 'dc+sd-jwt');
    assert.equal(whole.payload.iss, issuerDid);
    assert.equal(whole.payload.vct, type);
    assert.equal(whole.payload.name, 'Ada');
    assert.equal(whole.payload.ageOver18, true);

    // the holder discloses only ageOver18, bound to the verifier's nonce with the library's key-binding JWT
    const wallet_ = library(undefined, ES256KSigner(hexToBytes(holder.privateKey.slice(2))));
    const presentation = await wallet_.present(credential, { ageOver18: true },
      { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud: 'https://dating.example', nonce: 'n-42' } } });
    const shown = await verifier.verify(presentation, { keyBindingNonce: 'n-42' });
    assert.equal(shown.payload.ageOver18, true);
    assert.equal(shown.payload.name, undefined);
    assert.equal(shown.kb.payload.aud, 'https://dating.example');
    // and stele vc verify checks the library's key binding as its own
    const checked = await stele(['vc', 'verify', '--rpc', node.rpcUrl, presentation, '--nonce', 'n-42', '--aud',
      'https://dating.example']);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, /presented by its holder: \{"iss".*"ageOver18":true/);
    assert.doesNotMatch(checked.stdout, /Ada/);

    // a signature that is not the issuer's: the library refuses it
    const [jwt, ...rest] = credential.split('~');
    const [h, p] = jwt.split('.');
    const stranger = ES256KSigner(hexToBytes(Wallet.createRandom().privateKey.slice(2)));
    const forged = [`${h}.${p}.${await stranger(`${h}.${p}`)}`, ...rest].join('~');
    await assert.rejects(verifier.verify(forged), /Verify Error: Invalid JWT Signature|signature/i);
  });

  it('stele vc verify accepts an SD-JWT VC the library issued and presented, and refuses one a stranger signed', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: issuerDid,
      vct: type,
      sub: `did:ethr:${chainHex}:${holder.address.toLowerCase()}`,
      iat: now,
      cnf: { jwk: jwk(holder.signingKey.publicKey) },
      name: 'Grace',
      ageOver18: true,
    };
    const issuing = library(ES256KSigner(hexToBytes(issuer.privateKey.slice(2))));
    const credential = await issuing.issue(payload, { _sd: ['name', 'ageOver18'] });
    const whole = await stele(['vc', 'verify', '--rpc', node.rpcUrl, credential]);
    assert.equal(whole.code, 0, whole.stderr);
    assert.match(whole.stdout, new RegExp(`^valid: ${type} issued by ${issuerDid}, without key binding: `));
    assert.match(whole.stdout, /"name":"Grace"/);

    const holding = library(undefined, ES256KSigner(hexToBytes(holder.privateKey.slice(2))));
    const presentation = await holding.present(credential, { ageOver18: true },
      { kb: { payload: { iat: now, aud: 'https://dating.example', nonce: 'n-7' } } });
    const bound = await stele(['vc', 'verify', '--rpc', node.rpcUrl, presentation, '--nonce', 'n-7', '--aud',
      'https://dating.example']);
    assert.equal(bound.code, 0, bound.stderr);
    assert.match(bound.stdout, /presented by its holder/);
    assert.doesNotMatch(bound.stdout, /Grace/);
    const replayed = await stele(['vc', 'verify', '--rpc', node.rpcUrl, presentation, '--nonce', 'n-8']);
    assert.equal(replayed.code, 1);
    assert.match(replayed.stderr, /^stele vc verify: holder binding: the nonce is "n-7", not "n-8"/);

    const stranger = library(ES256KSigner(hexToBytes(Wallet.createRandom().privateKey.slice(2))));
    const forged = await stranger.issue(payload, { _sd: ['name', 'ageOver18'] });
    const refused = await stele(['vc', 'verify', '--rpc', node.rpcUrl, forged]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^stele vc verify: signature: not signed by a key of /);
  });
});
