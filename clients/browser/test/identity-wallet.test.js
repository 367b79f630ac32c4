// The identity pages' holder wallet and the issuer page with the operator's own browser wallet, on a fresh dev chain
// (identity-pages.test.js runs the main flow): the wallet checks a credential it receives as a verifier will (the
// issuer's key as of issuance through the node's DID resolver, dates, status, trust) and refuses a forged or tampered
// one with the reason, keeping a revoked one marked not valid; the issuer page signs its transactions with an injected
// EIP-1193 wallet (../wallet.js) whose key the node does not hold, issues to a holder under 18, whom the verifier
// refuses with the reason, and revokes; the holder exports the wallet as a passphrase-encrypted file, loses the
// browser's storage, is refused a wrong passphrase, imports the file and presents the restored credential.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { id } from 'ethers';
import { launchBrowser, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';
import { admitIssuers, answer as answerFrom, didOf, fails, GOVERNOR, identityPages, ISSUER, outcome, steleCli, succeeds, text,
  TYPE, verdictOf } from '../identity.js';
import { injectWallet } from '../wallet.js';

const s = await import(pathToFileURL(join(root, 'web/src/main/resources/web/apps/identity/sdjwt.js')));

// The issuer page's operator: a key in the injected browser wallet, never given to the node.
const OPERATOR_KEY = id('stele browser test: an identity issuer\'s wallet');
const PASSPHRASE = 'a long walk on the shore';

let node;
let browser;
let dir;
let wallet;
let operator;
let pages;
let stele;
let ok;
const open = (path, prepare) => pages.open(path, prepare);
/** Pastes a credential into the wallet: the status line's outcome. */
async function paste(credential, shot) {
  await wallet.page.fill('#paste', credential);
  await wallet.page.click('#paste-use');
  return outcome(wallet.page, 'paste-status', shot);
}
/**
 * The validity lines of the wallet's cards, once the page has drawn them (a page just loaded has drawn nothing yet)
 * and none is still being checked: [[state, text], …].
 */
async function validities() {
  await wallet.page.waitForFunction(() => document.getElementById('credentials').children.length > 0
    && [...document.querySelectorAll('.credential .validity')].every((e) => e.dataset.state !== 'checking'));
  return wallet.page.$$eval('.credential .validity', (l) => l.map((e) => [e.dataset.state, e.textContent]));
}
const holder = async () => ({ key: await text(wallet.page, '#holder-key'), did: await text(wallet.page, '#holder-did') });
function cliCredential(h, claims) {
  return ok('vc', 'issue', '--format', 'sd-jwt', '--key-file', join(dir, 'issuer.key'), '--subject', h.did,
    '--holder-key', h.key, '--type', TYPE, '--status', '--expires', 'P30D', '--claims', JSON.stringify(claims));
}
/** The wallet answers the verifier's current challenge with the claims ticked, from the credential showing `which`. */
const answer = async (verifierPage, claims, which) => (await answerFrom(wallet.page, verifierPage, claims, which)).back;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  pages = identityPages(browser, node.url);
  ({ run: stele, ok } = steleCli(node.url));
  dir = mkdtempSync(join(tmpdir(), 'stele-identity-wallet-'));
  operator = s.addressOf(s.publicKeyOf(OPERATOR_KEY));
  const accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
  assert.ok(!accounts.includes(operator), 'the node must not hold the operator\'s key');
  // The operator's wallet pays its own gas: a dev account gives it coin.
  await receipt(node.url, await rpc(node.url, 'eth_sendTransaction', [{ from: GOVERNOR.address, to: operator,
    value: '0xde0b6b3a7640000' }]));
  await admitIssuers(node.url, dir, [ISSUER.address, operator]);
  wallet = await open('wallet.html');
  await wallet.page.waitForFunction(() => document.getElementById('holder-key').textContent.startsWith('0x04'));
});

