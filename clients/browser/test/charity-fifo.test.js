// The charity pages' FIFO attribution (web/.../apps/charity/fifo.js) on the vectors the Java SDK's FifoTrace runs
// (FifoTraceVectorsTest): both languages must give the same traces and refuse the same impossible histories. Plain
// Node, no browser: the module is the one the pages load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../harness.js';
import { toVectorShape, trace } from '../../../web/src/main/resources/web/apps/charity/fifo.js';

const vectors = JSON.parse(readFileSync(join(root,
  'apps/charity/src/test/resources/org/stele/apps/charity/fifo-vectors.json'), 'utf8')).vectors;

test('the shared vectors are there', () => assert.ok(vectors.length > 5));

for (const v of vectors) {
  test(`fifo.js: ${v.name}`, () => {
    if (v.error) assert.throws(() => trace(v.events));
    else assert.deepEqual(toVectorShape(trace(v.events)), v.donations);
  });
}
