#!/usr/bin/env bash
# Ladder (issue 13): a passthrough + 2 transcodes group on bintu-local against ffmpeg alone
# running the same command on the same input, one after the other in the same run; see
# scripts/bench/ladder.py for the method. LADDER_SECS (default 60) = seconds of stream.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
SECS=${LADDER_SECS:-60}
FLV=$(python3 -c "import sys; sys.path.insert(0, 'scripts/bench'); import barcode; print(barcode.make_source('target/bench-media', $SECS))")
echo "ladder: ${SECS} s of the 1280x720 30 fps barcode source; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_local_server
[ -z "${BENCH_RENICE:-}" ] || renice -n "$BENCH_RENICE" -p $(ls /proc/"$SERVER_PID"/task) >/dev/null
python3 scripts/bench/ladder.py "$E2E_BASE_URL" "$E2E_API_KEY" "$E2E_RTMP_PORT" "$SERVER_PID" \
  "$E2E_DATA_DIR" "$FLV" "$SECS"
