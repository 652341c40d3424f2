//! Router tests of fault injection: failed routes, answers lost and
//! connections dropped after the store, faults from flags.

use axum::body::Body;
use axum::http::Method;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn fault_injection_fails_a_share_of_chosen_routes() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let set = set_faults(
        &sandbox,
        json!({"fail": [{"route": "GET /regions*", "share": 0.5}]}),
    )
    .await;
    assert_eq!(set.status, 200, "{}", set.text);
    let statuses: Vec<u16> = {
        let mut out = Vec::new();
        for _ in 0..4 {
            out.push(peter.get("/regions").await.status.as_u16());
        }
        out
    };
    assert_eq!(statuses, [200, 500, 200, 500]);
    assert_eq!(peter.get("/regions").await.status, 200);
    assert_error(&peter.get("/regions").await, 500, "500-injected-fault");
    assert_eq!(
        peter.get("/me").await.status,
        200,
        "other routes are untouched"
    );
    let bad = set_faults(
        &sandbox,
        json!({"fail": [{"route": "GET /me", "share": 2}]}),
    )
    .await;
    assert_error(&bad, 400, "400-invalid-faults");
    let unknown = set_faults(&sandbox, json!({"latency": 5})).await;
    assert_error(&unknown, 400, "400-invalid-request-body");
}

#[tokio::test]
async fn a_lost_answer_after_store_still_stores_the_order_once() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    set_faults(&sandbox, json!({"dropAfterStore": "500"})).await;
    let lost = peter.post("/orders", &seed_request()).await;
    assert_error(&lost, 500, "500-answer-lost");
    set_faults(&sandbox, json!({})).await;
    let found = peter.get("/orders?externalOrderNumber=12345678").await;
    assert_eq!(found.body["orders"].as_array().unwrap().len(), 1);
    let retried = peter.post("/orders", &seed_request()).await;
    assert_eq!(
        retried.body["order"]["orderId"],
        found.body["orders"][0]["orderId"]
    );
    assert_eq!(
        peter.get("/orders").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_dropped_connection_after_store_breaks_the_body() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    set_faults(&sandbox, json!({"dropAfterStore": "close"})).await;
    let request = api_request(Method::POST, "/orders", &peter.token, "ACME")
        .header("content-type", "application/json")
        .body(Body::from(seed_request().to_string()))
        .unwrap();
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let response = sandbox.app.clone().oneshot(request).await.unwrap();
    assert!(
        response.into_body().collect().await.is_err(),
        "the body must fail mid-way"
    );
    set_faults(&sandbox, json!({})).await;
    assert_eq!(
        peter.get("/orders?externalOrderNumber=12345678").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn faults_come_from_flags_too() {
    let sandbox = Sandbox::with(|c| {
        c.fault_fail = vec!["1:GET /me".into()];
        c.fault_latency_ms = 1;
    });
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_error(&peter.get("/me").await, 500, "500-injected-fault");
    let dir = tempfile::tempdir().unwrap();
    let mut config = mobproc_sandbox::Config::for_tests(dir.path().join("x.sqlite3"));
    config.fault_drop_after_store = Some("sometimes".into());
    assert!(
        mobproc_sandbox::AppState::open(config).is_err(),
        "a bad fault flag is refused at start"
    );
}
