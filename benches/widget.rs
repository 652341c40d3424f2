//! The widget's performance benchmark: sizes, start-up, catalog filter and
//! scrolling, review, and requests, each timing measured in the browser on
//! the widget and on a hand-written vanilla-JS stand-in (`bench/vanilla.*`)
//! in the same run. Not a test: nothing here fails the build.
//!
//! Run it with `scripts/bench.sh`, which builds the release widget into
//! `target/bench-dist` and points the harness there (`MOBPROC_DIST`), and
//! the build offering only the upgrade into `target/bench-one-flow`
//! (`MOBPROC_ONE_FLOW_DIST`), whose first load is compared.
//! Writes `target/bench/results.json` and `target/bench/results.md`, and
//! prints the table.
//!
//! Settings (environment): `MOBPROC_BENCH_RUNS` (start-up and review runs,
//! default 7), `MOBPROC_BENCH_FILTER_ROUNDS` (passes over the filter
//! queries, default 3), `MOBPROC_BENCH_SCROLL_STEP` (pixels per frame when
//! scrolling the catalog, default 440: one viewport), `MOBPROC_BENCH_ONLY`
//! (a comma-separated subset of `startup`, `catalog`, `review`, `steps`,
//! `throttled`; sizes and the happy path always run).

#[path = "widget/sizes.rs"]
mod sizes;
#[path = "widget/split.rs"]
mod split;
#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use serde_json::{json, Value};
use support::Demo;

const TENANT: &str = "ACME";
const USER: &str = "peter.edwards";
/// Where the widget keeps its session with `"tokenStorage": "session"`.
const SESSION_KEY: &str = "mobproc.session";
/// Where the widget keeps the head of the order in progress (what the
/// first screen reads)...
const DRAFT_KEY: &str = "mobproc.draft.ACME";
/// ...and the whole of it (what the later steps read).
const ORDER_DRAFT_KEY: &str = "mobproc.draft.ACME.order";
/// Where the vanilla page finds the confirmation body to POST.
const CONFIRM_BODY_KEY: &str = "mobproc.bench.confirm";
/// The mark both pages set when the lines are on the page.
const LINES_SHOWN: &str = "mobproc:lines-shown";
/// The confirmation call the review waits for.
const CONFIRM_PATH: &str = "/orders?confirm=true";

/// Searches typed into the catalog, each different from the one before.
const QUERIES: &[&str] = &[
    "iphone",
    "galaxy 128",
    "black",
    "pixel",
    "no such device",
    "",
    "apple 256gb",
    "moto",
];

// Targets shown in the table.
const FIRST_LOAD_BUDGET_BYTES: u64 = 190 * 1024;
const FIRST_LOAD_BROTLI_BUDGET_BYTES: u64 = 150 * 1024;
const WHOLE_ORDER_BUDGET_BYTES: u64 = 400 * 1024;
/// What eleven more order types may add to the first load (their names and
/// rows in the flow and rule tables) and still count as no growth.
const ONE_FLOW_MARGIN_BYTES: u64 = 2 * 1024;
const RATIO_TARGET: f64 = 1.5;
/// How long a scroll of the whole list may take before it stops where it
/// is (well inside the WebDriver script time-out): the vanilla page's
/// scroll of 5680 rows has taken from 100 s to over 300 s on one machine.
const SCROLL_LIMIT: Duration = Duration::from_secs(150);
const FRAME_BUDGET_MS: f64 = 16.0;

