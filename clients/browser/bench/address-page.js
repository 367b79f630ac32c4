// Times the explorer's address page as a person sees it, in Debian's chromium, for one address of a running node: from
// a click in another explorer view to the first page's 25 rows on screen, and a full load of the page to the same. Run by bench/explorer-page.sh (docs/performance.md).
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
  const rows = () => page.waitForFunction(
    () => document.querySelectorAll('main section:nth-of-type(2) tbody tr').length === 25, null,
    { timeout: 60_000, polling: 'raf' });
  // A full load: the page's HTML and modules (revalidated, as the node serves them no-cache) and then its reads.
  const loads = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${url}/explorer/#/address/${address}`);
    await rows();
    if (i > 0) loads.push(Date.now() - started); // the first load fills the cache and is not counted
  }
  // Within the explorer, as a person clicks from another view to the address: only the page's reads and rendering.
  const clicks = [];
  for (let i = 0; i <= runs; i++) {
    await page.evaluate(() => { location.hash = '#/validators'; });
    await page.waitForSelector('#validator-count');
    const started = await page.evaluate(() => performance.now());
    await page.evaluate((a) => { location.hash = `#/address/${a}`; }, address);
    await rows();
    const ended = await page.evaluate(() => performance.now());
    if (i > 0) clicks.push(ended - started);
  }
  await screenshot(page, 'bench-address-page');
  await context.close();
  if (problems.length) throw new Error(`the page had problems: ${problems.join('; ')}`);
  const summary = (times) => {
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return `median ${Math.round(at(0.5))} ms, p90 ${Math.round(at(0.9))} ms, max ${Math.round(times.at(-1))} ms`;
  };
  console.log(`address page of ${address}, ${runs} runs each:`);
  console.log(`  from another explorer view to 25 rows on screen: ${summary(clicks)}`);
  console.log(`  full load (HTML, modules revalidated, reads) to 25 rows on screen: ${summary(loads)}`);
} finally {
  await browser.close();
}
