#!/usr/bin/env bash
# Scaling (issue 13): `scale.sh [N...]` (default 1 2 4 8 16 24 32). For each N, a fresh
# release bintu-local (scripts/local-server.sh) gets N streams with the default processing
# (thumbs 30 s, motion clip 30 s / 5 s, rec, replay), each published from the same
# pre-encoded barcode FLV (1280x720 30 fps, x264 main with B-frames, keyframe every 2 s,
# 2.5 Mbit/s + AAC; scripts/bench/barcode.py) with `ffmpeg -re -c copy`, the starts spread
# over 3 s. scripts/bench/streams.py observes it from outside and says how; report.py prints
# one row per N and the knee. SCALE_SECS (default 60) = seconds of stream per N.
# Results (JSON per N) stay in target/bench-results/scale-<time>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
NS=${*:-1 2 4 8 16 24 32}
SECS=${SCALE_SECS:-60}
OUT=target/bench-results/scale-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
FLV=$(python3 -c "import sys; sys.path.insert(0, 'scripts/bench'); import barcode; print(barcode.make_source('target/bench-media', $SECS))")
echo "scale: N = $NS, ${SECS} s of stream each; load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for n in $NS; do
  start_local_server
  work=$(mktemp -d)
  python3 scripts/bench/streams.py --base "$E2E_BASE_URL" --key "$E2E_API_KEY" --rtmp "$E2E_RTMP_PORT" \
    --server-pid "$SERVER_PID" --data-dir "$E2E_DATA_DIR" --flv "$FLV" --n "$n" --secs "$SECS" \
    --label "N=$n" --out "$OUT/n$n.json" --work "$work"
  stop_local_server
  rm -rf "$work"
  echo "N=$n done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
python3 scripts/bench/report.py scale "$OUT"/n*.json | tee "$OUT/report.md"
