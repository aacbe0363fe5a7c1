#!/usr/bin/env bash
# Live processing engine: CPU per minute of stream vs decode-only, and thumbnail freshness.
# One 1280x720 25 fps test-source publish (SECONDS_LONG, default 60 s) to a single stream with
# thumbs (every 10 s, for more freshness samples) + motionclip (the defaults: every 30 s, 5 s)
# + rec + replay on the passthrough.
# - CPU: utime+stime of the bintu-local process plus its reaped ffmpeg children
#   (/proc/<pid>/stat fields 14-17), sampled before the publish and after it ended; the
#   publisher is a separate process and is NOT counted. The same FLV content is decoded with
#   `ffmpeg -i in.flv -f null -` and timed with getrusage in the same run.
# - Freshness: the JPEG is polled over HTTP every 50 ms; each change is compared with its
#   interval tick (session start + k * interval).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/local-server.sh
SECS=${SECONDS_LONG:-60}
WORK=$(mktemp -d)
trap 'stop_local_server; rm -rf "$WORK"' EXIT

echo "recording ${SECS}s of the 1280x720@25 test source to FLV (same encoder settings as 'publish')"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=25" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$SECS" \
  -c:v libx264 -preset veryfast -tune zerolatency -pix_fmt yuv420p -g 50 -keyint_min 50 \
  -sc_threshold 0 -b:v 2500k -c:a aac -b:a 128k -f flv "$WORK/in.flv"

start_local_server
python3 - "$WORK/in.flv" "$SERVER_PID" "$SECS" <<'PY'
import hashlib, http.client, json, os, resource, subprocess, sys, threading, time, urllib.request

flv, pid, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base, key, rtmp = os.environ["E2E_BASE_URL"], os.environ["E2E_API_KEY"], os.environ["E2E_RTMP_PORT"]
tick = os.sysconf("SC_CLK_TCK")

def api(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"X-BINTU-APIKEY": key, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))

def cpu_of_server():
    f = open(f"/proc/{pid}/stat").read().rsplit(") ", 1)[1].split()
    # (utime + stime of bintu-local, cutime + cstime of its reaped ffmpeg children)
    return sum(int(x) for x in f[11:13]) / tick, sum(int(x) for x in f[13:15]) / tick

INTERVAL = 10
v = api("POST", "/stream", {"processing": [[
    {"id": "thumbs", "interval": INTERVAL}, {"id": "motionclip", "interval": 30, "duration": 5},
    {"id": "rec", "duration": None}, {"id": "replay", "duration": None}]]})
sid, name = v["id"], v["ingest"]["rtmp"]["streamname"]
thumb = f"{base}/vod/thumbnails/{name}.jpg"

changes, stop, launched = [], threading.Event(), 0
def poll():
    # One keep-alive connection, like a browser refreshing the thumbnail.
    global launched
    host = base.split("//", 1)[1]
    conn, last = http.client.HTTPConnection(host), None
    while not stop.is_set():
        # Poll only around the ticks (1.5 s before to 3 s after), so the bench's own requests
        # do not dominate bintu-local's CPU; the freshness is measured the same way.
        since = time.time() - launched
        if launched == 0 or not (since % INTERVAL > INTERVAL - 1.5 or since % INTERVAL < 3):
            time.sleep(0.05)
            continue
        try:
            conn.request("GET", f"/vod/thumbnails/{name}.jpg")
            res = conn.getresponse()
            body = res.read()
            h = hashlib.md5(body).hexdigest() if res.status == 200 else None
            if h is not None and h != last:
                changes.append(time.time()); last = h
        except Exception:
            conn = http.client.HTTPConnection(host)
        time.sleep(0.05)
threading.Thread(target=poll, daemon=True).start()

before = cpu_of_server()
launched = time.time()
pub = subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-i", flv,
                        "-c", "copy", "-f", "flv", f"rtmp://127.0.0.1:{rtmp}/live/{name}"])
pub.wait()
for _ in range(600):
    if api("GET", f"/stream/{sid}")["state"] == "ended":
        break
    time.sleep(0.1)
stop.set()
after = cpu_of_server()
s = api("GET", f"/stream/{sid}")
session = next(r["session"] for r in s["playout"]["web"] if "session" in r) / 1000.0

r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", flv, "-f", "null", "-"], check=True)
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
decode = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)

own, kids = after[0] - before[0], after[1] - before[1]
engine = own + kids
per_min = lambda x: x * 60.0 / secs
print(f"engine CPU: {engine:.2f} s for {secs} s of stream = {per_min(engine):.2f} CPU s per minute "
      f"(bintu-local itself {own:.2f} s incl. serving the thumbnail polls, ffmpeg children {kids:.2f} s)")
print(f"decode-only CPU (ffmpeg -i in.flv -f null -): {decode:.2f} s = {per_min(decode):.2f} CPU s per minute")
print(f"ratio engine / decode-only: {engine / decode:.2f} (goal <= 1.3)")

lags = []
for k in range(1, secs // INTERVAL + 1):
    due = session + k * INTERVAL
    later = [c for c in changes if c >= due - 0.5]
    if later and later[0] - due < INTERVAL / 2:
        lags.append(later[0] - due)
if lags:
    print(f"thumbnail freshness over {len(lags)} ticks: median {sorted(lags)[len(lags)//2]:.2f} s, "
          f"max {max(lags):.2f} s (goal <= 1 s)")
else:
    print("thumbnail freshness: no tick observed")
for f in ["thumbnails/%s.jpg" % name, "thumbnails/%s.gif" % name]:
    print(f"{f}: {len(urllib.request.urlopen(base + '/vod/' + f).read())} bytes")
PY
