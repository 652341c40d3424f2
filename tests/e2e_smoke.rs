//! The built widget, served by the sandbox under its Content-Security-Policy,
//! starts in a real Chromium and reaches the API.

mod support;

use support::Demo;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_starts_under_the_csp_and_reaches_the_sandbox() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    let status = demo.text_of("connection").await;
    assert_eq!(status, "Connected to Premium Mobile for tenant ACME.");
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_setting_is_named_on_the_page() {
    let site = support::site_with_config(
        r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2", "clientId": "mobproc-widget"}"#,
    );
    let dir = site.path().to_owned();
    let demo = Demo::start(move |config| config.static_dir = Some(dir)).await;
    demo.open("/").await;
    let message = demo.text_of("config-error").await;
    assert_eq!(message, "The setting \"tenant\" is missing.");
    demo.close().await;
}
