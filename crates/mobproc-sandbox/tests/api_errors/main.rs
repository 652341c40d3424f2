//! Router tests of what goes wrong: credentials, headers, bad bodies,
//! unknown routes, fault injection, the admin API and the static site.

mod admin_and_site;
#[path = "../common/mod.rs"]
mod common;
mod faults;

use axum::body::Body;
use axum::http::Method;
use serde_json::json;

use common::*;

#[tokio::test]
async fn calls_without_a_usable_token_are_401() {
    let sandbox = Sandbox::new();
    let no_token = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("x-tngo-tenant", "ACME")
                .header("client_id", CLIENT)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&no_token, 401, "401-missing-token");
    assert!(no_token.headers["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
    let basic = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("authorization", "Basic abc")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&basic, 401, "401-invalid-authorization-header");
    let unknown = sandbox
        .send(
            api_request(Method::GET, "/me", "forged", "ACME")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&unknown, 401, "401-invalid-token");
}

#[tokio::test]
async fn tokens_expire_with_the_clock_and_by_fault() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_eq!(peter.get("/me").await.status, 200);
    advance_clock(&sandbox, 3600).await;
    assert_error(&peter.get("/me").await, 401, "401-token-expired");

    let fresh = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_eq!(
        set_faults(&sandbox, json!({"tokenMaxAgeSeconds": 5}))
            .await
            .status,
        200
    );
    assert_eq!(fresh.get("/me").await.status, 200);
    advance_clock(&sandbox, 5).await;
    assert_error(&fresh.get("/me").await, 401, "401-token-expired");

    let other = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    set_faults(&sandbox, json!({})).await;
    let expired = sandbox
        .send(
            request(Method::POST, "/sandbox/admin/expire-tokens")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(expired.body["expired"].as_u64().unwrap() >= 1);
    assert_error(&other.get("/me").await, 401, "401-token-expired");
}

#[tokio::test]
async fn required_headers_are_enforced() {
    let sandbox = Sandbox::new();
    let token = sandbox.token("peter.edwards").await;
    let bearer = format!("Bearer {token}");
    let no_tenant = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("authorization", &bearer)
                .header("client_id", CLIENT)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&no_tenant, 400, "400-missing-tenant-header");
    let no_client = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("authorization", &bearer)
                .header("x-tngo-tenant", "ACME")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&no_client, 400, "400-missing-client-id-header");
    let other_client = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("authorization", &bearer)
                .header("x-tngo-tenant", "ACME")
                .header("client_id", "acme-integration")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&other_client, 403, "403-client-mismatch");
    let other_tenant = sandbox
        .send(
            api_request(Method::GET, "/me", &token, "GLOBEX")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&other_tenant, 403, "403-tenant-not-allowed");
    let mut peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    peter.acting_for = Some("28673700".into());
    assert_error(&peter.get("/me").await, 403, "403-context-not-allowed");
}

#[tokio::test]
async fn activity_and_correlation_ids_are_echoed() {
    let sandbox = Sandbox::new();
    let token = sandbox.token("peter.edwards").await;
    let answer = sandbox
        .send(
            api_request(Method::GET, "/me", &token, "ACME")
                .header("x-tngo-context-activityid", "order-42")
                .header("x-tngo-context-correlationid", "call-7")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.headers["x-tngo-context-activityid"], "order-42");
    assert_eq!(answer.headers["x-tngo-context-correlationid"], "call-7");
}

#[tokio::test]
async fn bad_bodies_get_the_error_body_never_plain_text() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_error(
        &peter.post_raw("/orders", "{not json".into()).await,
        400,
        "400-malformed-json",
    );
    let wrong_type = peter
        .post("/orders", &json!({"orderRequest": {"transactionType": 5}}))
        .await;
    assert_error(&wrong_type, 400, "400-invalid-request-body");
    let mut unknown = seed_request();
    unknown["orderRequest"]["shipTo"]["colour"] = json!("red");
    let unknown_field = peter.post("/orders", &unknown).await;
    assert_error(&unknown_field, 400, "400-invalid-request-body");
    assert!(unknown_field.body["message"]
        .as_str()
        .unwrap()
        .contains("colour"));
    let huge = format!(
        "{{\"orderRequest\": {{\"externalOrderNumber\": \"{}\"}}}}",
        "x".repeat(200_000)
    );
    assert_error(
        &peter.post_raw("/orders", huge).await,
        413,
        "413-request-too-large",
    );
    let no_type = sandbox
        .send(
            api_request(Method::POST, "/orders", &peter.token, "ACME")
                .body(Body::from(seed_request().to_string()))
                .unwrap(),
        )
        .await;
    assert_error(&no_type, 400, "400-unsupported-media-type");
    assert_error(
        &peter.post("/orders?confirm=maybe", &seed_request()).await,
        400,
        "400-invalid-confirm",
    );
    assert_eq!(
        peter.get("/orders").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn unknown_routes_and_methods_get_the_error_body() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_error(&peter.get("/planets").await, 404, "404-resource-not-found");
    let delete = sandbox
        .send(
            api_request(Method::DELETE, "/orders", &peter.token, "ACME")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&delete, 405, "405-method-not-allowed");
}
