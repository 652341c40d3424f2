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

#[path = "../common/mod.rs"]
mod common;
mod harness;
mod headers_and_queries;
mod mutations;
mod regressions;
mod values;

use axum::http::Method;
use proptest::prelude::*;
use serde_json::json;

use common::*;
use harness::{Auth, Bytes, Call, Harness};
use headers_and_queries::{
    caller, confirm_query, content_type, encode_short, one_of, query, QUERY_KEYS,
};
use mutations::mutated_request;
use values::{json_value, text};

/// Cases per property: CI-sized, a few seconds in all on two cores.
const CASES: u32 = 96;

/// Where a mutated request's `externalOrderNumber` is replaced by a new
/// one, so that valid mutations make new orders.
const FRESH: &str = "__FRESH_EXTERNAL_ORDER_NUMBER__";

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
