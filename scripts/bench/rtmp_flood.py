"""Holds N idle or half-handshaken RTMP sockets against HOST:PORT for SECS seconds (issue 14):
a third send nothing, a third only C0, a third C0 and half of C1. A socket the server closes
(start deadline, or refused over --rtmp-max-connections) is reopened after PAUSE seconds, so
about N stay open the whole time. Prints `ready` once every socket has been opened once, then
at the end one JSON line: connects, closes by the server, failed connects, the flooder's own
CPU seconds (it shares the machine with the server and the load generator).

python3 scripts/bench/rtmp_flood.py HOST PORT N SECS [PAUSE=1]
"""
import asyncio
import json
import sys
import time

host, port, n, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
pause = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
stats = {"sockets": n, "connects": 0, "closed_by_server": 0, "failed_connects": 0}
opened_once = set()


async def hold(i, end):
    first = (b"", b"\x03", b"\x03" * 700)[i % 3]
    while time.monotonic() < end:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["failed_connects"] += 1
            await asyncio.sleep(pause)
            continue
        stats["connects"] += 1
        opened_once.add(i)
        if len(opened_once) == n and stats.get("ready") is None:
            stats["ready"] = round(time.monotonic() - start, 2)
            print("ready", flush=True)
        try:
            if first:
                writer.write(first)
                await writer.drain()
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    break
                if not await asyncio.wait_for(reader.read(4096), left):
                    stats["closed_by_server"] += 1
                    break
        except (asyncio.TimeoutError, OSError):
            pass
        writer.close()
        await asyncio.sleep(pause)


async def main():
    end = time.monotonic() + secs
    await asyncio.gather(*(hold(i, end) for i in range(n)))


start = time.monotonic()
asyncio.run(main())
stats["flooder_cpu_s"] = round(time.process_time(), 1)
print(json.dumps(stats), flush=True)
