//! The harness of the properties: one sandbox per property, one call per
//! case, and the checks of every answer and of the store.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Body;
use axum::http::{Method, Request};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::common::*;
use crate::{CASES, FRESH};

/// Bytes that print as an escaped byte string.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Bytes(pub(crate) Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

/// Who signs a call.
#[derive(Debug, Clone)]
pub(crate) enum Auth {
    /// Peter's token (ACME employee, owner of the seed request's line).
    Peter,
    /// Maria's token (Peter's manager and approver).
    Maria,
    /// No Authorization header.
    Missing,
    /// This Authorization header, as it is.
    Raw(Bytes),
    /// `<scheme> <Peter's token>` with an odd scheme or spacing.
    PeterWith(&'static str),
}

/// One HTTP call to the API.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub(crate) method: Method,
    /// Path and query under `/mobproc/v1`.
    pub(crate) target: String,
    pub(crate) auth: Auth,
    /// Extra headers (tenant, client id, context, correlation...).
    pub(crate) headers: Vec<(&'static str, Bytes)>,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Bytes,
}

pub(crate) struct Harness {
    pub(crate) runtime: tokio::runtime::Runtime,
    pub(crate) sandbox: Sandbox,
    pub(crate) peter: String,
    maria: String,
    fresh: AtomicU64,
    /// How many answers of each status and code, printed after the run.
    outcomes: std::sync::Mutex<std::collections::BTreeMap<String, u32>>,
}

/// What the store holds, for the invariants.
#[derive(Debug, Default)]
struct Store {
    orders: BTreeSet<String>,
}

impl Harness {
    pub(crate) fn new() -> Harness {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let sandbox = Sandbox::new();
        let (peter, maria) = runtime.block_on(async {
            (
                sandbox.token("peter.edwards").await,
                sandbox.token("maria.lopez").await,
            )
        });
        Harness {
            runtime,
            sandbox,
            peter,
            maria,
            fresh: AtomicU64::new(1),
            outcomes: Default::default(),
        }
    }

    /// Runs `cases` cases of `strategy`, checking every answer and the store.
    pub(crate) fn run(&self, strategy: impl Strategy<Value = Call>) {
        let mut config = Config {
            failure_persistence: None,
            ..Config::default()
        };
        if std::env::var_os("PROPTEST_CASES").is_none() {
            config.cases = CASES;
        }
        let mut runner = TestRunner::new(config);
        if let Err(failure) = runner.run(&strategy, |call| self.check(call)) {
            panic!("{failure}");
        }
        eprintln!("outcomes: {:#?}", self.outcomes.lock().unwrap());
    }

    fn request(&self, call: &Call) -> Request<Body> {
        let uri = format!("/mobproc/v1{}", call.target);
        let mut builder = request(call.method.clone(), &uri);
        let authorization = match &call.auth {
            Auth::Peter => Some(format!("Bearer {}", self.peter).into_bytes()),
            Auth::Maria => Some(format!("Bearer {}", self.maria).into_bytes()),
            Auth::Missing => None,
            Auth::Raw(bytes) => Some(bytes.0.clone()),
            Auth::PeterWith(scheme) => Some(format!("{scheme}{}", self.peter).into_bytes()),
        };
        if let Some(value) = authorization {
            builder = builder.header("authorization", value);
        }
        for (name, value) in &call.headers {
            builder = builder.header(*name, value.0.as_slice());
        }
        if let Some(content_type) = &call.content_type {
            builder = builder.header("content-type", content_type.as_str());
        }
        let number = format!("fuzz-{}", self.fresh.fetch_add(1, Ordering::SeqCst));
        let body = replace_bytes(&call.body.0, FRESH.as_bytes(), number.as_bytes());
        builder
            .body(Body::from(body))
            .expect("the strategies only make valid requests")
    }

    fn check(&self, call: Call) -> Result<(), TestCaseError> {
        self.runtime.block_on(async {
            let before = self.store().await?;
            let answer = self.sandbox.send(self.request(&call)).await;
            check_answer(&call, &answer)?;
            let outcome = match answer.body["errorCode"].as_str() {
                Some(code) => code.to_owned(),
                None if answer.body["order"].is_object() => format!("{} order", answer.status),
                None => answer.status.to_string(),
            };
            *self.outcomes.lock().unwrap().entry(outcome).or_default() += 1;
            let after = self.store().await?;
            let created = (answer.status == 200)
                .then(|| answer.body["order"]["orderId"].as_str())
                .flatten()
                .filter(|id| !before.orders.contains(*id));
            let mut expected = before.orders.clone();
            if let Some(id) = created {
                expected.insert(id.to_owned());
            }
            prop_assert_eq!(
                &after.orders,
                &expected,
                "the orders changed though the answer was {} {}",
                answer.status,
                short(&answer.text)
            );
            Ok(())
        })
    }

