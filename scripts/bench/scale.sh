#!/usr/bin/env bash
# Scaling (issue 13): `scale.sh [N...]` (default 1 2 4 8 16 24 32). For each N, a fresh
# release bintu-local (scripts/local-server.sh) gets N streams with the default processing
# (thumbs 30 s, motion clip 30 s / 5 s, rec, replay), each published from the same
# pre-encoded barcode FLV (1280x720 30 fps, x264 main with B-frames, keyframe every 2 s,
# 2.5 Mbit/s + AAC; scripts/bench/barcode.py) with `ffmpeg -re -c copy`, the starts spread
# evenly over SCALE_SPREAD s (default 30 = the clip and thumbnail interval, so the streams'
# ticks fall at independent moments as on a server whose encoders connect at random times;
# SCALE_SPREAD=3 aligns the ticks, as after a restart, and is the worst case).
# scripts/bench/streams.py observes it from outside and says how; report.py prints one row
# per N and the knee. SCALE_SECS (default 60) = seconds of stream per N.
# Results (JSON per N) stay in target/bench-results/scale-<time>/. BENCH_RENICE=-10 (root)
# runs bintu-local, its ffmpegs, the publishers and the driver at that priority: on a machine
# shared with other work it approximates a dedicated one (the other work waits instead).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
NS=${*:-1 2 4 8 16 24 32}
SECS=${SCALE_SECS:-60}
OUT=target/bench-results/scale-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
FLV=$(python3 -c "import sys; sys.path.insert(0, 'scripts/bench'); import barcode; print(barcode.make_source('target/bench-media', $SECS))")
echo "scale: N = $NS, ${SECS} s of stream each, starts over ${SCALE_SPREAD:-30} s, priority ${BENCH_RENICE:-0}; load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for n in $NS; do
  start_local_server
  [ -z "${BENCH_RENICE:-}" ] || renice -n "$BENCH_RENICE" -p $(ls /proc/"$SERVER_PID"/task) >/dev/null
  work=$(mktemp -d)
  python3 scripts/bench/streams.py --base "$E2E_BASE_URL" --key "$E2E_API_KEY" --rtmp "$E2E_RTMP_PORT" \
    --server-pid "$SERVER_PID" --data-dir "$E2E_DATA_DIR" --flv "$FLV" --n "$n" --secs "$SECS" \
    --spread "${SCALE_SPREAD:-30}" --label "N=$n" --out "$OUT/n$n.json" --work "$work"
  stop_local_server
  rm -rf "$work"
  echo "N=$n done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done
python3 scripts/bench/report.py scale "$OUT"/n*.json | tee "$OUT/report.md"
