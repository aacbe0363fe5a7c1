#!/usr/bin/env bash
# API load on loopback: the release bintu-local (fresh data dir) and the loadgen example at
# 32 keep-alive connections. GET /stream/{id} of a 3-member group with processing, then
# POST /stream of such groups (each an fsync'd transaction). Bounded in time and count.
# Env: API_CONNS (32), API_GET_SECS (10), API_GET_MAX (200000), API_POST_SECS (5),
# API_POST_MAX (20000). Fails when any request fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -p bintu-local --bin bintu-local --example loadgen
source scripts/local-server.sh
start_local_server
loadgen=target/release/examples/loadgen
conns=${API_CONNS:-32}
"$loadgen" "$E2E_BASE_URL" "$E2E_API_KEY" get "$conns" "${API_GET_SECS:-10}" "${API_GET_MAX:-200000}"
"$loadgen" "$E2E_BASE_URL" "$E2E_API_KEY" post "$conns" "${API_POST_SECS:-5}" "${API_POST_MAX:-20000}"
