// /apps/notary/, the notary pages, end to end on a fresh dev chain (issue 18, item 5): a file is hashed in the browser
// and stamped, its proof downloaded and verified offline on the verify page, and a copy with one edited byte refused;
// a batch of three is stamped with SM3 and one file's proof verifies both on the page and with `stele notary verify`
// (the Java verifier, so the page's SM3 and Merkle tree and the SDK's agree); a 2-of-3 signing flow completes and its
// proof names who signed and who is awaited. Every action goes through the pages, signed by the dev chain's accounts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';
import { download, ok } from '../status.js';

const NOTARY = JSON.parse(readFileSync(join(root,
  'apps/notary/src/main/resources/org/stele/apps/notary/contracts/Notary.json'), 'utf8'));
const CONTRACT = Buffer.from('Lease agreement between A and B.\nRent: 1000 per month.\n');
const sha256 = (b) => `0x${createHash('sha256').update(b).digest('hex')}`;

let node;
let browser;
let notary;
let accounts;
let dir;
const at = (page, params = '') => `${node.url}/apps/notary/${page}?notary=${notary}${params}`;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'stele-notary-'));
  accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
  const deploy = await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], data: NOTARY.bytecode,
    gas: '0x4c4b40' }]);
  notary = (await receipt(node.url, deploy)).contractAddress.toLowerCase();
});

after(async () => {
  await browser?.close();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Verifies a document and its proof on the verify page with the network cut; answers [verdict, summary]. */
async function verifyOffline(page, context, name, bytes, proofPath) {
  // Everything the page loads (the icon, the genesis hint) is in before the network goes.
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: bytes });
  await page.setInputFiles('#proof-file', proofPath);
  await page.evaluate(() => { document.getElementById('verdict').textContent = ''; });
  await page.click('#verify');
  await page.waitForFunction(() => document.getElementById('verdict').textContent !== '', null, { timeout: 30_000 });
  return [await page.textContent('#verdict'), await page.textContent('#summary')];
}

