#!/usr/bin/env bash
# Installs only what is missing, at pinned versions, from the package registries alone
# (crates.io, Debian apt, npm). Safe to run again: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The CLI must equal the wasm-bindgen in Cargo.lock, or trunk and the test runner refuse the wasm.
WBG_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# 1. Rust toolchain named in rust-toolchain.toml. Offline machines carry one toolchain as
#    "stable"; when it is the pinned version, link it under the pinned name instead of downloading.
if ! rustup toolchain list | grep -q "^${TOOLCHAIN}-"; then
  have=$(cd / && rustc +stable --version | awk '{print $2}')
  if [ "$have" = "$TOOLCHAIN" ]; then
    log "linking toolchain $TOOLCHAIN to stable"
    rustup toolchain link "$TOOLCHAIN" "$(cd / && rustc +stable --print sysroot)"
  else
    log "installing toolchain $TOOLCHAIN"
    rustup toolchain install "$TOOLCHAIN" --profile minimal -c rustfmt -c clippy
  fi
fi
if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  log "adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: ffmpeg for the media engine, Chromium + driver for the browser tests.
#    Never binaryen: its wasm-opt 108 corrupts wasm-bindgen output (the page dies at start-up).
missing=()
for pkg in ffmpeg chromium chromium-driver brotli fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 3. Cargo tools. trunk 0.22 needs a newer rustc; wasm-bindgen-cli's own lock names a crate
#    version this registry lacks, so it installs without --locked.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 7 min on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WBG_VERSION (about 2 min)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# 4. npm tools from the committed lock: wasm-opt 132, hls.js, mediabunny, playwright-core (no
#    browser download), axe-core (the e2e accessibility checks).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lock-sum
fi

# 5. Vendored from the pinned npm packages; trunk copies public/ into both builds' output.
#    hls.js plays the replay pages; mediabunny (MPEG-TS in, MP4 out) is loaded by
#    public/clip-download.js only when a user clicks "Download MP4". Its ES module goes in as
#    `.js` so the build's compress step (scripts/compress-dist.sh) precompresses it.
vendor() {
  if ! cmp -s "$1" "public/vendor/$2"; then cp "$1" "public/vendor/$2"; fi
}
mkdir -p public/vendor
vendor node_modules/hls.js/dist/hls.min.js hls.min.js
vendor node_modules/mediabunny/dist/bundles/mediabunny.min.mjs mediabunny.min.js
log "ready"
