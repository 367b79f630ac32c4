// /apps/identity/, the verified-person flow (issue 20, item 7) on a fresh dev chain, each party in its own browser
// context (its own storage): the operator admits dev account 1 as an issuer of VerifiedPerson with the CLI (stele gov
// grant, stele vc trust); the issuer page authorises its browser key as the DID's veriKey delegate and issues an
// SD-JWT VC to the wallet's key, which `stele vc verify` accepts; the wallet presents only ageOver18 to the verifier's
// challenge and the verifier accepts without seeing the name or birth date; a credential issued by `stele vc issue
// --format sd-jwt` is accepted by the wallet and the verifier too, and tampered presentations of it are refused;
// revoking on the issuer page turns the open verifier's verdict to refused at once, and a new presentation is refused;
// with the node stopped, the verifier says a presentation was not checked (rather than refused).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, screenshot, startDevNode } from '../harness.js';
import { admitIssuers, answer as answerFrom, didOf, identityPages, ISSUER, steleCli, succeeds, text, TYPE, verdictOf } from '../identity.js';

let node;
let browser;
let dir;
let issuerDid;
let pages;
let stele;
let ok;
const open = (path) => pages.open(path);

let wallet;
let verifier;
let issuerPage;
let pageCredential;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  pages = identityPages(browser, node.url);
  ({ run: stele, ok } = steleCli(node.url));
  dir = mkdtempSync(join(tmpdir(), 'stele-identity-pages-'));
  issuerDid = await didOf(node.url, ISSUER.address);
  // The committee makes account 0 an operator, which gives VerifiedPerson a schema and admits the issuer.
  await admitIssuers(node.url, dir, [ISSUER.address]);
});

after(async () => {
  await pages?.close();
  await browser?.close();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the issuer page issues a VerifiedPerson to the wallet\'s key, signed by its delegate key, and stele vc verify accepts it', async () => {
  wallet = await open('wallet.html');
  await wallet.page.waitForFunction(() => document.getElementById('holder-key').textContent.startsWith('0x04'));
  const holderKey = await text(wallet.page, '#holder-key');
  const holderDid = await text(wallet.page, '#holder-did');

  issuerPage = await open(`issuer.html?issuer=${ISSUER.address}`);
  const { page } = issuerPage;
  await page.waitForFunction(() => document.getElementById('issuer-trust').className === 'ok');
  assert.equal(await text(page, '#issuer-did'), issuerDid);
  assert.equal(await text(page, '#key-delegate'), 'not yet');
  await page.click('#authorise');
  await succeeds(page, 'key-status');
  assert.match(await text(page, '#key-delegate'), /^yes/);

  await page.fill('#holder-key', holderKey);
  await page.fill('#name', 'Ada Lovelace');
  await page.fill('#birth-date', '1990-12-10');
  const photo = Buffer.from('a photo taken at the counter, never uploaded');
  await page.setInputFiles('#photo', { name: 'ada.jpg', mimeType: 'image/jpeg', buffer: photo });
  const { createHash } = await import('node:crypto');
  const photoHash = `sha-256:${createHash('sha256').update(photo).digest('hex')}`;
  await page.waitForFunction((h) => document.getElementById('photo-hash').textContent === h, photoHash);
  await page.check('#checked');
  await page.click('#issue-form button[type=submit]');
  const said = await succeeds(page, 'issue-status');
  assert.match(said, new RegExp(`^Issued VerifiedPerson to ${holderDid}, status index 0`));
  pageCredential = await page.inputValue('#issued-credential');
  await page.waitForSelector('#issued tbody tr[data-index="0"]');
  await screenshot(page, 'identity-issuer');

  const verified = stele('vc', 'verify', pageCredential);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, new RegExp(`^valid: ${TYPE} issued by ${issuerDid}`));
  for (const claim of ['"name":"Ada Lovelace"', '"birthDate":"1990-12-10"', '"ageOver18":true', photoHash])
    assert.ok(verified.stdout.includes(claim), `${claim} in ${verified.stdout}`);

  // The holder opens the issuer's link: the wallet keeps the credential.
  await wallet.page.goto(await page.$eval('#issued-link', (a) => a.href));
  await succeeds(wallet.page, 'paste-status');
  await wallet.page.waitForSelector('.credential[data-vct="VerifiedPerson"]');
  assert.match(await text(wallet.page, '#credentials'), /Ada Lovelace/);
  await screenshot(wallet.page, 'identity-wallet');
  assert.deepEqual(issuerPage.problems, []);
});

