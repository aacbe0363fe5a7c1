"""Ladder bench (issue 13): one group (passthrough + 852x480@800k + 640x360@400k at 25 fps,
thumbnails on all three, rec + replay on the passthrough, replay on the transcodes so each
is encoded) published from the barcode FLV with `ffmpeg -re -c copy`, against ffmpeg alone
doing the same work on the same input in one process, in the same run.

"The same work" is taken from bintu-local itself: while the group is live, the command line
of the ffmpeg bintu-local started is read from /proc/<pid>/cmdline; ffmpeg alone then runs
that command with `-re -i <flv>` instead of FLV on stdin and its outputs redirected to a
scratch directory. So both do one decode, the same filters, two libx264 encodes with the
same settings and the same muxers. A second ffmpeg-alone run drops bintu-local's thread
options (`-threads 1` on the decoder, `-filter_complex_threads 1`): the command a person
would write. CPU: bintu-local + its children (benchlib.tree_cpu), publisher not counted;
ffmpeg alone: its rusage (it reads the file itself).
`ladder.py BASE KEY RTMP_PORT SERVER_PID DATA_DIR FLV SECS`."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import benchlib as B

if os.environ.get("BENCH_RENICE"):  # see scale.sh: the publishers inherit it
    os.nice(int(os.environ["BENCH_RENICE"]))

base, key, rtmp, pid, data, flv, secs = sys.argv[1:8]
pid, secs = int(pid), float(secs)
thumbs = {"id": "thumbs", "interval": 30}
v = B.api(base, key, "POST", "/stream", {
    "transcodes": [{"profile": "vtrans2-852x480x800x25"}, {"profile": "vtrans2-640x360x400x25"}],
    "processing": [[thumbs, {"id": "rec", "duration": None}, {"id": "replay", "duration": None}],
                   [thumbs, {"id": "replay", "duration": None}],
                   [thumbs, {"id": "replay", "duration": None}]]})
name = v["ingest"]["rtmp"]["streamname"]

cpu0 = B.tree_cpu(pid)
pub = B.Publisher(flv, f"rtmp://127.0.0.1:{rtmp}/live/{name}")
cmds = {}
while pub.alive():
    for c in B.descendants(pid):
        try:
            with open(f"/proc/{c}/cmdline", "rb") as f:
                cmds.setdefault(c, [a.decode() for a in f.read().split(b"\0")[:-1]])
        except OSError:
            pass
    time.sleep(1)
pub_cpu = pub.wait()
for _ in range(600):
    if B.api(base, key, "GET", f"/stream/{v['id']}")["state"] == "ended":
        break
    time.sleep(0.1)
for _ in range(300):
    if not B.descendants(pid):
        break
    time.sleep(0.1)
cpu1 = B.tree_cpu(pid)
engine = {k: cpu1[k] - cpu0[k] for k in cpu1}
live = [c for c in cmds.values() if "pipe:0" in c]
if len(live) != 1:
    sys.exit(f"expected one ffmpeg reading the group's stdin, saw {len(live)}: {list(cmds.values())}")
cmd = live[0]


def alone(cmd, drop_threads):
    """Runs the captured command on the FLV file at its live rate; returns CPU seconds."""
    scratch = tempfile.mkdtemp()
    media = os.path.realpath(data)
    out = []
    skip = 0
    for i, a in enumerate(cmd):
        if skip:
            skip -= 1
            continue
        if drop_threads and a in ("-threads", "-filter_complex_threads") and "-i" in cmd[i:]:
            skip = 1  # the input side's thread options only
            continue
        if a == "pipe:0":
            a = flv
            out.insert(len(out) - 1, "-re")  # before `-i`
        out.append(a.replace(media, scratch).replace(data, scratch))
    for a in out:  # every directory the outputs need, also inside `tee` slave lists
        for path in re.findall(re.escape(scratch) + r"[^|\]]*", a):
            os.makedirs(os.path.dirname(path), exist_ok=True)
    p = subprocess.Popen(out[0:1] + ["-nostdin"] + out[1:], stdin=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    n = sum(len(f) for _, _, f in os.walk(scratch))
    shutil.rmtree(scratch)
    return ru.ru_utime + ru.ru_stime, n, out


same, files_same, argv = alone(cmd, False)
plain, files_plain, _ = alone(cmd, True)
bintu = engine["own"] + engine["children"]
pm = lambda x: x * 60 / secs
print("ffmpeg alone ran: " + " ".join(f"'{a}'" if " " in a or ";" in a else a for a in argv))
print("| run (same input, one after another) | CPU s / min of stream | ratio bintu-local / this |")
print("|---|---|---|")
print(f"| bintu-local (bintu-local {pm(engine['own']):.2f} + ffmpeg {pm(engine['children']):.2f}; "
      f"publisher {pm(pub_cpu):.2f} not counted) | {pm(bintu):.2f} | 1.00 |")
print(f"| ffmpeg alone, bintu-local's command ({files_same} files written) | {pm(same):.2f} | "
      f"{bintu / same:.2f} |")
print(f"| ffmpeg alone, default threading ({files_plain} files written) | {pm(plain):.2f} | "
      f"{bintu / plain:.2f} |")
print(f"goal: bintu-local <= 1.1x ffmpeg alone; load average after: {os.getloadavg()[0]:.1f}")
