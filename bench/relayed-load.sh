#!/usr/bin/env bash
# Relayed point transfers (docs/performance.md, docs/points.md): org.stele.bench.load.RelayedLoadGenerator against a
# fresh stele dev on a free loopback port, the relayer (`stele points relayer`) in a process of its own, so the CPU of
# the wallets (the generator), the relayer and the node per transfer are reported apart.
# Usage: bench/relayed-load.sh [--wallets 1000] [--rounds 6] [--warmup-rounds 1] [--depth 3] [--max-batch 100]
# [--window-ms 20] [--stele LAUNCHER]. The window starts after --warmup-rounds x --wallets transfers: give the plain
# ERC-20 run as many (bench/load.sh --warmup N) for a like-for-like ratio, both JVMs being fresh.
# RELAYED_NO_BUILD=1 skips the build (as LOAD_NO_BUILD does for bench/load.sh); RELAYED_JAVA_OPTS are added to the
# generator's JVM, RELAYER_JAVA_OPTS to the relayer's (STELE_JAVA_OPTS to the node's), e.g.
# -XX:StartFlightRecording=filename=relayer.jfr. RELAYED_IN_PROCESS=1 runs the relayer in the generator's process.
# Compare with the plain ERC-20 figure of the same window: bench/load.sh --against-stele --kind erc20 ...
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The relayer runs through ./stele, which rebuilds when any source is newer than node/target/stele.jar (a bench source
# too, and Maven leaves an unchanged jar as it was): the jar was just built, so it is marked fresh, as ./stele does.
# RELAYED_NO_BUILD=1 (or LOAD_NO_BUILD=1) keeps ./stele from rebuilding too (STELE_NO_BUILD).
if [ -n "${RELAYED_NO_BUILD:-}${LOAD_NO_BUILD:-}" ]; then export STELE_NO_BUILD=1
else
  (cd "$root" && mvn -B -q -pl node,bench -am package -DskipTests)
  touch "$root/node/target/stele.jar"
fi
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")
work="$(mktemp -d -t stele-relayed.XXXXXX)"
node_pid=""
# The node ends by SIGTERM, so waiting for it answers 143: under set -e that status would end the trap there, become
# the script's exit status and leave $work behind. The trap ends with the generator's status instead.
gen_pid=""
# The generator stops its relayer when it ends (a shutdown hook), so it is stopped by SIGTERM, not left behind.
trap 'status=$?; [ -n "$gen_pid" ] && { kill "$gen_pid" 2>/dev/null || true; wait "$gen_pid" 2>/dev/null || true; }; [ -n "$node_pid" ] && { kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; }; rm -rf "$work"; exit $status' EXIT
trap 'exit 143' TERM INT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# shellcheck disable=SC2086
"$root/stele" dev --data-dir "$work/data" --port "$port" ${STELE_ARGS:-} >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 600); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port" && break
  kill -0 "$node_pid" 2>/dev/null || { cat "$work/node.log" >&2; exit 1; }
  sleep 0.05
done
# The loop ends after 30 s even when the node never answered (./stele may still be building it): say so, not later.
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
  --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port" ||
  { echo "stele dev did not answer on 127.0.0.1:$port within 30 s" >&2; cat "$work/node.log" >&2; exit 1; }
echo "== stele dev on 127.0.0.1:$port (pid $node_pid, ${STELE_ARGS:-default flags})"
relayer=(--stele "$root/stele")
[ -z "${RELAYED_IN_PROCESS:-}" ] || relayer=()
"$jdk/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED ${RELAYED_JAVA_OPTS:-} -cp "$root/bench/target/benchmarks.jar" \
  org.stele.bench.load.RelayedLoadGenerator --rpc "http://127.0.0.1:$port" --node-pid "$node_pid" \
  ${relayer[@]+"${relayer[@]}"} "$@" &
gen_pid=$!
wait "$gen_pid" && gen_status=0 || gen_status=$?
gen_pid=""
exit "$gen_status"