/** The wallet answers the verifier's current challenge with the claims ticked; the presentation and its return link. */
const answer = (verifierPage, claims, credentialText) => answerFrom(wallet.page, verifierPage, claims, credentialText);

test('the wallet shows only ageOver18 to the verifier\'s challenge, and the verifier accepts a verified person over 18', async () => {
  verifier = await open('verifier.html');
  const { page } = verifier;
  await page.waitForSelector('#qr svg');
  const link = await page.$eval('#challenge-link', (a) => a.href);
  assert.ok(link.includes('/apps/identity/wallet.html#n='), link);

  await wallet.page.goto(link);
  await wallet.page.waitForSelector('#request:not([hidden]) fieldset');
  // What the verifier asked for is ticked, nothing else.
  const ticked = await wallet.page.$$eval('#request input[name=disclose]', (ts) => ts.map((t) => [t.value, t.checked]));
  assert.deepEqual(Object.fromEntries(ticked), { name: false, birthDate: false, ageOver18: true, photoHash: false });
  await screenshot(wallet.page, 'identity-wallet-challenge');
  const { presentation, back } = await answer(page, ['ageOver18'], 'Ada Lovelace');
  assert.equal(presentation.split('~').length, 3, 'the issuer JWT, one disclosure, the KB-JWT');

  // The Java verifier accepts the page-made presentation for the same challenge.
  const nonce = new URLSearchParams(new URL(link).hash.slice(1)).get('n');
  const java = stele('vc', 'verify', presentation, '--nonce', nonce, '--aud', `${node.url}/apps/identity/verifier.html`);
  assert.equal(java.status, 0, java.stderr);
  assert.ok(!java.stdout.includes('Ada'), java.stdout);

  assert.equal(await verdictOf(page, back), 'Accepted: a verified person, over 18');
  assert.equal(await page.$$eval('#checks li.ok', (l) => l.length), 6);
  assert.deepEqual(await page.$$eval('#disclosed dt', (l) => l.map((e) => e.textContent)), ['ageOver18']);
  assert.equal(await text(page, '#disclosed dd'), 'true');
  const everything = await page.evaluate(() => document.body.innerText + JSON.stringify(localStorage));
  for (const secret of ['Ada', 'Lovelace', '1990', 'sha-256:']) assert.ok(!everything.includes(secret), secret);
  await page.waitForFunction(() => document.getElementById('live').textContent.startsWith('Watching'));
  await screenshot(page, 'identity-verifier-accepted');

  // The same answer again is refused: a challenge is good for one accepted answer.
  assert.equal(await verdictOf(page, back), 'Refused: holder binding');
  assert.match(await text(page, '#checks'), /not an answer to an open challenge/);
  // Accepted again for a fresh challenge, so that the page is left open watching.
  const again = await answer(page, ['ageOver18'], 'Ada Lovelace');
  assert.equal(await verdictOf(page, again.back), 'Accepted: a verified person, over 18');
  await page.waitForFunction(() => document.getElementById('live').textContent.startsWith('Watching'));
});

