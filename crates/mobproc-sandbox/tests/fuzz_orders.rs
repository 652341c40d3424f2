//! Property-based tests of order validation and request parsing, through
//! the router: random bodies, mutations of the documentation's seed
//! request, random `confirm` and other query strings, and random header
//! values. For every case:
//!
//! - nothing panics and nothing answers 5xx;
//! - the answer is a 2xx JSON object, or the MOBPROC error body
//!   (`status`, `id`, `errorCode`, `message`), with the correlation and
//!   activity ids echoed;
//! - nothing is half-stored: every order has a history row per segment,
//!   no history or shipment belongs to no order, no two orders of a
//!   tenant share an `externalOrderNumber`, and the number of orders
//!   grows only when the answer is a 200 with a new `orderId`.
//!
//! Each property opens one sandbox (seeding takes about a second) and runs
//! its cases against it. `PROPTEST_CASES` changes the number of cases,
//! `PROPTEST_RNG_SEED` replays a run.

mod common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Body;
use axum::http::{Method, Request};
use common::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

/// Cases per property: CI-sized, a few seconds in all on two cores.
const CASES: u32 = 96;

/// Where a mutated request's `externalOrderNumber` is replaced by a new
/// one, so that valid mutations make new orders.
const FRESH: &str = "__FRESH_EXTERNAL_ORDER_NUMBER__";

// ---------------------------------------------------------------------------
// The harness: one sandbox per property, one call per case
// ---------------------------------------------------------------------------

/// Bytes that print as an escaped byte string.
#[derive(Clone, PartialEq, Eq)]
struct Bytes(Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

/// Who signs a call.
#[derive(Debug, Clone)]
enum Auth {
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
struct Call {
    method: Method,
    /// Path and query under `/mobproc/v1`.
    target: String,
    auth: Auth,
    /// Extra headers (tenant, client id, context, correlation...).
    headers: Vec<(&'static str, Bytes)>,
    content_type: Option<String>,
    body: Bytes,
}

struct Harness {
    runtime: tokio::runtime::Runtime,
    sandbox: Sandbox,
    peter: String,
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
    fn new() -> Harness {
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
    fn run(&self, strategy: impl Strategy<Value = Call>) {
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

// ---------------------------------------------------------------------------
// Strategies: texts, JSON, headers, queries
// ---------------------------------------------------------------------------

/// Texts that tend to break things.
const NASTY: &[&str] = &[
    "",
    " ",
    "\t",
    "0",
    "-1",
    "1e308",
    "4294967296",
    "18446744073709551616",
    "true",
    "null",
    "UPGRADE",
    "NEW",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%%",
    "_",
    "\\",
    "\"",
    "\u{0}",
    "\u{202E}abc",
    "مرحبا",
    "שלום",
    "Z\u{0351}\u{0358}a\u{0310}l\u{0303}g\u{0352}o",
    "😀👨‍👩‍👧",
    "\u{FEFF}",
    "\u{FFFF}",
    "12345678",
    "2016-04-28T18:10:27Z",
    "02/30/2024",
    "12/31/2030",
];

/// Ids of every kind and tenant, to swap in.
const IDS: &[&str] = &[
    "38382349",
    "38382350",
    "38382300",
    "35362368",
    "9194713904",
    "6568886698",
    "6568880001",
    "70144640",
    "70144641",
    "70144642",
    "158385987",
    "98",
    "97",
    "LG",
    "Apple",
    "Cookie Plus",
    "122",
    "293",
    "301",
    "410",
    "28673732",
    "28673700",
    "52000101",
    "100200_3000002",
    "512345_6000001",
    "300100_7778001",
    "66620001",
    "6664000001",
    "8711720",
    "8711721",
    "4289183847832",
    "83924758342478392342",
];

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => ".{0,24}",
        2 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => prop::sample::select(IDS).prop_map(str::to_owned),
        1 => "[\\x00-\\x1f\\x7f]{1,6}",
        1 => "[0-9]{1,24}",
        1 => "[ -~]{0,40}",
        1 => (prop::sample::select(vec![100usize, 1_000, 5_000, 20_000, 70_000]), ".")
            .prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(38382349)),
    ]
    .boxed()
}

/// Names of the request's fields and others.
const KEYS: &[&str] = &[
    "orderRequest",
    "externalOrderNumber",
    "transactionType",
    "serviceId",
    "existingDevice",
    "manufacturerId",
    "modelId",
    "serialNumber",
    "type",
    "value",
    "simId",
    "shoppingCart",
    "deviceId",
    "planId",
    "optionalFeatureIds",
    "deviceFeatureChoices",
    "featureId",
    "choiceId",
    "properties",
    "groupId",
    "fields",
    "id",
    "text",
    "choice",
    "otherText",
    "shipTo",
    "name",
    "regionId",
    "region",
    "address",
    "expedite",
    "action",
    "reason",
];

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => text(),
    ]
    .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Header value bytes that HTTP allows: visible ASCII, spaces, tabs and
/// obs-text (bytes 0x80–0xFF, not UTF-8 as a rule).
fn header_bytes() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        2 => "[ -~]{0,40}".prop_map(String::into_bytes),
        1 => prop::collection::vec(
            prop_oneof![Just(b'\t'), 0x20u8..0x7f, 0x80u8..=0xff],
            0..40
        ),
        1 => ".{0,12}".prop_map(String::into_bytes).prop_filter_map("a header value", |bytes| {
            bytes
                .iter()
                .all(|b| *b == b'\t' || (*b >= 0x20 && *b != 0x7f))
                .then_some(bytes)
        }),
        2 => prop::sample::select(IDS).prop_map(|s| s.as_bytes().to_vec()),
    ]
    .boxed()
}

