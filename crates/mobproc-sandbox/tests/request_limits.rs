//! Oversized header fields are answered 431 before any handler, and every
//! API answer carries `nosniff` and `no-store`.

mod common;

use axum::body::Body;
use axum::http::{header, Method};
use common::*;

fn ping() -> axum::http::request::Builder {
    request(Method::GET, "/mobproc/v1/ping")
}

#[tokio::test]
async fn a_header_value_over_the_limit_is_431_with_the_mobproc_body() {
    let sandbox = Sandbox::new();
    let big = "a".repeat(8 * 1024 + 1);
    let answer = sandbox
        .send(
            ping()
                .header("x-tngo-context-activityid", big)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 431);
    assert_eq!(answer.error_code(), "431-headers-too-large");
    assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store");
    assert!(
        sandbox.state.observed.requests().is_empty(),
        "refused before the request log"
    );
}

#[tokio::test]
async fn header_fields_over_the_total_limit_are_431() {
    let sandbox = Sandbox::new();
    let value = "b".repeat(6 * 1024);
    let mut builder = ping();
    for name in ["x-one", "x-two", "x-three"] {
        builder = builder.header(name, value.as_str());
    }
    let answer = sandbox.send(builder.body(Body::empty()).unwrap()).await;
    assert_eq!(answer.status, 431);
    assert_eq!(answer.error_code(), "431-headers-too-large");
}

#[tokio::test]
async fn outside_the_api_the_431_is_plain_text() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .send(
            request(Method::POST, "/sandbox/csp-reports")
                .header("x-big", "c".repeat(9 * 1024))
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 431);
    assert!(answer.text.contains("accepts"), "{}", answer.text);
}

#[tokio::test]
async fn the_limits_are_settings() {
    let sandbox = Sandbox::with(|config| {
        config.header_limit = 64 * 1024;
        config.header_value_limit = 32 * 1024;
    });
    let answer = sandbox
        .send(
            ping()
                .header("x-big", "d".repeat(20 * 1024))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn every_api_answer_says_nosniff_and_no_store() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answers = [
        peter.get("/me").await,
        peter.get("/no-such-route").await,
        sandbox.send(ping().body(Body::empty()).unwrap()).await,
        sandbox
            .send(
                request(Method::GET, "/mobproc/v1/me")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await,
    ];
    let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
    assert_eq!(statuses, [200, 404, 200, 401]);
    for answer in &answers {
        assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store");
    }
}