after(async () => {
  await pages?.close();
  await browser?.close();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the wallet checks a credential it receives: a genuine one is kept as valid, a forged or altered one is refused, a revoked one is kept as not valid', async () => {
  const h = await holder();
  const issuerDid = await didOf(node.url, ISSUER.address);
  const genuine = cliCredential(h, { name: 'Grace Hopper', birthDate: '1986-12-09', ageOver18: true });
  const kept = await paste(genuine);
  assert.ok(kept.ok, kept.said);
  assert.equal(kept.said, `Kept a ${TYPE} from ${issuerDid}: valid (the issuer's signature, dates, status and trust checked).`);
  assert.deepEqual(await validities(), [['valid', 'Valid: checked on chain just now']]);

  // Signed by a key the issuer's DID never named, in the issuer's name: refused, nothing kept.
  const stranger = s.newKey();
  const now = Math.floor(Date.now() / 1000);
  const forged = s.issue({ issuer: issuerDid, vct: TYPE, subject: h.did, claims: { name: 'Mallory', ageOver18: true },
    holderKey: h.key, notBefore: now, expires: now + 86400, key: stranger });
  const refused = await paste(forged, 'identity-wallet-forged-refused');
  assert.ok(!refused.ok);
  assert.equal(refused.said, `not kept: forged or altered (signature: not signed by a key of ${issuerDid} (neither its owner nor a valid veriKey/sigAuth delegate))`);
  // The genuine credential with its expiry pushed a year on: the issuer's signature no longer holds.
  const [jwt, ...rest] = genuine.split('~');
  const [hd, p, sig] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  payload.exp += 365 * 86400;
  const altered = [`${hd}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`, ...rest].join('~');
  assert.match((await paste(altered)).said, /^not kept: forged or altered \(signature: not signed by a key of /);
  // A disclosure the issuer never signed slipped in.
  const slipped = `${genuine}${s.disclosure('ageOver18', true).encoded}~`;
  assert.match((await paste(slipped)).said, /^not kept: forged or altered \(malformed: 1 disclosure\(s\) match no digest the issuer signed\)$/);
  assert.deepEqual((await validities()).length, 1, 'nothing forged was kept');

  // Genuine but revoked before it arrives: kept, and shown as not valid, with the reason.
  const revoked = cliCredential(h, { name: 'Revoked Person', birthDate: '1980-01-01', ageOver18: true });
  ok('vc', 'revoke', '--key-file', join(dir, 'issuer.key'), revoked);
  const late = await paste(revoked);
  assert.ok(!late.ok);
  assert.match(late.said, new RegExp(`^Kept a ${TYPE} from ${issuerDid}, but it is not valid: revoked: revocation bit \\d+ of .* is set on chain\\.$`));
  const states = await validities();
  assert.deepEqual(states.map(([state]) => state), ['valid', 'invalid']);
  assert.match(states[1][1], /^Not valid: revoked: /);
  await wallet.page.click('.credential:nth-of-type(2) details summary');
  await screenshot(wallet.page, 'identity-wallet-checked');
  assert.deepEqual(wallet.problems, []);
});

test('the issuer page signs with the operator\'s injected wallet, and the verifier refuses a holder under 18, saying why', async () => {
  let injected;
  const issuerPage = await open(`issuer.html?issuer=${operator}`, async (context) => {
    injected = await injectWallet(context, node.url, OPERATOR_KEY);
  });
  issuerPage.wallet = injected;
  const { page } = issuerPage;
  await page.waitForFunction(() => document.getElementById('issuer-trust').className === 'ok');
  assert.equal(await page.inputValue('#issuer'), operator);
  assert.equal(await text(page, '#issuer option'), `wallet ${operator}`);
  await page.click('#authorise');
  await succeeds(page, 'key-status');
  assert.match(await text(page, '#key-delegate'), /^yes/);

  const h = await holder();
  const today = new Date();
  const birthDate = `${today.getUTCFullYear() - 15}-01-01`;
  await page.fill('#holder-key', h.key);
  await page.fill('#name', 'Young Person');
  await page.fill('#birth-date', birthDate);
  await page.setInputFiles('#photo', { name: 'young.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('a photo of a minor') });
  await page.waitForFunction(() => document.getElementById('photo-hash').textContent.startsWith('sha-256:'));
  await page.check('#checked');
  await page.click('#issue-form button[type=submit]');
  assert.match(await succeeds(page, 'issue-status'), new RegExp(`^Issued ${TYPE} to ${h.did}, status index 0 \\(under 18: ageOver18 is false\\)\\.$`));
  const credential = await page.inputValue('#issued-credential');
  await screenshot(page, 'identity-issuer-injected-wallet');

  // The operator's wallet signed and sent every transaction (delegate, status index); the node holds no key for it.
  const sent = issuerPage.wallet.requests.filter((m) => m === 'eth_sendTransaction').length;
  assert.equal(sent, 2, issuerPage.wallet.requests.join(', '));
  assert.ok(issuerPage.wallet.requests.includes('eth_requestAccounts'));
  assert.equal(BigInt(await rpc(node.url, 'eth_getTransactionCount', [operator, 'latest'])), 2n);
  const verified = stele('vc', 'verify', credential);
  assert.equal(verified.status, 0, verified.stderr);
  assert.ok(verified.stdout.includes('"ageOver18":false'), verified.stdout);

  await wallet.page.goto(await page.$eval('#issued-link', (a) => a.href));
  assert.match(await succeeds(wallet.page, 'paste-status'), /^Kept a VerifiedPerson from .*: valid/);
  const verifier = await open('verifier.html');
  await verifier.page.waitForSelector('#qr svg');
  const back = await answer(verifier.page, ['ageOver18'], 'Young Person');
  assert.equal(await verdictOf(verifier.page, back), 'Refused: not what this site asks');
  assert.match(await text(verifier.page, '#checks li.fail'), /^not what this site asks: the person is not over 18$/);
  assert.equal(await verifier.page.$$eval('#checks li.ok', (l) => l.length), 6, 'the credential itself is valid');
  assert.deepEqual(await verifier.page.$$eval('#disclosed dt', (l) => l.map((e) => e.textContent)), ['ageOver18']);
  assert.equal(await text(verifier.page, '#disclosed dd'), 'false');
  await screenshot(verifier.page, 'identity-verifier-under-18');

  // Revoking goes through the operator's wallet too, and the holder's wallet shows the credential as revoked.
  await page.click('#issued tbody tr[data-index="0"] button[data-revoke]');
  assert.match(await succeeds(page, 'revoke-status'), /^Revoked credential 0 in block \d+/);
  assert.equal(issuerPage.wallet.requests.filter((m) => m === 'eth_sendTransaction').length, 3);
  await wallet.page.goto(`${node.url}/apps/identity/wallet.html`);
  const states = await validities();
  assert.equal(states.length, 3);
  assert.equal(states[2][0], 'invalid');
  assert.match(states[2][1], /^Not valid: revoked: revocation bit 0 of /);
  assert.deepEqual(issuerPage.problems, []);
  assert.deepEqual(verifier.problems, []);
});

test('the holder exports the wallet encrypted, loses the browser\'s storage, is refused a wrong passphrase, imports it and presents again', async () => {
  const before = await holder();
  const count = (await validities()).length;
  await wallet.page.fill('#export-passphrase', 'short');
  await wallet.page.fill('#export-repeat', 'short');
  await wallet.page.click('#export');
  assert.equal(await fails(wallet.page, 'export-status'), 'Not exported: the passphrase is shorter than 8 characters');
  await wallet.page.fill('#export-passphrase', PASSPHRASE);
  await wallet.page.fill('#export-repeat', PASSPHRASE);
  const [download] = await Promise.all([wallet.page.waitForEvent('download'), wallet.page.click('#export')]);
  assert.equal(await succeeds(wallet.page, 'export-status'),
    `Exported the key of ${before.did} and ${count} credential(s), encrypted with your passphrase.`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const saved = readFileSync(file, 'utf8');
  const secret = await wallet.page.evaluate(() => localStorage.getItem('stele.identity.holderKey'));
  assert.ok(!saved.includes(secret) && !saved.includes('Grace'), 'the key and the claims are encrypted');
  assert.equal(JSON.parse(saved).did, before.did);

  // The browser's storage is lost: a new, empty wallet.
  await wallet.page.evaluate(() => localStorage.clear());
  await wallet.page.goto(`${node.url}/apps/identity/wallet.html`);
  await wallet.page.waitForFunction(() => document.getElementById('holder-key').textContent.startsWith('0x04'));
  assert.notEqual(await text(wallet.page, '#holder-did'), before.did);
  assert.equal(await wallet.page.$$eval('.credential', (l) => l.length), 0);
  // The new wallet gets a credential of its own before the holder finds the backup.
  assert.ok((await paste(cliCredential(await holder(), { name: 'New Key', birthDate: '1970-01-01', ageOver18: true }))).ok);

  await wallet.page.setInputFiles('#import-file', file);
  await wallet.page.fill('#import-passphrase', 'a long walk on the beach');
  await wallet.page.click('#import');
  assert.equal(await fails(wallet.page, 'import-status', 'identity-wallet-import-refused'),
    'Not imported: wrong passphrase (or the file was altered): nothing was imported');
  assert.notEqual(await text(wallet.page, '#holder-did'), before.did);
  await wallet.page.fill('#import-passphrase', PASSPHRASE);
  await wallet.page.click('#import');
  assert.equal(await fails(wallet.page, 'import-status'), 'Not imported: this wallet holds 1 credential(s) under another'
    + ' key: export them first, then tick "Replace" to import');
  await wallet.page.check('#import-replace');
  await wallet.page.fill('#import-passphrase', PASSPHRASE);
  await wallet.page.click('#import');
  assert.equal(await succeeds(wallet.page, 'import-status'), `Imported ${before.did} with ${count} credential(s).`);
  assert.deepEqual(await holder(), before);
  assert.deepEqual((await validities()).map(([state]) => state), ['valid', 'invalid', 'invalid']);
  await screenshot(wallet.page, 'identity-wallet-imported');

  // The restored key answers a verifier's challenge with the restored credential.
  const verifier = await open('verifier.html');
  await verifier.page.waitForSelector('#qr svg');
  const back = await answer(verifier.page, ['ageOver18'], 'Grace Hopper');
  assert.equal(await verdictOf(verifier.page, back), 'Accepted: a verified person, over 18');
  assert.deepEqual(verifier.problems, []);
  assert.deepEqual(wallet.problems, []);
});

// Last, since it stops the node: the wallet's own checks need the node (the issuer's DID, the status lists, the trust
// registry), and a check that cannot run is neither a refusal of the credential nor a pass.
test('with its node out of reach the wallet keeps nothing it could not check, and shows what it holds as not checked rather than not valid', async () => {
  const h = await holder();
  const genuine = cliCredential(h, { name: 'Out Of Reach', birthDate: '1975-05-05', ageOver18: true });
  const held = () => wallet.page.evaluate(() => localStorage.getItem('stele.identity.credentials'));
  const before = await held();
  assert.deepEqual((await validities()).map(([state]) => state), ['valid', 'invalid', 'invalid']);
  const seen = wallet.problems.length;
  await node.stop();

  const refused = await paste(genuine, 'identity-wallet-not-checked');
  assert.ok(!refused.ok);
  const unreachable = `the node at ${new URL(node.url).host} cannot be reached (it has stopped or the network is down): check that it runs, then try again`;
  assert.equal(refused.said, `not kept: it could not be checked (not checked: ${unreachable})`);
  assert.equal(await held(), before, 'nothing was kept');

  // Removing the last card draws the others again, each checked anew: none can be, and none is called not valid.
  await wallet.page.click('.credential:nth-of-type(3) button.secondary');
  const states = await validities();
  assert.deepEqual(states, [['unchecked', `Not checked now: ${unreachable}`], ['unchecked', `Not checked now: ${unreachable}`]]);
  assert.equal(JSON.parse(await held()).length, 2);
  await wallet.page.click('.credential:nth-of-type(1) details summary');
  assert.equal(await text(wallet.page, '.credential:nth-of-type(1) .checks li.fail'), `not checked: ${unreachable}`);
  await screenshot(wallet.page, 'identity-wallet-not-checked-cards');
  // What went wrong on the page is only the node refusing connections, nothing of the page's own.
  const after = wallet.problems.slice(seen);
  assert.ok(after.length > 0);
  for (const p of after) assert.match(p, /ERR_CONNECTION_REFUSED/, after.join('\n'));
});