test('a file hashed in the browser is stamped, its proof verifies offline, and one edited byte does not', async () => {
  const { context, page, problems } = await openPage(browser, at('index.html'));
  await page.setInputFiles('#file', { name: 'lease.txt', mimeType: 'text/plain', buffer: CONTRACT });
  await ok(page, 'status');
  assert.equal(await page.getAttribute('#files li', 'data-hash'), sha256(CONTRACT));
  await page.click('#stamp');
  assert.match(await ok(page, 'status'), /^Stamped in block \d+/);
  const proofPath = join(dir, 'lease.txt.notary.json');
  const proof = await download(page, '.proof-link', proofPath);
  assert.equal(proof.format, 'stele-notary/1');
  assert.equal(proof.documentHash, sha256(CONTRACT));
  await page.click('#check');
  assert.match(await ok(page, 'status'), /^lease\.txt was stamped on .* by 0x/);
  await screenshot(page, 'notary-stamp');
  await context.close();

  const v = await openPage(browser, `${node.url}/apps/notary/verify.html`);
  const [verdict, summary] = await verifyOffline(v.page, v.context, 'lease.txt', CONTRACT, proofPath);
  assert.equal(verdict, 'Verified', summary);
  assert.match(summary, new RegExp(`stamped on .* by ${accounts[0]}, in Notary contract ${notary}`));
  await screenshot(v.page, 'notary-verified');

  const edited = Buffer.from(CONTRACT);
  edited[7] ^= 0x01;
  const [badVerdict, badSummary] = await verifyOffline(v.page, v.context, 'lease.txt', edited, proofPath);
  assert.equal(badVerdict, 'Not verified');
  assert.match(badSummary, /^the file's sha-256 hash is 0x[0-9a-f]{64}, the proof is of /);
  assert.equal(await v.page.textContent('tr[data-check="document-hash"] td:last-child'), 'failed');
  await screenshot(v.page, 'notary-edited-byte');
  await v.context.close();
  assert.deepEqual(problems, []);
  assert.deepEqual(v.problems, []);
});

test('an SM3 batch stamped in the browser gives each file a proof that the page and stele notary verify accept', async () => {
  const { context, page, problems } = await openPage(browser, at('index.html'), { width: 390, height: 844 });
  await page.selectOption('#algorithm', 'sm3');
  const files = [0, 1, 2].map((i) => ({ name: `invoice-${i}.txt`, mimeType: 'text/plain',
    buffer: Buffer.from(`Invoice ${i}: ${100 * (i + 1)} coins\n`) }));
  await page.setInputFiles('#file', files);
  await ok(page, 'status');
  assert.equal(await page.textContent('#stamp'), 'Stamp 3 files as a batch');
  await page.click('#stamp');
  await ok(page, 'status');
  const proofPath = join(dir, 'invoice-2.txt.notary.json');
  const proof = await download(page, '#proof-list li:nth-child(3) .proof-link', proofPath);
  assert.equal(proof.anchor.kind, 'batch');
  assert.equal(proof.algorithm, 'sm3');
  assert.equal(proof.anchor.size, 3);
  await screenshot(page, 'notary-batch-phone');
  await context.close();

  const v = await openPage(browser, `${node.url}/apps/notary/verify.html`);
  const [verdict, summary] = await verifyOffline(v.page, v.context, 'invoice-2.txt', files[2].buffer, proofPath);
  assert.equal(verdict, 'Verified', summary);
  assert.match(summary, /as document 3 of a batch of 3/);
  await v.context.close();

  const file = join(dir, 'invoice-2.txt');
  writeFileSync(file, files[2].buffer);
  const java = execFileSync(join(root, 'stele'), ['notary', 'verify', file, proofPath], { encoding: 'utf8' });
  assert.match(java, /^VERIFIED: invoice-2\.txt \(sm3 0x[0-9a-f]{64}\) was stamped on .* as document 3 of a batch of 3/);
  assert.deepEqual(problems, []);
  assert.deepEqual(v.problems, []);
});

test('a 2-of-3 signing flow completes in the pages and its proof names who signed and who is awaited', async () => {
  const { context, page, problems } = await openPage(browser, at('sign.html'));
  const lease = Buffer.from('Lease, version 2: three landlords, two signatures.\n');
  const [p1, p2, p3] = [accounts[1], accounts[2], accounts[3]];
  await page.setInputFiles('#file', { name: 'lease-v2.txt', mimeType: 'text/plain', buffer: lease });
  await page.waitForFunction(() => !document.getElementById('create').disabled);
  await page.fill('#parties', [p1, p2, p3].join('\n'));
  await page.fill('#threshold', '2');
  await page.selectOption('#creator', accounts[0]);
  await page.click('#create');
  assert.equal(await ok(page, 'create-status'), 'Asked 3 parties to sign; 2 needed.');
  await page.waitForSelector(`#parties-list li[data-party="${p3}"]`);
  assert.equal(await page.textContent('#state'), 'Awaiting signatures');
  assert.equal(await page.locator('#parties-list li[data-state="awaited"]').count(), 3);

  for (const signer of [p1, p3]) {
    await page.selectOption('#signer', signer);
    await page.click('#sign');
    assert.equal(await ok(page, 'sign-status'), `Signed as ${signer}.`);
  }
  await page.waitForFunction(() => document.getElementById('state').textContent === 'Signed');
  assert.equal(await page.getAttribute(`#parties-list li[data-party="${p1}"]`, 'data-state'), 'signed');
  assert.equal(await page.getAttribute(`#parties-list li[data-party="${p2}"]`, 'data-state'), 'awaited');
  assert.equal(await page.getAttribute(`#parties-list li[data-party="${p3}"]`, 'data-state'), 'signed');
  assert.match(await page.textContent('#summary'), /^2 of 2 needed signatures from 3 parties/);
  await page.click('#proof');
  await ok(page, 'sign-status');
  const proofPath = join(dir, 'lease-v2.notary.json');
  const proof = await download(page, '#download', proofPath);
  assert.equal(proof.signatureProofs.length, 2);
  await screenshot(page, 'notary-signing');
  await context.close();

  const v = await openPage(browser, `${node.url}/apps/notary/verify.html`);
  const [verdict, summary] = await verifyOffline(v.page, v.context, 'lease-v2.txt', lease, proofPath);
  assert.equal(verdict, 'Verified', summary);
  assert.match(summary, /Signatures: 2 of the 2 needed from 3 parties \(complete\)/);
  assert.deepEqual(await v.page.$$eval('#signatures li', (l) => l.map((e) => e.dataset.state)),
    ['signed', 'awaited', 'signed']);
  await screenshot(v.page, 'notary-signed-verified');
  await v.context.close();
  assert.deepEqual(problems, []);
  assert.deepEqual(v.problems, []);
});
