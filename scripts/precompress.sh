#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh; release only,
# last): writes a brotli (.br) and a gzip (.gz) copy beside the files the
# build makes (wasm, JS, CSS, index.html), for servers that send
# precompressed files (the sandbox does; README.md, "Serving the widget").
# config.json is left alone: it is edited after the build, and a stale
# compressed copy would be served in its place.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'index.html' \) -print0 |
  while IFS= read -r -d '' file; do
    gzip -9 -n -k -f "$file"
    brotli -q 11 -k -f "$file"
  done
