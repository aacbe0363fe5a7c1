#!/usr/bin/env bash
# Trunk pre_build hook (Trunk.toml): writes target/shell/head.html, the one head that both
# HTML entry points (index.html, replay.html) inline: shell/head.html (meta, the skeleton
# picker), the favicon as a data URL (no request, and no path into the other build), and the
# style sheets both builds use, inlined so that the first paint waits for no request.
# Each entry point adds only its title, its wasm, its own page styles and its skeleton.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
out=target/shell
mkdir -p "$out"
# The replay pages' path segments, from the one place they are written (contract/src/pages.rs).
seg() {
  local v
  v=$(sed -n "s/^pub const $1: &str = \"\(.*\)\";\$/\1/p" contract/src/pages.rs)
  [ -n "$v" ] || { echo "shell-head.sh: $1 not found in contract/src/pages.rs" >&2; exit 1; }
  printf '%s' "$v"
}
subst="s/@REPLAY@/$(seg REPLAY)/g; s/@LIVE_REPLAY@/$(seg LIVE_REPLAY)/g; s/@CLIP@/$(seg CLIP)/g"
icon=$(tr -d '\n' < public/favicon.svg | sed "s/\"/'/g; s/#/%23/g; s/</%3C/g; s/>/%3E/g")
{
  sed "$subst" shell/head.html
  printf '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,%s"/>\n' "$icon"
  printf '<style>\n'
  cat style/tokens.css style/base.css style/layout.css style/components.css style/pages.css \
    style/shell.css
  printf '</style>\n'
} > "$out/head.html.tmp"
mv "$out/head.html.tmp" "$out/head.html"
