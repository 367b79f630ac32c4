// What the identity page tests (test/identity-*.test.js) share, next to harness.js: the dev keys that govern and
// issue, the `stele` command line against the test's node, the committee's set-up that admits issuers of
// VerifiedPerson, and what a test does with the identity pages (open one, read a status line, answer a verifier's
// challenge from the wallet, read the verifier's verdict). Kept out of test/, where Node's test runner would run it as
// a test file of its own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, root, rpc, screenshot } from './harness.js';

// anvil's dev keys 0 (the committee, alone on stele dev) and 1 (an issuer that uses the CLI).
export const GOVERNOR = { address: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', key: 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' };
export const ISSUER = { address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', key: '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' };
export const TYPE = 'VerifiedPerson';

/**
 * The command line against the node at `url`: `run(...args)` answers spawnSync's result, `ok(...args)` asserts exit
 * 0 and answers the trimmed standard output.
 */
export function steleCli(url) {
  const run = (...args) => spawnSync(join(root, 'stele'), [...args, '--rpc', url], { encoding: 'utf8' });
  const ok = (...args) => {
    const r = run(...args);
    assert.equal(r.status, 0, `stele ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  return { run, ok };
}

/** The did:ethr of `address` on the node at `url`'s chain. */
export async function didOf(url, address) {
  return `did:ethr:0x${BigInt(await rpc(url, 'eth_chainId')).toString(16)}:${address}`;
}

/**
 * The committee's set-up through the CLI: governor.key and issuer.key written to `dir`, account 0 made an operator,
 * VerifiedPerson given a schema, and each of `issuers` (addresses) admitted as its issuer; returns once the wall
 * clock has passed the head block's time, since dev blocks may run ahead of it and credentials issued from then on
 * must postdate the admissions.
 */
export async function admitIssuers(url, dir, issuers) {
  const { ok } = steleCli(url);
  const governorKey = join(dir, 'governor.key');
  writeFileSync(governorKey, `${GOVERNOR.key}\n`);
  writeFileSync(join(dir, 'issuer.key'), ISSUER.key);
  ok('gov', 'grant', GOVERNOR.address, 'operator', '--key', governorKey);
  ok('vc', 'trust', 'schema', '--type', TYPE, '--schema-id', 'https://schemas.example.org/VerifiedPerson',
    '--schema-hash', `0x${'5e'.repeat(32)}`, '--key-file', governorKey);
  for (const issuer of issuers)
    ok('vc', 'trust', 'admit', '--issuer', await didOf(url, issuer), '--type', TYPE, '--key-file', governorKey);
  const head = await rpc(url, 'eth_getBlockByNumber', ['latest', false]);
  while (Date.now() / 1000 <= Number(BigInt(head.timestamp))) await new Promise((r) => setTimeout(r, 200));
}

/**
 * Opens identity pages of the node at `url` in `browser`, each in its own context: `open(path, prepare)` answers
 * openPage's { context, page, problems }; `close()` closes every context opened (and a `wallet` set on one).
 */
export function identityPages(browser, url) {
  const opened = [];
  return {
    async open(path, prepare) {
      const p = await openPage(browser, `${url}/apps/identity/${path}`, undefined, prepare);
      opened.push(p);
      return p;
    },
    async close() {
      for (const p of opened) {
        p.wallet?.close();
        await p.context.close();
      }
    },
  };
}

export const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

/**
 * The status line `id`'s outcome once it says ok or fail: { ok, said }; the page is saved as screenshot `shot` if
 * named, then the line is set back to plain `status`, so that the next wait is for the next action's answer.
 */
export async function outcome(page, id, shot) {
  await page.waitForFunction((x) => /\b(ok|fail)\b/.test(document.getElementById(x).className), id, { timeout: 60_000 });
  const [kind, said] = await page.$eval(`#${id}`, (e) => [e.className, e.textContent]);
  if (shot) await screenshot(page, shot);
  await page.$eval(`#${id}`, (e) => { e.className = 'status'; });
  return { ok: /\bok\b/.test(kind), said };
}

/** The status line `id`, which must say ok: its text. */
export async function succeeds(page, id) {
  const { ok: good, said } = await outcome(page, id);
  assert.ok(good, said);
  return said;
}

/** The status line `id`, which must say fail: its text (the page saved as screenshot `shot` if named). */
export async function fails(page, id, shot) {
  const { ok: good, said } = await outcome(page, id, shot);
  assert.ok(!good, `expected a refusal, got: ${said}`);
  return said;
}

/**
 * The wallet page answers the verifier page's current challenge with `claims` ticked, from the credential whose box
 * shows `which`: { presentation, back (the link to the verifier), link (the challenge's) }.
 */
export async function answer(walletPage, verifierPage, claims, which) {
  const link = await verifierPage.$eval('#challenge-link', (a) => a.href);
  await walletPage.goto(link);
  await walletPage.waitForSelector('#request:not([hidden]) fieldset');
  const box = walletPage.locator('#request fieldset', { hasText: which });
  for (const tick of await box.locator('input[name=disclose]').all()) {
    if (claims.includes(await tick.getAttribute('value'))) await tick.check();
    else await tick.uncheck();
  }
  await box.locator('button.present').click();
  await succeeds(walletPage, 'request-status');
  return { presentation: await walletPage.inputValue('#presentation'),
    back: await walletPage.$eval('#presented-link', (a) => a.href), link };
}

/** The verifier page's verdict on the answer at `back` (the link the wallet made). */
export async function verdictOf(verifierPage, back) {
  await verifierPage.$eval('#verdict', (e) => { e.textContent = ''; });
  await verifierPage.goto(back);
  await verifierPage.waitForFunction(() => document.getElementById('verdict').textContent !== '');
  return text(verifierPage, '#verdict');
}
