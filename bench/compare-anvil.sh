#!/usr/bin/env bash
# Stele's EVM next to anvil (revm) on the same bytecode, in one run. Prints a table of medians.
# Usage: bench/compare-anvil.sh [SECONDS_PER_PROGRAM [WARMUP_SECONDS]]   (warm-up defaults to max(3, 2 x SECONDS))
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root/bench/anvil" && npm ci --no-audit --no-fund --silent)
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
java_bin="$(dirname "$(readlink -f "$root/stele")")"
# The same JDK the launcher would choose.
jdk=$(bash -c "source <(sed -n '/^jdk_version()/,/^}/p;/^find_jdk()/,/^}/p' '$root/stele'); min_java=21; die(){ echo \$*; exit 1; }; find_jdk")
exec "$jdk/bin/java" -cp "$root/bench/target/benchmarks.jar" org.stele.bench.compare.AnvilComparison \
  "$root/bench/anvil/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" "${1:-3}" ${2:+"$2"}
