#!/usr/bin/env bash
# Builds the widget's static site into dist/ with trunk, offline, using
# the tools scripts/setup.sh installed. Pass --release for the shipped build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
# A RUSTFLAGS in the environment replaces .cargo/config.toml's flags: keep
# the size-saving erase_components and wasm-split's relocations all the same.
if [ -n "${RUSTFLAGS:-}" ]; then
  export RUSTFLAGS="$RUSTFLAGS --cfg erase_components -Clink-args=--emit-relocs"
fi
trunk build --offline "$@"
