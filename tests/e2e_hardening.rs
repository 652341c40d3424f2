//! Hardening, end to end: whatever fails, an order is placed exactly once,
//! nothing entered is lost, and the token goes nowhere it shouldn't.

mod support;

use std::time::Duration;

use mobproc_sandbox::faults::Faults;
use serde_json::json;
use support::Demo;

/// Signs Peter in and fills the tutorial's order up to the review step.
async fn to_review(demo: &Demo) {
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.fill_tutorial_order().await;
}

/// Sets the sandbox's faults, as `PUT /sandbox/admin/faults` takes them.
fn set_faults(demo: &Demo, faults: serde_json::Value) {
    let faults: Faults = serde_json::from_value(faults).unwrap();
    *demo.state.faults.write().unwrap() = faults.validated().unwrap();
}

/// The one stored order's id, after checking there is exactly one.
async fn the_one_order(demo: &Demo) -> String {
    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored");
    orders[0]["orderId"].as_str().unwrap().to_owned()
}

/// The status step shows the order, and it is the only one stored.
async fn shows_the_one_order(demo: &Demo) {
    demo.wait_for_step("status").await;
    assert_eq!(
        demo.text_of("order-number").await,
        the_one_order(demo).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_on_submit_places_one_order() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    demo.element("[data-testid=\"submit\"]:not([disabled])")
        .await;
    demo.browser
        .execute(
            "const b = arguments[0]; b.click(); b.click(); b.click(); return true;",
            vec![serde_json::to_value(demo.element("[data-testid=\"submit\"]").await).unwrap()],
        )
        .await
        .unwrap();
    demo.wait_for_step("status").await;
    let shown = demo.text_of("order-number").await;
    assert_eq!(shown, the_one_order(&demo).await);
    let posts = demo
        .state
        .observed
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == "/orders")
        .count();
    assert_eq!(posts, 1, "one submit reached the API");
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_is_found_by_external_order_number() {
    for mode in ["close", "500"] {
        let demo = Demo::start(|_| {}).await;
        to_review(&demo).await;
        set_faults(&demo, json!({ "dropAfterStore": mode }));
        demo.click_test_id("submit").await;
        demo.wait_for_step("status").await;
        assert_eq!(
            demo.text_of("order-number").await,
            the_one_order(&demo).await,
            "{mode:?}"
        );
        let lookups = demo
            .state
            .observed
            .requests()
            .into_iter()
            .filter(|r| r.path.starts_with("/orders?externalOrderNumber="))
            .count();
        assert_eq!(
            lookups, 1,
            "the widget looked before anything else ({mode:?})"
        );
        demo.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failure_before_the_order_is_stored_retries_once() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    set_faults(
        &demo,
        json!({ "fail": [{ "route": "POST /orders", "share": 1.0 }] }),
    );
    demo.click_test_id("submit").await;
    demo.element("[data-testid=\"error-code\"]").await;
    assert_eq!(demo.text_of("error-code").await, "500-injected-fault");
    assert!(demo.stored_orders().await.is_empty());
    set_faults(&demo, json!({}));
    demo.click_test_id("submit").await;
    shows_the_one_order(&demo).await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_submit_retries_once() {
    let site = support::site_with_config(
        r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2", "clientId": "mobproc-widget", "tenant": "ACME", "requestTimeoutSeconds": 2}"#,
    );
    let dir = site.path().to_owned();
    let demo = Demo::start(move |c| c.static_dir = Some(dir)).await;
    to_review(&demo).await;
    set_faults(&demo, json!({ "latencyMs": 4000 }));
    demo.click_test_id("submit").await;
    // The submit and the look-ups all time out: an error with a retry.
    demo.browser
        .wait()
        .at_most(Duration::from_secs(40))
        .for_element(fantoccini::Locator::Css("[data-testid=\"error\"]"))
        .await
        .unwrap();
    set_faults(&demo, json!({}));
    demo.click_test_id("submit").await;
    shows_the_one_order(&demo).await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_expiring_before_submit_signs_in_again_and_submits_once() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    demo.state
        .db
        .run(|c| Ok(c.execute("UPDATE oauth_tokens SET revoked = 1", [])?))
        .await
        .unwrap();
    let panels = demo.sign_in_panels_shown().await;
    demo.click_test_id("submit").await;
    // The sign-in session brings a new token back silently, without the
    // sign-in panel (once it is issued, the review shown is a fresh one).
    demo.poll("a second token", || async {
        (demo.access_tokens().await.len() == 2).then_some(())
    })
    .await;
    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"submit\"]:not([disabled])")
        .await;
    assert_eq!(
        demo.sign_in_panels_shown().await,
        panels,
        "nothing was asked"
    );
    assert!(
        demo.stored_orders().await.is_empty(),
        "the refused submit stored nothing"
    );
    demo.click_test_id("submit").await;
    shows_the_one_order(&demo).await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_during_review_keeps_the_draft_and_submits_once() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    demo.browser.refresh().await.unwrap();
    demo.element("[data-testid=\"draft-restored\"]").await;
    // The sandbox's sign-in session signs the user in again silently.
    demo.wait_for_step("review").await;
    assert_eq!(demo.sign_in_panels_shown().await, 0, "nothing was asked");
    demo.wait_for_text("cost-monthly", "$358.67").await;
    demo.click_test_id("submit").await;
    shows_the_one_order(&demo).await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_reads_are_retried_and_nothing_is_fetched_twice() {
    let demo = Demo::start(|_| {}).await;
    set_faults(
        &demo,
        json!({ "fail": [{ "route": "GET /catalog/plans*", "share": 0.5 }] }),
    );
    to_review(&demo).await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    the_one_order(&demo).await;
    let requests = demo.state.observed.requests();
    // Every second call to the plans fails: the list passes, the detail fails once.
    // (gloo-net ends a URL that has a query with '&'.)
    let plans: Vec<(&str, u16)> = requests
        .iter()
        .filter(|r| r.path.starts_with("/catalog/plans"))
        .map(|r| (r.path.trim_end_matches('&'), r.status))
        .collect();
    assert_eq!(
        plans,
        [
            ("/catalog/plans?limit=500", 200),
            ("/catalog/plans/6568886698", 500),
            ("/catalog/plans/6568886698", 200)
        ],
        "the failed read was sent again, once"
    );
    // `/ping` goes once per page load: before signing in, and after coming back.
    let mut reads: Vec<&str> = requests
        .iter()
        .filter(|r| r.method == "GET" && r.status == 200 && r.path != "/ping")
        .map(|r| r.path.as_str())
        .collect();
    reads.sort();
    let total = reads.len();
    reads.dedup();
    assert_eq!(
        reads.len(),
        total,
        "no GET answered twice: {:?}",
        requests.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_appears_in_no_url_no_storage_and_only_goes_to_the_api() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    let token: String = demo
        .state
        .db
        .run(|c| Ok(c.query_row("SELECT token FROM oauth_tokens WHERE kind = 'access' ORDER BY issued_at DESC LIMIT 1", [], |r| r.get(0))?))
        .await
        .unwrap();
    let url = demo.browser.current_url().await.unwrap().to_string();
    assert!(
        !url.contains(&token) && !url.contains("access_token"),
        "{url}"
    );
    let storage = demo
        .browser
        .execute("return JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie, history.length]);", vec![])
        .await
        .unwrap();
    assert!(
        !storage.as_str().unwrap().contains(&token),
        "the token is in storage: {storage}"
    );
    assert!(demo
        .state
        .observed
        .requests()
        .iter()
        .all(|r| !r.path.contains(&token)));
    assert!(demo
        .state
        .observed
        .requests()
        .iter()
        .filter(|r| r.path != "/ping")
        .all(|r| r.authorized));
    // Every request the page made went to its own origin (the API's here).
    let origins = demo
        .browser
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin);",
            vec![],
        )
        .await
        .unwrap();
    for origin in origins.as_array().unwrap() {
        assert_eq!(
            origin.as_str().unwrap(),
            demo.base,
            "a request left the API's origin"
        );
    }
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_order_runs_under_the_strict_csp_without_a_violation() {
    let demo = Demo::start(|_| {}).await;
    to_review(&demo).await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        demo.state.observed.csp_reports(),
        Vec::<mobproc_sandbox::observe::CspReport>::new()
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_answer_in_the_address_bar_is_refused_and_removed() {
    // (A real answer used twice is refused by the component tests: the state
    // is discarded on first use.)
    let demo = Demo::start(|_| {}).await;
    for answer in [
        "#access_token=forged-token&token_type=Bearer&expires_in=3600&state=made-up",
        "#access_token=forged-token&token_type=Bearer&expires_in=3600",
        "#error=access_denied&state=made-up",
    ] {
        demo.browser.goto("about:blank").await.unwrap();
        demo.open(&format!("/{answer}")).await;
        demo.element("[data-testid=\"sign-in-error\"]").await;
        let url = demo.browser.current_url().await.unwrap().to_string();
        assert!(
            !url.contains('#'),
            "the answer stayed in the address bar: {url}"
        );
        assert!(
            demo.state.observed.requests().iter().all(|r| !r.authorized),
            "nothing used the forged token"
        );
        // Refused, not looping: the widget stays, waiting for the user.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(demo
            .browser
            .current_url()
            .await
            .unwrap()
            .as_str()
            .starts_with(&demo.base));
    }
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
