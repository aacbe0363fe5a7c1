"""One engine-bench run against a running bintu-local: N streams with the given processing,
each published from a barcode FLV (barcode.py) with `ffmpeg -re -c copy`, observed from
outside while they run. Used by scale.sh (N = 1..32, default processing) and age.sh (N = 1,
thumbs every 10 s, several keyframe intervals); writes a JSON summary (report.py prints it).

What it measures, and how:
- engine CPU: bintu-local + everything it started (benchlib.tree_cpu), before the first
  publish and after every stream ended and its processes exited; publishers separately
  (wait4 rusage); this driver's own CPU too, as it shares the machine.
- memory: peak RSS and PSS of bintu-local and of its children (1 s samples).
- picture age: each stream's thumbnail is fetched every 100 ms from 0.3 s before each tick
  until it changes (one keep-alive connection per stream, like a browser tab); each new
  picture's barcode gives the frame it shows; age = first served - (publish start + frame /
  fps). Motion clips are fetched after each clip tick until they change; their frames'
  barcodes say which seconds they cover.
- segment lateness: the session playlist file is stat()ed every 100 ms; a segment's lateness
  = first listed - (publish start + its end in stream time - one frame), i.e. from the
  arrival of its last frame (the segment cannot close before the next keyframe arrives).
- ingest backlog: every 0.5 s, the bytes the kernel holds unread on the RTMP connections
  (/proc/net/tcp rx_queue): a stream whose ingest stalls piles up there.
- API: a live wall's poll (GET /stream?state=live&asset_limit=1) every 5 s and GET
  /stream/{id} of a random stream, 2 requests a second per stream; latency of each.
"""
import argparse
import hashlib
import http.client
import json
import os
import random
import re
import resource
import subprocess
import threading
import time

import benchlib as B

if os.environ.get("BENCH_RENICE"):  # see scale.sh: the publishers inherit it
    os.nice(int(os.environ["BENCH_RENICE"]))
from observe import analyse

ap = argparse.ArgumentParser()
for a in ("base", "key", "rtmp", "flv", "out", "work"):
    ap.add_argument("--" + a, required=True)
ap.add_argument("--server-pid", type=int, required=True)
ap.add_argument("--data-dir", required=True)
ap.add_argument("--n", type=int, default=1)
ap.add_argument("--fps", type=float, default=30)
ap.add_argument("--secs", type=float, required=True)
ap.add_argument("--thumbs", type=int, default=30)
ap.add_argument("--clip", default="30,5", help="interval,duration or 'none'")
ap.add_argument("--spread", type=float, default=3.0, help="publish starts spread over s")
ap.add_argument("--label", default="")
ap.add_argument("--baseline", action="store_true", help="also time `ffmpeg -i FLV -f null -`")
o = ap.parse_args()
host = o.base.split("//", 1)[1]
clip = None if o.clip == "none" else tuple(int(x) for x in o.clip.split(","))
procs = [{"id": "thumbs", "interval": o.thumbs}]
if clip:
    procs.append({"id": "motionclip", "interval": clip[0], "duration": clip[1]})
procs += [{"id": "rec", "duration": None}, {"id": "replay", "duration": None}]
streams = []
for i in range(o.n):
    v = B.api(o.base, o.key, "POST", "/stream", {"tags": [f"bench{i}"], "processing": [procs]})
    streams.append({"id": v["id"], "name": v["ingest"]["rtmp"]["streamname"], "pub": None,
                    "thumbs": [], "gifs": [], "segs": {}})
stop, api_lat, api_err, backlog = threading.Event(), [], [0], []


def get(conn, path):
    conn.request("GET", path, headers={"X-BINTU-APIKEY": o.key})
    r = conn.getresponse()
    return r.status, r.read()