fn one_of(values: &'static [&'static str]) -> BoxedStrategy<Vec<u8>> {
    prop::sample::select(values)
        .prop_map(|s| s.as_bytes().to_vec())
        .boxed()
}

fn auth() -> BoxedStrategy<Auth> {
    prop_oneof![
        12 => Just(Auth::Peter),
        3 => Just(Auth::Maria),
        1 => Just(Auth::Missing),
        1 => header_bytes().prop_map(|b| Auth::Raw(Bytes(b))),
        1 => prop::sample::select(vec!["bearer ", "BEARER  ", "Bearer\t", "Basic ", "Bearer", " Bearer "])
            .prop_map(Auth::PeterWith),
    ]
    .boxed()
}

/// The tenant, client and context headers: mostly right, sometimes not.
fn headers() -> BoxedStrategy<Vec<(&'static str, Bytes)>> {
    let tenant = prop_oneof![
        12 => Just(Some(b"ACME".to_vec())),
        1 => Just(None),
        2 => one_of(&["acme", " ACME ", "GLOBEX", "INITECH", "HOSTILE", ""]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let client = prop_oneof![
        12 => Just(Some(CLIENT.as_bytes().to_vec())),
        1 => Just(None),
        1 => one_of(&["acme-integration", "MOBPROC-WIDGET", ""]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let context_employee = prop_oneof![
        8 => Just(None),
        2 => one_of(&["28673732", "28673700", "28673801", "28673811", "41600101", "66600001"]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let context_company = prop_oneof![
        8 => Just(None),
        1 => one_of(&["peter.edwards.acme", "maria.lopez.acme", "chloe.tremblay.globex"]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let echoed = prop_oneof![3 => Just(None), 1 => header_bytes().prop_map(Some)];
    (
        tenant,
        client,
        context_employee,
        context_company,
        echoed.clone(),
        echoed,
    )
        .prop_map(
            |(tenant, client, employee, company, correlation, activity)| {
                [
                    ("x-tngo-tenant", tenant),
                    ("client_id", client),
                    ("x-tngo-context-employeeid", employee),
                    ("x-tngo-context-companyemployeeid", company),
                    ("x-tngo-context-correlationid", correlation),
                    ("x-tngo-context-activityid", activity),
                ]
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, Bytes(v))))
                .collect()
            },
        )
        .boxed()
}

/// Who calls, with which headers: mostly a well-formed call by Peter, or
/// by Maria acting for him; sometimes anything.
fn caller() -> BoxedStrategy<(Auth, Vec<(&'static str, Bytes)>)> {
    let echoed = || prop::option::weighted(0.3, header_bytes());
    let proper = |auth: Auth, context: Option<(&'static str, &'static [u8])>| {
        (echoed(), echoed()).prop_map(move |(correlation, activity)| {
            let mut headers = vec![
                ("x-tngo-tenant", Bytes(b"ACME".to_vec())),
                ("client_id", Bytes(CLIENT.as_bytes().to_vec())),
            ];
            if let Some((name, value)) = context {
                headers.push((name, Bytes(value.to_vec())));
            }
            headers.extend(correlation.map(|v| ("x-tngo-context-correlationid", Bytes(v))));
            headers.extend(activity.map(|v| ("x-tngo-context-activityid", Bytes(v))));
            (auth.clone(), headers)
        })
    };
    prop_oneof![
        6 => proper(Auth::Peter, None),
        1 => proper(Auth::Maria, Some(("x-tngo-context-employeeid", b"28673732"))),
        1 => proper(Auth::Maria, Some(("x-tngo-context-companyemployeeid", b"peter.edwards.acme"))),
        3 => (auth(), headers()),
    ]
    .boxed()
}

/// Percent-encodes all but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes the first 600 characters: URIs must stay under 64 KiB.
fn encode_short(text: &str) -> String {
    encode(&text.chars().take(600).collect::<String>())
}

/// A query parameter's value, as it goes on the wire.
fn query_value() -> BoxedStrategy<String> {
    prop_oneof![
        4 => text().prop_map(|t| encode_short(&t)),
        1 => one_of(&["%", "%Z", "%ZZ", "%C3%28", "%E0%A4%A", "%00", "+", "a+b", "%2B", "=", "=="])
            .prop_map(|b| String::from_utf8(b).unwrap()),
        2 => one_of(&[
            "0", "1", "5000", "5001", "-1", "25", "4294967295", "4294967296", "99999999999999999999",
            "1.5", "1e3", "NaN", "inf", "true", "false", "TRUE", "yes",
            "2016-04-28T18:10:27Z", "2016-04-28", "2016-02-30", "0000-01-01", "-0001-01-01T00:00:00Z",
            "2016-04-28T24:00:00Z", "2016-04-28T23:59:60Z", "2016-04-28T1:2Z", "2016-04-28T",
        ])
        .prop_map(|b| String::from_utf8(b).unwrap()),
    ]
    .boxed()
}

/// Query parameter names, known and not.
const QUERY_KEYS: &[&str] = &[
    "confirm",
    "limit",
    "offset",
    "externalOrderNumber",
    "employee",
    "status",
    "dateTimeUpdated",
    "orderSegment",
    "vendor",
    "manufacturer",
    "search",
    "minPrice",
    "maxPrice",
    "sort",
    "transactionType",
    "service",
    "orderExcludesDevice",
    "orderExcludesPlan",
    "companyEmployeeId",
    "serviceNumber",
    "includeServiceDetails",
    "includeUpgradeEligibleDate",
    "compatibleWithDeviceAssetId",
    "echoText",
];

fn query(keys: &'static [&'static str]) -> BoxedStrategy<String> {
    let pair = (
        prop_oneof![
            4 => prop::sample::select(keys).prop_map(str::to_owned),
            1 => text().prop_map(|t| encode_short(&t)),
        ],
        prop::option::weighted(0.9, query_value()),
    )
        .prop_map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k,
        });
    prop::collection::vec(pair, 0..5)
        .prop_map(|pairs| {
            if pairs.is_empty() {
                String::new()
            } else {
                format!("?{}", pairs.join("&"))
            }
        })
        .boxed()
}

/// The `?confirm=...` of `POST /orders`, plain and odd.
fn confirm_query() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just(String::new()),
        4 => Just("?confirm=true".to_owned()),
        1 => Just("?confirm=false".to_owned()),
        2 => one_of(&[
            "?confirm=TRUE", "?confirm=", "?confirm", "?confirm=1", "?confirm=true&confirm=false",
            "?confirm=true&confirm=true", "?CONFIRM=true", "?confirm=tru%65", "?confirm=%74rue",
            "?confirm=true%00", "?confirm=+true", "?&", "?", "?confirm=true&limit=-1",
        ])
        .prop_map(|b| String::from_utf8(b).unwrap()),
        2 => query_value().prop_map(|v| format!("?confirm={v}")),
        1 => query(QUERY_KEYS),
    ]
    .boxed()
}

fn content_type() -> BoxedStrategy<Option<String>> {
    prop_oneof![
        12 => Just(Some("application/json".to_owned())),
        1 => Just(None),
        1 => prop::sample::select(vec![
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/vnd.api+json",
            "APPLICATION/JSON",
            "application/jsonx",
        ])
        .prop_map(|s| Some(s.to_owned())),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------
// Mutations of the seed request
// ---------------------------------------------------------------------------

/// One change to the seed request, at a JSON pointer.
#[derive(Debug, Clone)]
enum Mutation {
    /// Removes the member or item.
    Drop(String),
    /// Sets (or adds) the member or item.
    Set(String, Value),
    /// Sends the object's first key twice (the second time with this value).
    DuplicateKey(String, Value),
    /// Appends an item to the array.
    Push(String, Value),
}

/// Every pointer in the seed request, objects and arrays included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn seed_pointers() -> Vec<String> {
    let mut out = Vec::new();
    pointers(&seed_request(), String::new(), &mut out);
    out.retain(|p| !p.is_empty());
    out
}

/// The members whose values are ids.
const ID_POINTERS: &[&str] = &[
    "/orderRequest/serviceId",
    "/orderRequest/shoppingCart/deviceId",
    "/orderRequest/shoppingCart/planId",
    "/orderRequest/shoppingCart/optionalFeatureIds/0",
    "/orderRequest/shoppingCart/optionalFeatureIds/1",
    "/orderRequest/shipTo/regionId",
    "/orderRequest/existingDevice/manufacturerId",
    "/orderRequest/existingDevice/modelId",
    "/orderRequest/existingDevice/serialNumber/value",
    "/orderRequest/existingDevice/simId",
    "/orderRequest/properties/0/groupId",
    "/orderRequest/properties/0/fields/2/choice/id",
    "/orderRequest/transactionType",
];

/// A property value as a client might send it, right or wrong.
fn property_value() -> BoxedStrategy<Value> {
    let id = prop_oneof![
        3 => one_of(&[
            "CONTACT_NUMBER", "SERVICE_NUMBER", "CONTACT_NUMBER_EXT", "Reason", "REQUESTED_DATE",
            "ADDITIONAL_INSTRUCTIONS", "DEVICE_PROTECTION", "PORT_BILLING_CYCLE", "COST_CENTER",
        ])
        .prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
        1 => text().prop_map(Value::String),
        1 => json_value(),
    ];
    let kind = prop_oneof![
        3 => one_of(&["TEXT", "DATE", "CHOICE"]).prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
        1 => text().prop_map(Value::String),
        1 => json_value(),
    ];
    let choice = (
        prop_oneof![
            2 => one_of(&["1", "2", "19", "21", "99"]).prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
            1 => text().prop_map(Value::String),
        ],
        prop::option::of(text()),
    )
        .prop_map(|(id, other)| match other {
            Some(other) => json!({"id": id, "otherText": other}),
            None => json!({"id": id}),
        });
    (id, kind, prop::option::of(text()), prop::option::of(choice))
        .prop_map(|(id, kind, text, choice)| {
            let mut field = json!({"id": id, "type": kind});
            if let Some(text) = text {
                field["text"] = Value::String(text);
            }
            if let Some(choice) = choice {
                field["choice"] = choice;
            }
            field
        })
        .boxed()
}

fn address_value() -> BoxedStrategy<Value> {
    (
        prop_oneof![
            3 => one_of(&["LINE_1", "LINE_2", "CITY", "STATE", "POSTAL_CODE", "PROVINCE", "POSTCODE"])
                .prop_map(|b| String::from_utf8(b).unwrap()),
            1 => text(),
        ],
        prop_oneof![
            2 => one_of(&["CT", "ct", "ZZ", "06477", "06477-1234", "0647", "1 Main St", "Orange"])
                .prop_map(|b| String::from_utf8(b).unwrap()),
            2 => text(),
        ],
    )
        .prop_map(|(id, value)| json!({"id": id, "value": value}))
        .boxed()
}

/// A value of a random JSON type.
fn retyped() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
        json_value(),
    ]
    .boxed()
}

