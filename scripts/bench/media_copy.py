"""The copy-path bench's measuring side (scripts/bench/media_copy.sh says what and how).

Arguments: the FLV to publish, bintu-local's pid, the FLV's length in seconds, its data dir.
"""
import collections, glob, json, os, subprocess, sys, time, urllib.request

flv, pid, secs, data = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
base, key, rtmp = os.environ["E2E_BASE_URL"], os.environ["E2E_API_KEY"], os.environ["E2E_RTMP_PORT"]
repeat, idle_secs = int(os.environ.get("REPEAT", "2")), int(os.environ.get("IDLE_SECONDS", "20"))
tick = os.sysconf("SC_CLK_TCK")


def api(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"X-BINTU-APIKEY": key, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))


def stat_fields(path):
    return open(path).read().rsplit(") ", 1)[1].split()


def cpu():
    """(bintu-local itself, its reaped children) in CPU seconds."""
    f = stat_fields(f"/proc/{pid}/stat")
    return sum(int(x) for x in f[11:13]) / tick, sum(int(x) for x in f[13:15]) / tick


def threads():
    """CPU seconds per thread name of bintu-local (threads alive now)."""
    out = collections.Counter()
    for t in glob.glob(f"/proc/{pid}/task/*"):
        try:
            name = open(f"{t}/comm").read().strip()
            out[name] += sum(int(x) for x in stat_fields(f"{t}/stat")[11:13]) / tick
        except OSError:
            pass
    return out


def load():
    return open("/proc/loadavg").read().split()[0]


per_min = lambda x: x * 60.0 / secs

# The server's fixed cost, to tell it apart from the stream's.
i0 = cpu()
time.sleep(idle_secs)
i1 = cpu()
idle = (i1[0] - i0[0]) * 60.0 / idle_secs
print(f"bintu-local idle: {idle:.3f} CPU s per minute (over {idle_secs} s, no publish)")

runs = []
for run in range(repeat):
    v = api("POST", "/stream", {"processing": [[
        {"id": "rec", "duration": None}, {"id": "replay", "duration": None}]]})
    sid, name = v["id"], v["ingest"]["rtmp"]["streamname"]
    la0, t0, before = load(), threads(), cpu()
    pub = subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-i", flv,
                            "-c", "copy", "-f", "flv", f"rtmp://127.0.0.1:{rtmp}/live/{name}"])
    pub.wait()
    for _ in range(600):
        if api("GET", f"/stream/{sid}")["state"] == "ended":
            break
        time.sleep(0.1)
    after, t1, la1 = cpu(), threads(), load()
    own, kids = after[0] - before[0], after[1] - before[1]
    runs.append((own, kids))
    print(f"run {run + 1}: total {per_min(own + kids):.3f} CPU s per stream-minute = bintu-local "
          f"{per_min(own):.3f} + ffmpeg children {per_min(kids):.3f} "
          f"(load average {la0} before, {la1} after)")
    busy = sorted(((t1[n] - t0.get(n, 0), n) for n in t1), reverse=True)
    print("  bintu-local threads (alive at the end), CPU s per stream-minute: " +
          ", ".join(f"{n} {per_min(c):.3f}" for c, n in busy if c > 0))
    media = os.path.join(data, "media")
    mp4 = glob.glob(f"{media}/{name}-*.mp4")
    m3u8 = glob.glob(f"{media}/replay/{name}-*.m3u8")
    for f in mp4 + m3u8:
        probe = json.loads(subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name",
             "-of", "json", f], capture_output=True, text=True).stdout or "{}")
        codecs = "+".join(s["codec_name"] for s in probe.get("streams", []))
        dur = float(probe.get("format", {}).get("duration", "nan"))
        print(f"  {os.path.relpath(f, media)}: {codecs}, {dur:.2f} s")
    if not mp4 or not m3u8:
        print("  MISSING OUTPUT: recording or replay playlist not found")
        sys.exit(1)

own = sorted(r[0] for r in runs)
total = sorted(r[0] + r[1] for r in runs)
print(f"copy path, rec + replay only, {repeat} runs: total {per_min(total[0]):.2f}-"
      f"{per_min(total[-1]):.2f} CPU s per stream-minute (goal <= 0.5), of which bintu-local "
      f"{per_min(own[0]):.2f}-{per_min(own[-1]):.2f}")
