// /proof/, the receipt checker: a real transfer's stele_getTransactionProof checked in the browser, offline, and
// refused when a seal is changed or the trusted genesis is another chain's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV, launchBrowser, openPage, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';

let node;
let browser;
let proof;
let genesisHash;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  const tx = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: DEV.bob, value: '0xde0b6b3a7640000' }]);
  await receipt(node.url, tx);
  proof = await rpc(node.url, 'stele_getTransactionProof', [tx]);
  genesisHash = (await rpc(node.url, 'eth_getBlockByNumber', ['0x0', false])).hash;
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

async function checkOnPage(doc, trustedGenesis, shot) {
  const { context, page, problems } = await openPage(browser, `${node.url}/proof/`);
  // Offline from here on, once the page has loaded: the checker must need nothing more from the network.
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.fill('#text', JSON.stringify(doc));
  await page.fill('#genesis', trustedGenesis);
  await page.click('#check');
  const verdict = await page.textContent('#verdict');
  const rows = await page.$$eval('#checks tbody tr', (trs) => trs.map((tr) => [tr.dataset.check, tr.cells[2].textContent]));
  const summary = await page.textContent('#summary');
  await screenshot(page, shot);
  await context.close();
  assert.deepEqual(problems, []);
  return { verdict, rows, summary };
}

test('a receipt from the node is valid in the browser with the network cut off', async () => {
  const { verdict, rows, summary } = await checkOnPage(proof, genesisHash, 'proof-valid');
  assert.equal(verdict, 'Valid receipt');
  assert.equal(rows.length, 7);
  assert.ok(rows.every(([, state]) => state === 'passed'), JSON.stringify(rows));
  assert.match(summary, new RegExp(proof.transactionHash));
});

test('a receipt with one byte of a seal changed is refused at the seals check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stele-proof-'));
  writeFileSync(join(dir, 'proof.json'), JSON.stringify(proof));
  execFileSync(process.execPath, [join(root, 'clients/proof-js/bin/tamper-seal.js'), join(dir, 'proof.json'),
    join(dir, 'tampered.json')]);
  const tampered = JSON.parse(readFileSync(join(dir, 'tampered.json'), 'utf8'));
  rmSync(dir, { recursive: true });
  const { verdict, rows } = await checkOnPage(tampered, genesisHash, 'proof-tampered-seal');
  assert.equal(verdict, 'Not a valid receipt');
  assert.deepEqual(rows.find(([, state]) => state === 'failed'), ['seals', 'failed'], JSON.stringify(rows));
});

test('a receipt of another chain than the trusted genesis is refused at the genesis check', async () => {
  const other = `0x${'ab'.repeat(32)}`;
  const { verdict, rows } = await checkOnPage(proof, other, 'proof-other-genesis');
  assert.equal(verdict, 'Not a valid receipt');
  assert.deepEqual(rows[0], ['genesis', 'failed']);
});
