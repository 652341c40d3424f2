//! The sizes the benchmark reports: the widget's first load and whole
//! order, the vanilla page's, the floor (`bench/floor`), and the first
//! load of the build that offers only the upgrade (`--features
//! upgrade-only`), beside the one with every order type.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// A file's size: raw, gzip -9 and brotli (-q 11), as the Debian tools
/// write them (`None` when the tool is missing).
fn file_size(path: &Path) -> Value {
    let raw = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let compressed = |program: &str, args: &[&str]| -> Option<u64> {
        let output = Command::new(program).args(args).arg(path).output().ok()?;
        output
            .status
            .success()
            .then_some(output.stdout.len() as u64)
    };
    json!({
        "raw": raw,
        "gzip": compressed("gzip", &["-9", "-n", "-c"]),
        "brotli": compressed("brotli", &["-c", "-q", "11"]),
    })
}

/// The sizes of a group of files, each and summed.
fn group(dir: &Path, names: &[String]) -> Value {
    let mut files = serde_json::Map::new();
    let (mut raw, mut gzip, mut brotli) = (0, 0, Some(0));
    for name in names {
        let size = file_size(&dir.join(name));
        raw += size["raw"].as_u64().unwrap_or(0);
        gzip += size["gzip"].as_u64().unwrap_or(0);
        brotli = brotli.zip(size["brotli"].as_u64()).map(|(a, b)| a + b);
        files.insert(name.clone(), size);
    }
    json!({ "raw": raw, "gzip": gzip, "brotli": brotli, "files": files })
}

/// The first load and the whole order of the widget built into `dist`, the
/// vanilla page's in `site`, the floor, and the first load of the build
/// with one order type (`MOBPROC_ONE_FLOW_DIST`).
pub fn sizes(dist: &Path, site: &Path) -> Value {
    let html = group(site, &["index.html".into(), "config.json".into()]);
    let mut widget = widget_sizes(dist);
    widget["pageAndConfig"] = html;
    let one_flow = std::env::var_os("MOBPROC_ONE_FLOW_DIST")
        .map(PathBuf::from)
        .map_or(Value::Null, |dir| widget_sizes(&dir)["firstLoad"].clone());
    json!({
        "widget": widget,
        "vanilla": vanilla_sizes(site),
        "floor": floor_size(),
        "oneFlowFirstLoad": one_flow,
    })
}

/// The widget built into `dist`: its main module, chunks, JS and CSS, its
/// first load (everything but the chunks) and whole order (everything).
fn widget_sizes(dist: &Path) -> Value {
    let mut names: Vec<String> = std::fs::read_dir(dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let pick = |keep: &dyn Fn(&str) -> bool| -> Vec<String> {
        names.iter().filter(|n| keep(n)).cloned().collect()
    };
    let is_main = |n: &str| n.starts_with("mobproc-widget-") && n.ends_with("_bg.wasm");
    let wasm = group(dist, &pick(&|n| is_main(n)));
    let chunks = group(dist, &pick(&|n| n.ends_with(".wasm") && !is_main(n)));
    let wasm_files = pick(&|n| n.ends_with(".wasm")).len();
    let js = group(
        dist,
        &pick(&|n| {
            n == "loader.js"
                || ((n.starts_with("mobproc-widget-") || n.starts_with("__wasm_split-"))
                    && n.ends_with(".js"))
        }),
    );
    let css = group(
        dist,
        &pick(&|n| n.starts_with("page-") && n.ends_with(".css")),
    );
    let total = |key: &str| -> Value {
        let parts = [&wasm[key], &js[key], &css[key]];
        if parts.iter().any(|p| p.is_null()) {
            return Value::Null;
        }
        json!(parts.iter().filter_map(|p| p.as_u64()).sum::<u64>())
    };
    let whole = |key: &str| -> Value {
        match (total(key).as_u64(), chunks[key].as_u64()) {
            (Some(first), Some(rest)) => json!(first + rest),
            _ => Value::Null,
        }
    };
    json!({
        "wasm": wasm,
        "chunks": chunks,
        "wasmFiles": wasm_files,
        "js": js,
        "css": css,
        "firstLoad": { "raw": total("raw"), "gzip": total("gzip"), "brotli": total("brotli") },
        "wholeOrder": { "raw": whole("raw"), "gzip": whole("gzip"), "brotli": whole("brotli") },
    })
}

/// The vanilla page in `site`: its JS and CSS, and the two as its first load.
fn vanilla_sizes(site: &Path) -> Value {
    let vjs = group(site, &["vanilla.js".into()]);
    let vcss = group(site, &["vanilla.css".into()]);
    let vhtml = group(site, &["vanilla.html".into(), "config.json".into()]);
    let vtotal = |key: &str| -> Value {
        match (vjs[key].as_u64(), vcss[key].as_u64()) {
            (Some(a), Some(b)) => json!(a + b),
            _ => Value::Null,
        }
    };
    json!({
        "js": vjs,
        "css": vcss,
        "pageAndConfig": vhtml,
        "firstLoad": { "raw": vtotal("raw"), "gzip": vtotal("gzip"), "brotli": vtotal("brotli") },
    })
}

/// The first load of `bench/floor` (a counter and one fetched list, on the
/// widget's stack and release profile), which scripts/bench.sh builds into
/// `MOBPROC_FLOOR_DIST`: the least any app of this stack ships.
fn floor_size() -> Value {
    let Some(dir) = std::env::var_os("MOBPROC_FLOOR_DIST").map(PathBuf::from) else {
        return Value::Null;
    };
    let names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".wasm") || n.ends_with(".js"))
                .collect()
        })
        .unwrap_or_default();
    if names.is_empty() {
        return Value::Null;
    }
    group(&dir, &names)
}
