//! The built widget, served by the sandbox under its Content-Security-Policy,
//! starts in a real Chromium and reaches the API; its pages (and the
//! sandbox's sign-in page) load with their icon and log no error.

mod support;

use support::Demo;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_starts_under_the_csp_and_reaches_the_sandbox() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    let heading = demo.element("#mobproc-sign-in-title").await;
    assert_eq!(heading.text().await.unwrap(), "Sign in to order");
    // The widget asked the API which backend the tenant runs on.
    for _ in 0..50 {
        if demo
            .state
            .observed
            .requests()
            .iter()
            .any(|r| r.path == "/ping" && r.status == 200)
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(demo
        .state
        .observed
        .requests()
        .iter()
        .any(|r| r.path == "/ping" && r.status == 200));
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_and_sign_in_pages_load_with_an_icon_and_no_console_error() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.element("#mobproc-sign-in-title").await;
    assert_eq!(demo.page_icon().await, "loaded", "the demo page's icon");
    assert_eq!(demo.browser_errors().await, Vec::<String>::new());
    assert_eq!(demo.console_errors().await, Vec::<String>::new());

    demo.click_test_id("sign-in").await;
    demo.page_element("#username").await;
    assert_eq!(demo.page_icon().await, "loaded", "the sign-in page's icon");
    assert_eq!(demo.browser_errors().await, Vec::<String>::new());
    assert!(demo.state.observed.csp_reports().is_empty());
    demo.close().await;
}
