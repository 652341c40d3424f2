//! Start-up: navigation to the lines shown, cold cache, with the
//! resources on the critical path.

use super::*;

pub(crate) const RESOURCES: &str = "return performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd]);";

pub(crate) async fn startup_once(demo: &Demo, session: &str, page: &str) -> (f64, Value) {
    prepare(demo, &[(SESSION_KEY, session)]).await;
    demo.state.observed.clear();
    demo.browser
        .goto(&format!("{}{page}", demo.base))
        .await
        .unwrap();
    let script = format!(
        "const e = performance.getEntriesByName('{LINES_SHOWN}'); return e.length ? e[0].startTime : null;"
    );
    let mark = demo
        .poll(&format!("{LINES_SHOWN} on {page}"), || async {
            js(demo, &script, vec![]).await.as_f64()
        })
        .await;
    settle(demo).await;
    let base = demo.base.clone();
    let resources: Vec<Resource> = js(demo, RESOURCES, vec![])
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            let name = e[0].as_str().unwrap_or("");
            Resource {
                name: short_name(name, &base),
                api: name.contains("/mobproc/v1/"),
                start: e[1].as_f64().unwrap_or(0.0),
                end: e[2].as_f64().unwrap_or(0.0),
            }
        })
        .collect();
    let (depth, chain) = critical_path(&resources, mark);
    let api: Vec<Resource> = resources.iter().filter(|r| r.api).cloned().collect();
    let (api_depth, api_chain) = critical_path(&api, mark);
    let requests = demo.state.observed.requests();
    let detail = json!({
        "linesShownMs": mark,
        "criticalPath": { "depth": depth, "chain": chain },
        "apiCriticalPath": { "depth": api_depth, "chain": api_chain },
        "requests": request_summary(&requests),
        "resources": resources
            .iter()
            .map(|r| json!({ "name": r.name, "startMs": r.start, "endMs": r.end }))
            .collect::<Vec<_>>(),
    });
    (mark, detail)
}

pub(crate) async fn startup(demo: &Demo, session: &str, runs: usize) -> Value {
    cache_disabled(demo, true).await;
    let pages = [("widget", "/"), ("vanilla", "/vanilla.html")];
    // One load of each first, not counted (the browser's own warm-up).
    for (_, page) in pages {
        startup_once(demo, session, page).await;
    }
    let mut samples: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut all: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for run in 0..runs {
        for (name, page) in pages {
            let (ms, detail) = startup_once(demo, session, page).await;
            say(&format!("  start-up {name} run {}: {ms:.1} ms", run + 1));
            samples.entry(name).or_default().push(ms);
            all.entry(name).or_default().push(detail);
        }
    }
    cache_disabled(demo, false).await;
    let mut out = serde_json::Map::new();
    for (name, _) in pages {
        let details = all.remove(name).unwrap_or_default();
        // The chain of a run whose depth is the median of the runs' (how the
        // requests fall on the timeline varies with the machine's load).
        let path = |key: &str| -> Value {
            let depths: Vec<u64> = details
                .iter()
                .map(|d| d[key]["depth"].as_u64().unwrap_or(0))
                .collect();
            let mut sorted = depths.clone();
            sorted.sort_unstable();
            let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
            let chain = details
                .iter()
                .find(|d| d[key]["depth"].as_u64() == Some(median))
                .map(|d| d[key]["chain"].clone())
                .unwrap_or_default();
            json!({ "depth": median, "chain": chain, "perRun": depths })
        };
        let detail = details.last().cloned().unwrap_or_default();
        let mut entry = summary(&samples[name]);
        entry["requests"] = json!({
            "total": detail["requests"]["total"],
            "duplicateGets": detail["requests"]["duplicateGets"],
            "list": detail["requests"]["list"],
            "criticalPath": path("criticalPath"),
            "apiCriticalPath": path("apiCriticalPath"),
        });
        entry["lastRun"] = json!({ "resources": detail["resources"] });
        out.insert(name.to_owned(), entry);
    }
    out.insert(
        "ratio".into(),
        ratio(&out["widget"]["medianMs"], &out["vanilla"]["medianMs"]),
    );
    out.insert(
        "method".into(),
        json!("navigation start to performance.mark('mobproc:lines-shown') (startTime), HTTP cache disabled (CDP Network.setCacheDisabled), valid session in sessionStorage"),
    );
    Value::Object(out)
}