    /// Reads the store and checks that nothing is half-stored.
    async fn store(&self) -> Result<Store, TestCaseError> {
        let checked = self
            .sandbox
            .state
            .db
            .run(|c| {
                let mut problems = Vec::new();
                let mut orders = BTreeSet::new();
                let rows: Vec<(String, String)> = {
                    let mut statement = c.prepare("SELECT order_id, body FROM orders")?;
                    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    rows.collect::<Result<_, _>>()?
                };
                for (order_id, body) in rows {
                    match serde_json::from_str::<mobproc_types::Order>(&body) {
                        Err(e) => problems.push(format!("order {order_id} does not parse: {e}")),
                        Ok(order) => {
                            if order.segments().is_empty() {
                                problems.push(format!("order {order_id} has no segment"));
                            }
                            for segment in order.segments() {
                                let history: i64 = c.query_row(
                                    "SELECT COUNT(*) FROM order_history WHERE order_id = ?1 AND segment_id = ?2",
                                    [&order_id, &segment.order_segment_id],
                                    |r| r.get(0),
                                )?;
                                if history == 0 {
                                    problems.push(format!(
                                        "segment {} of order {order_id} has no history",
                                        segment.order_segment_id
                                    ));
                                }
                            }
                        }
                    }
                    orders.insert(order_id);
                }
                for (what, sql) in [
                    (
                        "history rows of no order",
                        "SELECT COUNT(*) FROM order_history h
                         WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = h.order_id)",
                    ),
                    (
                        "shipments of no order",
                        "SELECT COUNT(*) FROM shipments s
                         WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = s.order_id)",
                    ),
                    (
                        "external order numbers used twice in a tenant",
                        "SELECT COUNT(*) FROM (SELECT 1 FROM orders WHERE external_order_number IS NOT NULL
                         GROUP BY tenant, external_order_number HAVING COUNT(*) > 1)",
                    ),
                ] {
                    let count: i64 = c.query_row(sql, [], |r| r.get(0))?;
                    if count != 0 {
                        problems.push(format!("{count} {what}"));
                    }
                }
                Ok((orders, problems))
            })
            .await;
        let (orders, problems) = checked.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(
            problems.is_empty(),
            "the store is inconsistent: {problems:?}"
        );
        Ok(Store { orders })
    }
}

fn short(text: &str) -> String {
    text.chars().take(600).collect()
}

fn replace_bytes(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while !rest.is_empty() {
        if rest.starts_with(needle) {
            out.extend_from_slice(with);
            rest = &rest[needle.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

/// No 5xx; a 2xx JSON object or the MOBPROC error body; context ids echoed.
fn check_answer(call: &Call, answer: &Answer) -> Result<(), TestCaseError> {
    let status = answer.status.as_u16();
    let text = short(&answer.text);
    prop_assert!(
        status < 500,
        "{} {} answered {status}: {text}",
        call.method,
        call.target
    );
    if answer.status.is_success() {
        prop_assert!(
            answer.body.is_object(),
            "a {status} that is not a JSON object: {text}"
        );
    } else {
        let body = &answer.body;
        prop_assert_eq!(body["status"].as_u64(), Some(u64::from(status)), "{}", text);
        prop_assert!(
            body["id"].as_str().is_some_and(|id| !id.is_empty()),
            "no error id: {}",
            text
        );
        prop_assert!(
            body["errorCode"]
                .as_str()
                .is_some_and(|code| code.starts_with(&format!("{status}-"))),
            "errorCode does not match {}: {}",
            status,
            text
        );
        prop_assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| !m.trim().is_empty()),
            "no message: {}",
            text
        );
    }
    for name in ["x-tngo-context-correlationid", "x-tngo-context-activityid"] {
        if let Some((_, sent)) = call.headers.iter().find(|(n, _)| *n == name) {
            let echoed = answer.headers.get(name).map(|v| v.as_bytes());
            prop_assert_eq!(echoed, Some(sent.0.as_slice()), "{} not echoed", name);
        }
    }
    Ok(())
}
