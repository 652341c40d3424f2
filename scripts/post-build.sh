#!/usr/bin/env bash
# Trunk's post-build hook (trunk runs the hooks of one stage side by side,
# so the steps that depend on each other run here, in order):
#   1. split-wasm.sh          release: the wasm cut into a main module and
#                             chunks, index.html pointed at them;
#   2. externalize-loader.sh  the inline loader moved into loader.js;
#   3. precompress.sh         release: .br and .gz beside every file.
set -euo pipefail
here="$(dirname "$0")"
"$here/split-wasm.sh"
"$here/externalize-loader.sh"
"$here/precompress.sh"
