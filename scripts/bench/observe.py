"""What streams.py observed, turned into numbers after the run (so decoding the barcodes does
not compete with the engine): picture ages, motion-clip coverage, segment lateness and the
assets that are late or missing."""
import glob
import os
import subprocess

import barcode

LATE = 2.0  # seconds: a picture or segment later than this counts as late


def analyse(o, streams):
    ages, first_ages, lateness, clips, missing, off_tick, unreadable = [], [], [], [], [], 0, 0
    fps, frames = o.fps, int(round(o.secs * o.fps))
    width, by_frame, late_at = None, [], []
    for s in streams:
        pub = s["pub"]
        start = pub.start if pub.start is not None else pub.launched
        shown = set()
        for i, (seen, body) in enumerate(s["thumbs"]):
            path = os.path.join(o.work, f"{s['name']}-{i}.jpg")
            with open(path, "wb") as f:
                f.write(body)
            width = width or _width(path)
            n = barcode.read_frames(path, width)
            if not n or n[0] is None:
                unreadable += 1
                continue
            age = seen - (start + n[0] / fps)
            shown.add(n[0])
            (first_ages if n[0] == 0 else ages).append(age)
            by_frame.append((n[0], round(age, 3)))
            off_tick += n[0] % int(round(o.thumbs * fps)) != 0
        for k in range(0, frames, int(round(o.thumbs * fps))):
            if k not in shown:
                missing.append(f"{s['name']}: thumbnail of frame {k} never served")
        if o.clip != "none":
            clips += _clips(o, s, missing)
        for uri, (seen, end) in s["segs"].items():
            lateness.append(seen - (start + end - 1 / fps))
            late_at.append((round(end, 2), round(lateness[-1], 3)))
        listed = max((end for _, end in s["segs"].values()), default=0.0)
        if listed < o.secs - 1:  # segments end at keyframes, so count seconds, not segments
            missing.append(f"{s['name']}: {listed:.1f} s of replay segments listed")
        _recording(o, s, missing)
    late = sum(a > LATE for a in ages + first_ages) + sum(x > LATE for x in lateness)
    return {"ages": ages, "first_ages": first_ages, "lateness": lateness, "clips": clips,
            "missing": missing, "late": late, "by_frame": sorted(by_frame),
            "lateness_by_end": sorted(late_at), "off_tick": off_tick, "unreadable": unreadable}


def _width(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                          "stream=width", "-of", "csv=p=0", path], capture_output=True, text=True)
    return int(out.stdout.strip() or 1280)


def _clips(o, s, missing):
    """Each clip's frames: how many, the first and last frame shown, and whether they cover
    the `duration` seconds before the tick they end at."""
    interval, duration = (int(x) for x in o.clip.split(","))
    out, ticks = [], set()
    for i, (seen, body) in enumerate(s["gifs"]):
        path = os.path.join(o.work, f"{s['name']}-{i}.gif")
        with open(path, "wb") as f:
            f.write(body)
        n = [x for x in barcode.read_frames(path, _width(path)) if x is not None]
        if not n:
            out.append({"frames": 0})
            continue
        first, last = min(n) / o.fps, max(n) / o.fps
        tick = round(last / interval) * interval
        ticks.add(tick)
        out.append({"frames": len(n), "first": first, "last": last, "tick": tick,
                    "covers": first <= tick - duration + 0.15 and last >= tick - 0.15})
    for tick in range(interval, int(o.secs), interval):
        if tick not in ticks:
            missing.append(f"{s['name']}: no motion clip for the tick at {tick} s")
    return out


def _recording(o, s, missing):
    files = glob.glob(os.path.join(o.data_dir, "media", f"{s['name']}-*.mp4"))
    if not files:
        missing.append(f"{s['name']}: no recording")
        return
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                          "-of", "csv=p=0", files[0]], capture_output=True, text=True)
    dur = float(out.stdout.strip() or 0)
    if dur < o.secs - 2:
        missing.append(f"{s['name']}: recording of {dur:.1f} s")
