// /apps/points/, the points pages, end to end on a fresh dev chain whose node runs the points relayer (points_relay,
// same origin as the pages; issue 18, item 8): the issuer dashboard issues points, the wallet sends some gas-free (the holder signs a
// ForwardRequest with eth_signTypedData_v4, the relayer pays), the merchant page redeems some, and the dashboard,
// left open, follows: its chart's issued, redeemed and outstanding lines end at 100, 20 and 80.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, openPage, root, rpc, screenshot, startDevNode } from '../harness.js';
import { submit, succeed } from '../status.js';

const [ISSUER, MERCHANT, HOLDER, FRIEND] = [0, 2, 3, 4];

let node;
let browser;
let token;
let accounts;
let operator;
let dashboard;
const stele = (...args) => execFileSync(join(root, 'stele'), ['points', ...args, '--rpc', node.url], { encoding: 'utf8' }).trim();
const at = (page, params = '') => `${node.url}/apps/points/${page}?token=${token}${params}`;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
  token = stele('deploy', '--from', accounts[ISSUER], '--name', 'Paw Points', '--symbol', 'PAW', '--cap', '1000');
  stele('grant', '--token', token, '--from', accounts[ISSUER], '--role', 'merchant', '--account', accounts[MERCHANT]);
  operator = (await rpc(node.url, 'points_relayerConfig', [token])).operator.toLowerCase();
  assert.equal(operator, accounts.at(-1));
});

after(async () => {
  await dashboard?.context.close();
  await browser?.close();
  await node?.stop();
});

const last = (page, series) => page.$eval(`#chart path[data-series="${series}"]`, (p) => p.dataset.last);

test('the issuer issues 100 points from the dashboard and its totals and chart show them', async () => {
  dashboard = await openPage(browser, at('issuer.html'));
  const { page } = dashboard;
  await page.waitForSelector('#issuer option', { state: 'attached' });
  await page.selectOption('#issuer', accounts[ISSUER]);
  await page.fill('#issue-to', accounts[HOLDER]);
  await page.fill('#issue-amount', '100');
  await page.fill('#issue-ref', 'adoption #12');
  await succeed(page, '#issue-form button', 'issue-status');
  await page.waitForFunction(() => document.querySelector('#chart path[data-series="issued"]')?.dataset.last === '100');
  assert.equal(await page.textContent('#total-outstanding'), '100outstanding');

  // Beyond the cap the token refuses, and the page names its error.
  await page.fill('#issue-amount', '901');
  const [kind, text] = await submit(page, '#issue-form button', 'issue-status');
  assert.equal(kind, 'fail');
  assert.equal(text, `refused: IssuerCapExceeded(${accounts[ISSUER]}, 1000, 100, 901)`);
  await screenshot(page, 'points-dashboard-issued');
});

test('the holder sends 30 points gas-free from the wallet, and receives by QR code', async () => {
  const { context, page, problems } = await openPage(browser, at('index.html', `&account=${accounts[HOLDER]}`));
  await page.waitForFunction(() => document.getElementById('balance').textContent === '100');
  assert.equal(await page.textContent('#receive-address'), accounts[HOLDER]);
  assert.ok(await page.$('#qr svg path'));
  const coinBefore = await rpc(node.url, 'eth_getBalance', [accounts[HOLDER], 'latest']);
  const operatorBefore = BigInt(await rpc(node.url, 'eth_getBalance', [operator, 'latest']));

  await page.fill('#send-to', accounts[FRIEND]);
  await page.fill('#send-amount', '30');
  assert.match(await succeed(page, '#send-form button', 'send-status'), /^Sent 30 points, gas-free, in block \d+/);
  await page.waitForFunction(() => document.getElementById('balance').textContent === '70');
  assert.equal(await rpc(node.url, 'eth_getBalance', [accounts[HOLDER], 'latest']), coinBefore);
  assert.ok(BigInt(await rpc(node.url, 'eth_getBalance', [operator, 'latest'])) < operatorBefore);
  assert.equal(stele('balance', '--token', token, accounts[FRIEND]), '30');
  const rows = await page.$$eval('#history tbody tr', (trs) => trs.map((tr) => tr.cells[1].textContent + ' ' + tr.cells[2].textContent));
  assert.deepEqual(rows, [`sent to ${accounts[FRIEND].slice(0, 8)}…${accounts[FRIEND].slice(-6)} −30`,
    `issued by ${accounts[ISSUER].slice(0, 8)}…${accounts[ISSUER].slice(-6)} for “adoption #12” +100`]);

  // What would revert is refused by the relayer, naming the token's error; nothing is sent.
  await page.fill('#send-amount', '71');
  const [kind, text] = await submit(page, '#send-form button', 'send-status');
  assert.equal(kind, 'fail');
  assert.equal(text, `refused: the token would refuse it: ERC20InsufficientBalance(${accounts[HOLDER]}, 70, 71)`);
  await screenshot(page, 'points-wallet');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a customer redeems 20 points at the merchant and the open dashboard follows', async () => {
  const { context, page, problems } = await openPage(browser, at('merchant.html',
    `&merchant=${accounts[MERCHANT]}&customer=${accounts[HOLDER]}`));
  await page.waitForSelector('#redeemed-total:not(:empty)');
  await page.fill('#redeem-amount', '20');
  await page.fill('#redeem-ref', 'order 42');
  await succeed(page, '#redeem-form button', 'redeem-status');
  await page.waitForFunction(() => document.querySelectorAll('#redemptions tbody tr').length === 1);
  assert.equal(await page.textContent('#redeemed-total'), '20 points redeemed here in all.');
  assert.match(await page.textContent('#redemptions tbody tr'), /20order 42$/);
  assert.equal(stele('balance', '--token', token, accounts[HOLDER]), '50');
  await screenshot(page, 'points-merchant');
  await context.close();
  assert.deepEqual(problems, []);

  const d = dashboard.page;
  await d.waitForFunction(() => document.querySelector('#chart path[data-series="redeemed"]')?.dataset.last === '20',
    null, { timeout: 30_000 });
  assert.equal(await last(d, 'issued'), '100');
  assert.equal(await last(d, 'outstanding'), '80');
  assert.equal(await d.textContent('#total-redeemed'), '20redeemed');
  await screenshot(d, 'points-dashboard');
  assert.deepEqual(dashboard.problems, []);
});
