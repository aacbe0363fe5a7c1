#!/usr/bin/env bash
# Console size and rendering: transfer size of the release console (wasm + JS + CSS, gzip -9
# and brotli; hls.js excluded, it loads only on replay pages), then in headless Chromium the
# time from navigation to the overview table of a group stream with 100 recordings, and the
# script time of the stream list rendering 250 streams. Needs `make build` (dist/ and the
# release bintu-local); `make bench` does that first.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

# The console (dist/) and the public replay pages (dist/$REPLAY_APP/) are separate builds; a
# visitor loads one of them. hls.js (public/vendor) is excluded: only replay pages load it.
sizes() {
  local dir=$1 label=$2 total_raw=0 total_gz=0 total_br=0
  echo "-- transfer size, $label ($dir/, bytes) --"
  # nullglob: the style sheets are inlined in the HTML since the static shell (no *.css).
  shopt -s nullglob
  for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9c "$f" | wc -c)
    # brotli is optional on the host (Debian package `brotli`); 0 means "not measured".
    if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$f" | wc -c); else br=0; fi
    printf '%-48s raw %8d  gzip %8d  brotli %8d\n' "$(basename "$f")" "$raw" "$gz" "$br"
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  done
  printf '%-48s raw %8d  gzip %8d  brotli %8d   (goal: gzip <= 204800)\n' "TOTAL $label" \
    "$total_raw" "$total_gz" "$total_br"
}
sizes dist console
# The replay build's directory, written once in the contract crate (the Makefile reads it too).
REPLAY_APP=$(sed -n 's/^pub const REPLAY_APP: &str = "\(.*\)";$/\1/p' contract/src/pages.rs)
if [ -d "dist/$REPLAY_APP" ]; then sizes "dist/$REPLAY_APP" "replay pages"; fi

source scripts/local-server.sh
start_local_server
# A group stream with 100 recordings and 100 replay sessions per member, and 250 more streams.
BENCH_IDS=$(python3 scripts/bench/seed_console.py "$E2E_BASE_URL" "$E2E_API_KEY" "$E2E_DATA_DIR/bintu.sqlite3")
export BENCH_GROUP_ID="$BENCH_IDS"
node e2e/bench/console.mjs
