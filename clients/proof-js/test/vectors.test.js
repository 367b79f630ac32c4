// The shared proof vectors (proof/vectors, made from a dev chain): this verifier gives every one the answer that
// expected.json names, which the Java verifier's ProofVectorsTest checks too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyProof } from '../src/verify.js';

const dir = fileURLToPath(new URL('../../../proof/vectors/', import.meta.url));
const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8'));
const trusted = { genesisHash: expected.trustedGenesisHash, chainId: expected.trustedChainId };
const load = (file) => JSON.parse(readFileSync(dir + file, 'utf8'));

test('there are genuine vectors, of the dev chain and of a chain whose set changes, and tampered ones', () => {
  assert.ok(expected.vectors.length >= 10);
  assert.ok(expected.vectors.some((v) => v.expect === 'ok' && v.trusted !== false));
  assert.ok(expected.vectors.some((v) => v.expect === 'ok' && v.trusted === false));
});

for (const v of expected.vectors) {
  test(`${v.file} (${v.what}) gives ${v.expect}`, () => {
    // A vector of a chain of its own (the four-validator one) says so with "trusted": false.
    const r = verifyProof(load(v.file), v.trusted === false ? undefined : trusted);
    assert.equal(r.ok ? 'ok' : r.check, v.expect, r.message);
  });
}

test('the genuine proof is refused against another trusted genesis', () => {
  const r = verifyProof(load('genuine.json'), { genesisHash: '0x' + '00'.repeat(32), chainId: trusted.chainId });
  assert.equal(r.check, 'genesis');
});

test('without a trusted genesis the genuine proof verifies and says so', () => {
  const r = verifyProof(load('genuine.json'));
  assert.equal(r.ok, true);
  assert.equal(r.genesisTrusted, false);
  assert.match(r.summary, /as the proof states it/);
});

test('a document that is not a proof is refused as a format error naming the field', () => {
  assert.deepEqual(verifyProof([1]), { ok: false, check: 'format', message: 'a proof is a JSON object' });
  assert.equal(verifyProof({ format: 'stele-proof/1' }).message, 'validatorSets: missing');
  assert.equal(verifyProof({ format: 1 }).message, 'format: expected the string "stele-proof/1"');
  const bad = load('genuine.json');
  bad.header = '0x0';
  assert.equal(verifyProof(bad).message, 'header: expected 0x and an even number of hex digits');
});

test('the bundle the node serves (npm run build) gives the same answers', async () => {
  const bundle = await import('../../../web/src/main/resources/web/proof/verify.js');
  for (const v of expected.vectors) {
    const r = bundle.verifyProof(load(v.file), v.trusted === false ? undefined : trusted);
    assert.equal(r.ok ? 'ok' : r.check, v.expect, `${v.file}: ${r.message}`);
  }
});
