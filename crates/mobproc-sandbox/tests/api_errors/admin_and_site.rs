//! Router tests of the admin API, the static site's headers, the request
//! record and the CSP violation reports.

use axum::body::Body;
use axum::http::Method;
use serde_json::json;

use crate::common::*;

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
