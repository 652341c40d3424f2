//! The markdown table of the results, with the targets.

use super::*;

// The targets.
pub(crate) const FIRST_LOAD_BUDGET_BYTES: u64 = 190 * 1024;
pub(crate) const FIRST_LOAD_BROTLI_BUDGET_BYTES: u64 = 150 * 1024;
pub(crate) const WHOLE_ORDER_BUDGET_BYTES: u64 = 400 * 1024;
/// What eleven more order types may add to the first load (their names and
/// rows in the flow and rule tables) and still count as no growth.
pub(crate) const ONE_FLOW_MARGIN_BYTES: u64 = 2 * 1024;
pub(crate) const RATIO_TARGET: f64 = 1.5;
pub(crate) const FRAME_BUDGET_MS: f64 = 16.0;

pub(crate) fn kb(bytes: &Value) -> String {
    bytes
        .as_u64()
        .map(|b| format!("{:.1} KB", b as f64 / 1024.0))
        .unwrap_or_else(|| "—".into())
}

pub(crate) fn ms(value: &Value) -> String {
    value
        .as_f64()
        .map(|v| format!("{v:.1} ms"))
        .unwrap_or_else(|| "—".into())
}

pub(crate) fn times(value: &Value) -> String {
    value
        .as_f64()
        .map(|v| format!("{v:.2}×"))
        .unwrap_or_else(|| "—".into())
}

pub(crate) fn met(ok: Option<bool>, target: &str) -> String {
    match ok {
        Some(true) => format!("{target} ✅"),
        Some(false) => format!("{target} ❌"),
        None => format!("{target} (not measured)"),
    }
}

pub(crate) fn sizes_cell(group: &Value) -> String {
    if group.is_null() {
        return "—".into();
    }
    format!(
        "{} / {} / {}",
        kb(&group["raw"]),
        kb(&group["gzip"]),
        kb(&group["brotli"])
    )
}

