#!/usr/bin/env bash
# API latency under an RTMP socket flood (issue 14): GET /stream/{id} with the loadgen example
# (32 keep-alive connections, FLOOD_GET_SECS s each run) on the release bintu-local, first on
# a quiet server, then while scripts/bench/rtmp_flood.py holds FLOOD_SOCKETS (3,000) idle or
# half-handshaken RTMP sockets, reopening each one the server closes. Two servers: one that
# admits every socket (--rtmp-max-connections 4000: all held until the 10 s start deadline,
# the worst case for memory) and one on the default limits (64 admitted, the rest refused at
# once). Prints loadgen's line per run, the server's RSS and open descriptors mid-flood, and
# the flooder's counts. The descriptor limit is raised for the server and the flooder.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -p bintu-local --bin bintu-local --example loadgen
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
source scripts/local-server.sh
loadgen=target/release/examples/loadgen
sockets=${FLOOD_SOCKETS:-3000}
secs=${FLOOD_GET_SECS:-10}

server_stats() {
  local rss fds
  rss=$(awk '/^VmRSS:/ {printf "%.1f MiB", $2 / 1024}' "/proc/$SERVER_PID/status")
  fds=$(ls "/proc/$SERVER_PID/fd" | wc -l)
  echo "server: RSS $rss, $fds open descriptors"
}

get_run() {
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$loadgen" "$E2E_BASE_URL" "$E2E_API_KEY" get 32 "$secs"
}

# Quiet and flooded runs alternate (FLOOD_ROUNDS pairs) on one server, so a change in the
# machine's other load shows as spread between rounds rather than as a flood effect.
flood_run() {
  local label=$1
  start_local_server
  local rtmp_port=$E2E_RTMP_PORT round out flood
  for round in $(seq 1 "${FLOOD_ROUNDS:-2}"); do
    echo "--- $label, round $round, quiet"
    server_stats
    get_run
    echo "--- $label, round $round, $sockets RTMP sockets"
    out=$(mktemp)
    python3 scripts/bench/rtmp_flood.py 127.0.0.1 "$rtmp_port" "$sockets" $((secs + 20)) >"$out" &
    flood=$!
    for _ in $(seq 1 300); do grep -q ready "$out" && break; sleep 0.1; done
    grep -q ready "$out" || echo "flooder not ready after 30 s"
    sleep 2
    server_stats
    get_run
    server_stats
    wait "$flood"
    echo "flooder: $(tail -1 "$out")"
    rm -f "$out"
  done
  echo "server log: $(grep -c 'no publish within' "$SERVER_DATA/server.log" || true) sockets closed by the start deadline, $(grep -c 'rtmp connection refused' "$SERVER_DATA/server.log" || true) refusal lines (rate-limited)"
  stop_local_server
}

SERVER_FLAGS="--rtmp-max-connections 4000" flood_run "every socket admitted (--rtmp-max-connections 4000)"
SERVER_FLAGS="" flood_run "default limits (--rtmp-max-connections 64)"