struct Settings {
    runs: usize,
    filter_rounds: usize,
    scroll_step: u32,
    /// The timed phases to run (`startup`, `catalog`, `review`); all by default.
    only: Vec<String>,
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

impl Settings {
    fn from_env() -> Settings {
        Settings {
            runs: env_number("MOBPROC_BENCH_RUNS", 7usize).max(1),
            filter_rounds: env_number("MOBPROC_BENCH_FILTER_ROUNDS", 3usize).max(1),
            scroll_step: env_number("MOBPROC_BENCH_SCROLL_STEP", 440u32).max(10),
            only: std::env::var("MOBPROC_BENCH_ONLY")
                .unwrap_or_default()
                .split(',')
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }

    fn runs_phase(&self, phase: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == phase)
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(Settings::from_env()));
}

async fn run(settings: Settings) {
    let started = Instant::now();
    let load_before = load_average();
    let dist = support::dist_dir();
    say(&format!("widget build: {}", dist.display()));

    // The site: the build with a session-keeping config, plus the vanilla page.
    let site =
        support::site_with_config(&support::config_for(TENANT, &[("tokenStorage", "session")]));
    add_vanilla_page(site.path());
    let size = sizes::sizes(&dist, site.path());

    let (demo, session) = fresh_demo(site.path()).await;

    say("happy path (a whole order, as tests/e2e_upgrade.rs)");
    let happy = happy_path(&demo, &session).await;

    let mut startup_results = Value::Null;
    if settings.runs_phase("startup") {
        say(&format!(
            "start-up: {} runs each, cold cache",
            settings.runs
        ));
        startup_results = startup(&demo, &session, settings.runs).await;
    }
    let startup = startup_results;

    let mut catalog_results = Value::Null;
    if settings.runs_phase("catalog") {
        say("catalog: filter and scrolling");
        // Each page in a browser of its own: the same browser, fresh from
        // scrolling one page, draws the next one's frames half as fast.
        demo.browser.goto("about:blank").await.unwrap();
        catalog_results = catalog(site.path(), &settings).await;
    }
    let catalog = catalog_results;

    let mut review_results = Value::Null;
    if settings.runs_phase("review") {
        say(&format!("review: {} runs each", settings.runs));
        review_results = review(&demo, &session, &happy, settings.runs).await;
    }
    let review = review_results;

    let mut steps = Value::Null;
    if settings.runs_phase("steps") {
        say(&format!(
            "step change: {} runs each, prefetched and not",
            settings.runs
        ));
        steps = split::step_change(&demo, site.path(), &session, settings.runs).await;
    }
    let mut throttled = Value::Null;
    if settings.runs_phase("throttled") {
        let runs = settings.runs.div_ceil(2);
        say(&format!("throttled start-up: {runs} runs each"));
        throttled = split::throttled_startup(&demo, &session, runs).await;
    }

    let chromium = command_output("chromium", &["--version"]);
    demo.close().await;

    let requests = json!({
        "widget": {
            "happyPath": happy.requests,
            "startup": startup["widget"]["requests"].clone(),
        },
        "vanilla": { "startup": startup["vanilla"]["requests"].clone() },
    });
    let results = json!({
        "generatedAtMs": now_ms(),
        "durationSeconds": started.elapsed().as_secs(),
        "settings": {
            "runs": settings.runs,
            "filterRounds": settings.filter_rounds,
            "scrollStepPx": settings.scroll_step,
            "queries": QUERIES,
            "only": settings.only,
            "dist": dist.display().to_string(),
        },
        "environment": {
            "chromium": chromium,
            "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
            "loadAverageBefore": load_before,
            "loadAverageAfter": load_average(),
        },
        "size": size,
        "startup": startup,
        "filter": catalog["filter"].clone(),
        "scroll": catalog["scroll"].clone(),
        "review": review,
        "stepChange": steps,
        "throttled": throttled,
        "requests": requests,
    });
    let table = table(&results);
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("results.json"),
        serde_json::to_string_pretty(&results).unwrap(),
    )
    .unwrap();
    std::fs::write(out.join("results.md"), &table).unwrap();
    println!("\n{table}");
    say(&format!(
        "wrote {} and results.md in {} s",
        out.join("results.json").display(),
        started.elapsed().as_secs()
    ));
}

fn say(what: &str) {
    eprintln!("bench: {what}");
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// The 1-minute load average (other work on the machine skews every timing).
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

// ---------------------------------------------------------------------------
// The site and sizes.

/// Copies `bench/vanilla.html` and `bench/vanilla.js` into the site, with
/// `vanilla.css`: the page's CSS and the widget's (which the widget has
/// compiled into its wasm).
fn add_vanilla_page(site: &Path) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for file in ["vanilla.html", "vanilla.js"] {
        std::fs::copy(root.join("bench").join(file), site.join(file))
            .unwrap_or_else(|e| panic!("cannot copy bench/{file}: {e}"));
    }
    let page = std::fs::read_to_string(root.join("style/page.css")).unwrap_or_default();
    let widget: String = mobproc_widget::style::ALL
        .iter()
        .map(|sheet| sheet.css())
        .collect();
    let css = format!("{page}\n{widget}");
    std::fs::write(site.join("vanilla.css"), css).unwrap();
}

// ---------------------------------------------------------------------------
// The browser.

