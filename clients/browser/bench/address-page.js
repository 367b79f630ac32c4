// Times the explorer's address page as a person sees it: from navigation to the first page's 25 rows on screen, in
// Debian's chromium, for one address of a running node. Run by bench/explorer-page.sh (docs/performance.md).
// Usage: node bench/address-page.js RPC_URL ADDRESS [RUNS]
import { launchBrowser, openPage, screenshot } from '../harness.js';

const [url, address, runsArg] = process.argv.slice(2);
if (!url || !/^0x[0-9a-fA-F]{40}$/.test(address ?? '')) {
  console.error('usage: node bench/address-page.js RPC_URL ADDRESS [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 20);
const browser = await launchBrowser();
try {
  const { context, page, problems } = await openPage(browser, `${url}/explorer/`);
  await page.waitForSelector('main#view h1');
  const times = [];
  for (let i = 0; i <= runs; i++) {
    // A fresh load each time (the modules come from the browser's cache, as they would for a returning visitor).
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${url}/explorer/#/address/${address}`);
    await page.waitForFunction(() => document.querySelectorAll('main section:nth-of-type(2) tbody tr').length === 25,
      null, { timeout: 60_000, polling: 'raf' });
    if (i > 0) times.push(Date.now() - started); // the first load fills the cache and is not counted
  }
  await screenshot(page, 'bench-address-page');
  await context.close();
  if (problems.length) throw new Error(`the page had problems: ${problems.join('; ')}`);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`address page of ${address}: ${runs} loads, median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${times.at(-1)} ms`
    + ' (navigation to 25 rows on screen)');
} finally {
  await browser.close();
}
