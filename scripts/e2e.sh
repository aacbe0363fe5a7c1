#!/usr/bin/env bash
# End-to-end suite: the release bintu-local serving the release console on free loopback
# ports over a fresh data directory (scripts/local-server.sh), then the Playwright tests in
# e2e/ against Debian's Chromium. The server and its ffmpeg children stop on exit.
# Passes, one server each (issue 10): every test file against the full contract, every test
# file against the documented shapes, and the files that read GET /organisation (sign-in,
# roles and packages) against documented-org. The tests read E2E_API_SHAPE.
# `scripts/e2e.sh FILE..` runs those files in each pass of E2E_SHAPES (default: all three);
# `E2E_SHAPES=full scripts/e2e.sh` runs one pass.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-server.sh
mkdir -p e2e/out
status=0
summary=()

run_pass() {
  local shape=$1
  shift
  start_local_server "$shape"
  local started=$SECONDS pass=0
  echo "=== e2e pass: api shape $shape: $*"
  node --test --test-concurrency=1 --test-reporter=spec "$@" || pass=$?
  if [ "$pass" != 0 ]; then
    echo "--- server log ($shape) ---"
    tail -50 "$SERVER_DATA/server.log"
    status=1
  fi
  summary+=("$shape: $([ "$pass" = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s")
  stop_local_server
}

shapes=${E2E_SHAPES:-full documented documented-org}
for shape in $shapes; do
  if [ $# -gt 0 ]; then
    run_pass "$shape" "$@"
  elif [ "$shape" = documented-org ]; then
    run_pass "$shape" e2e/signin.test.mjs e2e/streams_roles.test.mjs
  else
    run_pass "$shape" e2e/
  fi
done
printf 'e2e %s\n' "${summary[@]}"
exit "$status"
