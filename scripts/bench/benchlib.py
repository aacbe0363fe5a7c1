"""Shared pieces of the engine benches (scale.py, ladder.py): the API, a process tree's CPU
and memory from /proc, publishers started with `ffmpeg -re -c copy`, and percentiles."""
import json
import math
import os
import subprocess
import threading
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def api(base, key, method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"X-BINTU-APIKEY": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def _stat(pid):
    """(ppid, own utime+stime, reaped children's cutime+cstime) in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        rest = f.read().rsplit(") ", 1)[1].split()
    own = (int(rest[11]) + int(rest[12])) / TICK
    reaped = (int(rest[13]) + int(rest[14])) / TICK
    return int(rest[1]), own, reaped


def descendants(root):
    """Pids of every live process below `root`."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                children.setdefault(_stat(int(d))[0], []).append(int(d))
            except (OSError, IndexError):
                pass
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def tree_cpu(root):
    """CPU seconds of `root` and everything it started: its own time, its reaped children's
    and the live descendants' own time (a live child's reaped children are counted when
    it is reaped itself, which bintu-local's children do not do before they exit)."""
    _, own, reaped = _stat(root)
    live = 0.0
    for pid in descendants(root):
        try:
            live += _stat(pid)[1]
        except (OSError, IndexError):
            pass  # exited between the listing and the read: counted in `reaped` soon
    return {"own": own, "children": reaped + live}


def _mem_kb(pid, field):
    path = f"/proc/{pid}/smaps_rollup" if field == "Pss:" else f"/proc/{pid}/status"
    with open(path) as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


class MemorySampler(threading.Thread):
    """Samples RSS and PSS (shared library pages split among their users) of `root` and its
    descendants once a second; keeps the peak of the sums and of the children's count."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.stop, self.peak = root, threading.Event(), {}

    def run(self):
        while not self.stop.wait(1.0):
            pids = descendants(self.root)
            s = {"children": len(pids)}
            for field, name in (("VmRSS:", "rss"), ("Pss:", "pss")):
                try:
                    s[f"{name}_server"] = _mem_kb(self.root, field)
                    s[f"{name}_children"] = sum(_safe(_mem_kb, p, field) for p in pids)
                except OSError:
                    return
            for k, v in s.items():
                self.peak[k] = max(self.peak.get(k, 0), v)


def _safe(f, *a):
    try:
        return f(*a)
    except OSError:
        return 0


class Publisher:
    """`ffmpeg -re -i <flv> -c copy` to an RTMP URL. `start` is when it began sending, from
    outside: the lower envelope of (wall clock when a progress report is read - stream time
    it reports), so ffmpeg's own start-up and the RTMP handshake are not counted as age."""

    def __init__(self, flv, url):
        self.launched = time.time()
        self.start = None
        self.proc = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostats", "-re", "-i", flv,
             "-c", "copy", "-progress", "pipe:1", "-stats_period", "0.1", "-f", "flv", url],
            stdout=subprocess.PIPE, text=True)
        threading.Thread(target=self._progress, daemon=True).start()

    def _progress(self):
        for line in self.proc.stdout:
            if line.startswith("out_time_us="):
                try:
                    us = int(line.split("=", 1)[1])
                except ValueError:
                    continue
                if us > 0:
                    s = time.time() - us / 1e6
                    self.start = s if self.start is None else min(self.start, s)

    def alive(self):
        """Whether it is still running (without reaping it, so `wait` gets its rusage)."""
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                return f.read().rsplit(") ", 1)[1][0] != "Z"
        except OSError:
            return False

    def wait(self):
        """Waits for the exit; returns the publisher's CPU seconds (user + system)."""
        _, _, ru = os.wait4(self.proc.pid, 0)
        self.proc.returncode = 0
        return ru.ru_utime + ru.ru_stime


def machine_cpu():
    """(busy, total) jiffies of the whole machine (every process, other users' too)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def recv_queues(port):
    """Bytes waiting in the kernel, unread by the server, on each established TCP connection
    to local `port` (/proc/net/tcp rx_queue): a stream whose ingest stalls piles up here."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    v = line.split()
                    if v[3] == "01" and int(v[1].rsplit(":", 1)[1], 16) == port:
                        out.append(int(v[4].split(":")[1], 16))
        except OSError:
            pass
    return out


def pct(xs, p):
    """The p-th percentile (nearest rank) of xs, or None."""
    if not xs:
        return None
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, math.ceil(p / 100 * len(xs)) - 1))]


def fmt(x, unit="s"):
    return "-" if x is None else f"{x:.2f} {unit}".rstrip()
