// When the node that served a page stops answering, the page says so in words a user can act on (which node, what to
// do) instead of the browser's own "Failed to fetch", and what the user typed stays in the form. The points wallet's
// relay is cut first (the node up, only points_relay aborted: the transfer's fate is unknown, so the page says to check
// the history before sending again); then the node is stopped under the open wallet, notary, charity and explorer pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';
import { settled, submit } from '../status.js';

const NOTARY = JSON.parse(readFileSync(join(root,
  'apps/notary/src/main/resources/org/stele/apps/notary/contracts/Notary.json'), 'utf8'));
const CHARITY = JSON.parse(readFileSync(join(root,
  'apps/charity/src/main/resources/org/stele/apps/charity/contracts/Charity.json'), 'utf8'));
const FRIEND = '0x90f79bf6eb2c4f870365e785982e1f101e93b906';

let node;
let host;
let browser;
let wallet;
let notary;
let explorer;
let charity;

before(async () => {
  node = await startDevNode();
  host = new URL(node.url).host;
  browser = await launchBrowser();
  const accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
  const stele = (...args) => execFileSync(join(root, 'stele'), ['points', ...args, '--rpc', node.url],
    { encoding: 'utf8' }).trim();
  const token = stele('deploy', '--from', accounts[0], '--name', 'Paw Points', '--symbol', 'PAW', '--cap', '1000');
  stele('issue', '--token', token, '--from', accounts[0], '--to', accounts[3], '--amount', '50');
  const deploy = await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], data: NOTARY.bytecode,
    gas: '0x4c4b40' }]);
  const notaryAddress = (await receipt(node.url, deploy)).contractAddress.toLowerCase();

  wallet = await openPage(browser, `${node.url}/apps/points/index.html?token=${token}&account=${accounts[3]}`);
  await wallet.page.waitForFunction(() => document.getElementById('balance').textContent === '50');
  notary = await openPage(browser, `${node.url}/apps/notary/index.html?notary=${notaryAddress}`);
  await notary.page.waitForSelector('#from option', { state: 'attached' });
  explorer = await openPage(browser, `${node.url}/explorer/`);
  const charityDeploy = await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], data: CHARITY.bytecode,
    gas: '0x4c4b40' }]);
  const charityAddress = (await receipt(node.url, charityDeploy)).contractAddress.toLowerCase();
  charity = await openPage(browser, `${node.url}/apps/charity/index.html?charity=${charityAddress}`);
  await charity.page.waitForSelector('#manage:not([hidden])');
  for (const { page } of [wallet, notary, explorer, charity]) await page.waitForLoadState('networkidle');
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

/** What a page reported apart from the requests that failed because the node was gone (those are the point). */
const unexpected = (problems) => problems.filter((p) => !/ERR_CONNECTION_REFUSED|ERR_FAILED|net::|request failed/.test(p));

function assertClear(text) {
  assert.doesNotMatch(text, /Failed to fetch|NetworkError|TypeError/);
  assert.match(text, new RegExp(`the node at ${host.replace(/\./g, '\\.')}`, 'i'));
}

test('a relay that gets no answer says the transfer may have gone through and keeps the form filled', async () => {
  const { page } = wallet;
  await page.route('**/', (route) => (route.request().postData()?.includes('"points_relay"')
    ? route.abort('connectionrefused') : route.continue()));
  await page.fill('#send-to', FRIEND);
  await page.fill('#send-amount', '7');
  const [kind, text] = await submit(page, '#send-form button', 'send-status');
  assert.equal(kind, 'fail');
  assertClear(text);
  assert.match(text, /may have gone through/);
  assert.match(text, /history before sending again/);
  assert.equal(await page.inputValue('#send-to'), FRIEND);
  assert.equal(await page.inputValue('#send-amount'), '7');
  await page.unroute('**/');
  await screenshot(page, 'unreachable-points-relay');
});

test('with the node stopped, the wallet names the node and what to do, and keeps what was typed', async () => {
  await node.stop();
  const { page, problems } = wallet;
  await page.fill('#send-amount', '12');
  const [kind, text] = await submit(page, '#send-form button', 'send-status');
  assert.equal(kind, 'fail');
  assertClear(text);
  assert.match(text, /cannot be reached .*check that it runs, then try again/);
  assert.equal(await page.inputValue('#send-to'), FRIEND);
  assert.equal(await page.inputValue('#send-amount'), '12');
  await screenshot(page, 'unreachable-points-wallet');
  assert.deepEqual(unexpected(problems), []);
});

test('with the node stopped, the notary page says the node cannot be reached when a file is stamped', async () => {
  const { page, problems } = notary;
  await page.setInputFiles('#file', { name: 'lease.txt', mimeType: 'text/plain', buffer: Buffer.from('Lease.\n') });
  await settled(page, 'status');
  await page.click('#stamp');
  const [kind, text] = await settled(page, 'status');
  assert.equal(kind, 'fail');
  assertClear(text);
  assert.match(await page.textContent('#files'), /lease\.txt/);
  await screenshot(page, 'unreachable-notary');
  assert.deepEqual(unexpected(problems), []);
});

test('with the node stopped, the charity page says the node cannot be reached and keeps the organisation typed', async () => {
  const { page, problems } = charity;
  await page.click('text=Register an organisation');
  await page.fill('#org-admin', FRIEND);
  await page.fill('#org-name', 'Relief Org');
  const [kind, text] = await submit(page, '#org-form button', 'org-status');
  assert.equal(kind, 'fail');
  assertClear(text);
  assert.match(text, /cannot be reached .*check that it runs, then try again/);
  assert.equal(await page.inputValue('#org-admin'), FRIEND);
  assert.equal(await page.inputValue('#org-name'), 'Relief Org');
  await screenshot(page, 'unreachable-charity');
  assert.deepEqual(unexpected(problems), []);
});

test('with the node stopped, the explorer says the node cannot be reached instead of "the node answered"', async () => {
  const { page, problems } = explorer;
  await page.evaluate(() => { location.hash = '#/block/1'; });
  const why = await page.waitForSelector('main p.fail');
  const text = await why.textContent();
  assertClear(text);
  assert.doesNotMatch(text, /The node answered/);
  await screenshot(page, 'unreachable-explorer');
  assert.deepEqual(unexpected(problems), []);
});