def watch_pictures(s):
    """Fetches the thumbnail around its ticks and the clip after its ticks until each
    changes; keeps (first seen, body) of every new picture."""
    conn = http.client.HTTPConnection(host, timeout=10)
    kinds = [("thumbs", o.thumbs, f"/vod/thumbnails/{s['name']}.jpg", 0.1, -0.3)]
    if clip:
        kinds.append(("gifs", clip[0], f"/vod/thumbnails/{s['name']}.gif", 0.25, 0.0))
    # Next tick to wait for, in seconds of stream time (the first clip comes at its first tick).
    state = {"thumbs": {"next": 0, "last": None}, "gifs": {"next": clip[0] if clip else 0, "last": None}}
    while not stop.is_set():
        pub, now, wait = s["pub"], time.time(), 0.5
        for kind, interval, path, period, lead in kinds:
            st = state[kind]
            if pub is None or (pub.start is None and kind == "gifs"):
                continue
            if pub.start is not None and now < pub.start + st["next"] + lead:
                wait = min(wait, pub.start + st["next"] + lead - now)
                continue
            try:
                status, body = get(conn, path)
            except (OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection(host, timeout=10)
                continue
            seen = time.time()
            h = hashlib.md5(body).hexdigest() if status == 200 else None
            if h is not None and h != st["last"]:
                st["last"] = h
                s[kind].append((seen, body))
                if pub.start is not None:
                    st["next"] = (int((seen - pub.start) // interval) + 1) * interval
            wait = min(wait, period)
        stop.wait(max(wait, 0.01))


def watch_playlists():
    """First time each segment is listed in its session playlist (read from the media
    directory, which bintu-local serves as is)."""
    rdir = os.path.join(o.data_dir, "media", "replay")
    found, mtimes, k = {}, {}, 0
    while not stop.wait(0.1):
        k += 1
        if k % 5 == 0:
            q = B.recv_queues(int(o.rtmp))
            backlog.append((round(time.time(), 1), sum(q), max(q, default=0)))
        if len(found) < len(streams) and os.path.isdir(rdir):
            files = os.listdir(rdir)
            for s in streams:
                pat = re.compile(re.escape(s["name"]) + r"-\d+\.m3u8$")
                f = next((f for f in files if pat.match(f)), None)
                if f:
                    found[s["name"]] = os.path.join(rdir, f)
        for s in streams:
            p = found.get(s["name"])
            try:
                m = os.stat(p).st_mtime_ns if p else None
            except OSError:
                continue
            if m is None or mtimes.get(p) == m:
                continue
            mtimes[p], now, end = m, time.time(), 0.0
            with open(p) as f:
                lines = f.read().splitlines()
            for i, line in enumerate(lines):
                if line.startswith("#EXTINF:") and i + 1 < len(lines):
                    end += float(line[8:].split(",")[0])
                    s["segs"].setdefault(lines[i + 1], (now, end))


def watch_api():
    # Two requests a second per stream, so the bench's load per stream stays the same at
    # every N (a constant load would make the cost per stream look lower at larger N).
    conn, last_list = http.client.HTTPConnection(host, timeout=10), 0.0
    while not stop.wait(0.5 / o.n):
        path = f"/stream/{random.choice(streams)['id']}"
        if time.time() - last_list >= 5:
            path, last_list = "/stream?state=live&asset_limit=1", time.time()
        t0 = time.perf_counter()
        try:
            status, _ = get(conn, path)
            api_lat.append((time.perf_counter() - t0) * 1000)
            api_err[0] += status != 200
        except (OSError, http.client.HTTPException):
            api_err[0] += 1
            conn = http.client.HTTPConnection(host, timeout=10)


threads = [threading.Thread(target=watch_pictures, args=(s,), daemon=True) for s in streams]
threads += [threading.Thread(target=f, daemon=True) for f in (watch_playlists, watch_api)]
mem = B.MemorySampler(o.server_pid)
for t in threads + [mem]:
    t.start()
self0 = resource.getrusage(resource.RUSAGE_SELF)
cpu0, m0, t0 = B.tree_cpu(o.server_pid), B.machine_cpu(), time.time()
for i, s in enumerate(streams):
    time.sleep(max(0.0, t0 + i * o.spread / max(o.n, 1) - time.time()))
    s["pub"] = B.Publisher(o.flv, f"rtmp://127.0.0.1:{o.rtmp}/live/{s['name']}")
pub_cpu = sum(s["pub"].wait() for s in streams)
publish_wall, m1 = time.time() - t0, B.machine_cpu()
for s in streams:
    for _ in range(600):
        if B.api(o.base, o.key, "GET", f"/stream/{s['id']}")["state"] == "ended":
            break
        time.sleep(0.1)
for _ in range(300):  # the recordings' remux and the last clip run after the publish ends
    if not B.descendants(o.server_pid):
        break
    time.sleep(0.1)
cpu1 = B.tree_cpu(o.server_pid)
stop.set()
mem.stop.set()
self1 = resource.getrusage(resource.RUSAGE_SELF)
result = {
    "label": o.label, "n": o.n, "spread": o.spread, "secs": o.secs, "fps": o.fps, "thumbs": o.thumbs, "clip": clip,
    "cpu_own": cpu1["own"] - cpu0["own"], "cpu_children": cpu1["children"] - cpu0["children"],
    "publishers_cpu": pub_cpu, "publish_wall": publish_wall,
    "driver_cpu": (self1.ru_utime - self0.ru_utime) + (self1.ru_stime - self0.ru_stime),
    "mem_peak_kb": mem.peak, "backlog": backlog, "api_ms": api_lat, "api_errors": api_err[0],
    "loadavg": os.getloadavg(), "machine_busy": (m1[0] - m0[0]) / max(1, m1[1] - m0[1]),
}
if o.baseline:  # decode-only of the same FLV, after the run (not competing with it)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", o.flv, "-f", "null", "-"],
                   check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["decode_cpu"] = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
result.update(analyse(o, streams))
with open(o.out, "w") as f:
    json.dump(result, f)
