//! Refusals that must not tell a caller about people and devices they may
//! not see: the context headers' 403, and the accessories' device filter.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::*;
use serde_json::Value;

/// Maria Lopez, Peter's manager: Peter may not act for her nor see her line.
const MARIA_ID: &str = "28673700";
/// The device on Maria's line.
const MARIAS_DEVICE: &str = "35362300";
/// The device on Peter's tutorial line.
const PETERS_DEVICE: &str = "35362368";

#[tokio::test]
async fn a_refused_context_header_names_no_employee_and_no_id() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    for (header, value) in [
        ("x-tngo-context-companyemployeeid", "maria.lopez.acme"),
        ("x-tngo-context-employeeid", MARIA_ID),
        ("x-tngo-context-companyemployeeid", "nobody.acme"),
    ] {
        let answer = sandbox
            .send(
                api_request(Method::GET, "/me", &peter.token, "ACME")
                    .header(header, value)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_error(&answer, 403, "403-context-not-allowed");
        let message = answer.body["message"].as_str().unwrap();
        assert!(
            !message.chars().any(|c| c.is_ascii_digit()),
            "{header}: {message}"
        );
        assert!(!message.contains(value), "{header}: {message}");
        assert!(!answer.text.contains(MARIA_ID), "{}", answer.text);
    }
}

/// An error body without its per-occurrence `id`, with the device id the
/// caller sent replaced by a placeholder.
fn comparable(answer: &Answer, sent: &str) -> Value {
    let mut body = answer.body.clone();
    body.as_object_mut().unwrap().remove("id");
    let message = body["message"].as_str().unwrap().replace(sent, "{id}");
    body["message"] = Value::String(message);
    body
}

#[tokio::test]
async fn another_employees_device_answers_as_a_device_that_does_not_exist() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let path = |id: &str| format!("/catalog/accessories?compatibleWithDeviceAssetId={id}");
    let marias = peter.get(&path(MARIAS_DEVICE)).await;
    let nonexistent = peter.get(&path("35369999")).await;
    assert_error(&marias, 404, "404-device-not-found");
    assert_error(&nonexistent, 404, "404-device-not-found");
    assert_eq!(
        comparable(&marias, MARIAS_DEVICE),
        comparable(&nonexistent, "35369999")
    );
    let own = peter.get(&path(PETERS_DEVICE)).await;
    assert_eq!(own.status, 200, "{}", own.text);
}

#[tokio::test]
async fn a_manager_filters_accessories_by_a_reports_device() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let path = |id: &str| format!("/catalog/accessories?compatibleWithDeviceAssetId={id}");
    let peters = maria.get(&path(PETERS_DEVICE)).await;
    assert_eq!(peters.status, 200, "{}", peters.text);
    assert!(peters.body["accessories"].is_array());
    assert_eq!(maria.get(&path(MARIAS_DEVICE)).await.status, 200);
}
