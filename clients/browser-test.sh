#!/usr/bin/env bash
# The node's pages in a real browser (docs/testing.md): Debian's chromium driven by playwright-core from
# clients/browser/package-lock.json, each test file starting its own fresh `./stele dev` through clients/browser/harness.js.
# Screenshots land in clients/browser/screenshots/. Prints "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
browser="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] || { echo "no chromium at $browser: .ci/run installs Debian's chromium package (or set CHROMIUM)"; echo "0 passed, 1 failed"; exit 1; }
(cd "$here/browser" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in clients/browser"; echo "0 passed, 1 failed"; exit 1; }
# ./stele builds the distribution first when sources changed; done here so that no test's start-up waits on it.
"$root/stele" version > /dev/null || { echo "0 passed, 1 failed"; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
(cd "$here/browser" && node --test --test-reporter=tap --test-concurrency=1 test/) > "$log" 2>&1
status=$?
grep -E '^(not )?ok [0-9]+ - ' "$log"
[ "$status" -eq 0 ] || cat "$log"
pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -n1)
fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -n1)
echo "${pass:-0} passed, ${fail:-1} failed"
exit "$status"
