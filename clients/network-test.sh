#!/usr/bin/env bash
# Four validator processes through `stele network up`, on free ports: kill -9 one under load and the other three go
# on and agree; the killed one, restarted by the line the launcher prints, catches up; wiped, it re-syncs with every
# seal checked; with two of four stopped the chain halts without forking and resumes when they return.
# Needs clients/js installed (npm ci) for Foundry's cast. Prints "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cast="$here/js/node_modules/.bin/cast"
# stele dev's first account, funded in the genesis that `stele network init` writes.
key=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
to=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
work=$(mktemp -d)
net="$work/net"
up_pid=""
hand_pids=()
sender=""

stop_all() {
  [ -n "$sender" ] && kill "$sender" 2>/dev/null
  for p in "${hand_pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "$up_pid" ] && kill "$up_pid" 2>/dev/null && wait "$up_pid" 2>/dev/null
  for p in "${hand_pids[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap stop_all EXIT

passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi; }

rpc_port() { sed -n "s|^node $1  rpc http://127.0.0.1:\([0-9]*\).*|\1|p" "$work/up.log" | head -n1; }
url() { echo "http://127.0.0.1:$(rpc_port "$1")"; }
height() { "$cast" block-number --rpc-url "$(url "$1")" 2>/dev/null || echo -1; }
hash_at() { "$cast" block "$2" --field hash --rpc-url "$(url "$1")" 2>/dev/null || echo "none"; }
# Waits up to $3 seconds until node $1 is at height $2 or above.
await_height() {
  local deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(height "$1")" -ge "$2" ] && return 0
    sleep 0.5
  done
  return 1
}
# Whether nodes ($2...) name the same block at height $1.
agree_at() {
  local h="$1" first="" n x
  shift
  for n in "$@"; do
    x=$(hash_at "$n" "$h")
    [ "$x" = "none" ] && return 1
    [ -z "$first" ] && first="$x"
    [ "$x" = "$first" ] || return 1
  done
}
kill_node() { local pid; pid=$(cat "$net/node-$1/node.pid" 2>/dev/null) && { kill -9 "$pid"; } 2>/dev/null; sleep 1; }
# Restarts node $1 in the background with the line `stele network up` printed when it exited (exec'd, so that the
# recorded pid is the node's own).
restart_node() {
  local line
  line=$(sed -n "s|^node $1 exited with code .*restart it with: \(.*\)$|\1|p" "$work/up.log" | tail -n1)
  [ -n "$line" ] || { echo "no restart line for node $1:"; cat "$work/up.log"; return 1; }
  line=$(printf '%s' "$line" | sed 's/ && / \&\& exec env /')
  bash -c "$line" >> "$work/node-$1-by-hand.log" 2>&1 &
  hand_pids+=($!)
  echo "$!" > "$net/node-$1/node.pid"
}
send_load() {
  (while true; do
     "$cast" send --async --private-key "$key" --rpc-url "$(url 1)" "$to" --value 1 >/dev/null 2>&1 || sleep 0.2
   done) &
  sender=$!
}

"$root/stele" network up --validators 4 --dir "$net" --heap 512m > "$work/up.log" 2>&1 &
up_pid=$!
for _ in $(seq 1 240); do
  grep -q "4 nodes running" "$work/up.log" && break
  kill -0 "$up_pid" 2>/dev/null || break
  sleep 0.5
done
check "stele network up starts four validator processes and prints a banner line for each" \
  '[ "$(grep -c "^node [1-4]  rpc http" "$work/up.log")" -eq 4 ]'
[ "$failed" -eq 0 ] || { cat "$work/up.log"; echo "$passed passed, $failed failed"; exit 1; }
check "the four validators finalise blocks" 'await_height 1 2 60'

# kill -9 one validator under load.
send_load
await_height 1 "$(($(height 1) + 1))" 30
kill_node 4
before=$(height 1)
check "with validator 4 killed under load, the chain keeps finalising (from $before)" \
  'await_height 1 $((before + 3)) 60'
check "the three live validators agree on block $before and after" \
  'agree_at "$before" 1 2 3 && agree_at "$(($(height 3) - 1))" 1 2 3'
check "the launcher reports the dead validator with the line that restarts it" \
  'grep -q "^node 4 exited with code .*restart it with: " "$work/up.log"'

# The restarted validator catches up.
restart_node 4
target=$(height 1)
check "restarted by hand, validator 4 catches up to block $target" 'await_height 4 "$target" 90'
check "validator 4 names block $target as the others do" 'agree_at "$target" 1 2 3 4'
kill "$sender" 2>/dev/null; wait "$sender" 2>/dev/null; sender=""

# Wiped, it re-syncs with every seal checked by its importer.
kill_node 4
rm -rf "$net/node-4/data"
restart_node 4
target=$(height 1)
check "wiped, validator 4 re-syncs to block $target" 'await_height 4 "$target" 90'
check "the re-synced chain is the same chain" 'agree_at 1 1 4 && agree_at "$target" 1 2 3 4'

# Two of four stopped: no quorum, no blocks, no fork.
kill_node 4
kill_node 3
sleep 3
halted=$(height 1)
sleep 8
check "with two of four validators stopped the chain halts at block $halted" '[ "$(height 1)" -le "$((halted + 1))" ]'
check "the two live validators have not forked" 'agree_at "$(height 2)" 1 2 || agree_at "$(height 1)" 1 2'
restart_node 3
restart_node 4
stopped_at=$(height 1)
check "when they return, the chain resumes past block $stopped_at" 'await_height 1 $((stopped_at + 2)) 120'
check "and all four agree" 'await_height 4 $((stopped_at + 2)) 90 && agree_at $((stopped_at + 2)) 1 2 3 4'

if [ "$failed" -gt 0 ]; then
  echo "--- stele network up"; cat "$work/up.log"
  for f in "$net"/node-*/node.log "$work"/node-*-by-hand.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
