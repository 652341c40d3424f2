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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};
use serde_json::{json, Value};

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

/// What one client saw.
#[derive(Debug, Default)]
struct ClientLog {
    latencies: BTreeMap<Kind, Vec<Duration>>,
    errors: BTreeMap<Kind, u64>,
    examples: Vec<String>,
    /// `externalOrderNumber` → the `orderId` the submit answered.
    submitted: BTreeMap<String, String>,
}

impl ClientLog {
    fn error(&mut self, kind: Kind, what: String) {
        *self.errors.entry(kind).or_default() += 1;
        if self.examples.len() < 5 {
            self.examples.push(format!("{}: {what}", kind.label()));
        }
    }
}

/// The outcome of a run.
#[derive(Debug)]
pub struct Report {
    pub settings: Settings,
    pub addr: SocketAddr,
    pub elapsed: Duration,
    /// Latencies of the successful and failed requests of each kind.
    pub latencies: BTreeMap<Kind, Vec<Duration>>,
    pub errors: BTreeMap<Kind, u64>,
    /// A few of the errors, to show.
    pub error_examples: Vec<String>,
    /// Orders whose submit answered 200.
    pub submitted: BTreeMap<String, String>,
    /// Orders found in the store afterwards.
    pub stored: usize,
    /// What is wrong with the stored orders (empty when all is well).
    pub integrity_problems: Vec<String>,
}

impl Report {
    pub fn requests(&self) -> usize {
        self.latencies.values().map(Vec::len).sum()
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// No request failed and the store is intact.
    pub fn ok(&self) -> bool {
        self.error_count() == 0 && self.integrity_problems.is_empty() && self.requests() > 0
    }

    /// The figures as a table, with the store check.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let seconds = self.elapsed.as_secs_f64();
        let _ = writeln!(
            out,
            "MOBPROC sandbox load: {} clients for {:.1} s on http://{} ({} CPU cores)",
            self.settings.clients,
            seconds,
            self.addr,
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        let _ = writeln!(
            out,
            "{:<31} {:>9} {:>7} {:>9} {:>9} {:>9} {:>9}",
            "request", "count", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
        let mut all = Vec::new();
        for kind in Kind::ALL {
            let latencies = self.latencies.get(&kind).cloned().unwrap_or_default();
            all.extend(latencies.iter().copied());
            let errors = self.errors.get(&kind).copied().unwrap_or(0);
            let _ = writeln!(out, "{}", row(kind.label(), latencies, errors));
        }
        let _ = writeln!(out, "{}", row("all", all, self.error_count()));
        let _ = writeln!(
            out,
            "throughput: {:.1} requests/s, {:.1} orders/s ({} requests, {} orders)",
            self.requests() as f64 / seconds,
            self.submitted.len() as f64 / seconds,
            self.requests(),
            self.submitted.len()
        );
        if self.integrity_problems.is_empty() {
            let _ = writeln!(
                out,
                "store: {} orders, as many as successful submits, each externalOrderNumber once, every body an intact Order with its history: OK",
                self.stored
            );
        } else {
            let _ = writeln!(out, "store: FAILED");
            for problem in self.integrity_problems.iter().take(20) {
                let _ = writeln!(out, "  {problem}");
            }
        }
        for example in &self.error_examples {
            let _ = writeln!(out, "error: {example}");
        }
        out
    }
}

/// A row of the table: count, errors and latency percentiles in ms.
fn row(label: &str, mut latencies: Vec<Duration>, errors: u64) -> String {
    latencies.sort();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let at = |p: usize| {
        // Nearest rank.
        let rank = (p * latencies.len()).div_ceil(100).max(1);
        ms(latencies.get(rank - 1))
    };
    format!(
        "{label:<31} {:>9} {errors:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
        latencies.len(),
        at(50),
        at(90),
        at(99),
        ms(latencies.last())
    )
}

/// A signed-in client of the API.
struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
    /// `X-TNGO-CONTEXT-EMPLOYEEID` to send: Maria orders for Peter.
    acting_for: Option<&'static str>,
}

impl Client {
    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self
            .http
            .request(method, format!("{}/mobproc/v1{path}", self.base))
            .bearer_auth(&self.token)
            .header("x-tngo-tenant", "ACME")
            .header("client_id", CLIENT_ID);
        match self.acting_for {
            Some(id) => builder.header("x-tngo-context-employeeid", id),
            None => builder,
        }
    }

    /// Sends a request; the JSON body of a 200, or what went wrong.
    async fn call(&self, builder: reqwest::RequestBuilder) -> Result<Value, String> {
        let response = builder
            .send()
            .await
            .map_err(|e| format!("no answer: {e}"))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| format!("{status}, the body broke off: {e}"))?;
        if status != reqwest::StatusCode::OK {
            return Err(format!(
                "{status}: {}",
                text.chars().take(300).collect::<String>()
            ));
        }
        serde_json::from_str(&text).map_err(|e| format!("200 but not JSON ({e})"))
    }
}