fn mutation() -> BoxedStrategy<Mutation> {
    let pointer = prop::sample::select(seed_pointers());
    prop_oneof![
        3 => pointer.clone().prop_map(Mutation::Drop),
        2 => (pointer.clone(), retyped()).prop_map(|(p, v)| Mutation::Set(p, v)),
        3 => (pointer.clone(), text()).prop_map(|(p, t)| Mutation::Set(p, Value::String(t))),
        1 => (pointer.clone(), number()).prop_map(|(p, n)| Mutation::Set(p, n)),
        2 => (pointer.clone(), retyped()).prop_map(|(p, v)| Mutation::DuplicateKey(p, v)),
        3 => (
            prop::sample::select(ID_POINTERS),
            prop_oneof![3 => prop::sample::select(IDS).prop_map(str::to_owned), 1 => text()],
        )
            .prop_map(|(p, id)| Mutation::Set(p.to_owned(), Value::String(id))),
        2 => ((0usize..4), property_value()).prop_map(|(i, v)| {
            Mutation::Set(format!("/orderRequest/properties/0/fields/{i}"), v)
        }),
        1 => property_value().prop_map(|v| Mutation::Push("/orderRequest/properties/0/fields".into(), v)),
        1 => json_value().prop_map(|v| Mutation::Push("/orderRequest/properties".into(), v)),
        2 => ((0usize..5), address_value()).prop_map(|(i, v)| {
            Mutation::Set(format!("/orderRequest/shipTo/address/{i}"), v)
        }),
        1 => address_value().prop_map(|v| Mutation::Push("/orderRequest/shipTo/address".into(), v)),
        1 => (prop::sample::select(KEYS), retyped()).prop_map(|(k, v)| {
            Mutation::Set(format!("/orderRequest/{k}"), v)
        }),
        1 => (key(), retyped()).prop_map(|(k, v)| {
            Mutation::Set(format!("/orderRequest/shoppingCart/{}", k.replace('~', "~0").replace('/', "~1")), v)
        }),
        1 => retyped().prop_map(|v| Mutation::Push("/orderRequest/shoppingCart/optionalFeatureIds".into(), v)),
        1 => text().prop_map(|t| Mutation::Set("/orderRequest/shipTo/name".into(), Value::String(t))),
        1 => any::<bool>().prop_map(|b| Mutation::Set("/orderRequest/shipTo/expedite".into(), Value::Bool(b))),
    ]
    .boxed()
}

