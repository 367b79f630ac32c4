// The applications' pages with the user's own wallet (issue 18: "keys stay in the user's wallet (injected
// provider)"): a real EIP-1193 provider is injected into the page before it loads (../wallet.js), holding a secp256k1
// key that neither the page nor the node knows. The points wallet sends gas-free through the relayer with a
// ForwardRequest that provider signed (eth_signTypedData_v4); on the notary's signing page that wallet asks for
// signatures (its own transaction) and signs without paying gas, and its signature, handed over as a link, is
// submitted by another party: a 2-of-3 flow with one signature relayed, whose proof verifies offline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet, id } from 'ethers';
import { launchBrowser, openPage, receipt, root, rpc, screenshot, startDevNode } from '../harness.js';
import { injectWallet } from '../wallet.js';
import { download, ok, settled } from '../status.js';

const NOTARY = JSON.parse(readFileSync(join(root,
  'apps/notary/src/main/resources/org/stele/apps/notary/contracts/Notary.json'), 'utf8'));
// Fixed keys, so that a failure is repeatable; any 32 bytes below the curve order will do.
const HOLDER_KEY = id('stele browser test: a points holder\'s wallet');
const PARTY_KEY = id('stele browser test: a notary party\'s wallet');
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

let node;
let browser;
let accounts;
let dir;
let token;
const wallets = [];
const word = (address) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;

before(async () => {
  node = await startDevNode();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'stele-wallet-'));
  accounts = (await rpc(node.url, 'eth_accounts')).map((a) => a.toLowerCase());
});

after(async () => {
  for (const w of wallets) w.close();
  await browser?.close();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `url` in a fresh context whose pages have the wallet for `key` injected before they load. */
async function withWallet(url, key, options) {
  let wallet;
  const opened = await openPage(browser, url, undefined, async (context) => {
    wallet = await injectWallet(context, node.url, key, options);
    wallets.push(wallet);
  });
  return { ...opened, wallet };
}

test('the points wallet sends gas-free through the relayer, signed by the injected wallet\'s own key', async () => {
  const stele = (...args) => execFileSync(join(root, 'stele'), ['points', ...args, '--rpc', node.url],
    { encoding: 'utf8' }).trim();
  token = stele('deploy', '--from', accounts[0], '--name', 'Paw Points', '--symbol', 'PAW', '--cap', '1000');
  const operator = (await rpc(node.url, 'points_relayerConfig', [token])).operator.toLowerCase();
  const holder = new Wallet(HOLDER_KEY).address.toLowerCase();
  assert.ok(!accounts.includes(holder), 'the node must not hold the wallet\'s key');
  stele('issue', '--token', token, '--from', accounts[0], '--to', holder, '--amount', '50', '--ref', 'welcome');
  const { context, page, problems, wallet } = await withWallet(`${node.url}/apps/points/index.html?token=${token}`,
    HOLDER_KEY);
  assert.equal(wallet.address, holder);

  await page.waitForFunction((a) => document.getElementById('account').value === a, wallet.address);
  assert.equal(await page.textContent('#account option'), `wallet ${wallet.address}`);
  await page.waitForFunction(() => document.getElementById('balance').textContent === '50');
  await page.fill('#send-to', accounts[4]);
  await page.fill('#send-amount', '20');
  await page.click('#send-form button');
  assert.match(await ok(page, 'send-status'), /^Sent 20 points, gas-free, in block \d+/);
  await page.waitForFunction(() => document.getElementById('balance').textContent === '30');
  await screenshot(page, 'wallet-points-sent');

  // The wallet signed the request and sent nothing itself: it has no coin for gas and has never sent a transaction.
  assert.ok(wallet.requests.includes('eth_requestAccounts'));
  assert.ok(wallet.requests.includes('eth_signTypedData_v4'));
  assert.ok(!wallet.requests.includes('eth_sendTransaction'));
  assert.equal(BigInt(await rpc(node.url, 'eth_getBalance', [wallet.address, 'latest'])), 0n);
  assert.equal(BigInt(await rpc(node.url, 'eth_getTransactionCount', [wallet.address, 'latest'])), 0n);
  // The transfer is the wallet's, carried in the operator's transaction (the forwarder checked the signature).
  const [log] = await rpc(node.url, 'eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address: token,
    topics: [TRANSFER, word(wallet.address), word(accounts[4])] }]);
  assert.equal(BigInt(log.data), 20n);
  const tx = await rpc(node.url, 'eth_getTransactionByHash', [log.transactionHash]);
  assert.equal(tx.from.toLowerCase(), operator);
  await context.close();
  assert.deepEqual(problems, []);
});

