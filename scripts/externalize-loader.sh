#!/bin/sh
# Trunk post-build hook: moves the inline module script trunk writes into
# index.html to its own file, so the page runs under a Content-Security-Policy
# without 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
page="$dir/index.html"
awk -v loader="$dir/loader.js" '
  /<script type="module">/ && !done { inside = 1; next }
  inside && /<\/script>/ { inside = 0; done = 1; print "<script type=\"module\" src=\"/loader.js\"></script>"; next }
  inside { print > loader; next }
  { print }
' "$page" > "$page.tmp"
mv "$page.tmp" "$page"
grep -q 'src="/loader.js"' "$page" || { echo "externalize-loader: no inline loader found in $page" >&2; exit 1; }
