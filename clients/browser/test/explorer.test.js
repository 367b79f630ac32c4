// /explorer/ on a `stele dev` with traffic: every page opens without a page or console error, search finds a block, a
// transaction and an address, the live list moves when a block is sealed, an identity-registry change is decoded, a
// failed transaction shows its custom error, and the receipt proof downloads. Screenshots go to screenshots/explorer-*.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as KNOWN from '../../../web/src/main/resources/web/explorer/known-abi.js';
import { DEV, launchBrowser, openPage, receipt, rpc, screenshot, startDevNode } from '../harness.js';

const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
const FREEZES = '0x0000000000000000000000000000000000001004';
const word = (hex) => hex.replace(/^0x/, '').padStart(64, '0');
const text32 = (s) => Buffer.from(s, 'ascii').toString('hex').padEnd(64, '0');

/** setAttribute(identity, name, value, validity) of the ERC-1056 registry, ABI-encoded by hand. */
function setAttribute(identity, name, value, validity) {
  const bytes = Buffer.from(value, 'utf8').toString('hex');
  return `0x7ad4b0a4${word(identity)}${text32(name)}${word('80')}${word(validity.toString(16))}${word((bytes.length / 2).toString(16))}${bytes.padEnd(Math.ceil(bytes.length / 64) * 64, '0')}`;
}

/**
 * A token that is only its Transfer event: any call emits Transfer(caller, <first argument>, 5). Init code (11 bytes)
 * returns the 48-byte runtime after it: PUSH1 5, MSTORE at 0, CALLDATALOAD(0), CALLER, PUSH32 topic, LOG3(0, 32).
 */
const TOKEN_INIT = '0x603080600b6000396000f3' + '6005600052' + '600035' + '33' +
  '7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef' + '60206000a300';

let node;
let browser;
let transfer;
let token;
let tokenTransfer;
let attribute;
let failed;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  transfer = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: DEV.bob, value: '0x1bc16d674ec80000' }]);
  await receipt(node.url, transfer);
  attribute = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: REGISTRY,
    data: setAttribute(DEV.alice, 'did/svc/HubService', 'https://hub.example.org', 86400) }]);
  await receipt(node.url, attribute);
  // Bob's identity belongs to Bob: Alice's change of its owner is refused with NotIdentityOwner (gas given, since an
  // estimate of a reverting call fails).
  failed = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: REGISTRY, gas: '0x186a0',
    data: `0xf00d4b5d${word(DEV.bob)}${word(DEV.alice)}` }]);
  await receipt(node.url, failed);
  const deployed = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, data: TOKEN_INIT }]);
  token = (await receipt(node.url, deployed)).contractAddress;
  tokenTransfer = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: token, data: `0x${word(DEV.bob)}` }]);
  await receipt(node.url, tokenTransfer);
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

async function open(path, viewport) {
  const opened = await openPage(browser, `${node.url}/explorer/${path}`, viewport);
  await opened.page.waitForSelector('main#view h1, #not-found', { timeout: 15_000 });
  return opened;
}

test('the home page lists the latest blocks and transactions and moves when a block is sealed', async () => {
  const { context, page, problems } = await open('');
  await page.waitForSelector('#live.live');
  const rows = await page.$$eval('#transactions tr', (trs) => trs.length);
  assert.equal(rows, 5, 'the five transactions');
  const top = Number(await page.getAttribute('#blocks tr:first-child', 'data-number'));
  await screenshot(page, 'explorer-home');

  const tx = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.bob, to: DEV.alice, value: '0x1' }]);
  await page.waitForSelector(`#blocks tr.fresh[data-number="${top + 1}"]`, { timeout: 15_000 });
  await page.waitForSelector(`#transactions tr.fresh a[href="#/tx/${tx}"]`);
  await screenshot(page, 'explorer-home-live');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a block shows its round, its proposer and the validator that sealed it', async () => {
  const { context, page, problems } = await open('#/block/1');
  assert.equal(await page.textContent('h1'), 'Block #1');
  const seal = await page.textContent('main table tbody tr td:nth-child(3)');
  assert.match(seal, /sealed/);
  assert.match(await page.textContent('main'), /1 of 1 validators \(quorum 1\)/);
  await screenshot(page, 'explorer-block');
  await page.click('#next');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Block #2');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a transaction decodes a known event and a failed one names its custom error', async () => {
  const { context, page, problems } = await open(`#/tx/${attribute}`);
  assert.match(await page.textContent('#tx-status'), /Succeeded/);
  assert.equal(await page.textContent('.event-name'), 'DIDAttributeChanged');
  assert.match(await page.textContent('main'), /did\/svc\/HubService/);
  await screenshot(page, 'explorer-transaction');

  await page.goto(`${node.url}/explorer/#/tx/${failed}`);
  await page.waitForSelector('#revert-reason');
  assert.match(await page.textContent('#tx-status'), /Failed/);
  assert.match(await page.textContent('#revert-reason'), /NotIdentityOwner\(identity 0x70997970c51812dc3a010c7d01b50e0d17dc79c8/i);
  await screenshot(page, 'explorer-transaction-failed');

  await page.goto(`${node.url}/explorer/#/tx/${tokenTransfer}`);
  await page.waitForSelector('.event-name');
  assert.equal(await page.textContent('.event-name'), 'Transfer (ERC-20)');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a call into a governance contract is decoded from the contracts\' own ABIs, its custom error too', async () => {
  const freeze = Object.entries(KNOWN.FUNCTIONS).find(([, f]) => f.signature === 'freeze(address,string)')[0];
  const reason = Buffer.from('court order 7', 'utf8').toString('hex');
  const refused = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: FREEZES, gas: '0x30000',
    data: `${freeze}${word(DEV.bob)}${word('40')}${word((reason.length / 2).toString(16))}${reason.padEnd(64, '0')}` }]);
  await receipt(node.url, refused);
  const { context, page, problems } = await open(`#/tx/${refused}`);
  await page.waitForSelector('#revert-reason');
  assert.match(await page.textContent('#revert-reason'), /NotCommittee\(caller 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\)/i);
  assert.match(await page.textContent('main'), /Calls freeze/);
  assert.match(await page.textContent('main'), /court order 7/);
  await screenshot(page, 'explorer-governance-call');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a transaction that calls on shows its call tree, indented by depth', async () => {
  // A forwarder that sends its call value on to the address in its first argument (15 bytes of runtime):
  // CALL(gas, <argument>, CALLVALUE, 0, 0, 0, 0).
  const deployed = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice,
    data: '0x600f80600b6000396000f3' + '6000600060006000' + '34' + '600035' + '5a' + 'f1' + '00' }]);
  const forwarder = (await receipt(node.url, deployed)).contractAddress;
  const forward = await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: forwarder, value: '0x3', data: `0x${word(DEV.bob)}` }]);
  await receipt(node.url, forward);
  const { context, page, problems } = await open(`#/tx/${forward}`);
  await page.waitForSelector('#call-tree');
  const frames = await page.$$eval('#call-tree li', (lis) => lis.map((li) => [li.dataset.depth, li.textContent]));
  assert.equal(frames.length, 2);
  assert.equal(frames[0][0], '0');
  assert.match(frames[0][1], /^CALL 0xf39fd6…b92266 → 0x/i);
  assert.equal(frames[1][0], '1');
  assert.match(frames[1][1], /0x709979…e0d17dc79c8|0x709979…dc79c8|→ 0x709979/i);
  assert.match(frames[1][1], /< 0\.000001 ETH/);
  await screenshot(page, 'explorer-call-tree');
  await context.close();
  assert.deepEqual(problems, []);
});

