#!/usr/bin/env bash
# First visit on Slow 4G (goals: first contentful paint <= 0.5 s, sign-in usable <= 2.0 s,
# medians): a fresh bintu-local serving the release dist/, one stream with replay, then
# e2e/bench/first_visit.mjs (Chromium's network emulation through CDP, cold cache per run).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
start_local_server
created=$(curl -sf -X POST "$E2E_BASE_URL/stream" -H 'Content-Type: application/json' \
  -H "X-BINTU-APIKEY: $E2E_API_KEY" \
  -d '{"processing":[[{"id":"replay","duration":null},{"id":"thumbs","interval":10}]]}')
export BENCH_STREAM_ID BENCH_STREAMNAME
BENCH_STREAM_ID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$created")
BENCH_STREAMNAME=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["ingest"]["rtmp"]["streamname"])' <<<"$created")
node e2e/bench/first_visit.mjs