/// The parent pointer and last token of a pointer.
fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

/// Applies a mutation to the value; returns the text of a duplicated key
/// to splice in, if any.
fn apply(value: &mut Value, mutation: &Mutation) -> Option<(String, String)> {
    match mutation {
        Mutation::Drop(pointer) => {
            let (parent, last) = split(pointer)?;
            match value.pointer_mut(parent)? {
                Value::Object(map) => {
                    map.remove(&last);
                }
                Value::Array(items) => {
                    if let Ok(i) = last.parse::<usize>() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                }
                _ => {}
            }
            None
        }
        Mutation::Set(pointer, new) => {
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = new.clone();
                return None;
            }
            let (parent, last) = split(pointer)?;
            match value.pointer_mut(parent)? {
                Value::Object(map) => {
                    map.insert(last, new.clone());
                }
                Value::Array(items) => items.push(new.clone()),
                _ => {}
            }
            None
        }
        Mutation::Push(pointer, new) => {
            match value.pointer_mut(pointer) {
                Some(Value::Array(items)) => items.push(new.clone()),
                Some(slot) => *slot = json!([new]),
                None => {}
            }
            None
        }
        Mutation::DuplicateKey(pointer, second) => {
            let Some(Value::Object(map)) = value.pointer(pointer) else {
                return None;
            };
            let (key, _) = map.iter().next()?;
            let object = serde_json::to_string(map).ok()?;
            let duplicated = format!(
                "{{{}:{},{}",
                serde_json::to_string(key).ok()?,
                serde_json::to_string(second).ok()?,
                &object[1..]
            );
            Some((object, duplicated))
        }
    }
}

