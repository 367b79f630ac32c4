// What the page tests do with a page's status lines and downloads, next to harness.js: a status line (an element
// whose class an action sets to `ok` or `fail`) is waited for, read, and set back to plain `status`, so that the next
// wait on the same line waits for the next action's answer and never reads the last one again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** Waits until the status line `id` says ok or fail; answers [kind, text] and clears it for the next action. */
export async function settled(page, id, timeout = 60_000) {
  await page.waitForFunction((e) => {
    const el = document.getElementById(e);
    return el.classList.contains('ok') || el.classList.contains('fail');
  }, id, { timeout });
  const answer = await page.$eval(`#${id}`, (e) => [e.className.replace('status', '').trim(), e.textContent]);
  await page.evaluate((e) => { document.getElementById(e).className = 'status'; }, id);
  return answer;
}

/** Waits for the status line `id`, which must say ok; answers its text. */
export async function ok(page, id, timeout) {
  const [kind, text] = await settled(page, id, timeout);
  assert.equal(kind, 'ok', text);
  return text;
}

/** Clicks `button` and waits for the status line `id`; answers [kind, text]. */
export async function submit(page, button, id, timeout) {
  await page.click(button);
  return settled(page, id, timeout);
}

/** Clicks `button`, whose action must succeed; answers the status line's text. */
export async function succeed(page, button, id, timeout) {
  await page.click(button);
  return ok(page, id, timeout);
}

/** Clicks `selector`, saves the download it starts to `file` and answers the file parsed as JSON. */
export async function download(page, selector, file) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await d.saveAs(file);
  return JSON.parse(readFileSync(file, 'utf8'));
}
