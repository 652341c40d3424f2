#!/usr/bin/env bash
# Builds the widget's static site into dist/ with trunk, offline, using
# the tools scripts/setup.sh installed. Pass --release for the shipped build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
trunk build --offline "$@"
