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
# Whole order: what a whole upgrade fetches: the first load, the chunks of
# its steps (UPGRADE_CHUNKS) and every shared chunk they need, as the split
# loader (__wasm_split-*.js) lists them. Other flows' chunks are listed but
# not counted. Sizes are gzip -9 and brotli -q 11 of each file.
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
# The split points an upgrade goes through (src/app/chunks.rs).
upgrade_chunks=${UPGRADE_CHUNKS:-"order_steps plan_step"}
loader=("$dist"/__wasm_split-*.js)
# The files an upgrade fetches besides the first load: its split modules,
# and each shared chunk whose comment in the loader names one of them.
upgrade_files=$(awk -v wanted="$upgrade_chunks" '
  BEGIN { n = split(wanted, list, " "); for (i = 1; i <= n; i++) want[list[i]] = 1 }
  /^\/\* .* \*\/$/ { users = $0; gsub(/^\/\* | \*\/$/, "", users); next }
  /fetch\(new URL\("\.\// {
    match($0, /"\.\/[^"]+"/); file = substr($0, RSTART + 3, RLENGTH - 4)
    if (file ~ /^split_/) {
      name = file; sub(/^split_/, "", name); sub(/-[0-9a-f]+\.wasm$/, "", name)
      if (name in want) print file
    } else if (users != "") {
      m = split(users, names, ", ")
      for (i = 1; i <= m; i++) if (names[i] in want) { print file; break }
    }
    users = ""
  }' "${loader[0]}")
# A split point the loader does not list (a renamed group, or a loader
# this script can no longer read) would leave its bytes out of the total.
for name in $upgrade_chunks; do
  grep -q "^split_$name-" <<< "$upgrade_files" \
    || { echo "size-check: the chunk loader in $dist/ lists no split module '$name' (UPGRADE_CHUNKS)" >&2; exit 2; }
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
whole_gzip=$first_gzip upgrade_wasm=1
for file in "${chunks[@]}"; do
  gz=$(gzip_size "$file") br=$(brotli_size "$file")
  if grep -qxF "${file#"$dist"/}" <<< "$upgrade_files"; then
    whole_gzip=$((whole_gzip + gz)) upgrade_wasm=$((upgrade_wasm + 1))
    row "$file" "$gz" "$br"
  else
    row "$file" "$gz" "$br" | sed 's/$/  (other flows)/'
  fi
done
printf '%-48s %10s %10d\n' "whole upgrade (first load and its chunks)" "" "$whole_gzip"
echo "wasm files: ${#all_wasm[@]} in all (main module and ${#chunks[@]} chunks); an upgrade fetches $upgrade_wasm"

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
check "whole upgrade, gzip bytes" "$whole_gzip" "$whole_gzip_budget"
check "wasm files of an upgrade" "$upgrade_wasm" "$max_wasm_files"
exit "$failed"