/// A Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
struct Cdp(Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some(self.0.to_string()))
    }
}

/// Turns the browser's HTTP cache off (every load downloads and compiles
/// everything, as a first visit) or on again.
async fn cache_disabled(demo: &Demo, disabled: bool) {
    let enable = Cdp(json!({ "cmd": "Network.enable", "params": {} }));
    let set = Cdp(json!({
        "cmd": "Network.setCacheDisabled",
        "params": { "cacheDisabled": disabled },
    }));
    let outcome = async {
        demo.browser.issue_cmd(enable).await?;
        demo.browser.issue_cmd(set).await
    }
    .await;
    if let Err(error) = outcome {
        say(&format!(
            "could not set the cache (disabled={disabled}): {error}"
        ));
    }
}

async fn js(demo: &Demo, script: &str, args: Vec<Value>) -> Value {
    demo.browser
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

async fn js_async(demo: &Demo, script: &str, args: Vec<Value>) -> Value {
    demo.browser
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// A sandbox serving `site` and a browser, with a session for the
/// benchmark's user (the JSON the widget keeps in sessionStorage).
async fn fresh_demo(site: &Path) -> (Demo, String) {
    let dir = site.to_owned();
    let demo = Demo::start(move |config| config.static_dir = Some(dir)).await;
    demo.browser
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(300)),
            Some(Duration::from_secs(60)),
            None,
        ))
        .await
        .expect("the browser takes time-outs");
    let session = session_json(&demo).await;
    (demo, session)
}

/// A live access token for the benchmark's user, written to the sandbox's
/// store (as the sandbox tests' `Sandbox::token`), as the widget keeps it
/// in sessionStorage.
async fn session_json(demo: &Demo) -> String {
    let token = format!("bench-token-{USER}-{}", mobproc_sandbox::ids::random_hex(8));
    let now = demo.state.clock.now();
    let lifetime = 4 * 3600;
    let (t, u) = (token.clone(), USER.to_owned());
    demo.state
        .db
        .run(move |c| {
            c.execute(
                "INSERT INTO oauth_tokens (token, kind, client_id, username, scope, issued_at, expires_at)
                 VALUES (?1, 'access', ?2, ?3, 'MOBPROC', ?4, ?5)",
                rusqlite::params![t, "mobproc-widget", u, now, now + lifetime],
            )?;
            Ok(())
        })
        .await
        .expect("the token is stored");
    json!({ "token": token, "expiresAtMs": now_ms() + lifetime as f64 * 1000.0 }).to_string()
}

/// Leaves the current page for a plain one of the site's origin and sets
/// this tab's sessionStorage to exactly `items`.
async fn prepare(demo: &Demo, items: &[(&str, &str)]) {
    demo.browser
        .goto(&format!("{}/config.json", demo.base))
        .await
        .unwrap();
    let items: Vec<Value> = items.iter().map(|(k, v)| json!([k, v])).collect();
    js(
        demo,
        "sessionStorage.clear(); for (const [k, v] of arguments[0]) sessionStorage.setItem(k, v); return true;",
        vec![json!(items)],
    )
    .await;
}

/// Waits until neither the page nor the sandbox has seen a request end for
/// a second (at most 20 s).
async fn settle(demo: &Demo) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let (mut last, mut quiet) = (u64::MAX, 0);
    while Instant::now() < deadline && quiet < 4 {
        // Entries appear when a resource has ended: a count that holds still.
        let count = js(
            demo,
            "return performance.getEntriesByType('resource').length;",
            vec![],
        )
        .await
        .as_u64()
        .unwrap_or(0)
            + demo.state.observed.requests().len() as u64;
        if count == last {
            quiet += 1;
        } else {
            quiet = 0;
        }
        last = count;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Navigates to `page` with `items` in sessionStorage, cold, and waits for
/// the element `css`.
async fn open(demo: &Demo, page: &str, items: &[(&str, &str)], css: &str) {
    prepare(demo, items).await;
    demo.state.observed.clear();
    demo.browser
        .goto(&format!("{}{page}", demo.base))
        .await
        .unwrap();
    demo.element(css).await;
    demo.record_console_errors().await;
}

// ---------------------------------------------------------------------------
// Statistics.

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.to_vec();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    Some(sorted[rank.min(sorted.len() - 1)])
}