/// How the mutated request's `externalOrderNumber` is set.
#[derive(Debug, Clone)]
enum External {
    /// A new one for every case: valid mutations make new orders.
    Fresh,
    /// The documentation's (`12345678`): repeats and duplicates.
    Seed,
    /// Left to the mutations.
    AsMutated,
}

fn mutated_request() -> BoxedStrategy<Call> {
    let external = prop_oneof![
        6 => Just(External::Fresh),
        2 => Just(External::Seed),
        2 => Just(External::AsMutated),
    ];
    (
        prop::collection::vec(mutation(), 0..4),
        external,
        confirm_query(),
        caller(),
        content_type(),
    )
        .prop_map(
            |(mutations, external, query, (auth, headers), content_type)| {
                let mut request = seed_request();
                match external {
                    External::Fresh => {
                        request["orderRequest"]["externalOrderNumber"] = json!(FRESH);
                    }
                    External::Seed | External::AsMutated => {}
                }
                let mut splices = Vec::new();
                for mutation in &mutations {
                    splices.extend(apply(&mut request, mutation));
                }
                let mut body = request.to_string();
                for (object, duplicated) in splices {
                    body = body.replacen(&object, &duplicated, 1);
                }
                Call {
                    method: Method::POST,
                    target: format!("/orders{query}"),
                    auth,
                    headers,
                    content_type,
                    body: Bytes(body.into_bytes()),
                }
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

#[test]
fn random_bodies_never_break_order_parsing() {
    let body = prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..512),
        3 => json_value().prop_map(|v| v.to_string().into_bytes()),
        3 => json_value().prop_map(|v| json!({"orderRequest": v}).to_string().into_bytes()),
        1 => (json_value(), 0usize..64).prop_map(|(v, cut)| {
            // Truncated JSON.
            let text = v.to_string();
            text.as_bytes()[..text.len().min(cut)].to_vec()
        }),
        1 => Just(b"{\"orderRequest\":".repeat(200)),
        1 => Just(b"[".repeat(60_000)),
    ];
    let strategy =
        (body, confirm_query(), content_type()).prop_map(|(body, query, content_type)| Call {
            method: Method::POST,
            target: format!("/orders{query}"),
            auth: Auth::Peter,
            headers: vec![
                ("x-tngo-tenant", Bytes(b"ACME".to_vec())),
                ("client_id", Bytes(CLIENT.as_bytes().to_vec())),
            ],
            content_type,
            body: Bytes(body),
        });
    Harness::new().run(strategy);
}

#[test]
fn mutations_of_the_seed_request_are_answered_cleanly_and_stored_whole() {
    Harness::new().run(mutated_request());
}

#[test]
fn random_headers_and_queries_on_orders_and_reads_are_answered_cleanly() {
    let path = prop_oneof![
        Just("/orders".to_owned()),
        Just("/catalog/devices".to_owned()),
        Just("/catalog/plans".to_owned()),
        Just("/employees".to_owned()),
        Just("/assets/services".to_owned()),
        Just("/assets/devices".to_owned()),
        Just("/orders/properties".to_owned()),
        Just("/regions".to_owned()),
        Just("/me".to_owned()),
        prop_oneof![
            2 => one_of(&["8711720", "8711730", "1", "0", "-1"]).prop_map(|b| String::from_utf8(b).unwrap()),
            1 => text().prop_map(|t| encode_short(&t)),
        ]
        .prop_flat_map(|id| {
            prop::sample::select(vec![
                format!("/orders/{id}"),
                format!("/orders/{id}/history"),
                format!("/orders/{id}/shipments"),
                format!("/catalog/devices/{id}"),
                format!("/employees/{id}"),
            ])
        }),
    ];
    let get = (path, query(QUERY_KEYS), caller()).prop_map(|(path, query, (auth, headers))| Call {
        method: Method::GET,
        target: format!("{path}{query}"),
        auth,
        headers,
        content_type: None,
        body: Bytes(Vec::new()),
    });
    let harness = Harness::new();
    // A few orders first, so that order reads find something.
    harness.runtime.block_on(async {
        let peter = User {
            sandbox: &harness.sandbox,
            token: harness.peter.clone(),
            tenant: "ACME",
            acting_for: None,
        };
        for number in ["reads-1", "reads-2"] {
            let mut order = seed_request();
            order["orderRequest"]["externalOrderNumber"] = json!(number);
            let answer = peter.post("/orders", &order).await;
            assert_eq!(answer.status, 200, "{}", answer.text);
        }
    });
    let post = mutated_request();
    harness.run(prop_oneof![3 => get, 1 => post]);
}

// ---------------------------------------------------------------------------
// Regression tests of sandbox bugs this fuzzer found (fixed)
// ---------------------------------------------------------------------------

/// Sends GETs that must be answered cleanly, each on its own task so that a
/// panic is reported for the path that caused it.
async fn assert_answered_cleanly(paths: &[&'static str]) {
    let sandbox: &'static Sandbox = Box::leak(Box::new(Sandbox::new()));
    let token = sandbox.token("peter.edwards").await;
    let mut failures = Vec::new();
    for &path in paths {
        let token = token.clone();
        let answer = tokio::spawn(async move {
            let peter = User {
                sandbox,
                token,
                tenant: "ACME",
                acting_for: None,
            };
            peter.get(path).await
        })
        .await;
        match answer {
            Err(panic) => failures.push(format!("{path}: {panic}")),
            Ok(answer) if answer.status.is_server_error() => {
                failures.push(format!("{path}: {} {}", answer.status, answer.text))
            }
            Ok(answer) => {
                let next = answer.body["_meta"]["hrefNext"].as_str().unwrap_or("");
                if answer.status == 200 && !next.is_empty() {
                    failures.push(format!("{path}: a next page past the end: {next}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Found by `random_headers_and_queries_on_orders_and_reads_are_answered_cleanly`:
/// `Paging::meta` computed `offset + limit` in `u32`, which overflowed for
/// an offset near `u32::MAX` (a panic in debug builds, a wrapped `hrefNext`
/// in release builds).
#[tokio::test]
async fn regression_an_offset_near_u32_max_is_answered_cleanly() {
    assert_answered_cleanly(&[
        "/orders?offset=4294967295",
        "/orders?offset=4294967295&limit=1",
        "/catalog/devices?offset=4294967295&limit=5000",
        "/employees?offset=4294967295",
        "/regions?offset=4294967295",
    ])
    .await;
}

/// Found alongside: a huge year in `dateTimeUpdated` overflowed the day and
/// second arithmetic (a panic in debug builds). Dates are now years 1 to
/// 9999, so the answer is `400-invalid-date-time-updated`.
#[tokio::test]
async fn regression_a_huge_date_time_updated_is_answered_cleanly() {
    assert_answered_cleanly(&[
        "/orders?dateTimeUpdated=9999999999999-01-01",
        "/orders?dateTimeUpdated=999999999999999999-01-01T00:00:00Z",
    ])
    .await;
}
