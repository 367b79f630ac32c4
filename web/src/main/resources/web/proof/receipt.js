// The logs of a raw receipt, as a stele-proof/1 file carries it (rawReceipt, proven by verify.js), for the pages that
// say which of an application's events a proven receipt holds (the charity's and the notary's verify pages).

const bytes = (hex) => Uint8Array.from(hex.slice(2).match(/../g) ?? [], (h) => parseInt(h, 16));
const hex = (b) => `0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;

/** Minimal RLP: an item is a Uint8Array or an array of items. Only used on receipts the proof verifier accepted. */
function rlp(data, start = 0) {
  const b = data[start];
  const length = (from, n) => Number(data.slice(from, from + n).reduce((acc, x) => acc * 256n + BigInt(x), 0n));
  if (b < 0x80) return [data.slice(start, start + 1), start + 1];
  if (b < 0xb8) return [data.slice(start + 1, start + 1 + b - 0x80), start + 1 + b - 0x80];
  if (b < 0xc0) {
    const n = b - 0xb7;
    const len = length(start + 1, n);
    return [data.slice(start + 1 + n, start + 1 + n + len), start + 1 + n + len];
  }
  let from;
  let end;
  if (b < 0xf8) {
    from = start + 1;
    end = from + b - 0xc0;
  } else {
    const n = b - 0xf7;
    from = start + 1 + n;
    end = from + length(start + 1, n);
  }
  const items = [];
  while (from < end) {
    const [item, next] = rlp(data, from);
    items.push(item);
    from = next;
  }
  return [items, end];
}

/** The logs of a raw receipt (0x-hex, type byte first for typed transactions) as { address, topics, data }, 0x-hex. */
export function receiptLogs(rawReceipt) {
  let data = bytes(rawReceipt);
  if (data[0] < 0x7f) data = data.slice(1);
  const [[, , , logs]] = rlp(data);
  return logs.map(([address, topics, body]) => ({ address: hex(address), topics: topics.map(hex), data: hex(body) }));
}
