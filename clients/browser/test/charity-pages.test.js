// /apps/charity/, the charity pages, end to end on a fresh dev chain (issue 17, item 8): an organisation starts a
// campaign, two donors give, the admin disburses with evidence, the beneficiary confirms delivery, donor 1's trace shows
// the first-in first-out split, their receipt is downloaded, and the verify page accepts it offline and refuses a copy
// with one byte of a seal changed. Every action goes through the pages, signed by the dev chain's accounts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';
import { submit as submitForm, succeed as succeedForm } from '../status.js';

const CHARITY = JSON.parse(readFileSync(join(root,
  'apps/charity/src/main/resources/org/stele/apps/charity/contracts/Charity.json'), 'utf8'));
const EVIDENCE = 'Invoice 1: medical supplies for Clinic A, 60 coins';

let node;
let browser;
let charity;
let accounts;
let dir;
let receiptFile;
const at = (page, params = '') => `${node.url}/apps/charity/${page}?charity=${charity}${params}`;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'stele-charity-'));
  accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
  const deploy = await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], data: CHARITY.bytecode,
    gas: '0x4c4b40' }]);
  charity = (await receipt(node.url, deploy)).contractAddress.toLowerCase();
});

after(async () => {
  await browser?.close();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const [OPERATOR, ADMIN, DONOR_1, DONOR_2, CLINIC_A, SCHOOL_B] = [0, 1, 2, 3, 4, 5];

/** Submits a form and waits for its status line to settle; answers [class, text]. */
const submit = (page, button, status) => submitForm(page, button, status, 30_000);

/** Submits a form that must succeed. */
const succeed = (page, button, status) => succeedForm(page, button, status, 30_000);

test('an operator registers an organisation and its admin starts a campaign on the list page', async () => {
  const { context, page, problems } = await openPage(browser, at('index.html'));
  await page.waitForSelector('#manage:not([hidden])');
  await page.click('text=Register an organisation');
  await page.selectOption('#org-from', accounts[OPERATOR]);
  await page.fill('#org-admin', accounts[ADMIN]);
  await page.fill('#org-name', 'Relief Org');
  await succeed(page, '#org-form button', 'org-status');

  await page.click('text=Start a campaign');
  await page.selectOption('#campaign-from', accounts[ADMIN]);
  await page.fill('#campaign-title', 'Flood relief');
  await page.fill('#campaign-goal', '150');
  await page.fill('#campaign-beneficiaries', `${accounts[CLINIC_A]} Clinic A\n${accounts[SCHOOL_B]} School B`);
  await succeed(page, '#campaign-form button', 'campaign-status');
  await page.waitForSelector('li[data-campaign="1"]');
  assert.match(await page.textContent('li[data-campaign="1"]'), /Flood relief.*Relief Org.*0 raised of 150/s);

  // A refusal is named by its custom error, and nothing is sent.
  await page.selectOption('#campaign-from', accounts[DONOR_1]);
  const [kind, text] = await submit(page, '#campaign-form button', 'campaign-status');
  assert.equal(kind, 'fail');
  assert.equal(text, `refused: NotOrganisationAdmin(1, ${accounts[DONOR_1]})`);
  await screenshot(page, 'charity-list');
  await context.close();
  assert.deepEqual(problems, []);
});

test('two donors give, the admin disburses with evidence and the beneficiary confirms, on the campaign page', async () => {
  const { context, page, problems } = await openPage(browser, at('campaign.html', '&id=1'));
  await page.waitForSelector('#give-from option', { state: 'attached' });
  for (const [who, amount] of [[DONOR_1, '100'], [DONOR_2, '50']]) {
    await page.selectOption('#give-from', accounts[who]);
    await page.fill('#give-amount', amount);
    await succeed(page, '#give-form button', 'give-status');
  }
  assert.match(await page.textContent('#progress-label'), /^150 raised of 150 \(100%\)/);
  assert.equal(await page.$$eval('#donations tbody tr', (rows) => rows.length), 2);

  await page.click('text=Disburse (organisation admin)');
  await page.selectOption('#disburse-from', accounts[ADMIN]);
  await page.selectOption('#disburse-to', accounts[CLINIC_A]);
  await page.fill('#disburse-amount', '60');
  await page.setInputFiles('#disburse-file', { name: 'invoice-1.txt', mimeType: 'text/plain',
    buffer: Buffer.from(EVIDENCE) });
  const sha = `0x${createHash('sha256').update(EVIDENCE).digest('hex')}`;
  await page.waitForFunction((h) => document.getElementById('disburse-hash').value === h, sha);
  await page.fill('#disburse-uri', 'https://relief.example/invoice-1.txt');
  await succeed(page, '#disburse-form button', 'disburse-status');
  await page.selectOption('#disburse-to', accounts[SCHOOL_B]);
  await page.fill('#disburse-amount', '70');
  await page.fill('#disburse-hash', `0x${'ab'.repeat(32)}`);
  await page.fill('#disburse-uri', 'https://relief.example/invoice-2.txt');
  await succeed(page, '#disburse-form button', 'disburse-status');

  await page.waitForSelector('#confirm-form:not([hidden])');
  await page.selectOption('#confirm-from', accounts[CLINIC_A]);
  await page.selectOption('#confirm-which', '1');
  await succeed(page, '#confirm-form button', 'confirm-status');
  const rows = await page.$$eval('#disbursements tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].slice(0, 3), ['1', 'Clinic A', '60']);
  assert.ok(rows[0][3].includes(sha), rows[0][3]);
  assert.match(rows[0][4], /^confirmed by Clinic A in block \d+/);
  assert.equal(rows[1][4], 'not yet confirmed');
  await screenshot(page, 'charity-campaign');
  await context.close();
  assert.deepEqual(problems, []);
});

test('donor 1 sees the first-in first-out split and downloads the receipt', async () => {
  const { context, page, problems } = await openPage(browser, at('track.html'), { width: 390, height: 844 });
  await page.fill('#who', accounts[DONOR_1]);
  await page.click('#track-form button');
  await page.waitForSelector('.trace .sentence');
  assert.match(await page.textContent('.trace .sentence'),
    /^Your 100: 60 delivered to Clinic A \(confirmed by Clinic A on \d{4}-\d\d-\d\d \d\d:\d\d UTC\), 40 pending for School B\.$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the donation receipt')]);
  receiptFile = join(dir, 'receipt.json');
  await download.saveAs(receiptFile);
  const proof = JSON.parse(readFileSync(receiptFile, 'utf8'));
  assert.equal(proof.format, 'stele-proof/1');
  const donated = await page.$eval('.trace .transaction', (e) => e.textContent);
  assert.equal(proof.transactionHash, donated);
  await screenshot(page, 'charity-track-phone');
  await context.close();
  assert.deepEqual(problems, []);
});

async function verifyOffline(file, shot) {
  const { context, page, problems } = await openPage(browser, `${node.url}/apps/charity/verify.html`);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#result:not([hidden])');
  const verdict = await page.textContent('#verdict');
  const proves = await page.$$eval('#proves li', (lis) => lis.map((li) => li.textContent));
  const failed = await page.$$eval('#checks tbody tr', (trs) => trs.filter((tr) => tr.cells[2].textContent === 'failed')
    .map((tr) => tr.dataset.check));
  await screenshot(page, shot);
  await context.close();
  assert.deepEqual(problems, []);
  return { verdict, proves, failed };
}

test('the verify page accepts the downloaded receipt offline and says what it records', async () => {
  const { verdict, proves, failed } = await verifyOffline(receiptFile, 'charity-verify-valid');
  assert.equal(verdict, 'Valid receipt');
  assert.deepEqual(failed, []);
  assert.deepEqual(proves, [`A donation (#1) of 100 by ${accounts[DONOR_1]} to campaign 1; recorded by contract ${charity}.`]);
});

test('the verify page refuses a copy of the receipt with one byte of a seal changed', async () => {
  const tampered = join(dir, 'tampered.json');
  execFileSync(process.execPath, [join(root, 'clients/proof-js/bin/tamper-seal.js'), receiptFile, tampered]);
  const { verdict, proves, failed } = await verifyOffline(tampered, 'charity-verify-tampered');
  assert.equal(verdict, 'Not a valid receipt');
  assert.deepEqual(failed, ['seals']);
  assert.deepEqual(proves, []);
});
