#!/usr/bin/env bash
# Whole-node load: the JSON-RPC load generator (org.stele.bench.load.LoadGenerator) against nodes started here.
# Usage: bench/load.sh --against-stele|--against-anvil|--against-both|--against-network N [generator flags]
#   e.g. bench/load.sh --against-both --kind erc20 --senders 200 --txs 40000 --batch 100 --warmup 20000
#        bench/load.sh --against-network 4 --kind erc20 --senders 512 --rate 1000 --duration 30 --batch 20
# Each node starts fresh (stele dev on a new data directory, anvil --block-time 1) on a free loopback port, gets the
# same generator flags, and is stopped before the next one starts, so the two never share the machine. --rpc, --ws
# and --pid are passed for you; the node's resident memory is sampled. Extra node flags: STELE_ARGS="--gas-limit N",
# ANVIL_ARGS="--gas-limit N".
# --against-network N starts `stele network up --validators N` on a fresh directory (free ports), waits for every
# node, and gives the generator every node's JSON-RPC and WebSocket URL and process id: each sender sends to one
# node, a transaction is final when another node announces its block, and the nodes' agreement, CPU and memory are
# reported. NODE_JVM_OPTS="-XX:StartFlightRecording=filename=node.jfr,settings=profile" goes to every node's JVM
# (a relative file lands in the node's folder); NET_DIR=DIR (which must not exist) keeps the network's directory,
# logs and recordings after the run. NETWORK_ARGS="--heap 2g" goes to `stele network up`. The network's genesis gets a
# gas limit of NET_GAS_LIMIT (default 60,000,000: about 1,750 ERC-20 transfers a block, so 3,000 a second still fit
# when blocks come every 580 ms rather than every 250; `stele network init`'s 30,000,000 holds about 880). Larger blocks
# do not help here: a block must be executed by every validator within QBFT's 2 s request timeout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
case "${1:-}" in
  --against-stele) nodes=(stele) ;;
  --against-anvil) nodes=(anvil) ;;
  --against-both) nodes=(anvil stele) ;;
  --against-network)
    nodes=(network)
    validators="${2:-}"
    [[ "$validators" =~ ^[1-9][0-9]*$ ]] || { echo "--against-network needs a number of validators" >&2; exit 2; }
    shift ;;
  *) echo "usage: bench/load.sh --against-stele|--against-anvil|--against-both|--against-network N [generator flags]" >&2
     exit 2 ;;
esac
shift

# LOAD_NO_BUILD=1 runs the jars already built (to re-take figures, or to measure a build while its sources change):
# the nodes too, which ./stele would otherwise rebuild when a source is newer than its jar (STELE_NO_BUILD).
if [ -n "${LOAD_NO_BUILD:-}" ]; then export STELE_NO_BUILD=1
else (cd "$root" && mvn -B -q -pl node,bench -am package -DskipTests)
fi
# The same JDK the launcher would choose.
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")
anvil="$root/bench/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [[ " ${nodes[*]} " == *" anvil "* ]]; then
  (cd "$root/bench/anvil" && npm ci --no-audit --no-fund --silent)
fi

node_pid=""
net_pids=()
work="$(mktemp -d -t stele-load.XXXXXX)"
stop_node() {
  if [ -n "$node_pid" ]; then
    kill "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
    node_pid=""
  fi
  # `stele network up` stops its nodes when it is stopped; any node still there after that is stopped by its pid.
  local p
  for p in ${net_pids[@]+"${net_pids[@]}"}; do
    if kill -0 "$p" 2>/dev/null; then
      kill "$p" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$p" 2>/dev/null || true
    fi
  done
  net_pids=()
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
    network)
      net="${NET_DIR:-$work/net}"
      [ -e "$net" ] && { echo "NET_DIR $net exists; the benchmark wants a fresh network" >&2; exit 2; }
      jvm=()
      for o in ${NODE_JVM_OPTS:-}; do jvm+=("--jvm-option=$o"); done
      # shellcheck disable=SC2086
      "$root/stele" network up --validators "$validators" --dir "$net" --gas-limit "${NET_GAS_LIMIT:-60000000}" \
        ${jvm[@]+"${jvm[@]}"} ${NETWORK_ARGS:-} \
        >"$log" 2>&1 &
      node_pid=$!
      for _ in $(seq 1 600); do
        grep -q "^$validators nodes running" "$log" && break
        kill -0 "$node_pid" 2>/dev/null || { echo "stele network up exited:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.5
      done
      grep -q "^$validators nodes running" "$log" || { echo "the network did not start within 300 s:" >&2; cat "$log" >&2; exit 1; }
      rpcs=() wss=() pids=()
      for i in $(seq 1 "$validators"); do
        rpcs+=("$(sed -n "s|^node $i  rpc \(http://[^ ]*\) .*|\1|p" "$log" | head -n1)")
        wss+=("$(sed -n "s|^node $i  rpc [^ ]*  ws \(ws://[^ ]*\) .*|\1|p" "$log" | head -n1)")
        pids+=("$(cat "$net/node-$i/node.pid")")
      done
      net_pids=("${pids[@]}")
      ready=$(python3 -c "import time; print('%.2f' % ((time.time_ns() - $started) / 1e9))")
      echo "== stele network up --validators $validators (${NODE_JVM_OPTS:-no extra JVM options}), nodes" \
        "${rpcs[*]} (pids ${pids[*]}), all serving ${ready} s after launch; load average $(cut -d' ' -f1-3 /proc/loadavg)"
      (IFS=,; "$jdk/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" \
        org.stele.bench.load.LoadGenerator --rpc "${rpcs[*]}" --ws "${wss[*]}" --pid "${pids[*]}" "$@") \
        || echo "(generator exit status $?)"
      stop_node
      continue
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
