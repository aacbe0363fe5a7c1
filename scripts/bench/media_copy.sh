#!/usr/bin/env bash
# The copy path (issue 13): a stream with only recording + replay (no pictures, no transcode),
# the most common setting. One 1280x720 30 fps x264 main (B-frames, keyframe every 2 s)
# 2.5 Mbit/s + AAC 128 kbit/s source (SECONDS_LONG, default 60 s), recorded once to FLV and
# pushed with `ffmpeg -re -c copy` (the publisher is a separate process, not counted).
# - CPU: utime+stime of the bintu-local process and, separately, of its reaped ffmpeg children
#   (/proc/<pid>/stat fields 14-17), before the publish and after the session ended; per
#   thread of bintu-local too (/proc/<pid>/task/*/stat), to see where its own share goes.
# - Idle: the same counters over IDLE_SECONDS (default 20) with no publish, so a fixed cost of
#   the server is not mistaken for a cost of the stream.
# - Outputs: the finalised MP4 and the HLS playlist are checked with ffprobe (duration, streams).
# - COPY_FLV: reuse that FLV (made if missing), so runs before and after a change share it.
# - REPEAT (default 2) publishes, one after the other, on the same server.
# - NGINX=1 also runs nginx-rtmp (NGINX=only: nothing else) (Debian libnginx-mod-rtmp, `record all` + `hls on`) on the same
#   FLV in the same run, if nginx and the module are installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
SECS=${SECONDS_LONG:-60}
WORK=$(mktemp -d)
trap 'stop_local_server; rm -rf "$WORK"' EXIT

FLV=${COPY_FLV:-$WORK/in.flv}
if [ ! -e "$FLV" ]; then
  echo "encoding ${SECS}s of 1280x720@30 x264 main with B-frames, 2.5 Mbit/s + AAC to FLV"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$SECS" \
    -c:v libx264 -profile:v main -preset veryfast -bf 3 -pix_fmt yuv420p -g 60 -keyint_min 60 \
    -sc_threshold 0 -b:v 2500k -maxrate 2500k -bufsize 5000k -c:a aac -b:a 128k \
    -f flv "$FLV"
fi

# The peer (NGINX=1): nginx-rtmp (Debian nginx-light + libnginx-mod-rtmp) in one process
# (`master_process off`), `record all` + `hls on` with 2 s fragments and the whole session in
# the playlist, fed the same FLV with `ffmpeg -re -c copy`. CPU = utime+stime of that process
# (it has no children), before the publish and 1 s after it.
nginx_peer() {
  MOD=/usr/lib/nginx/modules/ngx_rtmp_module.so
  if ! command -v nginx >/dev/null || [ ! -e "$MOD" ]; then
    echo "nginx-rtmp: not installed (apt-get install nginx-light libnginx-mod-rtmp); skipped"
    return 0
  fi
  DIR=$(mktemp -d)
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$DIR/rec" "$DIR/hls" "$DIR/logs"
  cat >"$DIR/nginx.conf" <<EOF
load_module $MOD;
daemon off;
master_process off;
worker_processes 1;
error_log $DIR/logs/error.log warn;
pid $DIR/nginx.pid;
events { worker_connections 64; }
rtmp {
  server {
    listen 127.0.0.1:$PORT;
    application live {
      live on;
      record all;
      record_path $DIR/rec;
      hls on;
      hls_path $DIR/hls;
      hls_fragment 2s;
      hls_playlist_length 3600s;
      hls_cleanup off;
    }
  }
}
EOF
  env -u NGINX nginx -p "$DIR" -c "$DIR/nginx.conf" &
  NPID=$!
  sleep 1
  for run in $(seq 1 "${REPEAT:-2}"); do
    python3 - "$NPID" "$SECS" "$FLV" "$PORT" "$run" <<'PY'
import os, subprocess, sys, time
pid, secs, flv, port, run = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(") ", 1)[1].split()
    return sum(int(x) for x in f[11:15]) / tick
load = lambda: open("/proc/loadavg").read().split()[0]
la0, c0 = load(), cpu()
subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-i", flv, "-c", "copy",
                "-f", "flv", f"rtmp://127.0.0.1:{port}/live/peer{run}"], check=True)
time.sleep(1)
c = cpu() - c0
print(f"nginx-rtmp run {run}: {c * 60.0 / secs:.3f} CPU s per stream-minute "
      f"(load average {la0} before, {load()} after)")
PY
  done
  ls -la "$DIR/rec" | tail -n +4 | awk '{print "  nginx-rtmp record: " $NF ", " $5 " bytes"}'
  echo "  nginx-rtmp HLS fragments: $(ls "$DIR/hls" | grep -c '\.ts$')"
  kill "$NPID"; wait "$NPID" 2>/dev/null || true; rm -rf "$DIR"
}

if [ "${NGINX:-0}" != only ]; then
  start_local_server
  python3 scripts/bench/media_copy.py "$FLV" "$SERVER_PID" "$SECS" "$SERVER_DATA"
fi
if [ "${NGINX:-0}" != 0 ]; then
  nginx_peer
fi
