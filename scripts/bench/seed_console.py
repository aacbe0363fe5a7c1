"""Seeds bintu-local for the console benchmark (scripts/bench/console.sh): one group stream
(passthrough + 2 transcodes, rec and replay on) with 100 past sessions and 100 recordings per
member written straight into its SQLite file (publishing 100 sessions would take an hour),
plus 250 single streams through the API. Prints the group id."""
import json
import sqlite3
import sys
import urllib.request

base, key, db_path = sys.argv[1], sys.argv[2], sys.argv[3]


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"X-BINTU-APIKEY": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


procs = [{"id": "thumbs", "interval": 30}, {"id": "rec", "duration": None},
         {"id": "replay", "duration": None}]
group = post("/stream", {
    "tags": ["bench-group"],
    "transcodes": [{"profile": "vtrans2-852x480x800x25", "tags": ["1. Transcode"]},
                   {"profile": "vtrans2-640x360x400x25", "tags": ["2. Transcode"]}],
    "processing": [procs, procs, procs],
})
members = [(m["id"], m.get("streamname") or m["rtmp"]["streamname"]) for m in group["playout"]["h5live"]]
db = sqlite3.connect(db_path, timeout=30)
start = 1_760_000_000_000
with db:
    for sid, name in members:
        for i in range(100):
            ms = start + i * 3_600_000
            iso = f"2025-10-09T{i % 24:02d}:00:00.000Z"
            db.execute("INSERT INTO sessions (stream_id, session_ms, processing, started_at, ended_at)"
                       " VALUES (?, ?, ?, ?, ?)", (sid, ms, json.dumps(procs), iso, iso))
            db.execute("INSERT INTO recordings (stream_id, session_ms, file, size, created_at)"
                       " VALUES (?, ?, ?, ?, ?)", (sid, ms, f"{name}-{ms}.mp4", 50_000_000 + i, iso))
for i in range(250):
    post("/stream", {"tags": ["bench-list", f"n{i}"]})
print(group["id"])