test('the receipt proof of a transaction downloads as a stele-proof/1 file', async () => {
  const { context, page, problems } = await open(`#/tx/${transfer}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-proof')]);
  const proof = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(proof.format, 'stele-proof/1');
  await context.close();
  assert.deepEqual(problems, []);
});

test('an address lists its transactions with the newest first', async () => {
  const { context, page, problems } = await open(`#/address/${DEV.bob}`, { width: 390, height: 844 });
  assert.equal(await page.textContent('h1'), 'Account');
  const hashes = await page.$$eval('main table tbody tr td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hashes.includes(`#/tx/${transfer}`), 'the transfer to Bob');
  const transfers = await page.$$eval('main section:nth-of-type(3) tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(transfers.length, 1, 'the token transfer to Bob');
  assert.match(transfers[0], /5$/);
  await screenshot(page, 'explorer-address-phone');
  await page.goto(`${node.url}/explorer/#/address/${REGISTRY}`);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Contract');
  await context.close();
  assert.deepEqual(problems, []);
});

test('an address with more than a page of transactions pages on from where the last page ended', async () => {
  const payee = '0x00000000000000000000000000000000c0ffee00';
  const sent = [];
  for (let i = 0; i < 30; i++) sent.push(await rpc(node.url, 'eth_sendTransaction', [{ from: DEV.alice, to: payee, value: '0x1' }]));
  for (const hash of sent) await receipt(node.url, hash);
  const { context, page, problems } = await open(`#/address/${payee}`);
  const rows = () => page.$$eval('main section:nth-of-type(2) tbody tr td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
  const first = await rows();
  assert.equal(first.length, 25);
  assert.deepEqual(first, sent.slice(5).reverse().map((hash) => `#/tx/${hash}`), 'the newest 25, newest first');
  await page.click('#older');
  await page.waitForFunction(() => document.querySelectorAll('main section:nth-of-type(2) tbody tr').length === 5);
  assert.deepEqual(await rows(), sent.slice(0, 5).reverse().map((hash) => `#/tx/${hash}`), 'the 5 oldest, none twice');
  assert.match(await page.textContent('.pager'), /no older transactions/);
  await screenshot(page, 'explorer-address-older');
  await context.close();
  assert.deepEqual(problems, []);
});

test('the validators page shows the set, its quorum and the latest rounds', async () => {
  const { context, page, problems } = await open('#/validators');
  assert.equal(await page.textContent('#validator-count'), '1');
  assert.match(await page.textContent('main'), /1 seal decides a block/);
  await screenshot(page, 'explorer-validators');
  await context.close();
  assert.deepEqual(problems, []);
});

test('search finds a block by number and by hash, a transaction and an address, and says when nothing matches', async () => {
  const { context, page, problems } = await open('');
  const search = async (q) => {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
  };
  await search('2');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Block #2');
  const hash = await page.textContent('#block-hash');
  await search(hash);
  await page.waitForFunction((h) => location.hash === `#/block/${h}`, hash);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Block #2');
  await search(transfer);
  await page.waitForFunction((t) => location.hash === `#/tx/${t}`, transfer);
  await page.waitForSelector('#tx-status');
  await search(DEV.alice);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Account');
  await search(`0x${'ab'.repeat(32)}`);
  await page.waitForSelector('#not-found');
  assert.match(await page.textContent('#not-found'), /No transaction or block has the hash/);
  await search('not a thing');
  await page.waitForFunction(() => /is not a block number/.test(document.querySelector('#not-found')?.textContent ?? ''));
  await screenshot(page, 'explorer-not-found');
  await context.close();
  assert.deepEqual(problems, []);
});
