#!/usr/bin/env bash
# End-to-end suite: starts the release bintu-local (serving the release console) on free
# loopback ports over a fresh data directory, then runs the Playwright tests in e2e/ against
# Debian's Chromium. Stops the server (and its ffmpeg children) on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

DATA=$(mktemp -d)
PORT=$(free_port)
RTMP_PORT=$(free_port)
target/release/bintu-local --data-dir "$DATA" serve --dist dist --port "$PORT" --rtmp-port "$RTMP_PORT" \
  >"$DATA/server.log" 2>&1 &
PID=$!
cleanup() {
  kill -INT "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  if [ "${KEEP_E2E_DATA:-}" = "" ]; then rm -rf "$DATA"; else echo "e2e data kept in $DATA"; fi
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  grep -q 'Demo API key:' "$DATA/server.log" && break
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.1
done
KEY=$(sed -n 's/.*Demo API key: \([A-Za-z0-9]*\).*/\1/p' "$DATA/server.log" | head -1)
[ -n "$KEY" ] || { echo "server did not print the demo key"; cat "$DATA/server.log"; exit 1; }

export E2E_BASE_URL="http://127.0.0.1:$PORT"
export E2E_API_KEY="$KEY"
export E2E_DATA_DIR="$DATA"
export E2E_RTMP_PORT="$RTMP_PORT"
export E2E_BIN="$PWD/target/release/bintu-local"
mkdir -p e2e/out
status=0
node --test --test-concurrency=1 --test-reporter=spec e2e/ || status=$?
if [ "$status" != 0 ]; then echo "--- server log ---"; tail -50 "$DATA/server.log"; fi
exit "$status"
