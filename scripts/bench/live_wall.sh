#!/usr/bin/env bash
# Live wall cost (issue 11, item 2): 50 live streams, each with a thumbnail and a motion
# clip, on /live in headless Chromium for 60 s per scenario; prints the script time per poll
# (Chromium's ScriptDuration over the window / polls) and the requests per minute by kind.
# Publishing 50 streams would need 50 encoders on this 2-core machine, so the streams are
# marked live in bintu-local's SQLite and their pictures are files written into its media
# directory (the API lists a picture when its file exists); a background loop rewrites them
# every 10 s in the "changing" scenario, as a 10 s thumbnail interval would.
# Needs `make build` (dist/ and the release bintu-local).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
source scripts/local-server.sh
start_local_server
thumbs="$E2E_DATA_DIR/media/thumbnails"
mkdir -p "$thumbs"
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720 -frames:v 1 -y "$E2E_DATA_DIR/t.jpg"
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x180:rate=10 -t 2 -y "$E2E_DATA_DIR/t.gif"
NAMES=$(python3 scripts/bench/seed_live_wall.py "$E2E_BASE_URL" "$E2E_API_KEY" "$E2E_DATA_DIR/bintu.sqlite3" 50)
for n in $NAMES; do cp "$E2E_DATA_DIR/t.jpg" "$thumbs/$n.jpg"; cp "$E2E_DATA_DIR/t.gif" "$thumbs/$n.gif"; done
export BENCH_SCENARIO=static
node e2e/bench/live_wall.mjs
# Every picture rewritten every 10 s (a new file each time, renamed into place like the engine does).
( while true; do for n in $NAMES; do cp "$E2E_DATA_DIR/t.jpg" "$thumbs/.$n.jpg" && mv "$thumbs/.$n.jpg" "$thumbs/$n.jpg"; done; sleep 10; done ) &
TOUCHER=$!
trap 'kill $TOUCHER 2>/dev/null || true; stop_local_server' EXIT
export BENCH_SCENARIO="changing every 10 s"
node e2e/bench/live_wall.mjs
