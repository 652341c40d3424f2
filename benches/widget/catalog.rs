//! The catalog: a keystroke in the device search to the painted list,
//! and a scroll of the whole list.

use super::*;

/// Searches typed into the catalog, each different from the one before.
pub(crate) const QUERIES: &[&str] = &[
    "iphone",
    "galaxy 128",
    "black",
    "pixel",
    "no such device",
    "",
    "apple 256gb",
    "moto",
];

/// How long a scroll of the whole list may take before it stops where it
/// is (well inside the WebDriver script time-out): the vanilla page's
/// scroll of 5680 rows has taken from 100 s to over 300 s on one machine.
pub(crate) const SCROLL_LIMIT: Duration = Duration::from_secs(150);

/// As specified: the new value and an `input` event dispatched at once,
/// "painted" two animation frames later. Also notes when the dispatch
/// returned (`handlerMs`) and when the list's DOM first changed (`domMs`,
/// a MutationObserver), to tell work from waiting.
pub(crate) const FILTER_TWO_FRAMES: &str = r#"
const [value, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById("mobproc-device-search");
const catalog = document.querySelector(".mobproc-catalog");
let domMs = null;
const observer = new MutationObserver(() => {
  if (domMs === null) domMs = performance.now() - t0;
});
observer.observe(catalog, { childList: true, subtree: true, characterData: true, attributes: true });
const t0 = performance.now();
input.value = value;
input.dispatchEvent(new Event("input", { bubbles: true }));
const handlerMs = performance.now() - t0;
requestAnimationFrame(() => requestAnimationFrame(() => {
  const ms = performance.now() - t0;
  observer.disconnect();
  done({ ms, handlerMs, domMs, count: document.querySelector('[data-testid="device-count"]').textContent + " / " +
    ((document.querySelector('[data-testid="device-row"] .mobproc-device-name') || {}).textContent || ""),
         rows: document.querySelectorAll('[data-testid="device-row"]').length });
}));
"#;

/// Frame-aligned: the event dispatched at the start of a frame (in an
/// animation frame callback), the time taken in the first task after that
/// frame was rendered: the keystroke's own cost through paint, without the
/// wait for the next frame.
pub(crate) const FILTER_ONE_FRAME: &str = r#"
const [value, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById("mobproc-device-search");
const catalog = document.querySelector(".mobproc-catalog");
requestAnimationFrame(() => {
  let domMs = null;
  const observer = new MutationObserver(() => {
    if (domMs === null) domMs = performance.now() - t0;
  });
  observer.observe(catalog, { childList: true, subtree: true, characterData: true, attributes: true });
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const handlerMs = performance.now() - t0;
  setTimeout(() => {
    const ms = performance.now() - t0;
    observer.disconnect();
    done({ ms, handlerMs, domMs, count: document.querySelector('[data-testid="device-count"]').textContent + " / " +
    ((document.querySelector('[data-testid="device-row"] .mobproc-device-name') || {}).textContent || ""),
           rows: document.querySelectorAll('[data-testid="device-row"]').length });
  }, 0);
});
"#;

/// Scrolls the list from top to bottom, `arguments[0]` pixels a frame,
/// watching for long tasks and timing every frame; stops after
/// `arguments[1]` ms if the bottom is not reached by then (`complete`).
pub(crate) const SCROLL: &str = r#"
const [step, limitMs, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const list = document.querySelector('[data-testid="device-list"]');
const longTasks = [];
const observer = new PerformanceObserver((entries) => {
  for (const e of entries.getEntries()) longTasks.push(e.duration);
});
observer.observe({ type: "longtask" });
// Long animation frames: frames over 50 ms, with the main thread's share.
const loafs = [];
const loafObserver = "PerformanceObserver" in window
  && PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")
  ? new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) loafs.push({ duration: e.duration, blocking: e.blockingDuration });
    })
  : null;
