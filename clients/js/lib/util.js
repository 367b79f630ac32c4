// Small helpers shared by the suites.

/** Resolves with the first value for which check() is truthy, polling; rejects after timeoutMs. */
export async function eventually(check, { timeoutMs = 10_000, intervalMs = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A promise with its resolve function, rejected after timeoutMs. */
export function deferred(timeoutMs, what) {
  let resolve;
  const promise = new Promise((res, rej) => {
    resolve = res;
    const t = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    t.unref();
  });
  return { promise, resolve };
}
