#!/usr/bin/env bash
# Installs what building and testing the project needs, only when it is
# missing: the wasm32 target, trunk, the wasm-bindgen CLI matching
# Cargo.lock, Node and npm, a working wasm-opt (npm's binaryen), terser
# (npm; minifies the release build's JavaScript glue), Chromium and
# ChromeDriver.
# Safe to run again: it does nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

# wasm-split cuts the release wasm into chunks (scripts/split-wasm.sh); the
# binary is behind the crate's build-binary feature (the crates.io crate
# named wasm-split-cli is another tool).
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked \
    || cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# Node and npm, for the two tools below and scripts/shorten-imports.mjs.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi

# Debian's binaryen (108) writes modules Chromium refuses; npm's is current.
# The split build needs this one's passes (--remove-exports among them).
BINARYEN_VERSION=132
if [ "$(.tools/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --save-exact --prefix .tools "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# terser minifies wasm-bindgen's glue in the split release build
# (scripts/split-wasm.sh): 2 KB gzip less on the first load.
TERSER_VERSION=5.51.4
if [ "$(.tools/node_modules/.bin/terser --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
  say "installing terser $TERSER_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --save-exact --prefix .tools "terser@$TERSER_VERSION" >/dev/null
fi

# Chromium for the browser tests; brotli for the precompressed site
# (scripts/precompress.sh).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v brotli >/dev/null; then
  say "installing chromium, chromium-driver and brotli"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver brotli >/dev/null
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(.tools/node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(.tools/node_modules/.bin/terser --version), $(chromium --version 2>/dev/null | head -1)"