/// Signs `username` in with the password grant.
async fn sign_in(http: &reqwest::Client, base: &str, username: &str) -> Result<String, String> {
    let response = http
        .post(format!("{base}/as/token.oauth2"))
        .form(&[
            ("grant_type", "password"),
            ("username", username),
            ("password", "sandbox"),
            ("scope", "MOBPROC"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .send()
        .await
        .map_err(|e| format!("the token endpoint did not answer: {e}"))?;
    let status = response.status();
    let body: Value = response
        .json()
        .await
        .map_err(|e| format!("the token answer is not JSON: {e}"))?;
    body["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("sign-in of {username} failed: {status} {body}"))
}

/// The documentation's upgrade request with another `externalOrderNumber`.
fn order_request(template: &Value, number: &str) -> Value {
    let mut order = template.clone();
    order["orderRequest"]["externalOrderNumber"] = json!(number);
    order
}

/// Runs the happy path until the deadline or the iteration limit.
async fn run_client(
    client: Client,
    number: usize,
    template: Value,
    deadline: Instant,
    iterations: Option<u64>,
) -> ClientLog {
    let mut log = ClientLog::default();
    let mut iteration = 0u64;
    while Instant::now() < deadline && iterations.is_none_or(|limit| iteration < limit) {
        iteration += 1;
        let external = format!("load-{number}-{iteration}");
        let body = order_request(&template, &external);
        let steps = async {
            let catalog = timed(
                &mut log,
                Kind::Catalog,
                client.call(client.request(reqwest::Method::GET, "/catalog/devices?limit=50")),
            )
            .await?;
            let devices = catalog["devices"].as_array().map_or(0, Vec::len);
            if devices != 50 {
                return Err((Kind::Catalog, format!("{devices} devices instead of 50")));
            }
            let confirmation = timed(
                &mut log,
                Kind::Confirm,
                client.call(
                    client
                        .request(reqwest::Method::POST, "/orders?confirm=true")
                        .json(&body),
                ),
            )
            .await?;
            if !confirmation["orderConfirmation"].is_object() {
                return Err((
                    Kind::Confirm,
                    format!("no orderConfirmation: {confirmation}"),
                ));
            }
            let submitted = timed(
                &mut log,
                Kind::Submit,
                client.call(client.request(reqwest::Method::POST, "/orders").json(&body)),
            )
            .await?;
            let order_id = submitted["order"]["orderId"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if order_id.is_empty() || submitted["order"]["externalOrderNumber"] != external.as_str()
            {
                return Err((Kind::Submit, format!("not the order sent: {submitted}")));
            }
            log.submitted.insert(external.clone(), order_id.clone());
            let read = timed(
                &mut log,
                Kind::Read,
                client.call(client.request(reqwest::Method::GET, &format!("/orders/{order_id}"))),
            )
            .await?;
            if read["order"]["orderId"] != order_id.as_str()
                || read["order"]["externalOrderNumber"] != external.as_str()
            {
                return Err((Kind::Read, format!("another order read back: {read}")));
            }
            Ok(())
        };
        if let Err((kind, what)) = steps.await {
            log.error(kind, what);
        }
    }
    log
}

/// Awaits a call, recording its latency; an error carries its kind.
async fn timed(
    log: &mut ClientLog,
    kind: Kind,
    call: impl std::future::Future<Output = Result<Value, String>>,
) -> Result<Value, (Kind, String)> {
    let started = Instant::now();
    let outcome = call.await;
    log.latencies
        .entry(kind)
        .or_default()
        .push(started.elapsed());
    outcome.map_err(|what| (kind, what))
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

/// Every stored order intact and unique: as many as successful submits,
/// each `externalOrderNumber` once and answered with its `orderId`, each
/// body an `Order` with a history row per segment, nothing orphaned.
async fn check_store(
    state: &AppState,
    submitted: &BTreeMap<String, String>,
) -> Result<(usize, Vec<String>), String> {
    let submitted = submitted.clone();
    state
        .db
        .run(move |c| {
            let mut problems = Vec::new();
            let rows: Vec<(String, Option<String>, String)> = {
                let mut statement = c.prepare("SELECT order_id, external_order_number, body FROM orders")?;
                let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            if rows.len() != submitted.len() {
                problems.push(format!("{} orders stored, {} submits succeeded", rows.len(), submitted.len()));
            }
            let mut numbers = BTreeSet::new();
            for (order_id, number, body) in &rows {
                let Some(number) = number else {
                    problems.push(format!("order {order_id} has no externalOrderNumber"));
                    continue;
                };
                if !numbers.insert(number.clone()) {
                    problems.push(format!("externalOrderNumber {number} stored twice"));
                }
                if submitted.get(number) != Some(order_id) {
                    problems.push(format!("order {order_id} ({number}) is not the one its submit answered ({:?})", submitted.get(number)));
                }
                match serde_json::from_str::<mobproc_types::Order>(body) {
                    Err(e) => problems.push(format!("order {order_id} does not parse as an Order: {e}")),
                    Ok(order) => {
                        if order.order_id != *order_id || order.external_order_number.as_deref() != Some(number.as_str()) {
                            problems.push(format!("order {order_id}'s body names another order"));
                        }
                        if order.segments().is_empty() {
                            problems.push(format!("order {order_id} has no segment"));
                        }
                        for segment in order.segments() {
                            let history: i64 = c.query_row(
                                "SELECT COUNT(*) FROM order_history WHERE order_id = ?1 AND segment_id = ?2",
                                [order_id, &segment.order_segment_id],
                                |r| r.get(0),
                            )?;
                            if history == 0 {
                                problems.push(format!("segment {} of order {order_id} has no history", segment.order_segment_id));
                            }
                        }
                    }
                }
            }
            let orphans: i64 = c.query_row(
                "SELECT (SELECT COUNT(*) FROM order_history h WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = h.order_id))
                      + (SELECT COUNT(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = s.order_id))",
                [],
                |r| r.get(0),
            )?;
            if orphans != 0 {
                problems.push(format!("{orphans} history rows or shipments belong to no order"));
            }
            Ok((rows.len(), problems))
        })
        .await
        .map_err(|e| format!("the store cannot be read: {e}"))
}
