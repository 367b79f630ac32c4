#!/usr/bin/env bash
# Runs the real-client suites (ethers v6, viem, cast from clients/js; web3j from clients/web3j) against one node.
#
#   clients/run.sh                      same as --against-anvil
#   clients/run.sh --against-anvil      starts Foundry's anvil (npm) on a free loopback port, runs, stops it
#   clients/run.sh RPC_URL [WS_URL]     a node that is already running, e.g. ./stele dev:
#                                       clients/run.sh http://127.0.0.1:8545 ws://127.0.0.1:8545
#
# Prints "N passed, M failed" over both suites and exits non-zero when anything failed.
# STELE_CLIENTS_SKIP_NPM_CI=1 reuses an existing clients/js/node_modules; STELE_CLIENTS_MVN_ARGS adds Maven
# options (e.g. -o once the web3j dependencies are in ~/.m2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/stele-clients.XXXXXX")"
anvil_pid=""

cleanup() {
  if [ -n "$anvil_pid" ] && kill -0 "$anvil_pid" 2>/dev/null; then
    kill "$anvil_pid" 2>/dev/null || true
    wait "$anvil_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

mode=anvil rpc_url="" ws_url=""
case "${1:-}" in
  "" | --against-anvil) [ $# -le 1 ] || usage ;;
  -h | --help) usage ;;
  -*) usage ;;
  *)
    [ $# -le 2 ] || usage
    mode=external rpc_url="$1" ws_url="${2:-}"
    [ -n "$ws_url" ] || ws_url="$(printf '%s' "$rpc_url" | sed 's|^http|ws|')"
    ;;
esac

# A JDK 21+, found the way the ./stele launcher finds one (JAVA_HOME, PATH, then the usual install folders).
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \"\$*\" >&2; exit 1; }; find_jdk")

if [ "${STELE_CLIENTS_SKIP_NPM_CI:-}" = 1 ] && [ -d "$here/js/node_modules" ]; then
  echo "== npm ci skipped (STELE_CLIENTS_SKIP_NPM_CI=1)"
else
  echo "== npm ci (clients/js)"
  (cd "$here/js" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== compiling the contracts with solc-js"
(cd "$here/js" && node lib/compile.js "$work/contracts.json")

if [ "$mode" = anvil ]; then
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  "$here/js/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" --host 127.0.0.1 --port "$port" \
    --mnemonic 'test test test test test test test test test test test junk' >"$work/anvil.log" 2>&1 &
  anvil_pid=$!
  rpc_url="http://127.0.0.1:$port" ws_url="ws://127.0.0.1:$port"
  for _ in $(seq 1 200); do
    curl -fsS -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' \
      "$rpc_url" >/dev/null 2>&1 && break
    kill -0 "$anvil_pid" 2>/dev/null || { cat "$work/anvil.log" >&2; echo "anvil exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "== anvil at $rpc_url (pid $anvil_pid)"
fi
echo "== node under test: $rpc_url  $ws_url"
export STELE_RPC_URL="$rpc_url" STELE_WS_URL="$ws_url" STELE_ARTIFACTS="$work/contracts.json"

passed=0 failed=0

echo "== JS suites: ethers v6, viem, cast"
js_rc=0
(cd "$here/js" && node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$work/js.tap" test/) || js_rc=$?
js_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$work/js.tap" | tail -n1)
js_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$work/js.tap" | tail -n1)
js_cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$work/js.tap" | tail -n1)
js_pass=${js_pass:-0} js_fail=$(( ${js_fail:-0} + ${js_cancelled:-0} ))
# A run that failed without a failing test (a crash, a syntax error) still counts as one failure.
if [ "$js_rc" -ne 0 ] && [ "$js_fail" -eq 0 ]; then js_fail=1; fi
passed=$((passed + js_pass)) failed=$((failed + js_fail))
echo "== JS: $js_pass passed, $js_fail failed"

echo "== web3j suite (JDK $jdk)"
w_rc=0
rm -rf "$here/web3j/target/surefire-reports"
# Maven's own output goes to a file, and so does each test's (surefire redirects it); both are printed on failure.
(cd "$here/web3j" && JAVA_HOME="$jdk" mvn -B -q --no-transfer-progress ${STELE_CLIENTS_MVN_ARGS:-} test \
  >"$work/web3j-mvn.log" 2>&1) || w_rc=$?
w_tests=0 w_bad=0 w_skipped=0
for f in "$here"/web3j/target/surefire-reports/TEST-*.xml; do
  [ -f "$f" ] || continue
  attrs=$(grep -m1 -o '<testsuite [^>]*>' "$f")
  attr() { printf '%s' "$attrs" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  w_tests=$((w_tests + $(attr tests))) w_skipped=$((w_skipped + $(attr skipped)))
  bad=$(($(attr failures) + $(attr errors)))
  w_bad=$((w_bad + bad))
  if [ "$bad" -gt 0 ]; then
    class=$(basename "$f" .xml); class=${class#TEST-}
    echo "== web3j: $class failed; its report and output:"
    cat "$here/web3j/target/surefire-reports/$class.txt" 2>/dev/null
    cat "$here/web3j/target/surefire-reports/$class-output.txt" 2>/dev/null
  fi
done
if [ "$w_rc" -ne 0 ] && [ "$w_bad" -eq 0 ]; then
  echo "== web3j: mvn test failed (exit $w_rc) without a failing test:"
  cat "$work/web3j-mvn.log"
fi
w_pass=$((w_tests - w_bad - w_skipped))
if [ "$w_rc" -ne 0 ] && [ "$w_bad" -eq 0 ]; then w_bad=1; fi
passed=$((passed + w_pass)) failed=$((failed + w_bad))
echo "== web3j: $w_pass passed, $w_bad failed"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
