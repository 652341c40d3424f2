//! The request log and the CSP report store stay small whatever strangers
//! send: texts capped, both bounded by entries and by bytes; CSP reports
//! are read into a typed record from either format.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::*;
use mobproc_sandbox::observe::{
    capped, CspReport, Observed, SeenRequest, CSP_REPORT_BYTES, CSP_TEXT_CAP, CUT_MARKER,
    REQUEST_LOG_BYTES, REQUEST_LOG_ENTRIES, REQUEST_TEXT_CAP,
};
use serde_json::json;

#[tokio::test]
async fn the_request_log_caps_the_path_and_context_ids() {
    let sandbox = Sandbox::new();
    let query = "q".repeat(30_000);
    let answer = sandbox
        .send(
            request(Method::GET, &format!("/mobproc/v1/ping?echoText={query}"))
                .header("x-tngo-context-activityid", "a".repeat(7_000))
                .header("x-tngo-context-correlationid", "c".repeat(7_000))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200);
    let seen = sandbox.state.observed.requests();
    let seen = &seen[0];
    assert!(seen.path.starts_with("/ping?echoText=qqq"));
    for text in [
        &seen.path,
        seen.activity_id.as_ref().unwrap(),
        seen.correlation_id.as_ref().unwrap(),
    ] {
        assert!(text.len() <= REQUEST_TEXT_CAP, "{} bytes kept", text.len());
        assert!(text.ends_with(CUT_MARKER));
    }
}

#[test]
fn a_cut_text_ends_on_a_character_boundary_with_the_marker() {
    let cut = capped(&"é".repeat(1_000), REQUEST_TEXT_CAP);
    assert!(cut.len() <= REQUEST_TEXT_CAP);
    assert!(cut.ends_with(CUT_MARKER));
    assert!(cut.trim_end_matches(CUT_MARKER).chars().all(|c| c == 'é'));
    assert_eq!(capped("short", REQUEST_TEXT_CAP), "short");
}

fn huge_request(number: usize) -> SeenRequest {
    SeenRequest {
        method: "GET".into(),
        path: format!("/ping?n={number}&{}", "p".repeat(30_000)),
        status: 200,
        authorized: false,
        activity_id: Some("a".repeat(20_000)),
        correlation_id: Some("c".repeat(20_000)),
        millis: 0,
    }
}

#[test]
fn the_request_log_is_bounded_by_bytes_and_keeps_the_newest() {
    let observed = Observed::default();
    for number in 0..REQUEST_LOG_ENTRIES {
        observed.note_request(huge_request(number));
    }
    let (log_bytes, _) = observed.retained_bytes();
    assert!(log_bytes <= REQUEST_LOG_BYTES, "{log_bytes} bytes");
    let kept = observed.requests();
    assert!(
        kept.len() < REQUEST_LOG_ENTRIES,
        "the byte budget evicts first"
    );
    assert!(kept
        .last()
        .unwrap()
        .path
        .starts_with(&format!("/ping?n={}&", REQUEST_LOG_ENTRIES - 1)));
}

#[test]
fn the_request_log_is_bounded_by_entries() {
    let observed = Observed::default();
    for number in 0..REQUEST_LOG_ENTRIES + 10 {
        observed.note_request(SeenRequest {
            path: format!("/ping?n={number}"),
            activity_id: None,
            correlation_id: None,
            ..huge_request(number)
        });
    }
    let kept = observed.requests();
    assert_eq!(kept.len(), REQUEST_LOG_ENTRIES);
    assert_eq!(kept[0].path, "/ping?n=10");
}

