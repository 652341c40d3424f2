//! A load generator for the sandbox, shared by `examples/load.rs` (the
//! full run) and `tests/load_smoke.rs` (a small one in the test suite).
//!
//! It serves the sandbox in-process on `127.0.0.1:0` with a temporary
//! SQLite file, signs in with the password grant (client
//! `acme-integration`), and runs the ordering happy path from several
//! clients at once, each for a bounded time and number of iterations:
//! `GET /catalog/devices?limit=50`, `POST /orders?confirm=true` with the
//! seed request (each with its own `externalOrderNumber`), `POST /orders`,
//! then `GET /orders/{id}`. Afterwards it checks that every stored order is
//! intact and unique. Loopback only.
#![allow(dead_code)] // the example and the smoke test each use their share

mod client;
mod report;
mod store_check;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};
use serde_json::Value;

use client::{run_client, sign_in, Client};
use store_check::check_store;

pub use report::Report;

/// The confidential client of the password grant.
const CLIENT_ID: &str = "acme-integration";
const CLIENT_SECRET: &str = "acme-integration-secret";
/// Peter Edwards, whose line the seed request upgrades.
const PETER_ID: &str = "28673732";
/// The longest run the generator accepts, whatever it is asked.
pub const MAX_DURATION: Duration = Duration::from_secs(600);
/// No request waits longer than this.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How much load, for how long.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Clients running the happy path at the same time.
    pub clients: usize,
    /// How long each client keeps going (capped at [`MAX_DURATION`]).
    pub duration: Duration,
    /// At most this many iterations per client.
    pub iterations: Option<u64>,
}

/// The kinds of request the happy path makes, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Catalog,
    Confirm,
    Submit,
    Read,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Catalog, Kind::Confirm, Kind::Submit, Kind::Read];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Catalog => "GET /catalog/devices?limit=50",
            Kind::Confirm => "POST /orders?confirm=true",
            Kind::Submit => "POST /orders",
            Kind::Read => "GET /orders/{id}",
        }
    }
}

/// Serves a fresh sandbox, runs the load, checks the store.
pub async fn run(settings: Settings) -> Result<Report, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("no temporary directory: {e}"))?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot listen on the loopback: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let mut config = Config::for_tests(dir.path().join("load.sqlite3"));
    config.addr = addr;
    let state = AppState::open(config).map_err(|e| format!("the sandbox does not open: {e}"))?;
    let service = app(state.clone());
    let limits = ServeLimits::from_config(&state.config);
    let server = tokio::spawn(serve(listener, service, limits, std::future::pending()));

    let base = format!("http://{addr}");
    let http = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| e.to_string())?;
    let peter = sign_in(&http, &base, "peter.edwards").await?;
    let maria = sign_in(&http, &base, "maria.lopez").await?;
    let template: Value = serde_json::from_str(include_str!(
        "../../../mobproc-types/tests/fixtures/upgrade.order-request.json"
    ))
    .map_err(|e| e.to_string())?;

    let clients = settings.clients.max(1);
    let started = Instant::now();
    let deadline = started + settings.duration.min(MAX_DURATION);
    let mut tasks = Vec::new();
    for number in 0..clients {
        // Half order for themselves (Peter), half for a report (Maria for Peter).
        let (token, acting_for) = if number % 2 == 0 {
            (peter.clone(), None)
        } else {
            (maria.clone(), Some(PETER_ID))
        };
        let client = Client {
            http: http.clone(),
            base: base.clone(),
            token,
            acting_for,
        };
        tasks.push(tokio::spawn(run_client(
            client,
            number,
            template.clone(),
            deadline,
            settings.iterations,
        )));
    }
    let mut report = Report {
        settings: Settings {
            clients,
            ..settings
        },
        addr,
        elapsed: Duration::ZERO,
        latencies: BTreeMap::new(),
        errors: BTreeMap::new(),
        error_examples: Vec::new(),
        submitted: BTreeMap::new(),
        stored: 0,
        integrity_problems: Vec::new(),
    };
    for task in tasks {
        let log = task.await.map_err(|e| format!("a client failed: {e}"))?;
        for (kind, latencies) in log.latencies {
            report.latencies.entry(kind).or_default().extend(latencies);
        }
        for (kind, count) in log.errors {
            *report.errors.entry(kind).or_default() += count;
        }
        report.error_examples.extend(log.examples);
        report.submitted.extend(log.submitted);
    }
    report.elapsed = started.elapsed();
    report.error_examples.truncate(10);

    let (stored, problems) = check_store(&state, &report.submitted).await?;
    report.stored = stored;
    report.integrity_problems = problems;
    server.abort();
    Ok(report)
}
