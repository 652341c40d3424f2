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

#[path = "widget/browser.rs"]
mod browser;
#[path = "widget/catalog.rs"]
mod catalog;
#[path = "widget/happy.rs"]
mod happy;
#[path = "widget/requests.rs"]
mod requests;
#[path = "widget/review.rs"]
mod review;
#[path = "widget/sizes.rs"]
mod sizes;
#[path = "widget/split.rs"]
mod split;
#[path = "widget/startup.rs"]
mod startup;
#[path = "widget/stats.rs"]
mod stats;
#[path = "../tests/support/mod.rs"]
mod support;
#[path = "widget/table.rs"]
mod table;

use browser::*;
use catalog::*;
use happy::*;
use requests::*;
use review::*;
use startup::*;
use stats::*;
use table::*;

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
