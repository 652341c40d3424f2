#!/usr/bin/env bash
# Part of trunk's post-build hook (scripts/post-build.sh; release only):
# cuts the widget's wasm into the
# main module and one chunk per later step (the split points of
# src/app/chunks.rs), so the first load holds only the frame and the first
# screen. In place of trunk's single wasm and glue it leaves in the staging
# directory:
#   mobproc-widget-<build>.js         wasm-bindgen's glue (minified), for the main module
#   mobproc-widget-<hash>_bg.wasm     the main module
#   __wasm_split-<build>.js           wasm-split's chunk loader
#   <chunk>-<hash>.wasm               the chunks
# and rewrites index.html's references and integrity attributes to match.
# Every name carries a hash of what it depends on, so all of them may be
# cached for good. Debug builds (trunk serve) are left unsplit.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
root="${TRUNK_SOURCE_DIR:-$(pwd)}"
export PATH="$root/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
page="$dir/index.html"

glue=$(grep -o "from '/[^']*\.js'" "$page" | head -n 1 | sed "s/from '\/\(.*\)'/\1/")
wasm=$(grep -o "module_or_path: '/[^']*\.wasm'" "$page" | head -n 1 | sed "s/module_or_path: '\/\(.*\)'/\1/")
[ -n "$glue" ] && [ -n "$wasm" ] || { echo "split-wasm: no loader script found in $page" >&2; exit 1; }

target_dir=${CARGO_TARGET_DIR:-$(cd "$root" && cargo metadata --format-version 1 --no-deps --offline \
  | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}
input="$target_dir/wasm32-unknown-unknown/release/mobproc-widget.wasm"
[ -f "$input" ] || { echo "split-wasm: $input is missing" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/split" "$work/out"
wasm-split-cli "$input" "$work/split" --out-name mobproc-widget >/dev/null
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/bindgen" --out-name mobproc-widget "$work/split/mobproc-widget.wasm"

# The wasm features Rust 1.95's wasm32 target emits, which Chromium runs.
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
# -Oz after --flatten --rereloop (control flow rebuilt from scratch), twice:
# 1.5% less gzip than one -Oz, for 20 s more. --low-memory-unused: Rust's
# wasm puts its stack, then its data, at 1 MiB and up; the first KiB is
# never used, and loads and stores there can fold their offsets.
# (wasm-opt warns of name subsections it does not know: noise.)
optimize() {
  wasm-opt "${@:3}" --low-memory-unused --flatten --rereloop -Oz -Oz $features "$1" -o "$2" \
    2> >(grep -v "unknown name subsection" >&2)
}
# Of the contents only (not the paths, which are in a fresh temporary
# directory): the same build gets the same names, and caches stay valid.
hash_of() { cat "$@" | sha256sum | cut -c1-16; }

# Chunks: named by their own content.
loader_js="$work/split/__wasm_split.js"
for chunk in "$work"/split/*.wasm; do
  name=$(basename "$chunk" .wasm)
  [ "$name" = mobproc-widget ] && continue
  optimize "$chunk" "$work/out/$name.wasm"
  hashed="$name-$(hash_of "$work/out/$name.wasm").wasm"
  mv "$work/out/$name.wasm" "$work/out/$hashed"
  sed -i "s#\"./$name.wasm\"#\"./$hashed\"#g" "$loader_js"
done

# The main module, by its content; glue and chunk loader import each other,
# so both are named by one hash of the whole build. wasm-bindgen's import
# names (a hash each) shortened first, in the module and the glue alike.
node "$root/scripts/shorten-imports.mjs" "$work/bindgen/mobproc-widget_bg.wasm" "$work/bindgen/mobproc-widget.js"
# wasm-streams (leptos -> server_fn; the widget has no server functions)
# exports three classes for JavaScript streams backed by Rust, which nothing
# creates: their exports go (and with them the code only they reach, 1.6 KB
# gzip), and so do their classes in the glue. A glue whose classes this
# cannot find stops the build rather than keep half of one.
unused_exports='*intounderlying*'
optimize "$work/bindgen/mobproc-widget_bg.wasm" "$work/out/main.wasm" \
  --remove-exports --pass-arg="remove-exports@$unused_exports"
awk '
  /^export class IntoUnderlying[A-Za-z]* \{$/ { in_class = 1 }
  in_class { if ($0 == "}") in_class = 0; next }
  /^if \(Symbol\.dispose\) IntoUnderlying/ { next }
  /^const IntoUnderlying[A-Za-z]*Finalization = / { in_registry = 1 }
  in_registry { if ($0 ~ /;$/) in_registry = 0; next }
  { print }' "$work/bindgen/mobproc-widget.js" > "$work/glue.js"
mv "$work/glue.js" "$work/bindgen/mobproc-widget.js"
! grep -qi intounderlying "$work/bindgen/mobproc-widget.js" \
  || { echo "split-wasm: the glue still holds wasm-streams' classes (wasm-bindgen's output changed?)" >&2; exit 1; }
main_wasm="mobproc-widget-$(hash_of "$work/out/main.wasm")_bg.wasm"
mv "$work/out/main.wasm" "$work/out/$main_wasm"
terser --version > "$work/minifier"
build=$(hash_of "$work"/out/*.wasm "$loader_js" "$work/bindgen/mobproc-widget.js" "$work/minifier")
new_glue="mobproc-widget-$build.js"
new_loader="__wasm_split-$build.js"
sed "s#\"./mobproc-widget.js\"#\"./$new_glue\"#g" "$loader_js" > "$work/out/$new_loader"
# (only the import statements: the wasm's own import module keeps its name)
sed "s#from '\./__wasm_split\.js'#from './$new_loader'#g; s#from \"\./__wasm_split\.js\"#from \"./$new_loader\"#g" \
  "$work/bindgen/mobproc-widget.js" > "$work/out/$new_glue"
grep -q "$new_loader" "$work/out/$new_glue" || { echo "split-wasm: the glue does not import the chunk loader" >&2; exit 1; }
# The glue, 58 KB of first-load JavaScript, minified: names local to the
# module, whitespace, comments (exports and the wasm's import names are
# kept). The chunk loader stays as written: its comments say which split
# modules share each chunk (scripts/size-check.sh reads them).
terser "$work/out/$new_glue" --module --compress --mangle --output "$work/out/$new_glue.min"
mv "$work/out/$new_glue.min" "$work/out/$new_glue"

# Swap trunk's unsplit files for these, and point index.html at them.
rm -f "$dir/$glue" "$dir/$wasm"
cp "$work"/out/* "$dir/"
integrity() { echo "sha384-$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
sed -i "s#/$glue#/$new_glue#g; s#/$wasm#/$main_wasm#g" "$page"
# (trunk writes several tags on one line: each tag's own integrity.)
for file in "$new_glue" "$main_wasm"; do
  sed -i -E "s#(href=\"/$file\"[^>]*integrity=\")[^\"]*#\1$(integrity "$dir/$file")#" "$page"
done
# The glue imports the chunk loader: fetched beside it, not after it.
preload_loader="<link rel=\"modulepreload\" href=\"/$new_loader\" crossorigin=\"anonymous\" integrity=\"$(integrity "$dir/$new_loader")\">"
sed -i -E "s#(<link rel=\"modulepreload\" href=\"/$new_glue\"[^>]*>)#\1$preload_loader#" "$page"
grep -q "href=\"/$new_loader\"" "$page" || { echo "split-wasm: no modulepreload for the chunk loader" >&2; exit 1; }
echo "split-wasm: $(ls "$work"/out/*.wasm | wc -l) wasm files, main $(wc -c < "$dir/$main_wasm") bytes"
