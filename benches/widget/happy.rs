//! The happy path: a whole upgrade, as tests/e2e_upgrade.rs orders it,
//! with the requests it made and the confirmation body the review reuses.

use super::*;

pub(crate) struct Happy {
    pub(crate) requests: Value,
    /// The widget's draft at the shipping step: its head (the step, the
    /// line) and the whole of it.
    pub(crate) draft: (String, String),
    /// The body the widget POSTed to confirm.
    pub(crate) confirm_body: String,
}

/// Records the body of the widget's confirmation POST (only while walking
/// the happy path, never in a timed run).
pub(crate) const CONFIRM_SPY: &str = r#"
const original = window.fetch;
window.fetch = function (input, init) {
  if (input instanceof Request && input.method === "POST" && input.url.includes("confirm=true")) {
    input.clone().text().then((text) => { window.__mobprocBenchConfirm = text; });
  }
  return original.call(this, input, init);
};
return true;
"#;

pub(crate) async fn happy_path(demo: &Demo, session: &str) -> Happy {
    open(
        demo,
        "/",
        &[(SESSION_KEY, session)],
        "[data-testid=\"line\"]",
    )
    .await;
    demo.wait_for_step("line").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 5 (16GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713904\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.click("label[for=\"mobproc-feature-122\"]").await;
    demo.click("label[for=\"mobproc-feature-293\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("shipping").await;
    demo.fill("mobproc-address-LINE_1", "35 Executive Blvd")
        .await;
    demo.fill("mobproc-address-CITY", "Orange").await;
    demo.choose("mobproc-address-STATE", "CT").await;
    demo.fill("mobproc-address-POSTAL_CODE", "06477").await;
    demo.click("label[for=\"mobproc-expedite\"]").await;
    demo.wait_until_enabled("next", true).await;
    // The draft is written to sessionStorage by an effect: give it a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stored = |key: &'static str| async move {
        js(
            demo,
            &format!("return sessionStorage.getItem('{key}');"),
            vec![],
        )
        .await
        .as_str()
        .expect("the widget keeps its draft in sessionStorage")
        .to_owned()
    };
    let draft = (stored(DRAFT_KEY).await, stored(ORDER_DRAFT_KEY).await);
    js(demo, CONFIRM_SPY, vec![]).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    demo.wait_for_text("cost-monthly", "$558.67").await;
    let confirm_body = demo
        .poll("the confirmation body", || async {
            js(demo, "return window.__mobprocBenchConfirm || null;", vec![])
                .await
                .as_str()
                .map(str::to_owned)
        })
        .await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    demo.text_of("order-number").await;
    settle(demo).await;
    let requests = demo.state.observed.requests();
    let errors = demo.console_errors().await;
    if !errors.is_empty() {
        say(&format!("console errors on the happy path: {errors:?}"));
    }
    Happy {
        requests: request_summary(&requests),
        draft,
        confirm_body,
    }
}
