# Two commands on a fresh Debian machine with rustup: `make run` and `make test`.
# Both run `setup` first, which installs only what is missing (scripts/setup.sh).
SHELL := /bin/bash
PORT ?= 8090
RTMP_PORT ?= 1935
DATA_DIR ?= data
# npm's wasm-opt 132 must win over anything else on PATH (Debian's 108 breaks the wasm).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true
export TRUNK_SKIP_VERSION_CHECK := true
# The replay build's dist/ subdirectory and URL path, written once in the contract crate.
REPLAY_APP := $(shell sed -n 's/^pub const REPLAY_APP: &str = "\(.*\)";$$/\1/p' contract/src/pages.rs)
$(if $(REPLAY_APP),,$(error REPLAY_APP not found in contract/src/pages.rs))

.PHONY: setup build console server run test test-fmt test-clippy test-native test-wasm test-e2e bench

setup:
	@scripts/setup.sh

# Two builds: the console (index.html -> dist/) and, into dist/$(REPLAY_APP)/, the public
# replay pages (replay.html), so share-link viewers load a smaller app. The console first:
# its build replaces dist/ as a whole.
console: setup
	trunk build --release --offline
	trunk build replay.html --release --offline --dist dist/$(REPLAY_APP) --public-url /$(REPLAY_APP)/

server: setup
	cargo build --release -p bintu-local

build: console server

run: build
	target/release/bintu-local serve --dist dist --data-dir $(DATA_DIR) --port $(PORT) --rtmp-port $(RTMP_PORT)

test: setup test-fmt test-clippy test-native test-wasm test-e2e
	@echo "make test: all layers passed"

test-fmt:
	cargo fmt --all -- --check

test-clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p nano-console -p contract --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test -p nano-console --target wasm32-unknown-unknown

test-e2e: console server
	scripts/e2e.sh

bench: build
	scripts/bench.sh
