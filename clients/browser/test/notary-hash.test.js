// The pages' hashing and batch tree (web/.../apps/notary/merkle.js, sm3.js) in plain Node.js, no browser: SM3 on the
// standard's vectors (GB/T 32905 appendix A), and the tree's rule (docs/notary.md) against a tree computed here with
// node:crypto. The browser test checks a page-made SM3 batch with the Java verifier (`stele notary verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../harness.js';

const pages = join(root, 'web/src/main/resources/web/apps/notary');
const { sm3 } = await import(pathToFileURL(join(pages, 'sm3.js')));
const { build, hex, path, root: rootOf, rootOf: walk, sides } = await import(pathToFileURL(join(pages, 'merkle.js')));
const sha = (...parts) => createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();

test('SM3 gives the standard\'s digests', () => {
  assert.equal(hex(sm3(new TextEncoder().encode('abc'))),
    '0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.equal(hex(sm3(new TextEncoder().encode('abcd'.repeat(16)))),
    '0xdebe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  assert.equal(hex(sm3(new Uint8Array(0))), '0x1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
});

test('the batch tree prefixes leaves and nodes and moves an odd last node up unpaired', async () => {
  const docs = [0, 1, 2].map((i) => sha(`document ${i}`));
  const leaves = docs.map((d) => sha([0], d));
  const expected = sha([1], sha([1], leaves[0], leaves[1]), leaves[2]);
  const levels = await build(docs.map((d) => new Uint8Array(d)));
  assert.equal(hex(rootOf(levels)), hex(expected));
  assert.deepEqual(path(levels, 2), [{ side: 'left', hash: hex(sha([1], leaves[0], leaves[1])) }]);
  for (let i = 0; i < 3; i++) assert.equal(hex(await walk(new Uint8Array(docs[i]), path(levels, i))), hex(expected));
  assert.equal(hex(rootOf(await build([new Uint8Array(docs[0])]))), hex(leaves[0]));
});

test('every document of batches of 1 to 40 leads to its root, in SHA-256 and in SM3', async () => {
  for (const algorithm of ['sha-256', 'sm3']) {
    for (let n = 1; n <= 40; n++) {
      const docs = Array.from({ length: n }, (_, i) => new Uint8Array(sha(`${algorithm} ${n} ${i}`)));
      const levels = await build(docs, algorithm);
      for (let i = 0; i < n; i++) {
        assert.equal(hex(await walk(docs[i], path(levels, i), algorithm)), hex(rootOf(levels)), `${algorithm} ${n} ${i}`);
        assert.deepEqual(path(levels, i).map((s) => s.side), sides(i, n));
      }
    }
  }
});
