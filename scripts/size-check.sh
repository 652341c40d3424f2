#!/usr/bin/env bash
# Fails when the widget's first load (wasm + JS + CSS, each gzip -9) is
# larger than BUDGET_BYTES. Reads dist/ as scripts/test.sh builds it
# (scripts/build-widget.sh --release), or the directory in MOBPROC_DIST.
#
#   scripts/size-check.sh 410000
#
# JS is the wasm-bindgen glue and loader.js; CSS is what trunk emits from
# style/ (the widget's own CSS is compiled into the wasm, src/style.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:?usage: scripts/size-check.sh BUDGET_BYTES}
case "$budget" in ''|*[!0-9]*) echo "size-check: BUDGET_BYTES must be a number of bytes, not '$budget'" >&2; exit 2 ;; esac
dist=${MOBPROC_DIST:-dist}
[ -f "$dist/index.html" ] || { echo "size-check: $dist/ has no built widget: run scripts/build-widget.sh --release" >&2; exit 2; }

shopt -s nullglob
wasm=("$dist"/*.wasm)
js=("$dist"/loader.js "$dist"/mobproc-widget-*.js)
css=("$dist"/page-*.css)
[ ${#wasm[@]} -eq 1 ] || { echo "size-check: expected one .wasm in $dist/, found ${#wasm[@]}" >&2; exit 2; }

total=0
printf '%-48s %10s %10s\n' file raw gzip
for file in "${wasm[@]}" "${js[@]}" "${css[@]}"; do
  [ -f "$file" ] || continue
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -n -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-48s %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz"
done
printf '%-48s %10s %10d\n' "first load (wasm + JS + CSS)" "" "$total"
if [ "$total" -gt "$budget" ]; then
  echo "size-check: FAIL: $total bytes gzip > budget $budget bytes (+$((total - budget)))" >&2
  exit 1
fi
echo "size-check: ok: $total bytes gzip <= budget $budget bytes ($((budget - total)) to spare)"