if (loafObserver) loafObserver.observe({ type: "long-animation-frame" });
const frames = [];
let last = null, steps = 0, atBottom = 0;
const t0 = performance.now();
const bottom = () => list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  setTimeout(() => {
    for (const e of observer.takeRecords()) longTasks.push(e.duration);
    observer.disconnect();
    if (loafObserver) {
      for (const e of loafObserver.takeRecords()) loafs.push({ duration: e.duration, blocking: e.blockingDuration });
      loafObserver.disconnect();
    }
    const tops = [...list.querySelectorAll('[data-testid="device-row"]')].map((r) => parseFloat(r.style.top));
    done({ steps, ms: performance.now() - t0, frames, longTasks, loafs: loafObserver ? loafs : null,
           lastRowTop: Math.max(...tops), scrollHeight: list.scrollHeight, complete: bottom() });
  }, 200);
}
function frame(now) {
  if (finished) return;
  if (last !== null) frames.push(now - last);
  last = now;
  if (bottom()) {
    if (++atBottom > 2) return finish();
  } else if (now - t0 > limitMs) {
    return finish();
  } else {
    list.scrollTop += step;
    steps += 1;
  }
  requestAnimationFrame(frame);
}
list.scrollTop = 0;
setTimeout(() => requestAnimationFrame(frame), 100);
// A page that stops painting stops the frames too: the limit holds anyway.
setTimeout(finish, limitMs + 1000);
"#;

/// One keystroke: (ms, count text, ms until the dispatch returned, ms
/// until the DOM first changed).
pub(crate) async fn filter_once(demo: &Demo, script: &str, query: &str) -> (f64, String, f64, f64) {
    let answer = js_async(demo, script, vec![json!(query)]).await;
    // Let the page go idle before the next keystroke.
    tokio::time::sleep(Duration::from_millis(150)).await;
    let number = |key: &str| answer[key].as_f64().unwrap_or(f64::NAN);
    (
        number("ms"),
        answer["count"].as_str().unwrap_or("").to_owned(),
        number("handlerMs"),
        number("domMs"),
    )
}

