#!/usr/bin/env bash
# Reproducible contracts (docs/contracts.md): every Solidity target of tools/solc/targets.txt is compiled again with the
# solc and libraries pinned in tools/solc/package-lock.json, and each contract's committed JSON (ABI and bytecode) must
# be byte for byte what that build gives. Prints "N passed, M failed".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
solc_dir="$here/../tools/solc"
(cd "$solc_dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tools/solc"; echo "0 passed, 1 failed"; exit 1; }
node "$solc_dir/compile.js" --check