test('a 2-of-3 signing: the injected wallet asks and signs without gas, another party relays its signature', async () => {
  const deploy = await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], data: NOTARY.bytecode,
    gas: '0x4c4b40' }]);
  const notary = (await receipt(node.url, deploy)).contractAddress.toLowerCase();
  const sign = (params = '') => `${node.url}/apps/notary/sign.html?notary=${notary}${params}`;
  const { context, page, problems, wallet } = await withWallet(sign(), PARTY_KEY);
  // Asking for signatures is the wallet's own transaction: it needs coin for gas, given by a dev account.
  await receipt(node.url, await rpc(node.url, 'eth_sendTransaction', [{ from: accounts[0], to: wallet.address,
    value: '0xde0b6b3a7640000' }]));

  const deed = Buffer.from('Deed of sale, plot 7: three co-owners, two signatures.\n');
  const [p1, p2] = [accounts[1], accounts[2]];
  await page.setInputFiles('#file', { name: 'deed.txt', mimeType: 'text/plain', buffer: deed });
  await page.waitForFunction(() => !document.getElementById('create').disabled);
  await page.fill('#parties', [wallet.address, p1, p2].join('\n'));
  await page.fill('#threshold', '2');
  assert.equal(await page.inputValue('#creator'), wallet.address);
  await page.click('#create');
  assert.equal(await ok(page, 'create-status'), 'Asked 3 parties to sign; 2 needed.');
  await page.waitForSelector(`#parties-list li[data-party="${wallet.address}"]`);
  assert.equal(await page.inputValue('#signer'), wallet.address);
  await page.click('#sign-only');
  assert.match(await ok(page, 'sign-status'), /^Signed as 0x[0-9a-f]{40}, not yet submitted/);
  const handed = new URL(await page.inputValue('#signed-link'));
  assert.equal(handed.searchParams.get('signer'), wallet.address);
  assert.equal(await page.getAttribute(`#parties-list li[data-party="${wallet.address}"]`, 'data-state'), 'awaited');
  await screenshot(page, 'wallet-notary-signed-only');
  await context.close();
  const sentByWallet = wallet.requests.filter((m) => m === 'eth_sendTransaction').length;
  assert.equal(sentByWallet, 1, 'the wallet sent only the request for signatures');
  assert.ok(wallet.requests.includes('eth_signTypedData_v4'));

  // Someone else, here a dev account on a page without the wallet, opens the link and submits the signature.
  const relay = await openPage(browser, handed.href);
  await relay.page.waitForSelector(`#parties-list li[data-party="${wallet.address}"]`);
  assert.equal(await relay.page.inputValue('#relay-signer'), wallet.address);
  const signature = await relay.page.inputValue('#relay-signature');
  // An altered signature is refused by the contract, and the page names the error.
  const flipped = `${signature.slice(0, 10)}${signature[10] === '0' ? '1' : '0'}${signature.slice(11)}`;
  await relay.page.fill('#relay-signature', flipped);
  await relay.page.selectOption('#submitter', accounts[0]);
  await relay.page.click('#submit-signature');
  const [kind, text] = await settled(relay.page, 'relay-status');
  assert.equal(kind, 'fail');
  assert.match(text, /^refused: InvalidSignature\(0x[0-9a-f]{64}, 0x[0-9a-f]{40}\)$/);
  await relay.page.fill('#relay-signature', signature);
  await relay.page.click('#submit-signature');
  assert.equal(await ok(relay.page, 'relay-status'),
    `Submitted ${wallet.address}'s signature, relayed by ${accounts[0]}.`);
  await relay.page.waitForFunction((a) => document.querySelector(`#parties-list li[data-party="${a}"]`)
    ?.dataset.state === 'signed', wallet.address);
  assert.match(await relay.page.textContent(`#parties-list li[data-party="${wallet.address}"]`),
    new RegExp(`relayed by ${accounts[0].slice(0, 8)}`));
  assert.equal(await relay.page.textContent('#state'), 'Awaiting signatures');

  // A second party signs in its own transaction: two of three, complete.
  await relay.page.selectOption('#signer', p1);
  await relay.page.click('#sign');
  assert.equal(await ok(relay.page, 'sign-status'), `Signed as ${p1}.`);
  await relay.page.waitForFunction(() => document.getElementById('state').textContent === 'Signed');
  await relay.page.click('#proof');
  await ok(relay.page, 'sign-status');
  const proofPath = join(dir, 'deed.notary.json');
  assert.equal((await download(relay.page, '#download', proofPath)).signatureProofs.length, 2);
  await screenshot(relay.page, 'wallet-notary-relayed');
  await relay.context.close();

  // The proof verifies offline, naming the wallet's relayed signature and the direct one.
  const v = await openPage(browser, `${node.url}/apps/notary/verify.html`);
  await v.page.waitForLoadState('networkidle');
  await v.context.setOffline(true);
  await v.page.setInputFiles('#file', { name: 'deed.txt', mimeType: 'text/plain', buffer: deed });
  await v.page.setInputFiles('#proof-file', proofPath);
  await v.page.click('#verify');
  await v.page.waitForFunction(() => document.getElementById('verdict').textContent !== '');
  assert.equal(await v.page.textContent('#verdict'), 'Verified', await v.page.textContent('#summary'));
  assert.match(await v.page.textContent('#summary'), /Signatures: 2 of the 2 needed from 3 parties \(complete\)/);
  assert.deepEqual(await v.page.$$eval('#signatures li', (l) => l.map((e) => e.dataset.state)),
    ['signed', 'signed', 'awaited']);
  await v.context.close();
  assert.deepEqual(problems, []);
  assert.deepEqual(relay.problems, []);
  assert.deepEqual(v.problems, []);
});