pub(crate) async fn catalog_on(demo: &Demo, name: &str, settings: &Settings) -> Value {
    // Warm-up pass, not counted (the wasm's tier-up, the JS's JIT).
    for query in QUERIES {
        filter_once(demo, FILTER_TWO_FRAMES, query).await;
    }
    let (mut two, mut one) = (Vec::new(), Vec::new());
    let (mut handler, mut dom) = (Vec::new(), Vec::new());
    let mut counts = BTreeMap::new();
    // Whether the frame-aligned measure saw the list of the query (a list
    // drawn after the measure would make it meaningless).
    let mut aligned_saw_update = true;
    for _ in 0..settings.filter_rounds {
        for query in QUERIES {
            let (ms, count, handler_ms, dom_ms) = filter_once(demo, FILTER_TWO_FRAMES, query).await;
            two.push(ms);
            handler.push(handler_ms);
            dom.push(dom_ms);
            counts.insert(query.to_string(), count.clone());
            // Away and back, so that the frame-aligned keystroke changes the list too.
            filter_once(demo, FILTER_TWO_FRAMES, "zz").await;
            let (ms, aligned_count, _, _) = filter_once(demo, FILTER_ONE_FRAME, query).await;
            one.push(ms);
            aligned_saw_update &= aligned_count == count;
        }
    }
    if !aligned_saw_update {
        say(&format!(
            "  filter {name}: the frame-aligned measure ended before the list was updated"
        ));
    }
    say(&format!(
        "  filter {name}: median {:.1} ms (two frames), {:.1} ms (frame-aligned), DOM changed after {:.1} ms",
        median(&two).unwrap_or(f64::NAN),
        median(&one).unwrap_or(f64::NAN),
        median(&dom).unwrap_or(f64::NAN)
    ));

    // The whole catalog, top to bottom.
    filter_once(demo, FILTER_TWO_FRAMES, "").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let limit = json!(SCROLL_LIMIT.as_millis() as u64);
    let scroll = js_async(demo, SCROLL, vec![json!(settings.scroll_step), limit]).await;
    let frames: Vec<f64> = scroll["frames"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let long_tasks: Vec<f64> = scroll["longTasks"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let worst = frames.iter().copied().reduce(f64::max);
    say(&format!(
        "  scroll {name}: {} frames, worst {:.1} ms, {} long tasks",
        frames.len(),
        worst.unwrap_or(f64::NAN),
        long_tasks.len()
    ));
    json!({
        "filter": {
            "twoFrames": summary(&two),
            "frameAligned": summary(&one),
            "frameAlignedSawUpdate": aligned_saw_update,
            "dispatchReturned": summary(&handler),
            "domChanged": summary(&dom),
            "counts": counts,
        },
        "scroll": {
            "steps": scroll["steps"],
            "durationMs": scroll["ms"],
            "frames": frames.len(),
            "worstFrameMs": worst,
            "p95FrameMs": percentile(&frames, 95.0),
            "medianFrameMs": median(&frames),
            "framesOver50Ms": frames.iter().filter(|f| **f > 50.0).count(),
            "longTasks": long_tasks.len(),
            "longTaskMs": long_tasks,
            "longAnimationFrames": scroll["loafs"].as_array().map(Vec::len),
            "longAnimationFrameBlockingMs": scroll["loafs"]
                .as_array()
                .map(|l| l.iter().filter_map(|e| e["blocking"].as_f64()).sum::<f64>()),
            "lastRowTopPx": scroll["lastRowTop"],
            "scrollHeightPx": scroll["scrollHeight"],
            "complete": scroll["complete"],
        },
    })
}

pub(crate) async fn catalog(site: &Path, settings: &Settings) -> Value {
    // The widget: to the device step as a person would.
    let (fresh, session) = fresh_demo(site).await;
    let (demo, session) = (&fresh, session.as_str());
    open(
        demo,
        "/",
        &[(SESSION_KEY, session)],
        "[data-testid=\"line\"]",
    )
    .await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.element("[data-testid=\"device-row\"]").await;
    settle(demo).await;
    let widget = catalog_on(demo, "widget", settings).await;
    fresh.close().await;

    let (fresh, session) = fresh_demo(site).await;
    let (demo, session) = (&fresh, session.as_str());
    open(
        demo,
        "/vanilla.html?step=device",
        &[(SESSION_KEY, session)],
        "[data-testid=\"device-row\"]",
    )
    .await;
    settle(demo).await;
    let vanilla = catalog_on(demo, "vanilla", settings).await;
    fresh.close().await;

    let same = widget["filter"]["counts"] == vanilla["filter"]["counts"];
    if !same {
        say(&format!(
            "the two lists differ: widget {} vanilla {}",
            widget["filter"]["counts"], vanilla["filter"]["counts"]
        ));
    }
    let two_ratio = ratio(
        &widget["filter"]["twoFrames"]["medianMs"],
        &vanilla["filter"]["twoFrames"]["medianMs"],
    );
    let one_ratio = ratio(
        &widget["filter"]["frameAligned"]["medianMs"],
        &vanilla["filter"]["frameAligned"]["medianMs"],
    );
    json!({
        "filter": {
            "widget": widget["filter"],
            "vanilla": vanilla["filter"],
            "sameResults": same,
            "ratioTwoFrames": two_ratio,
            "ratioFrameAligned": one_ratio,
            "method": "twoFrames: performance.now() around dispatching `input` with the new value, then two requestAnimationFrames; frameAligned: dispatched at the start of a frame (in a rAF callback), timed in the first task after that frame was rendered",
        },
        "scroll": {
            "widget": widget["scroll"],
            "vanilla": vanilla["scroll"],
            "ratioWorstFrame": ratio(&widget["scroll"]["worstFrameMs"], &vanilla["scroll"]["worstFrameMs"]),
            "method": "scrollTop += step in each requestAnimationFrame from top to bottom of the full list; PerformanceObserver('longtask'); frame = time between two animation frames",
        },
    })
}
