#!/usr/bin/env bash
# Storage per hour, measured (issue 11, item 4): one `bintu-local publish` (1280x720, 25 fps,
# 2500 kbit/s video + 128 kbit/s AAC) for 60 s with thumbs 10 s, motion clip 10 s / 5 s,
# recording and replay; prints the sizes of what bintu-local wrote and the factors the
# console's estimate uses (src/domain/storage_estimate.rs): MP4 and MPEG-TS bytes per byte of
# nominal bitrate, one thumbnail, motion-clip bytes per second of clip.
# Needs the release bintu-local (`make bench` builds it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
start_local_server
SECONDS_PUBLISHED=${STORAGE_BENCH_SECONDS:-60}
name=$(curl -sf -X POST "$E2E_BASE_URL/stream" -H "X-BINTU-APIKEY: $E2E_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"processing":[[{"id":"thumbs","interval":10},{"id":"motionclip","interval":10,"duration":5},{"id":"rec","duration":null},{"id":"replay","duration":null}]]}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["ingest"]["rtmp"]["streamname"])')
"$E2E_BIN" --data-dir "$E2E_DATA_DIR" publish "$name" --seconds "$SECONDS_PUBLISHED" \
  --url "rtmp://127.0.0.1:$E2E_RTMP_PORT/live" 2>/dev/null
sleep 3 # the recording is finalised and moved into place after the publish ends
python3 - "$E2E_DATA_DIR/media" "$name" <<'PY'
import glob, os, re, sys
media, name = sys.argv[1], sys.argv[2]
nominal = (2500 + 128) * 1000 / 8  # bytes per second
mp4 = glob.glob(f"{media}/{name}-*.mp4")
playlists = [p for p in glob.glob(f"{media}/replay/{name}-*.m3u8") if re.search(r"-\d+\.m3u8$", p)]
seg_secs = sum(float(x) for x in re.findall(r"#EXTINF:([\d.]+)", open(playlists[0]).read()))
ts_bytes = sum(os.path.getsize(p) for p in glob.glob(f"{media}/replay/{name}-*.ts"))
mp4_bytes = os.path.getsize(mp4[0])
jpg = os.path.getsize(f"{media}/thumbnails/{name}.jpg")
gif = os.path.getsize(f"{media}/thumbnails/{name}.gif")
print(f"replay   {ts_bytes} bytes of MPEG-TS for {seg_secs:.2f} s -> TS_OVERHEAD {ts_bytes / (nominal * seg_secs):.3f}")
print(f"recording {mp4_bytes} bytes of MP4 for {seg_secs:.2f} s -> MP4_OVERHEAD {mp4_bytes / (nominal * seg_secs):.3f}")
print(f"thumbnail {jpg} bytes (1280x720 JPEG) -> THUMBNAIL_BYTES_720P")
print(f"motion clip {gif} bytes for 5 s (320 px, 10 fps GIF) -> MOTIONCLIP_BYTES_PER_SECOND {gif // 5}")
PY
