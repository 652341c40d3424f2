//! Regression tests of sandbox bugs this fuzzer found (fixed).

use crate::common::*;

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
