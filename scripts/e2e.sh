#!/usr/bin/env bash
# End-to-end suite: the release bintu-local serving the release console on free loopback
# ports over a fresh data directory (scripts/local-server.sh), then the Playwright tests in
# e2e/ against Debian's Chromium. The server and its ffmpeg children stop on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-server.sh
start_local_server
mkdir -p e2e/out
status=0
node --test --test-concurrency=1 --test-reporter=spec "${@:-e2e/}" || status=$?
if [ "$status" != 0 ]; then echo "--- server log ---"; tail -50 "$SERVER_DATA/server.log"; fi
exit "$status"
