#!/usr/bin/env bash
# The hostile-client suite of issue 13: a fresh `./stele dev` with its heap capped at 512 MiB, on a free port, against
# clients/hostile/HostileClient.java over real sockets (subscriptions left by closed WebSockets, a deep-stack trace,
# pipelining, slow headers, framing, browsers, transaction admission). Prints the node's heap after a full GC before
# and after the suite, and "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
data=$(mktemp -d)
dev_pid=""
trap '[ -n "$dev_pid" ] && { kill "$dev_pid" 2>/dev/null; wait "$dev_pid" 2>/dev/null; }; rm -rf "$data"' EXIT

# Builds the distribution first when sources changed, so that the node's start is not timed with the build.
"$root/stele" version > /dev/null || { echo "0 passed, 1 failed"; exit 1; }
# shellcheck source=stele-dev.sh
source "$here/stele-dev.sh"
STELE_JAVA_OPTS="-Xmx512m ${STELE_JAVA_OPTS:-}" start_stele_dev "$root" "$data/chain" "$data/dev.log" || {
  echo "0 passed, 1 failed"; exit 1; }
java_home="$(dirname "$(dirname "$(readlink -f "/proc/$dev_pid/exe")")")"

# Used heap after a full GC, in KiB (jcmd's GC.heap_info after GC.run).
heap_after_gc() {
  "$java_home/bin/jcmd" "$dev_pid" GC.run > /dev/null
  "$java_home/bin/jcmd" "$dev_pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n1
}

before=$(heap_after_gc)
echo "heap after a full GC before the suite: ${before} KiB"
start=$(date +%s)
"$java_home/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/node/target/stele.jar:$root/node/target/lib/*" "$here/hostile/HostileClient.java" "$url" |
  tee "$data/client.log"
status=${PIPESTATUS[0]}
after=$(heap_after_gc)
echo "heap after a full GC after the suite: ${after} KiB ($(( $(date +%s) - start )) s)"
read -r passed failed < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$data/client.log" | tail -n1 | awk '{print $1, $3}')
passed=${passed:-0}
failed=${failed:-0}
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
if kill -0 "$dev_pid" 2>/dev/null; then passed=$((passed + 1)); echo "ok - the node is still running";
else failed=$((failed + 1)); echo "not ok - the node is still running"; cat "$data/dev.log"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
