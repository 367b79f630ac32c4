// The one browser-test harness (docs/testing.md): starts a fresh `./stele dev` on a free port, opens the node's pages
// in Debian's chromium through playwright-core, fails a test on any page error or console error (a page that breaks
// the node's Content-Security-Policy shows up here), and saves screenshots to clients/browser/screenshots/.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const screenshots = join(here, 'screenshots');
const running = new Set();

process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `./stele dev` on a fresh data dir and a free port. Resolves to { url, dataDir, log, stop() } once the node
 * prints its JSON-RPC address; rejects with the node's output when it exits first or prints nothing in 120 s.
 */
export function startDevNode(extraArgs = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'stele-browser-'));
  const child = spawn(join(root, 'stele'), ['dev', '--data-dir', join(dataDir, 'chain'), '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => fail('printed no JSON-RPC address in 120 s'), 120_000);
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`stele dev ${why}:\n${log}`));
    };
    const read = (chunk) => {
      log += chunk;
      const match = log.match(/^ {2}JSON-RPC: *(http:\/\/[0-9.:]+)/m);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      resolvePromise({
        url: match[1],
        dataDir,
        log: () => log,
        stop: () => stop(child, dataDir),
      });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}

function stop(child, dataDir) {
  return new Promise((done) => {
    const finish = () => {
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      done();
    };
    if (child.exitCode !== null || child.signalCode !== null) return finish();
    child.removeAllListeners('exit');
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', () => {
      clearTimeout(force);
      finish();
    });
    child.kill('SIGTERM');
  });
}

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * A new page in its own context, with every page error, console error and failed request collected in `problems`
 * (an array the test asserts empty at the end). `prepare(context)` runs before the page opens (e.g. injectWallet).
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }, prepare = async () => {}) {
  const context = await browser.newContext({ viewport });
  await prepare(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url);
  return { context, page, problems };
}

/** Saves a full-page screenshot as screenshots/NAME.png, for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** One JSON-RPC call to a node from the test itself (not from a page). */
export async function rpc(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const answer = await response.json();
  if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

/** Polls eth_getTransactionReceipt until the transaction is in a block (dev blocks come within a second). */
export async function receipt(url, hash, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await rpc(url, 'eth_getTransactionReceipt', [hash]);
    if (r) return r;
    await new Promise((r2) => setTimeout(r2, 100));
  }
  throw new Error(`no receipt for ${hash} in ${timeoutMs} ms`);
}

/** The dev chain's funded accounts (anvil's mnemonic), as eth_accounts lists them. */
export const DEV = {
  alice: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  bob: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
};