test('a wallet on another chain is asked to switch, and the page signs nothing while it is not switched', async () => {
  const chain = BigInt(await rpc(node.url, 'eth_chainId'));
  const { context, page, problems, wallet } = await withWallet(`${node.url}/apps/points/index.html?token=${token}`,
    HOLDER_KEY, { chainId: '0x1' });
  await page.waitForFunction(() => document.getElementById('balance').textContent === '30');
  await page.fill('#send-to', accounts[4]);
  await page.fill('#send-amount', '5');
  await page.click('#send-form button');
  const [kind, text] = await settled(page, 'send-status');
  assert.equal(kind, 'fail');
  assert.equal(text, `not signed: the wallet is on chain 1, this node's chain is ${chain}: switch the wallet to it`);
  assert.ok(wallet.requests.includes('wallet_switchEthereumChain'));
  assert.ok(!wallet.requests.includes('eth_signTypedData_v4'));
  await page.reload();
  await page.waitForFunction(() => document.getElementById('balance').textContent === '30');
  await context.close();
  assert.deepEqual(problems, []);
});

test('a user who declines to connect the wallet is told so, not that the node is out of reach', async () => {
  const { context, page, problems } = await withWallet(`${node.url}/apps/notary/sign.html`, HOLDER_KEY,
    { refuseAccounts: true });
  const [kind, text] = await settled(page, 'sign-status');
  assert.equal(kind, 'fail');
  assert.equal(text, 'The wallet refused: User rejected the request.');
  await context.close();
  assert.deepEqual(problems, []);
});