pub(crate) fn table(r: &Value) -> String {
    let mut rows: Vec<[String; 5]> = Vec::new();
    let mut row = |metric: &str, widget: String, vanilla: String, ratio: String, target: String| {
        rows.push([metric.to_owned(), widget, vanilla, ratio, target]);
    };
    let w = &r["size"]["widget"];
    let v = &r["size"]["vanilla"];
    row(
        "wasm, main module (raw / gzip -9 / brotli)",
        sizes_cell(&w["wasm"]),
        "—".into(),
        "".into(),
        "".into(),
    );
    row(
        "wasm, the later steps' chunks (raw / gzip -9 / brotli)",
        sizes_cell(&w["chunks"]),
        "—".into(),
        "".into(),
        "".into(),
    );
    row(
        "JS: glue + chunk loader + loader.js (raw / gzip / brotli)",
        sizes_cell(&w["js"]),
        sizes_cell(&v["js"]),
        "".into(),
        "".into(),
    );
    row(
        "CSS: style/page.css (raw / gzip / brotli)",
        sizes_cell(&w["css"]),
        sizes_cell(&v["css"]),
        "".into(),
        "".into(),
    );
    let first = &w["firstLoad"]["gzip"];
    row(
        "First load, wasm + JS + CSS (gzip)",
        kb(first),
        kb(&v["firstLoad"]["gzip"]),
        times(&ratio(first, &v["firstLoad"]["gzip"])),
        met(
            first.as_u64().map(|b| b <= FIRST_LOAD_BUDGET_BYTES),
            "≤ 190 KB",
        ),
    );
    row(
        "First load, wasm + JS + CSS (brotli)",
        kb(&w["firstLoad"]["brotli"]),
        kb(&v["firstLoad"]["brotli"]),
        times(&ratio(&w["firstLoad"]["brotli"], &v["firstLoad"]["brotli"])),
        met(
            w["firstLoad"]["brotli"]
                .as_u64()
                .map(|b| b <= FIRST_LOAD_BROTLI_BUDGET_BYTES),
            "≤ 150 KB",
        ),
    );
    let one_flow = &r["size"]["oneFlowFirstLoad"];
    if !one_flow.is_null() {
        row(
            "First load with the upgrade only (gzip / brotli), beside all twelve order types' above",
            format!("{} / {}", kb(&one_flow["gzip"]), kb(&one_flow["brotli"])),
            "—".into(),
            "".into(),
            met(
                first
                    .as_u64()
                    .zip(one_flow["gzip"].as_u64())
                    .map(|(all, one)| all <= one + ONE_FLOW_MARGIN_BYTES),
                "no growth",
            ),
        );
    }
    let whole = &w["wholeOrder"]["gzip"];
    let files = w["wasmFiles"].as_u64();
    row(
        "Whole order: first load and every chunk (gzip), wasm files",
        format!("{}, {} files", kb(whole), files.unwrap_or(0)),
        "—".into(),
        "".into(),
        met(
            whole
                .as_u64()
                .zip(files)
                .map(|(bytes, files)| bytes <= WHOLE_ORDER_BUDGET_BYTES && files <= 25),
            "≤ 400 KB in ≤ 25 files",
        ),
    );

    let floor = &r["size"]["floor"];
    if !floor.is_null() {
        row(
            "Floor: bench/floor, a counter and one fetched list on the same stack (gzip)",
            kb(&floor["gzip"]),
            "—".into(),
            "".into(),
            "".into(),
        );
    }

    let s = &r["startup"];
    let runs = r["settings"]["runs"].as_u64().unwrap_or(0);
    row(
        &format!("Start-up: navigation → lines shown (median of {runs}, cold cache)"),
        ms(&s["widget"]["medianMs"]),
        ms(&s["vanilla"]["medianMs"]),
        times(&s["ratio"]),
        met(
            s["ratio"].as_f64().map(|x| x <= RATIO_TARGET),
            "≤ 1.5× vanilla",
        ),
    );

    let f = &r["filter"];
    let n = f["widget"]["twoFrames"]["samples"]
        .as_array()
        .map_or(0, Vec::len);
    row(
        &format!("Filter: keystroke → painted, two rAFs (median of {n})"),
        ms(&f["widget"]["twoFrames"]["medianMs"]),
        ms(&f["vanilla"]["twoFrames"]["medianMs"]),
        times(&f["ratioTwoFrames"]),
        met(
            f["ratioTwoFrames"].as_f64().map(|x| x <= RATIO_TARGET),
            "≤ 1.5× vanilla",
        ),
    );
    let aligned = &f["widget"]["frameAligned"]["medianMs"];
    row(
        &format!("Filter: keystroke → frame rendered, frame-aligned (median of {n})"),
        ms(aligned),
        ms(&f["vanilla"]["frameAligned"]["medianMs"]),
        times(&f["ratioFrameAligned"]),
        met(
            aligned
                .as_f64()
                .zip(f["ratioFrameAligned"].as_f64())
                .map(|(took, times_vanilla)| {
                    took <= FRAME_BUDGET_MS && times_vanilla <= RATIO_TARGET
                }),
            "≤ 16 ms and ≤ 1.5× vanilla",
        ),
    );
    let sc = &r["scroll"];
    let count = |x: &Value| x.as_u64().map_or("—".into(), |n| n.to_string());
    row(
        &format!(
            "Scroll the whole list ({} rows): long tasks",
            sc["widget"]["scrollHeightPx"]
                .as_f64()
                .map_or("—".into(), |h| format!("{:.0}", h / 88.0))
        ),
        count(&sc["widget"]["longTasks"]),
        count(&sc["vanilla"]["longTasks"]),
        "".into(),
        met(sc["widget"]["longTasks"].as_u64().map(|n| n == 0), "none"),
    );
    row(
        "Scroll: long animation frames (> 50 ms), their blocking time",
        format!(
            "{} ({})",
            count(&sc["widget"]["longAnimationFrames"]),
            ms(&sc["widget"]["longAnimationFrameBlockingMs"])
        ),
        format!(
            "{} ({})",
            count(&sc["vanilla"]["longAnimationFrames"]),
            ms(&sc["vanilla"]["longAnimationFrameBlockingMs"])
        ),
        "".into(),
        "".into(),
    );
    row(
        "Scroll: worst frame (p95)",
        format!(
            "{} ({})",
            ms(&sc["widget"]["worstFrameMs"]),
            ms(&sc["widget"]["p95FrameMs"])
        ),
        format!(
            "{} ({})",
            ms(&sc["vanilla"]["worstFrameMs"]),
            ms(&sc["vanilla"]["p95FrameMs"])
        ),
        times(&sc["ratioWorstFrame"]),
        "".into(),
    );

    let rv = &r["review"];
    row(
        &format!("Review: Continue → cost summary painted, minus server (median of {runs})"),
        ms(&rv["widget"]["medianMs"]),
        ms(&rv["vanilla"]["medianMs"]),
        times(&rv["ratio"]),
        "".into(),
    );

    let sc = &r["stepChange"];
    row(
        &format!("Step change: device → plan shown, chunk prefetched (median of {runs})"),
        ms(&sc["prefetched"]["medianMs"]),
        "—".into(),
        "".into(),
        "".into(),
    );
    row(
        &format!("Step change: device → plan shown, chunk not prefetched, cold (median of {runs})"),
        ms(&sc["notPrefetched"]["medianMs"]),
        "—".into(),
        "".into(),
        "".into(),
    );
    let th = &r["throttled"];
    for (what, key) in [("sign-in panel", "signIn"), ("lines", "lines")] {
        let (widget, vanilla) = (
            &th["widget"][key]["medianMs"],
            &th["vanilla"][key]["medianMs"],
        );
        row(
            &format!(
                "Throttled start-up (10 Mbit/s, 40 ms RTT, cold): navigation → {what} (median)"
            ),
            ms(widget),
            ms(vanilla),
            times(&ratio(widget, vanilla)),
            "".into(),
        );
    }

    let q = &r["requests"];
    let happy = &q["widget"]["happyPath"];
    row(
        "Requests: API requests, happy path (whole order)",
        count(&happy["total"]),
        "—".into(),
        "".into(),
        "".into(),
    );
    row(
        "Requests: API requests at start-up",
        count(&q["widget"]["startup"]["total"]),
        count(&q["vanilla"]["startup"]["total"]),
        "".into(),
        "".into(),
    );
    let dups = |x: &Value| x.as_array().map_or("—".into(), |a| a.len().to_string());
    row(
        "Requests: duplicated GETs, happy path (start-up for vanilla)",
        dups(&happy["duplicateGets"]),
        dups(&q["vanilla"]["startup"]["duplicateGets"]),
        "".into(),
        met(happy["duplicateGets"].as_array().map(Vec::is_empty), "none"),
    );
    row(
        "Requests: critical path before lines shown, all / API only",
        format!(
            "{} / {}",
            count(&q["widget"]["startup"]["criticalPath"]["depth"]),
            count(&q["widget"]["startup"]["apiCriticalPath"]["depth"])
        ),
        format!(
            "{} / {}",
            count(&q["vanilla"]["startup"]["criticalPath"]["depth"]),
            count(&q["vanilla"]["startup"]["apiCriticalPath"]["depth"])
        ),
        "".into(),
        "".into(),
    );

    let mut out =
        String::from("| metric | widget | vanilla | ratio | target |\n|---|---|---|---|---|\n");
    for [a, b, c, d, e] in rows {
        out.push_str(&format!("| {a} | {b} | {c} | {d} | {e} |\n"));
    }
    let chain = |side: &str| {
        q[side]["startup"]["criticalPath"]["chain"]
            .as_array()
            .map(|c| {
                c.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" → ")
            })
            .unwrap_or_default()
    };
    out.push_str(&format!(
        "\n- Critical path (a run of median depth), widget: {}\n- Critical path (a run of median depth), vanilla: {}\n",
        chain("widget"),
        chain("vanilla")
    ));
    let environment = &r["environment"];
    out.push_str(&format!(
        "- Machine: {} cores, load average {} before and {} after; {}\n",
        environment["cores"],
        environment["loadAverageBefore"],
        environment["loadAverageAfter"],
        environment["chromium"].as_str().unwrap_or("chromium ?")
    ));
    if let Some(dups) = happy["duplicateGets"].as_array().filter(|d| !d.is_empty()) {
        let list: Vec<String> = dups
            .iter()
            .map(|d| format!("{} ×{}", d["path"].as_str().unwrap_or(""), d["times"]))
            .collect();
        out.push_str(&format!("- Duplicated GETs: {}\n", list.join(", ")));
    }
    for side in ["widget", "vanilla"] {
        let scroll = &r["scroll"][side];
        if scroll["complete"] == json!(false) {
            out.push_str(&format!(
                "- Warning: the {side}'s scroll stopped after {} s, {} of {} px down; its scroll rows cover that part.\n",
                SCROLL_LIMIT.as_secs(),
                scroll["lastRowTopPx"],
                scroll["scrollHeightPx"]
            ));
        }
    }
    if f["sameResults"] == json!(false) {
        out.push_str("- Warning: the widget and the vanilla page listed different numbers of devices for some queries (see results.json).\n");
    }
    out
}
