#!/usr/bin/env bash
# The answer time of stele_getTransactionProof (docs/proofs.md, "Answer time"): a fresh `./stele dev` with a block
# every 4 s takes N transfers (default 1000) from the ten dev accounts, so that they fill a few large blocks, then
# asks for the proof of every 10th of them (once to warm up, then timed) and prints the median and the slowest
# answer, measured at the client, and the time of the very first call.
# Usage: bench/proof-time.sh [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-1000}"
data=$(mktemp -d)
dev_pid=""
trap '[ -n "$dev_pid" ] && kill "$dev_pid" 2>/dev/null; rm -rf "$data"' EXIT
"$root/stele" dev --data-dir "$data/chain" --port 0 -b 4 > "$data/dev.log" 2>&1 &
dev_pid=$!
url=""
for _ in $(seq 1 120); do
  url=$(sed -n 's|^  JSON-RPC: *\(http://[0-9.:]*\).*|\1|p' "$data/dev.log")
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { cat "$data/dev.log"; exit 1; }
URL="$url" N="$n" node --input-type=module -e '
const url = process.env.URL, n = Number(process.env.N);
const call = async (method, params) => {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const j = await r.json();
  if (j.error) throw new Error(method + ": " + j.error.message);
  return j.result;
};
const accounts = await call("eth_accounts", []);
const hashes = [];
for (let i = 0; i < n; i++) {
  const from = accounts[i % accounts.length], to = accounts[(i + 1) % accounts.length];
  hashes.push(await call("eth_sendTransaction", [{ from, to, value: "0x1", gas: "0x5208" }]));
}
let last = null;
while (last === null) { last = await call("eth_getTransactionReceipt", [hashes[hashes.length - 1]]); await new Promise((r) => setTimeout(r, 200)); }
const blocks = new Map();
const times = [];
// The first call scans the chain for validator-set changes, and the first few run before the JIT has compiled
// anything: a warm-up pass over the same transactions, timed on its own.
const c0 = process.hrtime.bigint();
await call("stele_getTransactionProof", [hashes[0]]);
const cold = Number(process.hrtime.bigint() - c0) / 1e6;
for (let i = 0; i < n; i += 10) await call("stele_getTransactionProof", [hashes[i]]);
for (let i = 0; i < n; i += 10) {
  const t0 = process.hrtime.bigint();
  const p = await call("stele_getTransactionProof", [hashes[i]]);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  blocks.set(p.blockNumber, (blocks.get(p.blockNumber) ?? 0) + 1);
}
times.sort((a, b) => a - b);
const txs = [];
for (const b of blocks.keys()) txs.push(parseInt((await call("eth_getBlockByNumber", ["0x" + b.toString(16), false])).transactions.length));
console.log(`${n} transfers in blocks of ${txs.join(", ")} transactions; ${times.length} proofs: median ${times[times.length >> 1].toFixed(1)} ms, slowest ${times[times.length - 1].toFixed(1)} ms (warm); the first call ${cold.toFixed(1)} ms`);
'
