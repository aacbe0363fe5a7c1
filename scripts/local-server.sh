# Sourced by e2e.sh and bench.sh: starts the release bintu-local (serving dist/) on free
# loopback ports over a fresh data directory and exports where it is. Stops it on exit.
# `start_local_server [SHAPE]`: SHAPE is `serve --api-shape` (full, documented,
# documented-org; default full) and is exported as E2E_API_SHAPE for the tests. SERVER_FLAGS
# (optional) adds serve flags, e.g. limits for a benchmark.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_local_server() {
  local shape=${1:-full}
  SERVER_DATA=$(mktemp -d)
  local port rtmp_port
  port=$(free_port)
  rtmp_port=$(free_port)
  target/release/bintu-local --data-dir "$SERVER_DATA" serve --dist dist --port "$port" \
    --rtmp-port "$rtmp_port" --api-shape "$shape" ${SERVER_FLAGS:-} >"$SERVER_DATA/server.log" 2>&1 &
  SERVER_PID=$!
  trap stop_local_server EXIT
  for _ in $(seq 1 100); do
    grep -q 'Demo API key:' "$SERVER_DATA/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_DATA/server.log"; return 1; }
    sleep 0.1
  done
  local key
  key=$(sed -n 's/.*Demo API key: \([A-Za-z0-9]*\).*/\1/p' "$SERVER_DATA/server.log" | head -1)
  [ -n "$key" ] || { echo "server did not print the demo key"; cat "$SERVER_DATA/server.log"; return 1; }
  export E2E_BASE_URL="http://127.0.0.1:$port" E2E_API_KEY="$key" E2E_DATA_DIR="$SERVER_DATA"
  export E2E_RTMP_PORT="$rtmp_port" E2E_BIN="$PWD/target/release/bintu-local"
  export E2E_API_SHAPE="$shape"
}

stop_local_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill -INT "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  if [ -z "${KEEP_E2E_DATA:-}" ]; then rm -rf "$SERVER_DATA"; else echo "data kept in $SERVER_DATA"; fi
}