fn summary(samples: &[f64]) -> Value {
    json!({
        "samples": samples,
        "medianMs": median(samples),
        "minMs": samples.iter().copied().reduce(f64::min),
        "maxMs": samples.iter().copied().reduce(f64::max),
    })
}

fn ratio(widget: &Value, vanilla: &Value) -> Value {
    match (widget.as_f64(), vanilla.as_f64()) {
        (Some(w), Some(v)) if v > 0.0 => json!(w / v),
        _ => Value::Null,
    }
}

// ---------------------------------------------------------------------------
// Requests.

/// An API path as the table shows it (ids and numbers kept).
fn duplicate_gets(requests: &[mobproc_sandbox::observe::SeenRequest]) -> Value {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in requests
        .iter()
        .filter(|r| r.method == "GET" && r.status == 200)
    {
        *counts.entry(r.path.as_str()).or_default() += 1;
    }
    let duplicates: Vec<Value> = counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(path, n)| json!({ "path": path, "times": n }))
        .collect();
    json!(duplicates)
}

fn request_summary(requests: &[mobproc_sandbox::observe::SeenRequest]) -> Value {
    let list: Vec<Value> = requests
        .iter()
        .map(|r| json!({ "method": r.method, "path": r.path, "status": r.status, "millis": r.millis }))
        .collect();
    json!({
        "total": requests.len(),
        "gets": requests.iter().filter(|r| r.method == "GET").count(),
        "posts": requests.iter().filter(|r| r.method == "POST").count(),
        "failed": requests.iter().filter(|r| r.status >= 400).count(),
        "duplicateGets": duplicate_gets(requests),
        "list": list,
    })
}

/// One resource the page loaded: its name and when it started and ended
/// (ms since navigation).
#[derive(Debug, Clone)]
struct Resource {
    name: String,
    /// Whether it is a call to the API.
    api: bool,
    start: f64,
    end: f64,
}

/// Whether two API paths are the same call (gloo-net, the widget's HTTP
/// client, ends a URL with a query with `&`).
fn same_path(a: &str, b: &str) -> bool {
    a.trim_end_matches('&') == b.trim_end_matches('&')
}

fn short_name(name: &str, base: &str) -> String {
    let name = name.strip_prefix(base).unwrap_or(name);
    name.strip_prefix("/mobproc/v1").unwrap_or(name).to_owned()
}

/// The longest chain of resources each started after the one before ended,
/// among those that ended before `until`: its length and names.
fn critical_path(resources: &[Resource], until: f64) -> (usize, Vec<String>) {
    let mut done: Vec<&Resource> = resources
        .iter()
        .filter(|r| r.end > 0.0 && r.end <= until)
        .collect();
    done.sort_by(|a, b| a.start.partial_cmp(&b.start).unwrap());
    let mut depth = vec![1usize; done.len()];
    let mut before: Vec<Option<usize>> = vec![None; done.len()];
    for i in 0..done.len() {
        for j in 0..i {
            if done[j].end <= done[i].start && depth[j] + 1 > depth[i] {
                depth[i] = depth[j] + 1;
                before[i] = Some(j);
            }
        }
    }
    let Some((mut at, &longest)) = depth.iter().enumerate().max_by_key(|(_, d)| **d) else {
        return (0, Vec::new());
    };
    let mut chain = vec![done[at].name.clone()];
    while let Some(previous) = before[at] {
        chain.push(done[previous].name.clone());
        at = previous;
    }
    chain.reverse();
    (longest, chain)
}

// ---------------------------------------------------------------------------
// The happy path.

struct Happy {
    requests: Value,
    /// The widget's draft at the shipping step: its head (the step, the
    /// line) and the whole of it.
    draft: (String, String),
    /// The body the widget POSTed to confirm.
    confirm_body: String,
}

/// Records the body of the widget's confirmation POST (only while walking
/// the happy path, never in a timed run).
const CONFIRM_SPY: &str = r#"
const original = window.fetch;
window.fetch = function (input, init) {
  if (input instanceof Request && input.method === "POST" && input.url.includes("confirm=true")) {
    input.clone().text().then((text) => { window.__mobprocBenchConfirm = text; });
  }
  return original.call(this, input, init);
};
return true;
"#;

