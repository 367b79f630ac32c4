#!/usr/bin/env bash
# Whole-node load: the JSON-RPC load generator (org.stele.bench.load.LoadGenerator) against a node started here.
# Usage: bench/load.sh --against-anvil [generator flags, e.g. --kind erc20 --senders 200 --txs 20000 --batch 100]
# The node's resident memory is sampled (--pid is passed for you). Extra anvil flags: ANVIL_ARGS="--gas-limit N".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-}"
case "$target" in
  --against-anvil) shift ;;
  *) echo "usage: bench/load.sh --against-anvil [generator flags]" >&2; exit 2 ;;
esac

(cd "$root/bench/anvil" && npm ci --no-audit --no-fund --silent)
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
# The same JDK the launcher would choose.
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$(mktemp -t anvil-load.XXXXXX.log)"
anvil="$root/bench/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
# shellcheck disable=SC2086
"$anvil" --host 127.0.0.1 --port "$port" --block-time 1 --silent ${ANVIL_ARGS:-} >"$log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port"; then
    break
  fi
  kill -0 "$node_pid" 2>/dev/null || { echo "anvil exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.1
done
echo "anvil $("$anvil" --version | head -1 | awk '{print $3}') on 127.0.0.1:$port (pid $node_pid, --block-time 1 ${ANVIL_ARGS:-})"
"$jdk/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" org.stele.bench.load.LoadGenerator \
  --rpc "http://127.0.0.1:$port" --ws "ws://127.0.0.1:$port" --pid "$node_pid" "$@"
