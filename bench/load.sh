#!/usr/bin/env bash
# Whole-node load: the JSON-RPC load generator (org.stele.bench.load.LoadGenerator) against nodes started here.
# Usage: bench/load.sh --against-stele|--against-anvil|--against-both [generator flags]
#   e.g. bench/load.sh --against-both --kind erc20 --senders 200 --txs 40000 --batch 100 --warmup 20000
# Each node starts fresh (stele dev on a new data directory, anvil --block-time 1) on a free loopback port, gets the
# same generator flags, and is stopped before the next one starts, so the two never share the machine. --rpc, --ws
# and --pid are passed for you; the node's resident memory is sampled. Extra node flags: STELE_ARGS="--gas-limit N",
# ANVIL_ARGS="--gas-limit N".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
case "${1:-}" in
  --against-stele) nodes=(stele) ;;
  --against-anvil) nodes=(anvil) ;;
  --against-both) nodes=(anvil stele) ;;
  *) echo "usage: bench/load.sh --against-stele|--against-anvil|--against-both [generator flags]" >&2; exit 2 ;;
esac
shift

(cd "$root" && mvn -B -q -pl node,bench -am package -DskipTests)
# The same JDK the launcher would choose.
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")
anvil="$root/bench/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [[ " ${nodes[*]} " == *" anvil "* ]]; then
  (cd "$root/bench/anvil" && npm ci --no-audit --no-fund --silent)
fi

node_pid=""
work="$(mktemp -d -t stele-load.XXXXXX)"
stop_node() {
  if [ -n "$node_pid" ]; then
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
    node_pid=""
  fi
}
trap 'stop_node; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits until the node at $1 answers eth_chainId; prints the seconds it took from $2 (a start time in ns).
await_rpc() {
  local url="$1" started="$2" log="$3"
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
        --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url"; then
      python3 -c "import time; print('%.2f' % ((time.time_ns() - $started) / 1e9))"
      return 0
    fi
    kill -0 "$node_pid" 2>/dev/null || { echo "the node exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo "the node did not answer within 30 s:" >&2; cat "$log" >&2; exit 1
}

for node in "${nodes[@]}"; do
  port=$(free_port)
  log="$work/$node.log"
  started=$(date +%s%N)
  case "$node" in
    stele)
      # shellcheck disable=SC2086
      "$root/stele" dev --data-dir "$work/stele-data" --port "$port" ${STELE_ARGS:-} >"$log" 2>&1 &
      node_pid=$!
      ready=$(await_rpc "http://127.0.0.1:$port" "$started" "$log")
      echo "== stele dev $(sed -n 's/^Stele \(.*\)/\1/p' <("$root/stele" version) | head -1) on 127.0.0.1:$port" \
        "(pid $node_pid, ${STELE_ARGS:-default flags}), serving ${ready} s after launch"
      ;;
    anvil)
      # shellcheck disable=SC2086
      "$anvil" --host 127.0.0.1 --port "$port" --block-time 1 --silent ${ANVIL_ARGS:-} >"$log" 2>&1 &
      node_pid=$!
      ready=$(await_rpc "http://127.0.0.1:$port" "$started" "$log")
      echo "== anvil $("$anvil" --version | head -1 | awk '{print $3}') on 127.0.0.1:$port" \
        "(pid $node_pid, --block-time 1 ${ANVIL_ARGS:-}), serving ${ready} s after launch"
      ;;
  esac
  "$jdk/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" \
    org.stele.bench.load.LoadGenerator --rpc "http://127.0.0.1:$port" --ws "ws://127.0.0.1:$port" --pid "$node_pid" "$@" \
    || echo "(generator exit status $?)"
  stop_node
done
