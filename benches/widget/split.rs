//! What the split build costs and saves: a step change (the device step's
//! Continue to the plan step, whose chunk is its own) with that chunk
//! prefetched and without (cold, prefetch off), and start-up
//! on a throttled network (10 Mbit/s, 40 ms round trip, cold cache): time
//! to the sign-in panel and to the lines, the widget and the vanilla page
//! side by side.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

use super::{
    cache_disabled, js, js_async, prepare, say, settle, summary, Cdp, LINES_SHOWN, SESSION_KEY,
};
use crate::support::{config_for, Demo};

/// The line the step change starts from (Peter's Verizon line).
const LINE: &str = "38382349";
/// The mark the widget and the vanilla page set when the sign-in panel shows.
const SIGN_IN_SHOWN: &str = "mobproc:sign-in-shown";
/// Chromium's network emulation for the throttled run.
const THROTTLE_LATENCY_MS: u32 = 40;
const THROTTLE_BYTES_PER_SECOND: u32 = 10_000_000 / 8;

/// Presses Continue on the device step and answers, in the page, the
/// milliseconds until the plan step's heading is on screen (after the
/// frame that shows it).
const STEP_CHANGE: &str = r#"
const done = arguments[arguments.length - 1];
const started = performance.now();
document.querySelector('[data-testid="next"]').click();
const check = () => {
  if (document.querySelector('.mobproc-step[data-step="plan"] [data-testid="step-heading"]')) {
    requestAnimationFrame(() => done(performance.now() - started));
  } else if (performance.now() - started > 20000) {
    done(null);
  } else {
    requestAnimationFrame(check);
  }
};
requestAnimationFrame(check);
"#;

/// One step change: the widget opened with a session, through the line
/// and current device steps to the device step, the page left to settle
/// (every prefetch done), then Continue to the plan step.
async fn step_change_once(demo: &Demo, session: &str) -> Option<f64> {
    prepare(demo, &[(SESSION_KEY, session)]).await;
    demo.browser.goto(&format!("{}/", demo.base)).await.unwrap();
    demo.click(&format!("label[for=\"mobproc-line-{LINE}\"]"))
        .await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    settle(demo).await;
    js_async(demo, STEP_CHANGE, vec![]).await.as_f64()
}

/// Step changes, `runs` of each: next chunk prefetched (the default), and
/// not (`prefetch: off`, HTTP cache off: the chunk comes over the network
/// after the click).
pub async fn step_change(demo: &Demo, site: &Path, session: &str, runs: usize) -> Value {
    let mut out = serde_json::Map::new();
    for (name, prefetch, cold) in [
        ("prefetched", "idle", false),
        ("notPrefetched", "off", true),
    ] {
        write_config(site, &[("tokenStorage", "session"), ("prefetch", prefetch)]);
        cache_disabled(demo, cold).await;
        let mut samples = Vec::new();
        for run in 0..runs {
            if let Some(ms) = step_change_once(demo, session).await {
                say(&format!(
                    "  step change, {name}, run {}: {ms:.1} ms",
                    run + 1
                ));
                samples.push(ms);
            }
        }
        out.insert(name.into(), summary(&samples));
    }
    cache_disabled(demo, false).await;
    write_config(site, &[("tokenStorage", "session")]);
    Value::Object(out)
}

/// The site's `config.json`: the benchmark's tenant with `extra` settings.
fn write_config(site: &Path, extra: &[(&str, &str)]) {
    std::fs::write(site.join("config.json"), config_for(super::TENANT, extra)).unwrap();
}

/// Chromium's network: throttled as the run says, or not.
async fn throttle(demo: &Demo, on: bool) {
    let conditions = if on {
        json!({
            "offline": false,
            "latency": THROTTLE_LATENCY_MS,
            "downloadThroughput": THROTTLE_BYTES_PER_SECOND,
            "uploadThroughput": THROTTLE_BYTES_PER_SECOND,
        })
    } else {
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 })
    };
    let command = Cdp(json!({ "cmd": "Network.emulateNetworkConditions", "params": conditions }));
    if let Err(error) = demo.browser.issue_cmd(command).await {
        say(&format!("could not emulate the network: {error}"));
    }
}

/// Milliseconds from navigation to the mark `mark` on `page`, opened with
/// sessionStorage `items`.
async fn time_to_mark(demo: &Demo, page: &str, items: &[(&str, &str)], mark: &str) -> f64 {
    prepare(demo, items).await;
    demo.browser
        .goto(&format!("{}{page}", demo.base))
        .await
        .unwrap();
    let script = format!(
        "const e = performance.getEntriesByName('{mark}'); return e.length ? e[0].startTime : null;"
    );
    demo.poll(&format!("{mark} on {page}"), || async {
        js(demo, &script, vec![]).await.as_f64()
    })
    .await
}

/// Start-up on the throttled network, cold: to the sign-in panel (no
/// session) and to the lines (a session kept), each page `runs` times.
pub async fn throttled_startup(demo: &Demo, session: &str, runs: usize) -> Value {
    cache_disabled(demo, true).await;
    throttle(demo, true).await;
    let pages = [("widget", "/"), ("vanilla", "/vanilla.html")];
    let mut samples: BTreeMap<(&str, &str), Vec<f64>> = BTreeMap::new();
    for run in 0..runs {
        for (name, page) in pages {
            let sign_in = time_to_mark(demo, page, &[], SIGN_IN_SHOWN).await;
            let lines = time_to_mark(demo, page, &[(SESSION_KEY, session)], LINES_SHOWN).await;
            say(&format!(
                "  throttled {name} run {}: sign-in panel {sign_in:.0} ms, lines {lines:.0} ms",
                run + 1
            ));
            samples.entry((name, "signIn")).or_default().push(sign_in);
            samples.entry((name, "lines")).or_default().push(lines);
        }
    }
    throttle(demo, false).await;
    cache_disabled(demo, false).await;
    let mut out = serde_json::Map::new();
    for (name, _) in pages {
        out.insert(
            name.into(),
            json!({
                "signIn": summary(&samples[&(name, "signIn")]),
                "lines": summary(&samples[&(name, "lines")]),
            }),
        );
    }
    out.insert(
        "network".into(),
        json!({ "latencyMs": THROTTLE_LATENCY_MS, "bitsPerSecond": THROTTLE_BYTES_PER_SECOND * 8 }),
    );
    Value::Object(out)
}
