#!/usr/bin/env bash
# Picture age, measured from outside (issue 13): `age.sh [N]` (default 1). Three barcode
# sources (scripts/bench/barcode.py: every frame carries its number), 1280x720, x264 main
# with B-frames, 2.5 Mbit/s + AAC: 30 fps keyframe every 2 s, 30 fps keyframe every 250
# frames (8.3 s), 25 fps keyframe every 5 s. Each is published to N streams with thumbs every
# 10 s, motion clip 30 s / 5 s, rec and replay (AGE_SECS, default 70 s of stream), and
# scripts/bench/streams.py measures age = first served - (publish start + frame / fps) of
# each new thumbnail, and which seconds each motion clip covers. Decode-only CPU of each
# source is timed after its run, for the cost of long keyframe intervals. With N > 1 the
# publish starts are spread over AGE_SPREAD s (default 30, see scale.sh); BENCH_RENICE too.
# AGE_ONLY=<label> (30fps-key2s, 30fps-key250, 25fps-key5s) runs one source.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
N=${1:-1}
SECS=${AGE_SECS:-70}
OUT=target/bench-results/age-n$N-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$OUT"
echo "age: N = $N, ${SECS} s of stream per source; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "30 60 30fps-key2s" "30 250 30fps-key250" "25 125 25fps-key5s"; do
  read -r fps gop label <<<"$spec"
  [ -z "${AGE_ONLY:-}" ] || [ "$AGE_ONLY" = "$label" ] || continue
  FLV=$(python3 -c "import sys; sys.path.insert(0, 'scripts/bench'); import barcode; print(barcode.make_source('target/bench-media', $SECS, fps=$fps, gop=$gop))")
  start_local_server
  [ -z "${BENCH_RENICE:-}" ] || renice -n "$BENCH_RENICE" -p $(ls /proc/"$SERVER_PID"/task) >/dev/null
  work=$(mktemp -d)
  python3 scripts/bench/streams.py --base "$E2E_BASE_URL" --key "$E2E_API_KEY" --rtmp "$E2E_RTMP_PORT" \
    --server-pid "$SERVER_PID" --data-dir "$E2E_DATA_DIR" --flv "$FLV" --n "$N" --secs "$SECS" \
    --fps "$fps" --thumbs 10 --spread "${AGE_SPREAD:-30}" --label "$label" --baseline --out "$OUT/$label.json" --work "$work"
  stop_local_server
  rm -rf "$work"
done
python3 scripts/bench/report.py age "$OUT"/30fps-key2s.json "$OUT"/30fps-key250.json "$OUT"/25fps-key5s.json | tee "$OUT/report.md"
