#!/usr/bin/env bash
# The explorer's address page on a busy contract, as rendered in a browser (docs/performance.md): a fresh `stele dev`
# on a free port, an ERC-20 token with TXS transfers through the load generator (every one calls the token, so its
# history is TXS transactions), then the page of the token timed in Debian's chromium from navigation to 25 rows.
# Usage: bench/explorer-page.sh [TXS] [RUNS]   (defaults 100000 and 20)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
txs="${1:-100000}"
runs="${2:-20}"
(cd "$root" && mvn -B -q -pl node,bench -am package -DskipTests)
(cd "$root/clients/browser" && npm ci --no-audit --no-fund --loglevel=error)
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")
work="$(mktemp -d -t stele-explorer.XXXXXX)"
node_pid=""
trap '[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$root/stele" dev --data-dir "$work/data" --port "$port" >"$work/node.log" 2>&1 &
node_pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" && break
  kill -0 "$node_pid" 2>/dev/null || { cat "$work/node.log" >&2; exit 1; }
  sleep 0.1
done
echo "== stele dev on $url; $txs ERC-20 transfers through the load generator (load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$jdk/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" \
  org.stele.bench.load.LoadGenerator --rpc "$url" --ws "ws://127.0.0.1:$port" --pid "$node_pid" \
  --kind erc20 --senders 200 --txs "$txs" --batch 100 --warmup 0 2>"$work/load.err" | tail -n 4
token=$(sed -n 's/.*token deployed at \(0x[0-9a-fA-F]\{40\}\).*/\1/p' "$work/load.err" | head -1)
[ -n "$token" ] || { echo "the load generator deployed no token:" >&2; cat "$work/load.err" >&2; exit 1; }
echo "== the token's page, load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$root/clients/browser" && node bench/address-page.js "$url" "$token" "$runs")
