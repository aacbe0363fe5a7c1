#!/usr/bin/env bash
# Share link to first frame (goal <= 1.5 s on loopback): a 20 s publish to a fresh local
# server, then e2e/bench/replay.mjs opens a share link of that ended session RUNS times.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
start_local_server
node e2e/bench/replay.mjs
