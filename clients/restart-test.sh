#!/usr/bin/env bash
# Crash consistency of ./stele dev: send transactions, kill -9 the node while it takes them, restart it on the same
# data directory, and check that every receipt it had served is still there and that the chain goes on.
# Needs clients/js installed (npm ci) for Foundry's cast. Prints "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cast="$here/js/node_modules/.bin/cast"
key=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
to=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
data=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$data"' EXIT

# shellcheck source=stele-dev.sh
source "$here/stele-dev.sh"
start_node() { start_stele_dev "$root" "$data/chain" "$data/dev.log" || exit 1; pid=$dev_pid; }

passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi; }

start_node
# Transactions go in from the background; each served receipt's hash is recorded as it arrives.
(
  for i in $(seq 1 200); do
    "$cast" send --async --private-key "$key" --rpc-url "$url" "$to" --value 1 >> "$data/sent" 2>/dev/null || break
  done
) &
sender=$!
for _ in $(seq 1 100); do [ "$(wc -l < "$data/sent" 2>/dev/null || echo 0)" -ge 20 ] && break; sleep 0.1; done
# Receipts served before the kill: whatever the node answers now.
while read -r tx; do
  r=$("$cast" receipt --rpc-url "$url" "$tx" transactionHash 2>/dev/null || true)
  [ -n "$r" ] && echo "$tx" >> "$data/served"
done < <(head -n 20 "$data/sent")
head_before=$("$cast" block-number --rpc-url "$url")
# The shell's own "Killed" notice for the job is expected here; keep it off the test's output.
{ kill -9 "$pid"; wait "$pid"; } 2>/dev/null
kill "$sender" 2>/dev/null; wait "$sender" 2>/dev/null

start_node
served=$(wc -l < "$data/served" 2>/dev/null || echo 0)
check "receipts were served before the kill ($served)" '[ "$served" -gt 0 ]'
missing=0
while read -r tx; do
  [ -n "$("$cast" receipt --rpc-url "$url" "$tx" transactionHash 2>/dev/null)" ] || missing=$((missing + 1))
done < "$data/served"
check "every receipt served before the kill is still there after the restart" '[ "$missing" -eq 0 ]'
head_after=$("$cast" block-number --rpc-url "$url")
check "the restarted chain starts at or above block $head_before (it is at $head_after)" '[ "$head_after" -ge "$head_before" ]'
"$cast" send --private-key "$key" --rpc-url "$url" "$to" --value 1 > /dev/null 2>&1
check "the chain goes on: a new transaction is mined after the restart" '[ "$("$cast" block-number --rpc-url "$url")" -gt "$head_after" ]'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
