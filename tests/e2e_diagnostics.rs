//! End to end in a real Chromium against the sandbox: the embedding
//! diagnostics (`?mobproc-diagnose`, `data-diagnose`) on a deliberately
//! broken portal page, where each fault is reported, and on a healthy one,
//! where every check passes.

mod support;

use support::Demo;

/// The portal's element the widget mounts on.
const HOST: &str = "[data-mobproc-widget]";

/// A portal page with `head` in its `<head>` and a mount element with `attributes`.
fn portal_page(head: &str, attributes: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}<title>Portal</title></head>\
         <body><h1>Phones</h1><div data-mobproc-widget {attributes}></div>\
         <script type=\"module\" src=\"loader.js\"></script></body></html>"
    )
}

/// Every check of the report, once it is in: (test id, status, text).
async fn checks(demo: &Demo) -> Vec<(String, String, String)> {
    demo.element("[data-testid=\"diagnostics-checks\"]").await;
    let mut checks = Vec::new();
    for item in demo.find_all_now("[data-testid^=\"check-\"]").await {
        let id = item.attr("data-testid").await.unwrap().unwrap_or_default();
        let status = item.attr("data-status").await.unwrap().unwrap_or_default();
        checks.push((id, status, item.text().await.unwrap()));
    }
    checks
}

fn find<'a>(checks: &'a [(String, String, String)], id: &str) -> &'a (String, String, String) {
    checks
        .iter()
        .find(|(test_id, _, _)| test_id == id)
        .unwrap_or_else(|| panic!("no {id} in {checks:#?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_portal_page_gets_each_of_its_faults_reported() {
    let demo = Demo::start_for_tenant("ACME", &[]).await;
    let site = demo.own_site().unwrap().to_owned();
    let port = demo.base.rsplit(':').next().unwrap().to_owned();
    // The API on another origin than the page (which the page's CSP does
    // not allow), a redirect URI nobody registered, and a bad setting.
    let config = serde_json::json!({
        "apiBaseUrl": format!("http://localhost:{port}/mobproc/v1"),
        "authorizationUrl": "/as/authorization.oauth2",
        "clientId": "mobproc-widget",
        "tenant": "ACME",
        "redirectUri": format!("{}/not-registered.html", demo.base),
        "tokenStorage": "cookie",
    });
    std::fs::write(site.join("broken-config.json"), config.to_string()).unwrap();
    let page = portal_page(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'; img-src 'self'\">",
        "data-config=\"broken-config.json\"",
    );
    std::fs::write(site.join("broken-portal.html"), page).unwrap();

    demo.open("/broken-portal.html?mobproc-diagnose").await;
    demo.look_inside_shadow_root_of(HOST);
    let checks = checks(&demo).await;
    demo.screenshot("diagnostics-broken").await;
    assert!(
        !demo.is_present("[data-testid=\"config-error\"]").await,
        "the report stands in for the widget"
    );

    // The failures come first.
    let statuses: Vec<&str> = checks
        .iter()
        .map(|(_, status, _)| status.as_str())
        .collect();
    let first_pass = statuses.iter().position(|s| *s == "pass").unwrap();
    assert!(
        statuses[..first_pass].contains(&"fail") && !statuses[first_pass..].contains(&"fail"),
        "{statuses:?}"
    );

    let (_, status, text) = find(&checks, "check-setting-tokenStorage");
    assert_eq!(status, "fail", "{text}");
    assert!(text.contains("\"cookie\""), "{text}");
    assert!(
        text.contains("broken-config.json"),
        "named after its file: {text}"
    );
    let (_, status, text) = find(&checks, "check-redirect-uri");
    assert_eq!(status, "fail", "{text}");
    assert!(text.contains("not-registered.html"), "{text}");
    assert!(text.contains("HTTP 400"), "{text}");
    let (_, status, text) = find(&checks, "check-csp-api");
    assert_eq!(status, "fail", "{text}");
    assert!(text.contains("connect-src 'self'"), "{text}");
    assert!(text.contains(&format!("http://localhost:{port}")), "{text}");
    let (_, status, text) = find(&checks, "check-csp-images");
    assert_eq!(status, "fail", "{text}");
    let (_, status, text) = find(&checks, "check-ping");
    assert_eq!(status, "fail", "{text}");
    // What works is said to work.
    for id in [
        "check-config-file",
        "check-setting-tenant",
        "check-csp-wasm",
        "check-storage",
    ] {
        let (_, status, text) = find(&checks, id);
        assert_eq!(status, "pass", "{id}: {text}");
    }
    let summary = demo.text_of("diagnostics-summary").await;
    let failed = statuses.iter().filter(|s| **s == "fail").count();
    assert!(summary.contains(&format!("Failed: {failed}.")), "{summary}");
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_healthy_portal_page_passes_every_check() {
    let demo = Demo::start_for_tenant("ACME", &[]).await;
    let site = demo.own_site().unwrap().to_owned();
    let page = portal_page("", "data-diagnose data-sign-in=\"popup\"");
    std::fs::write(site.join("healthy-portal.html"), page).unwrap();

    demo.open("/healthy-portal.html").await;
    demo.look_inside_shadow_root_of(HOST);
    let checks = checks(&demo).await;
    demo.screenshot("diagnostics-healthy").await;
    let not_passed: Vec<_> = checks
        .iter()
        .filter(|(_, status, _)| status != "pass")
        .collect();
    assert!(not_passed.is_empty(), "{not_passed:#?}");
    for id in [
        "check-config-file",
        "check-setting-tenant",
        "check-ping",
        "check-clock",
        "check-redirect-uri",
        "check-csp-script",
        "check-csp-wasm",
        "check-csp-files",
        "check-csp-api",
        "check-csp-images",
        "check-storage",
    ] {
        find(&checks, id);
    }
    let (_, _, ping) = find(&checks, "check-ping");
    assert!(ping.contains("ACME"), "{ping}");
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_whose_code_cannot_be_fetched_say_so() {
    let demo = Demo::start_for_tenant("ACME", &[]).await;
    let site = demo.own_site().unwrap().to_owned();
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("split_side_panels-") {
            std::fs::remove_file(&path).unwrap();
        }
    }

    demo.open("/portal.html?mobproc-diagnose").await;
    demo.look_inside_shadow_root_of(HOST);
    let error = demo.element("[data-testid=\"diagnostics-error\"]").await;
    assert_eq!(error.attr("role").await.unwrap().as_deref(), Some("alert"));
    let message = error.text().await.unwrap();
    assert!(message.contains("could not be loaded"), "{message}");
    assert!(!demo.is_present("[data-testid=\"sign-in-popup\"]").await);
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_diagnostics_their_code_is_not_fetched() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/portal.html").await;
    demo.look_inside_shadow_root_of(HOST);
    demo.element("[data-testid=\"sign-in-popup\"]").await;
    assert!(!demo.is_present("[data-testid=\"diagnostics\"]").await);
    let fetched = demo
        .browser
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.wasm'));",
            vec![],
        )
        .await
        .unwrap();
    let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
    assert!(
        fetched.iter().any(|name| name.contains("mobproc-widget-")),
        "{fetched:?}"
    );
    assert!(
        !fetched
            .iter()
            .any(|name| name.contains("split_side_panels")),
        "{fetched:?}"
    );
    demo.close().await;
}