async fn happy_path(demo: &Demo, session: &str) -> Happy {
    open(
        demo,
        "/",
        &[(SESSION_KEY, session)],
        "[data-testid=\"line\"]",
    )
    .await;
    demo.wait_for_step("line").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 5 (16GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713904\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.click("label[for=\"mobproc-feature-122\"]").await;
    demo.click("label[for=\"mobproc-feature-293\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("shipping").await;
    demo.fill("mobproc-address-LINE_1", "35 Executive Blvd")
        .await;
    demo.fill("mobproc-address-CITY", "Orange").await;
    demo.choose("mobproc-address-STATE", "CT").await;
    demo.fill("mobproc-address-POSTAL_CODE", "06477").await;
    demo.click("label[for=\"mobproc-expedite\"]").await;
    demo.wait_until_enabled("next", true).await;
    // The draft is written to sessionStorage by an effect: give it a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stored = |key: &'static str| async move {
        js(
            demo,
            &format!("return sessionStorage.getItem('{key}');"),
            vec![],
        )
        .await
        .as_str()
        .expect("the widget keeps its draft in sessionStorage")
        .to_owned()
    };
    let draft = (stored(DRAFT_KEY).await, stored(ORDER_DRAFT_KEY).await);
    js(demo, CONFIRM_SPY, vec![]).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    demo.wait_for_text("cost-monthly", "$558.67").await;
    let confirm_body = demo
        .poll("the confirmation body", || async {
            js(demo, "return window.__mobprocBenchConfirm || null;", vec![])
                .await
                .as_str()
                .map(str::to_owned)
        })
        .await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    demo.text_of("order-number").await;
    settle(demo).await;
    let requests = demo.state.observed.requests();
    let errors = demo.console_errors().await;
    if !errors.is_empty() {
        say(&format!("console errors on the happy path: {errors:?}"));
    }
    Happy {
        requests: request_summary(&requests),
        draft,
        confirm_body,
    }
}

// ---------------------------------------------------------------------------
// Start-up.

const RESOURCES: &str = "return performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd]);";

async fn startup_once(demo: &Demo, session: &str, page: &str) -> (f64, Value) {
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

async fn startup(demo: &Demo, session: &str, runs: usize) -> Value {
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

// ---------------------------------------------------------------------------
// The catalog.

/// As specified: the new value and an `input` event dispatched at once,
/// "painted" two animation frames later. Also notes when the dispatch
/// returned (`handlerMs`) and when the list's DOM first changed (`domMs`,
/// a MutationObserver), to tell work from waiting.
const FILTER_TWO_FRAMES: &str = r#"
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
const FILTER_ONE_FRAME: &str = r#"
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
const SCROLL: &str = r#"
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
function finish() {
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
"#;

/// One keystroke: (ms, count text, ms until the dispatch returned, ms
/// until the DOM first changed).
async fn filter_once(demo: &Demo, script: &str, query: &str) -> (f64, String, f64, f64) {
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

async fn catalog_on(demo: &Demo, name: &str, settings: &Settings) -> Value {
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

async fn catalog(site: &Path, settings: &Settings) -> Value {
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

// ---------------------------------------------------------------------------
// Review.

/// Clicks Continue and waits (MutationObserver) for the cost summary, then
/// for the frame that paints it (rAF, then the first task after it).
const REVIEW: &str = r#"
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
setTimeout(() => finish({ ms: null, error: document.body.innerText.slice(0, 500) }), 30000);
t0 = performance.now();
button.click();
"#;

async fn review_once(demo: &Demo, page: &str, items: &[(&str, &str)]) -> (f64, f64, usize) {
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

async fn review(demo: &Demo, session: &str, happy: &Happy, runs: usize) -> Value {
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

// ---------------------------------------------------------------------------
// The table.

fn kb(bytes: &Value) -> String {
    bytes
        .as_u64()
        .map(|b| format!("{:.1} KB", b as f64 / 1024.0))
        .unwrap_or_else(|| "—".into())
}

fn ms(value: &Value) -> String {
    value
        .as_f64()
        .map(|v| format!("{v:.1} ms"))
        .unwrap_or_else(|| "—".into())
}

fn times(value: &Value) -> String {
    value
        .as_f64()
        .map(|v| format!("{v:.2}×"))
        .unwrap_or_else(|| "—".into())
}

fn met(ok: Option<bool>, target: &str) -> String {
    match ok {
        Some(true) => format!("{target} ✅"),
        Some(false) => format!("{target} ❌"),
        None => format!("{target} (not measured)"),
    }
}

fn sizes_cell(group: &Value) -> String {
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

fn table(r: &Value) -> String {
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
