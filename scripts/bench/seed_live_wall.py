"""Seeds bintu-local for the live-wall benchmark (scripts/bench/live_wall.sh): N single
streams with thumbnails and motion clips, created through the API and then marked live in the
SQLite file (publishing N streams would take N encoders). Prints their stream names."""
import json
import sqlite3
import sys
import urllib.request

base, key, db_path, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def post(path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"X-BINTU-APIKEY": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


procs = [{"id": "thumbs", "interval": 10}, {"id": "motionclip", "interval": 10, "duration": 2}]
ids, names = [], []
for i in range(n):
    s = post("/stream", {"tags": ["bench-wall", f"w{i}"], "processing": [procs]})
    ids.append(s["id"])
    names.append(s["ingest"]["rtmp"]["streamname"])
db = sqlite3.connect(db_path, timeout=30)
with db:
    db.executemany("UPDATE streams SET state = 'live' WHERE id = ?", [(i,) for i in ids])
print(" ".join(names))
