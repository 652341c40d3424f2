#!/bin/sh
# Part of trunk's post-build hook (scripts/post-build.sh): replaces the
# inline module script trunk writes into index.html with loader.js, a file
# of its own, so that
#  - the page runs under a Content-Security-Policy without 'unsafe-inline'
#    (script-src 'self' 'wasm-unsafe-eval'), and
#  - a portal on another origin can embed the widget with one
#    <script type="module" src=".../loader.js">: every file is found beside
#    loader.js, wherever it is served from;
#  - each mount's configuration file is fetched (preloaded) while the wasm
#    downloads, not after it has started.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
page="$dir/index.html"
glue=$(grep -o "from '/[^']*\.js'" "$page" | head -n 1 | sed "s/from '\/\(.*\)'/\1/")
wasm=$(grep -o "module_or_path: '/[^']*\.wasm'" "$page" | head -n 1 | sed "s/module_or_path: '\/\(.*\)'/\1/")
[ -n "$glue" ] && [ -n "$wasm" ] || { echo "externalize-loader: no inline loader found in $page" >&2; exit 1; }
cat > "$dir/loader.js" <<JS
// Starts the MOBPROC widget. Everything it needs is found beside this file.
const base = new URL(".", import.meta.url);
globalThis.mobprocWidgetBase = base.href;
// Each mount's configuration file is fetched while the wasm downloads and
// compiles (the widget's own fetch of it, same URL and mode, is then served
// by this preload): data-config against the page, else beside this file.
for (const mount of document.querySelectorAll("#mobproc-widget, [data-mobproc-widget]")) {
  const config = mount.getAttribute("data-config");
  const preload = document.createElement("link");
  preload.rel = "preload";
  preload.as = "fetch";
  preload.crossOrigin = "anonymous";
  preload.href = config === null ? new URL("config.json", base).href : new URL(config, location.href).href;
  document.head.append(preload);
}
const { default: init } = await import(new URL("$glue", base).href);
await init({ module_or_path: new URL("$wasm", base) });
JS
awk '
  /<script type="module">/ && !done { inside = 1; next }
  inside && /<\/script>/ { inside = 0; done = 1; print "<script type=\"module\" src=\"/loader.js\"></script>"; next }
  inside { next }
  { print }
' "$page" > "$page.tmp"
mv "$page.tmp" "$page"