async fn report(sandbox: &Sandbox, content_type: &str, body: String) {
    let sent = sandbox
        .send(
            request(Method::POST, "/sandbox/csp-reports")
                .header("content-type", content_type)
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(sent.status, 204);
}

#[tokio::test]
async fn a_legacy_report_is_kept_typed_with_its_texts_capped() {
    let sandbox = Sandbox::new();
    let body = json!({"csp-report": {
        "document-uri": "http://sandbox.test/",
        "blocked-uri": "inline",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "x".repeat(5_000),
        "disposition": "enforce",
        "status-code": 200,
        "line-number": 12,
        "column-number": "7",
        "script-sample": ["not", "a", "string"],
        "something-else": {"deep": [1, 2, 3]},
    }});
    report(&sandbox, "application/csp-report", body.to_string()).await;
    let kept = sandbox.state.observed.csp_reports();
    let original_policy = kept[0].original_policy.clone().unwrap();
    assert!(original_policy.len() <= CSP_TEXT_CAP && original_policy.ends_with(CUT_MARKER));
    assert_eq!(
        kept,
        [CspReport {
            document_uri: Some("http://sandbox.test/".into()),
            blocked_uri: Some("inline".into()),
            violated_directive: Some("script-src-elem".into()),
            effective_directive: Some("script-src-elem".into()),
            original_policy: Some(original_policy),
            disposition: Some("enforce".into()),
            status_code: Some(200),
            line_number: Some(12),
            column_number: Some(7),
            ..CspReport::default()
        }]
    );
}

#[tokio::test]
async fn reporting_api_batches_keep_only_csp_violations() {
    let sandbox = Sandbox::new();
    let body = json!([
        {"type": "csp-violation", "url": "http://sandbox.test/", "body": {
            "documentURL": "http://sandbox.test/",
            "blockedURL": "http://evil.test/x.js",
            "effectiveDirective": "script-src-elem",
            "sample": "alert(1)",
            "sourceFile": "http://sandbox.test/app.js",
            "lineNumber": 3,
        }},
        {"type": "deprecation", "body": {"id": "x"}},
        0,
        [1, 2],
    ]);
    report(&sandbox, "application/reports+json", body.to_string()).await;
    assert_eq!(
        sandbox.state.observed.csp_reports(),
        [CspReport {
            document_uri: Some("http://sandbox.test/".into()),
            blocked_uri: Some("http://evil.test/x.js".into()),
            effective_directive: Some("script-src-elem".into()),
            script_sample: Some("alert(1)".into()),
            source_file: Some("http://sandbox.test/app.js".into()),
            line_number: Some(3),
            ..CspReport::default()
        }]
    );
}

#[tokio::test]
async fn an_array_of_zeros_keeps_nothing() {
    let sandbox = Sandbox::new();
    let zeros = format!("[{}0]", "0,".repeat(8 * 1024 - 10));
    report(&sandbox, "text/plain", zeros).await;
    report(&sandbox, "text/plain", "not json".into()).await;
    assert!(sandbox.state.observed.csp_reports().is_empty());
    assert_eq!(sandbox.state.observed.retained_bytes().1, 0);
}

#[tokio::test]
async fn the_report_store_is_bounded_by_bytes() {
    let sandbox = Sandbox::new();
    // Nine texts of 1,700 bytes: just under the endpoint's 16 kB body limit.
    let long = "u".repeat(1_700);
    let fields: serde_json::Map<_, _> = [
        "document-uri",
        "blocked-uri",
        "violated-directive",
        "effective-directive",
        "original-policy",
        "disposition",
        "referrer",
        "source-file",
        "script-sample",
    ]
    .into_iter()
    .map(|name| (name.to_owned(), json!(long)))
    .collect();
    let body = json!({ "csp-report": fields }).to_string();
    for _ in 0..300 {
        report(&sandbox, "application/csp-report", body.clone()).await;
    }
    let kept = sandbox.state.observed.csp_reports();
    let (_, report_bytes) = sandbox.state.observed.retained_bytes();
    assert!(report_bytes <= CSP_REPORT_BYTES, "{report_bytes} bytes");
    assert!(kept.len() < 300, "the byte budget evicts first");
}
