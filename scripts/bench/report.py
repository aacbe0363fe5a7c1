"""Prints the tables of scale.sh and age.sh from streams.py's JSON summaries.
`report.py scale|age FILE...`."""
import json
import os
import sys

from benchlib import pct

LATE = 2.0


def per_min(x, r):
    return x * 60.0 / (r["n"] * r["secs"])


def p(xs, q):
    v = pct(xs, q)
    return "-" if v is None else f"{v:.2f}"


def common(r):
    engine = r["cpu_own"] + r["cpu_children"]
    return engine, per_min(engine, r)


def backlog(r):
    """Largest unread RTMP receive queue of one connection, in KB and seconds at 2.6 Mbit/s."""
    m = max((one for _, _, one in r.get("backlog", [])), default=0)
    return f"{m / 1024:.0f} KB ({m * 8 / 2.63e6:.1f} s)"


def scale(runs):
    print("| N | engine CPU s / stream-min (bintu-local / children) | publishers CPU s / stream-min "
          "| engine cores busy | machine busy | peak RSS MB per stream (PSS) | thumbnail age p50 / p99 "
          "(first picture max) | segment lateness p50 / p99 | API p50 / p99 ms (requests) "
          "| ingest backlog max, one connection (s of stream) | late / missing | load avg |")
    print("|" + "---|" * 12)
    base, knee = None, None
    for r in runs:
        engine, pm = common(r)
        base = base or pm
        m = r["mem_peak_kb"]
        rss = (m.get("rss_server", 0) + m.get("rss_children", 0)) / 1024 / r["n"]
        pss = (m.get("pss_server", 0) + m.get("pss_children", 0)) / 1024 / r["n"]
        ages = r["ages"] + r["first_ages"]
        cores = engine / r["publish_wall"]
        # This bench's own processes on the machine: the engine, the publishers, the driver.
        ours = (engine + r["publishers_cpu"] + r["driver_cpu"]) / r["publish_wall"]
        behind = r["publish_wall"] - r["secs"] - r.get("spread", 3.0)  # -re publishers falling behind real time
        fa = max(r["first_ages"]) if r["first_ages"] else None
        print(f"| {r['n']} | {pm:.2f} ({per_min(r['cpu_own'], r):.2f} / "
              f"{per_min(r['cpu_children'], r):.2f}; {100 * (pm / base - 1):+.0f} %) "
              f"| {per_min(r['publishers_cpu'], r):.3f} | {cores:.2f} | {100 * r['machine_busy']:.0f} % "
              f"| {rss:.0f} ({pss:.0f}) | {p(ages, 50)} / {p(ages, 99)} ({'-' if fa is None else f'{fa:.2f}'}) "
              f"| {p(r['lateness'], 50)} / {p(r['lateness'], 99)} "
              f"| {p(r['api_ms'], 50)} / {p(r['api_ms'], 99)} ({len(r['api_ms'])}, {r['api_errors']} errors) "
              f"| {backlog(r)} | {r['late']} / {len(r['missing'])} | {r['loadavg'][0]:.1f} |")
        over = [x for x in (pct(ages, 99), pct(r["lateness"], 99)) if x is not None and x > LATE]
        sat = ours > 0.9 * os.cpu_count() or behind > 2.0
        if knee is None and (over or sat):
            knee = (r["n"], "age/lateness p99 > 2 s" if over else
                    f"CPU saturated: bench processes {ours:.2f} cores, publishes {behind:+.1f} s late")
    for r in runs:
        for line in r["missing"][:5]:
            print(f"  N={r['n']} missing: {line}")
    print(f"knee: {'none up to N=' + str(runs[-1]['n']) if knee is None else f'N={knee[0]} ({knee[1]})'}")
    print(f"driver CPU (this bench's own pollers, same machine): "
          + ", ".join(f"N={r['n']} {r['driver_cpu']:.1f} s" for r in runs))


def age(runs):
    print("| source | thumbnails | age p50 / p99 / max | first picture | shown frame on its tick "
          "| motion clips: frames, covers the D s before the tick | engine CPU s / min (decode-only) "
          "| late / missing |")
    print("|" + "---|" * 8)
    for r in runs:
        engine, pm = common(r)
        a = r["ages"]
        clips = r["clips"]
        cov = sum(bool(c.get("covers")) for c in clips)
        span = ", ".join(sorted({f"{c['first']:.1f}-{c['last']:.1f} s" for c in clips if c.get("frames")}))
        counts = "/".join(sorted({str(c["frames"]) for c in clips}))
        fa = max(r["first_ages"]) if r["first_ages"] else None
        # decode-only ran once on the source (not N times)
        dec = f"{r['decode_cpu'] * 60 / r['secs']:.2f}" if "decode_cpu" in r else "-"
        print(f"| {r['label']} | {len(a)} | {p(a, 50)} / {p(a, 99)} / {p(a, 100)} s "
              f"| {'-' if fa is None else f'{fa:.2f} s'} "
              f"| {len(a) + len(r['first_ages']) - r['off_tick']} of {len(a) + len(r['first_ages'])} "
              f"| {len(clips)} clips, {counts} frames, "
              f"{cov} cover ({span}) | {pm:.2f} ({dec}) | {r['late']} / {len(r['missing'])} |")
        for line in r["missing"][:5]:
            print(f"  {r['label']} missing: {line}")
    for r in runs:  # per tick frame: the median and the largest age over the streams
        by = {}
        for f, a in r.get("by_frame", []):
            by.setdefault(f, []).append(a)
        print(f"  {r['label']} age by frame shown (median / max): " + ", ".join(
            f"{f}: {pct(a, 50):.2f} / {max(a):.2f}" for f, a in sorted(by.items())))


if __name__ == "__main__":
    runs = [json.load(open(f)) for f in sys.argv[2:] if os.path.exists(f)]
    runs.sort(key=lambda r: r["n"]) if sys.argv[1] == "scale" else None
    {"scale": scale, "age": age}[sys.argv[1]](runs)
