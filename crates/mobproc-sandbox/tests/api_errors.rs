//! Router tests of what goes wrong: credentials, headers, bad bodies,
//! unknown routes, fault injection, the admin API and the static site.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::*;
use serde_json::json;

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

#[tokio::test]
async fn the_admin_api_needs_its_key() {
    let sandbox = Sandbox::new();
    let no_key = sandbox
        .send(
            request(Method::GET, "/sandbox/admin/faults")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&no_key, 403, "403-admin-key-required");
    let with_key = sandbox
        .send(
            request(Method::GET, "/sandbox/admin/faults")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(with_key.body["latencyMs"], 0);
    let clock = sandbox
        .send(
            request(Method::GET, "/sandbox/admin/clock")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(clock.body["offsetSeconds"], 0);
    let cleared = sandbox
        .send(
            request(Method::DELETE, "/sandbox/admin/faults")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cleared.status, 200);
}

#[tokio::test]
async fn the_static_site_is_served_with_security_headers_and_cors() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>widget</title>",
    )
    .unwrap();
    let dir = site.path().to_owned();
    let sandbox = Sandbox::with(move |c| {
        c.static_dir = Some(dir);
        c.cors_origins = vec!["http://portal.test".into()];
    });
    let page = sandbox
        .send(request(Method::GET, "/").body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("widget"));
    assert!(page.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert_eq!(page.headers["referrer-policy"], "no-referrer");
    assert_eq!(page.headers["x-content-type-options"], "nosniff");

    let preflight = sandbox
        .send(
            request(Method::OPTIONS, "/mobproc/v1/me")
                .header("origin", "http://portal.test")
                .header("access-control-request-method", "GET")
                .header(
                    "access-control-request-headers",
                    "authorization,x-tngo-tenant,client_id",
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        preflight.headers["access-control-allow-origin"],
        "http://portal.test"
    );
    let stranger = sandbox
        .send(
            request(Method::OPTIONS, "/mobproc/v1/me")
                .header("origin", "http://evil.test")
                .header("access-control-request-method", "GET")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(stranger
        .headers
        .get("access-control-allow-origin")
        .is_none());

    // A portal on another origin may read the API's clock (`Date`).
    let ping = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/ping")
                .header("origin", "http://portal.test")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let exposed = ping.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        exposed.split(',').any(|name| name.trim() == "date"),
        "{exposed}"
    );
}

#[tokio::test]
async fn requests_are_recorded_without_their_tokens() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answer = sandbox
        .send(
            api_request(
                Method::GET,
                "/regions?parentRegion=70144640",
                &peter.token,
                "ACME",
            )
            .header("x-tngo-context-activityid", "W-1")
            .header("x-tngo-context-correlationid", "c-1")
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200);
    let seen = sandbox
        .send(
            request(Method::GET, "/sandbox/admin/requests")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let last = seen
        .body
        .as_array()
        .unwrap_or_else(|| panic!("{}", seen.text))
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["method"], "GET");
    assert_eq!(last["path"], "/regions?parentRegion=70144640");
    assert_eq!(last["status"], 200);
    assert_eq!(last["authorized"], true);
    assert_eq!(last["activityId"], "W-1");
    assert_eq!(last["correlationId"], "c-1");
    assert!(!seen.text.contains(&peter.token), "a token is never kept");
    let cleared = sandbox
        .send(
            request(Method::DELETE, "/sandbox/admin/requests")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(cleared.status, 204);
}

#[tokio::test]
async fn csp_violation_reports_are_kept_for_the_tests() {
    let sandbox = Sandbox::new();
    let report =
        json!({"csp-report": {"violated-directive": "script-src", "blocked-uri": "inline"}});
    let sent = sandbox
        .send(
            request(Method::POST, "/sandbox/csp-reports")
                .header("content-type", "application/csp-report")
                .body(Body::from(report.to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(sent.status, 204);
    let kept = sandbox
        .send(
            request(Method::GET, "/sandbox/admin/csp-reports")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        kept.body,
        json!([{"violated-directive": "script-src", "blocked-uri": "inline"}])
    );
}