test('a credential stele vc issue wrote is kept by the wallet and accepted by the verifier; tampered presentations are refused', async () => {
  const holderKey = await text(wallet.page, '#holder-key');
  const holderDid = await text(wallet.page, '#holder-did');
  const credential = ok('vc', 'issue', '--format', 'sd-jwt', '--key-file', join(dir, 'issuer.key'), '--subject', holderDid,
    '--holder-key', holderKey, '--type', TYPE, '--status', '--expires', 'P30D',
    '--claims', JSON.stringify({ name: 'Grace Hopper', birthDate: '1986-12-09', ageOver18: true, photoHash: `sha-256:${'0'.repeat(64)}` }));
  await wallet.page.fill('#paste', credential);
  await wallet.page.click('#paste-use');
  await succeeds(wallet.page, 'paste-status');
  assert.match(await text(wallet.page, '#credentials'), /Grace Hopper/);

  const other = await open('verifier.html');
  const { page } = other;
  await page.waitForSelector('#qr svg');
  const { presentation } = await answer(page, ['ageOver18'], 'Grace Hopper');
  const refused = async (tampered, reason, shot) => {
    await page.fill('#paste', tampered);
    await page.click('#paste-check');
    await page.waitForFunction(() => document.getElementById('verdict').textContent !== '');
    const verdict = await text(page, '#verdict');
    if (shot) await screenshot(page, shot);
    await page.$eval('#verdict', (e) => { e.textContent = ''; });
    assert.equal(verdict, `Refused: ${reason}`, await text(page, '#checks'));
  };
  const [jwt, disclosure, kb] = presentation.split('~');
  // A disclosure the issuer never signed (a made-up birth date) slipped in.
  const forged = Buffer.from(JSON.stringify(['c2FsdHNhbHRzYWx0c2FsdA', 'birthDate', '2001-01-01'])).toString('base64url');
  await refused(`${jwt}~${disclosure}~${forged}~${kb}`, 'malformed', 'identity-verifier-tampered');
  // The issuer's payload edited (a later expiry): the issuer's signature no longer holds.
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  payload.exp += 86400 * 365;
  await refused(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}~${disclosure}~${kb}`, 'signature');
  // The ageOver18 disclosure dropped after the holder signed: sd_hash no longer matches.
  await refused(`${jwt}~${kb}`, 'holder binding');
  // The genuine answer is still accepted: a refused answer does not use up the challenge.
  await page.fill('#paste', presentation);
  await page.click('#paste-check');
  await page.waitForFunction(() => document.getElementById('verdict').textContent === 'Accepted: a verified person, over 18');
  assert.deepEqual(await page.$$eval('#disclosed dt', (l) => l.map((e) => e.textContent)), ['ageOver18']);
  assert.deepEqual(other.problems, []);
});

test('revoking on the issuer page turns the open verifier\'s verdict at once, and the revoked credential is refused after', async () => {
  const { page } = issuerPage;
  await page.click('#issued tbody tr[data-index="0"] button[data-revoke]');
  await succeeds(page, 'revoke-status');
  await page.waitForFunction(() => document.querySelector('#issued tbody tr[data-index="0"] td:nth-child(4)').textContent === 'revoked');
  await screenshot(page, 'identity-issuer-revoked');

  // The verifier left open hears the StatusChanged event and checks again.
  await verifier.page.waitForFunction(() => document.getElementById('verdict').textContent === 'Refused now: revoked',
    undefined, { timeout: 15_000 });
  assert.match(await text(verifier.page, '#checks'), /revocation bit 0 of .* is set on chain/);
  await screenshot(verifier.page, 'identity-verifier-revoked');

  const { back } = await answer(verifier.page, ['ageOver18'], 'Ada Lovelace');
  assert.equal(await verdictOf(verifier.page, back), 'Refused: revoked');
  const java = stele('vc', 'verify', pageCredential);
  assert.equal(java.status, 1);
  assert.match(java.stderr, /^stele vc verify: revoked: /);
  assert.deepEqual(verifier.problems, []);
  assert.deepEqual(wallet.problems, []);
});

test('with the node stopped, the verifier says a presentation was not checked, not that it was refused', async () => {
  const other = await open('verifier.html');
  const { page } = other;
  await page.waitForSelector('#qr svg');
  const { presentation } = await answer(page, ['ageOver18'], 'Grace Hopper');
  await node.stop();
  await page.fill('#paste', presentation);
  await page.click('#paste-check');
  await page.waitForFunction(() => document.getElementById('verdict').textContent !== '');
  const host = new URL(node.url).host;
  const unreachable = `the node at ${host} cannot be reached (it has stopped or the network is down): check that it runs, then try again`;
  assert.equal(await text(page, '#verdict'), `Not checked: ${unreachable}`);
  assert.equal(await page.$eval('#verdict', (e) => e.className), 'verdict unchecked');
  assert.match(await text(page, '#checks'), /well-formed SD-JWT VC/);
  assert.deepEqual(await page.$$eval('#disclosed dt', (l) => l.length), 0);
  await screenshot(page, 'identity-verifier-unreachable');
  assert.deepEqual(other.problems.filter((p) => !/ERR_CONNECTION_REFUSED|ERR_FAILED|net::|request failed/.test(p)), []);
});
