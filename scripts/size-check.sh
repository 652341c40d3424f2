#!/usr/bin/env bash
# Fails when the split widget outgrows its budgets. Reads dist/ as
# scripts/test.sh builds it (scripts/build-widget.sh --release), or the
# directory in MOBPROC_DIST.
#
#   scripts/size-check.sh FIRST_GZIP FIRST_BROTLI WHOLE_GZIP MAX_WASM_FILES
#   scripts/size-check.sh 194560 153600 409600 25
#
# First load: what is fetched before the first step is usable: loader.js,
# wasm-bindgen's glue, the chunk loader, the main wasm module and the CSS
# trunk emits (the widget's own CSS is compiled into the wasm).
# Whole order: the first load and every chunk (an upgrade visits them all).
# Sizes are gzip -9 and brotli -q 11 of each file.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/size-check.sh FIRST_GZIP FIRST_BROTLI WHOLE_GZIP MAX_WASM_FILES"
[ $# -eq 4 ] || { echo "$usage" >&2; exit 2; }
for number in "$@"; do
  case "$number" in ''|*[!0-9]*) echo "size-check: '$number' is not a number ($usage)" >&2; exit 2 ;; esac
done
first_gzip_budget=$1 first_brotli_budget=$2 whole_gzip_budget=$3 max_wasm_files=$4
dist=${MOBPROC_DIST:-dist}
[ -f "$dist/index.html" ] || { echo "size-check: $dist/ has no built widget: run scripts/build-widget.sh --release" >&2; exit 2; }

shopt -s nullglob
main_wasm=("$dist"/mobproc-widget-*_bg.wasm)
[ ${#main_wasm[@]} -eq 1 ] || { echo "size-check: expected one main module in $dist/, found ${#main_wasm[@]}" >&2; exit 2; }
first=("$dist"/loader.js "$dist"/mobproc-widget-*.js "$dist"/__wasm_split-*.js "${main_wasm[0]}" "$dist"/page-*.css)
all_wasm=("$dist"/*.wasm)
chunks=()
for file in "${all_wasm[@]}"; do
  [ "$file" = "${main_wasm[0]}" ] || chunks+=("$file")
done

gzip_size() { gzip -9 -n -c "$1" | wc -c; }
brotli_size() { brotli -q 11 -c "$1" | wc -c; }
first_gzip=0 first_brotli=0 whole_gzip=0
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
row() { printf '%-48s %10d %10d %10d\n' "${1#"$dist"/}" "$(wc -c < "$1")" "$2" "$3"; }
for file in "${first[@]}"; do
  [ -f "$file" ] || continue
  gz=$(gzip_size "$file") br=$(brotli_size "$file")
  first_gzip=$((first_gzip + gz)) first_brotli=$((first_brotli + br))
  row "$file" "$gz" "$br"
done
printf '%-48s %10s %10d %10d\n' "first load" "" "$first_gzip" "$first_brotli"
whole_gzip=$first_gzip
for file in "${chunks[@]}"; do
  gz=$(gzip_size "$file") br=$(brotli_size "$file")
  whole_gzip=$((whole_gzip + gz))
  row "$file" "$gz" "$br"
done
printf '%-48s %10s %10d\n' "whole order (first load and every chunk)" "" "$whole_gzip"
echo "wasm files: ${#all_wasm[@]} (main module and ${#chunks[@]} chunks)"

failed=0
check() { # what, value, budget
  if [ "$2" -gt "$3" ]; then
    echo "size-check: FAIL: $1 is $2 > budget $3 (+$(($2 - $3)))" >&2
    failed=1
  else
    echo "size-check: ok: $1 is $2 <= budget $3"
  fi
}
check "first load, gzip bytes" "$first_gzip" "$first_gzip_budget"
check "first load, brotli bytes" "$first_brotli" "$first_brotli_budget"
check "whole order, gzip bytes" "$whole_gzip" "$whole_gzip_budget"
check "wasm files" "${#all_wasm[@]}" "$max_wasm_files"
exit "$failed"
