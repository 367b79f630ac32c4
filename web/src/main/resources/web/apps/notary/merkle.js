// Document hashes and the batch tree, in the browser: the same rule as the Java SDK's MerkleTree (docs/notary.md).
// A leaf is H(0x00 || documentHash), an inner node H(0x01 || left || right); each level pairs nodes (0,1), (2,3), …
// and an odd last node moves up unchanged; the root of one leaf is that leaf. H is the batch's algorithm: SHA-256
// (crypto.subtle) or SM3 (sm3.js).
import { sm3 } from './sm3.js';

/** The algorithms a proof may name, as the Java SDK's HashAlgorithm ids. */
export const ALGORITHMS = ['sha-256', 'sm3'];

export const hex = (bytes) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
export const bytes = (h) => Uint8Array.from(h.slice(2).match(/../g) ?? [], (x) => parseInt(x, 16));

/** SHA-256 of bytes (an ArrayBuffer or a typed array), as a Uint8Array. */
export async function sha256(data) {
  if (!globalThis.crypto?.subtle) {
    throw new Error('this page is not in a secure context, so the browser offers no SHA-256: open it over HTTPS or '
      + 'from localhost');
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

const join = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The hash of bytes with a named algorithm ('sha-256' or 'sm3'). */
export async function digest(algorithm, data) {
  if (algorithm === 'sha-256') return sha256(data);
  if (algorithm === 'sm3') return sm3(data);
  throw new Error(`unknown hash algorithm "${algorithm}" (sha-256 or sm3)`);
}

const leaf = (a, h) => digest(a, join(Uint8Array.of(0), h));
const node = (a, l, r) => digest(a, join(Uint8Array.of(1), l, r));

/** The tree over document hashes (Uint8Arrays), as its levels: levels[0] the leaves, the last level the root. */
export async function build(hashes, algorithm = 'sha-256') {
  if (hashes.length === 0) throw new Error('a batch holds at least one hash');
  let level = await Promise.all(hashes.map((h) => leaf(algorithm, h)));
  const levels = [level];
  while (level.length > 1) {
    const up = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(node(algorithm, level[i], level[i + 1]));
    if (level.length % 2 === 1) up.push(level[level.length - 1]);
    level = await Promise.all(up);
    levels.push(level);
  }
  return levels;
}

export const root = (levels) => levels[levels.length - 1][0];

/** Document index's steps to the root: [{ side: 'left' | 'right', hash: '0x…' }]. */
export function path(levels, index) {
  const steps = [];
  let i = index;
  for (let l = 0; l < levels.length - 1; l++) {
    const sibling = i ^ 1;
    if (sibling < levels[l].length) steps.push({ side: i % 2 === 0 ? 'right' : 'left', hash: hex(levels[l][sibling]) });
    i = Math.floor(i / 2);
  }
  return steps;
}

/** The sides of document index's steps in a batch of size: the shape its path must have. */
export function sides(index, size) {
  const out = [];
  for (let i = index, count = size; count > 1; i = Math.floor(i / 2), count = Math.ceil(count / 2)) {
    if ((i ^ 1) < count) out.push(i % 2 === 0 ? 'right' : 'left');
  }
  return out;
}

/** The root a document hash and its path lead to. */
export async function rootOf(documentHash, steps, algorithm = 'sha-256') {
  let running = await leaf(algorithm, documentHash);
  for (const s of steps) {
    const sibling = bytes(s.hash);
    running = s.side === 'left' ? await node(algorithm, sibling, running) : await node(algorithm, running, sibling);
  }
  return running;
}
