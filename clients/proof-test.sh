#!/usr/bin/env bash
# Transaction proofs end to end (docs/proofs.md): the JavaScript verifier's tests on the shared vectors, the bundle the
# node serves rebuilt from the lockfile and compared with the committed one, then on a fresh `./stele dev` a
# transfer's stele_getTransactionProof, verified after the node stopped by `stele proof verify` (against the genesis
# file the node wrote) and by the JavaScript verifier, and a copy with one byte of a seal changed refused by both.
# Prints "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
js="$here/proof-js"
bundle=web/src/main/resources/web/proof/verify.js
data=$(mktemp -d)
dev_pid=""
trap '[ -n "$dev_pid" ] && kill "$dev_pid" 2>/dev/null; rm -rf "$data"' EXIT

passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi; }

(cd "$js" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in clients/proof-js"; echo "0 passed, 1 failed"; exit 1; }
check "the JavaScript verifier agrees with the shared proof vectors" '(cd "$js" && node --test test/ > "$data/node-test.log" 2>&1) || { cat "$data/node-test.log"; false; }'
cp "$root/$bundle" "$data/committed.js"
check "the committed browser bundle is what npm run build makes from the lockfile" \
  '(cd "$js" && npm run --silent build > /dev/null 2>&1) && cmp -s "$root/$bundle" "$data/committed.js"'

# shellcheck source=stele-dev.sh
source "$here/stele-dev.sh"
# ./stele builds the distribution first when sources changed, which can outlast start_stele_dev's wait for the banner.
"$root/stele" version > /dev/null || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
start_stele_dev "$root" "$data/chain" "$data/dev.log" || { echo "$passed passed, $((failed + 1)) failed"; exit 1; }
rpc() { curl -s -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$url"; }
result() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);if(r.error||r.result===null)process.exit(1);console.log(typeof r.result==="string"?r.result:JSON.stringify(r.result,null,2))})'; }
tx=$(rpc eth_sendTransaction '[{"from":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","to":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","value":"0xde0b6b3a7640000"}]' | result)
for _ in $(seq 1 100); do rpc eth_getTransactionReceipt "[\"$tx\"]" | result > /dev/null && break; sleep 0.1; done
rpc stele_getTransactionProof "[\"$tx\"]" | result > "$data/proof.json"
# What the JavaScript side trusts: the genesis hash the node reported (the Java side reads the genesis file instead).
genesis_hash=$(rpc eth_getBlockByNumber '["0x0",false]' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result.hash))')
check "the node serves the browser verifier it was built with at /proof/verify.js" \
  'curl -sf "${url%/}/proof/verify.js" | cmp -s - "$root/$bundle"'
kill "$dev_pid"; wait "$dev_pid" 2>/dev/null; dev_pid=""
node "$js/bin/tamper-seal.js" "$data/proof.json" "$data/tampered.json"

check "stele proof verify accepts the transfer's proof after the node stopped" \
  '"$root/stele" proof verify "$data/proof.json" --genesis "$data/chain/genesis.json" | tee "$data/out" | grep -q "^VERIFIED"'
check "stele proof verify refuses a copy with one byte of a seal changed, naming the seals check" \
  '"$root/stele" proof verify "$data/tampered.json" --genesis "$data/chain/genesis.json" | tee "$data/out" | grep -q "check seals"; [ "${PIPESTATUS[0]}" = 1 ]'
check "the JavaScript verifier accepts the same proof" \
  'node "$js/bin/verify.js" "$data/proof.json" --genesis-hash "$genesis_hash" --chain-id 31337 | grep -q "^VERIFIED"'
check "the JavaScript verifier refuses the tampered copy, naming the seals check" \
  'node "$js/bin/verify.js" "$data/tampered.json" --genesis-hash "$genesis_hash" --chain-id 31337 | grep -q "check seals"; [ "${PIPESTATUS[0]}" = 1 ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
