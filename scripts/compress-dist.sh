#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): leaves `<file>.br` and `<file>.gz` beside every built
# .wasm/.js/.css and HTML page of a release build, which bintu-local serves to browsers that
# accept them (web.rs; the pages through html_page.rs), so the console goes over the wire
# compressed without compressing per request. gzip and brotli give the variant the page's
# modification time; bintu-local ignores a variant older than its page.
# Debug builds (trunk serve while developing) are left alone: brotli -q 11 takes seconds.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
dir=${TRUNK_STAGING_DIR:?run by trunk}
find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -print0 |
  while IFS= read -r -d '' f; do
    gzip -9 -n -k -f "$f"
    if command -v brotli >/dev/null; then
      brotli -q 11 -k -f "$f"
    fi
  done
