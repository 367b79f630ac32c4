// The points pages' own QR encoder (web/.../apps/points/qr.js), checked by decoding what it draws with jsQR, an
// independent reader: texts of every length from version 1 to 10, including the versions that carry version info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQR from 'jsqr';
import { root } from '../harness.js';

const { encode } = await import(pathToFileURL(join(root, 'web/src/main/resources/web/apps/points/qr.js')).href);

function read(matrix, scale = 4) {
  const n = (matrix.length + 8) * scale;
  const pixels = new Uint8ClampedArray(n * n * 4).fill(255);
  matrix.forEach((row, y) => row.forEach((dark, x) => {
    if (!dark) return;
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
        pixels[at] = 0;
        pixels[at + 1] = 0;
        pixels[at + 2] = 0;
      }
    }
  }));
  return jsQR(pixels, n, n)?.data ?? null;
}

test('an address and a payment link read back exactly', () => {
  for (const text of ['0x5fbdb2315678afecb367f032d93f642f64180aa3',
    'stele-points:0x5fbdb2315678afecb367f032d93f642f64180aa3?token=0xe7f1725e7734ce288f8367e1bb143e90bb3f0512']) {
    assert.equal(read(encode(text)), text);
  }
});

test('every length from 1 byte to the 213 of version 10 reads back, UTF-8 included', () => {
  const seen = new Set();
  for (let length = 1; length <= 213; length += 3) {
    const text = 'Paw points 0123456789, '.repeat(10).slice(0, length);
    const matrix = encode(text);
    seen.add(matrix.length);
    assert.equal(read(matrix), text, `length ${length}, ${matrix.length} modules`);
  }
  assert.equal(read(encode('Pâw points ✓')), 'Pâw points ✓');
  assert.deepEqual([...seen].sort((a, b) => a - b), [21, 25, 29, 33, 37, 41, 45, 49, 53, 57]);
});

test('a text too long for version 10 is refused in one line', () => {
  assert.throws(() => encode('x'.repeat(214)), { message: 'too long for a QR code here: 214 bytes (at most 213)' });
});
