// The identity pages' SD-JWT code (web/.../apps/identity/sdjwt.js) in plain Node.js, no browser, and the vendored
// crypto it runs on (noble.js): that file must be byte for byte what tools/webcrypto/build.js makes from the packages
// its lockfile pins; RFC 9901's example disclosure digest; did:ethr addresses of anvil's keys; and the SD-JWT rules
// SdJwtVerifier applies (apps/identity), each refusal with its reason. identity-pages.test.js runs the pages against
// the Java side both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../harness.js';

const s = await import(pathToFileURL(join(root, 'web/src/main/resources/web/apps/identity/sdjwt.js')));

test('the vendored noble.js is what tools/webcrypto builds from its lockfile', () => {
  const tools = join(root, 'tools/webcrypto');
  if (!existsSync(join(tools, 'node_modules')))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools, stdio: 'inherit' });
  const check = spawnSync('node', ['build.js', '--check'], { cwd: tools, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
});

test('a disclosure\'s digest is RFC 9901\'s, and addresses and DIDs are did:ethr\'s', () => {
  assert.equal(s.digest('WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0'), 'uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY');
  const key = s.publicKeyOf('ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
  assert.equal(s.addressOf(key), '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  assert.equal(s.didOf(31337, s.addressOf(key)), 'did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  assert.deepEqual(s.parseDid('did:ethr:0x7a69:0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266'),
    { chainId: 31337n, address: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' });
  assert.throws(() => s.parseDid('did:web:example.org'), /not a did:ethr identifier/);
});

const issuerKey = '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const holderKey = s.newKey();
const now = 1_800_000_000;
const credential = s.issue({
  issuer: 'did:ethr:0x7a69:0x70997970c51812dc3a010c7d01b50e0d17dc79c8', vct: 'VerifiedPerson',
  subject: s.didOf(31337, s.addressOf(s.publicKeyOf(holderKey))),
  claims: { name: 'Ada', birthDate: '1990-12-10', ageOver18: true }, holderKey: s.publicKeyOf(holderKey),
  notBefore: now - 10, key: issuerKey,
});

test('an issued credential discloses every claim, its signature recovers to the issuer, and a presentation shows only the chosen claims', () => {
  const all = s.check(credential);
  assert.equal(all.jws.header.typ, 'dc+sd-jwt');
  assert.deepEqual([all.claims.name, all.claims.birthDate, all.claims.ageOver18], ['Ada', '1990-12-10', true]);
  assert.ok(all.signers.includes('0x70997970c51812dc3a010c7d01b50e0d17dc79c8'));
  assert.deepEqual(all.payload._sd, [...all.payload._sd].sort());
  const vp = s.present(credential, ['ageOver18'], holderKey, 'n-1', 'https://dating.example', now);
  const shown = s.check(vp);
  assert.equal(shown.claims.ageOver18, true);
  assert.ok(!('name' in shown.claims) && !('birthDate' in shown.claims));
  assert.equal(s.keyBinding(shown.sd, shown.payload, 'n-1', 'https://dating.example', now + 299), true);
});

test('tampering and a wrong challenge are refused with SdJwtVerifier\'s reasons', () => {
  const vp = s.present(credential, ['ageOver18'], holderKey, 'n-1', 'https://dating.example', now);
  const [jwt, disclosure, kb] = vp.split('~');
  const bound = (text, nonce = 'n-1', aud = 'https://dating.example', at = now) => {
    const c = s.check(text);
    return s.keyBinding(c.sd, c.payload, nonce, aud, at);
  };
  const refused = (fn, reason, detail) => assert.throws(fn, (e) => e instanceof s.Refusal && e.reason === reason && detail.test(e.detail));
  const forged = s.disclosure('birthDate', '2001-01-01').encoded;
  refused(() => s.check(`${jwt}~${disclosure}~${forged}~${kb}`), 'malformed', /1 disclosure\(s\) match no digest/);
  refused(() => s.check(`${jwt}~${disclosure}~${disclosure}~${kb}`), 'malformed', /sent twice/);
  refused(() => bound(`${jwt}~${kb}`), 'holder binding', /sd_hash/);
  refused(() => bound(vp, 'n-2'), 'holder binding', /the nonce is "n-1", not "n-2"/);
  refused(() => bound(vp, 'n-1', 'https://other.example'), 'holder binding', /audience/);
  refused(() => bound(vp, 'n-1', 'https://dating.example', now + 301), 'holder binding', /within 5 minutes/);
  refused(() => bound(`${jwt}~${disclosure}~`), 'holder binding', /no key-binding JWT/);
  const other = s.present(credential, ['ageOver18'], s.newKey(), 'n-1', 'https://dating.example', now);
  refused(() => bound(other), 'holder binding', /not signed by the cnf key/);
  refused(() => s.check('not an sd-jwt'), 'malformed', /no ~/);
});

const backup = await import(pathToFileURL(join(root, 'web/src/main/resources/web/apps/identity/backup.js')));

test('a wallet backup opens with its passphrase only, and an edited header or a short passphrase is refused', async () => {
  const did = s.didOf(31337, s.addressOf(s.publicKeyOf(holderKey)));
  // Fewer iterations than the wallet's 600,000 keep this test quick; the format carries the count.
  const file = await backup.seal({ key: holderKey, credentials: [credential] }, did, 'correct horse', 100_000);
  const header = JSON.parse(file);
  assert.equal(header.type, 'stele-identity-wallet-backup');
  assert.deepEqual([header.kdf.name, header.kdf.hash, header.kdf.iterations, header.cipher.name], ['PBKDF2', 'SHA-256', 100_000, 'AES-GCM']);
  assert.ok(!file.includes(holderKey) && !file.includes('Ada'), 'the key and the claims are encrypted');
  assert.deepEqual(await backup.open(file, 'correct horse'), { did, key: holderKey, credentials: [credential] });
  await assert.rejects(backup.open(file, 'wrong horse'), /^Error: wrong passphrase \(or the file was altered\): nothing was imported$/);
  const otherDid = JSON.stringify({ ...header, did: s.didOf(31337, '0x70997970c51812dc3a010c7d01b50e0d17dc79c8') });
  await assert.rejects(backup.open(otherDid, 'correct horse'), /wrong passphrase/);
  await assert.rejects(backup.open(JSON.stringify({ ...header, kdf: { ...header.kdf, iterations: 1000 } }), 'correct horse'),
    /iterations \(1000\) are not between/);
  await assert.rejects(backup.open('{"type":"something else"}', 'x'), /not a wallet backup/);
  await assert.rejects(backup.open('not json', 'x'), /the file is not JSON/);
  await assert.rejects(backup.seal({ key: holderKey, credentials: [] }, did, 'short'), /shorter than 8 characters/);
  // Two backups of the same wallet differ (fresh salt and IV) and both open.
  const again = await backup.seal({ key: holderKey, credentials: [] }, did, 'correct horse', 100_000);
  assert.notEqual(JSON.parse(again).kdf.salt, header.kdf.salt);
  assert.equal((await backup.open(again, 'correct horse')).key, holderKey);
});
