#!/usr/bin/env bash
# `make bench`: every benchmark, each bounded in time and count, on loopback only.
# Each part is a script in scripts/bench/ that prints its own results; BENCHMARKS.md records
# the numbers measured on the reference machine (2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
for part in scripts/bench/*.sh; do
  echo "=== $(basename "$part" .sh) ==="
  bash "$part"
done
