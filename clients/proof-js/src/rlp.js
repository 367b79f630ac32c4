// RLP, the encoding of Ethereum's headers, transactions, receipts and trie nodes: an item is a byte string
// (Uint8Array) or a list of items. Decoding is strict: lengths must be minimal and the input used up exactly.

export class RlpError extends Error {}

export function decode(bytes) {
  const [item, end] = decodeAt(bytes, 0);
  if (end !== bytes.length) throw new RlpError(`${bytes.length - end} bytes after the RLP item`);
  return item;
}

function decodeAt(b, pos) {
  if (pos >= b.length) throw new RlpError('RLP ends early');
  const first = b[pos];
  if (first < 0x80) return [b.subarray(pos, pos + 1), pos + 1];
  if (first < 0xb8) {
    const len = first - 0x80;
    const end = pos + 1 + len;
    if (end > b.length) throw new RlpError('RLP string runs past the end');
    if (len === 1 && b[pos + 1] < 0x80) throw new RlpError('a single byte below 0x80 is its own encoding');
    return [b.subarray(pos + 1, end), end];
  }
  if (first < 0xc0) {
    const [len, start] = longLength(b, pos, first - 0xb7);
    return [b.subarray(start, start + len), start + len];
  }
  let len, start;
  if (first < 0xf8) {
    len = first - 0xc0;
    start = pos + 1;
  } else {
    [len, start] = longLength(b, pos, first - 0xf7);
  }
  const end = start + len;
  if (end > b.length) throw new RlpError('RLP list runs past the end');
  const items = [];
  let p = start;
  while (p < end) {
    const [item, next] = decodeAt(b, p);
    if (next > end) throw new RlpError('RLP list item runs past its list');
    items.push(item);
    p = next;
  }
  return [items, end];
}

function longLength(b, pos, lenOfLen) {
  if (pos + 1 + lenOfLen > b.length) throw new RlpError('RLP length runs past the end');
  if (b[pos + 1] === 0) throw new RlpError('RLP length has a leading zero');
  let len = 0;
  for (let i = 0; i < lenOfLen; i++) len = len * 256 + b[pos + 1 + i];
  if (len < 56) throw new RlpError('RLP long form for a short length');
  const start = pos + 1 + lenOfLen;
  if (start + len > b.length) throw new RlpError('RLP item runs past the end');
  return [len, start];
}

export function encode(item) {
  if (item instanceof Uint8Array) {
    if (item.length === 1 && item[0] < 0x80) return item;
    return concat([header(0x80, item.length), item]);
  }
  const body = concat(item.map(encode));
  return concat([header(0xc0, body.length), body]);
}

function header(offset, len) {
  if (len < 56) return Uint8Array.of(offset + len);
  const lenBytes = [];
  for (let l = len; l > 0; l = Math.floor(l / 256)) lenBytes.unshift(l % 256);
  return Uint8Array.of(offset + 55 + lenBytes.length, ...lenBytes);
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The RLP of a non-negative integer (a block's transaction index as a trie key). */
export function encodeInteger(n) {
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return encode(Uint8Array.from(bytes));
}

/** A byte string read as a big-endian unsigned integer. */
export function toBigInt(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
