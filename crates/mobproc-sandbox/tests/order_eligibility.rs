//! Orders on lines that may not be upgraded: not yet eligible by the
//! sandbox's clock, or not active. Refused on confirm and on submit.

mod common;

use common::*;
use serde_json::{json, Value};

/// Peter's tutorial line, which the seed request upgrades.
const TUTORIAL_LINE: &str = "38382349";
/// Peter's second line, not yet eligible when seeded (120 days later).
const NOT_YET_LINE: &str = "38382350";
const DAY: u32 = 86_400;

fn error_codes(answer: &Answer) -> Vec<String> {
    answer.body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["errorCode"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Changes one field of a seeded line's stored body.
async fn set_line_field(sandbox: &Sandbox, line: &'static str, field: &'static str, value: Value) {
    sandbox
        .state
        .db
        .run(move |c| {
            c.execute(
                &format!("UPDATE services SET body = json_set(body, '$.{field}', json(?1)) WHERE id = ?2"),
                rusqlite::params![value.to_string(), line],
            )?;
            Ok(())
        })
        .await
        .unwrap();
}

/// A day (midnight UTC) `days` after the sandbox's now.
fn day_after(sandbox: &Sandbox, days: i64) -> String {
    let now = sandbox.state.clock.now();
    mobproc_types::date::format_timestamp((now.div_euclid(86_400) + days) * 86_400)
}

#[tokio::test]
async fn a_line_not_yet_eligible_is_refused_until_its_date() {
    let sandbox = Sandbox::new();
    set_line_field(
        &sandbox,
        TUTORIAL_LINE,
        "upgradeEligibilityDate",
        json!(day_after(&sandbox, 10)),
    )
    .await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut request = seed_request();
    request["orderRequest"]["externalOrderNumber"] = json!("eligibility-1");

    let confirm = peter.post("/orders?confirm=true", &request).await;
    assert_error(&confirm, 400, "400-line-not-eligible");
    assert_eq!(error_codes(&confirm), ["400-line-not-eligible"]);
    assert_eq!(confirm.body["errors"][0]["field"], "orderRequest.serviceId");
    let submit = peter.post("/orders", &request).await;
    assert_error(&submit, 400, "400-line-not-eligible");
    assert!(peter.get("/orders").await.body["orders"]
        .as_array()
        .unwrap()
        .is_empty());

    advance_clock(&sandbox, 11 * DAY).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let confirm = peter.post("/orders?confirm=true", &request).await;
    assert_eq!(confirm.status, 200, "{}", confirm.text);
    let submit = peter.post("/orders", &request).await;
    assert_eq!(submit.status, 200, "{}", submit.text);
}

#[tokio::test]
async fn a_seeded_line_not_yet_eligible_is_refused_with_every_other_problem() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut request = seed_request();
    request["orderRequest"]["serviceId"] = json!(NOT_YET_LINE);
    let refused = peter.post("/orders?confirm=true", &request).await;
    assert_error(&refused, 400, "400-line-not-eligible");
    let codes = error_codes(&refused);
    assert!(codes.len() > 1, "every problem at once: {codes:?}");

    advance_clock(&sandbox, 121 * DAY).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let later = peter.post("/orders?confirm=true", &request).await;
    assert!(
        !error_codes(&later).contains(&"400-line-not-eligible".to_owned()),
        "{}",
        later.text
    );
}

#[tokio::test]
async fn a_line_that_is_not_active_is_refused() {
    let sandbox = Sandbox::new();
    set_line_field(&sandbox, TUTORIAL_LINE, "status", json!("SUSPENDED")).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let request = seed_request();
    for path in ["/orders?confirm=true", "/orders"] {
        let refused = peter.post(path, &request).await;
        assert_error(&refused, 400, "400-line-not-active");
        assert_eq!(error_codes(&refused), ["400-line-not-active"]);
    }
}
