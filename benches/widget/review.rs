//! The review: Continue to the cost summary painted, minus the server's
//! time.

use super::*;

/// Clicks Continue and waits (MutationObserver) for the cost summary, then
/// for the frame that paints it (rAF, then the first task after it).
pub(crate) const REVIEW: &str = r#"
const done = arguments[arguments.length - 1];
const button = document.querySelector('[data-testid="next"]');
let t0 = 0, finished = false;
const finish = (value) => { if (!finished) { finished = true; done(value); } };
const observer = new MutationObserver(() => {
  if (document.querySelector('[data-testid="cost-summary"]')) {
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => finish({ ms: performance.now() - t0 }), 0));
  }
});
observer.observe(document.documentElement, { childList: true, subtree: true });
setTimeout(() => {
  const step = document.querySelector('.mobproc-review');
  finish({ ms: null, error: (step || document.body).innerText.slice(0, 800) });
}, 30000);
t0 = performance.now();
button.click();
"#;

pub(crate) async fn review_once(
    demo: &Demo,
    page: &str,
    items: &[(&str, &str)],
) -> (f64, f64, usize) {
    open(demo, page, items, "[data-testid=\"next\"]").await;
    demo.wait_until_enabled("next", true).await;
    settle(demo).await;
    demo.state.observed.clear();
    let answer = js_async(demo, REVIEW, vec![]).await;
    let Some(ms) = answer["ms"].as_f64() else {
        panic!("no cost summary on {page}: {}", answer["error"]);
    };
    // The sandbox's own time for the confirmation(s), to subtract.
    let confirms: Vec<u64> = demo
        .state
        .observed
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && same_path(&r.path, CONFIRM_PATH))
        .map(|r| r.millis)
        .collect();
    let server: u64 = confirms.iter().sum();
    (ms - server as f64, server as f64, confirms.len())
}

/// A page to measure: its name, path and sessionStorage.
type Page<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
/// Review times (ms, minus the sandbox's), the sandbox's times, confirmations.
type ReviewSamples = (Vec<f64>, Vec<f64>, Vec<usize>);

pub(crate) async fn review(demo: &Demo, session: &str, happy: &Happy, runs: usize) -> Value {
    let widget_items = [
        (SESSION_KEY, session),
        (DRAFT_KEY, happy.draft.0.as_str()),
        (ORDER_DRAFT_KEY, happy.draft.1.as_str()),
    ];
    let vanilla_items = [
        (SESSION_KEY, session),
        (CONFIRM_BODY_KEY, happy.confirm_body.as_str()),
    ];
    let pages: [Page; 2] = [
        ("widget", "/", &widget_items),
        ("vanilla", "/vanilla.html?step=review", &vanilla_items),
    ];
    for (_, page, items) in pages {
        review_once(demo, page, items).await;
    }
    let mut out = serde_json::Map::new();
    let mut samples: BTreeMap<&str, ReviewSamples> = BTreeMap::new();
    for run in 0..runs {
        for (name, page, items) in pages {
            let (ms, server, confirms) = review_once(demo, page, items).await;
            say(&format!(
                "  review {name} run {}: {ms:.1} ms (+{server} ms in the sandbox)",
                run + 1
            ));
            let entry = samples.entry(name).or_default();
            entry.0.push(ms);
            entry.1.push(server);
            entry.2.push(confirms);
        }
    }
    for (name, (ms, server, confirms)) in samples {
        let mut entry = summary(&ms);
        entry["serverMs"] = json!(server);
        entry["confirmRequests"] = json!(confirms);
        out.insert(name.to_owned(), entry);
    }
    out.insert(
        "ratio".into(),
        ratio(&out["widget"]["medianMs"], &out["vanilla"]["medianMs"]),
    );
    out.insert(
        "method".into(),
        json!("click on Continue at the shipping step to [data-testid=cost-summary] present (MutationObserver) and painted (rAF, then the next task), minus the sandbox's time for POST /orders?confirm=true"),
    );
    Value::Object(out)
}
