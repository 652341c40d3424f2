//! Hostile data: a tenant whose every text the widget shows carries script
//! and markup payloads. A whole order goes through; no payload runs, the
//! text shows literally, the layout holds, and the CSP is never violated.

mod support;

use mobproc_sandbox::seed::hostile;
use support::Demo;

/// Whether any payload ran.
async fn pwned(demo: &Demo) -> bool {
    let value = demo
        .browser
        .execute("return window.__pwned !== undefined;", vec![])
        .await
        .unwrap();
    value.as_bool().unwrap_or(true)
}

async fn holds(demo: &Demo, name: &str) {
    demo.screenshot(&format!("hostile-{name}")).await;
    assert!(!pwned(demo).await, "a payload ran on {name}");
    assert!(
        !demo.overflows_horizontally().await,
        "{name} is wider than the window"
    );
}

/// The text of the whole page (light DOM).
async fn page_text(demo: &Demo) -> String {
    let value = demo
        .browser
        .execute("return document.body.innerText;", vec![])
        .await
        .unwrap();
    value.as_str().unwrap_or("").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_order_on_hostile_data_runs_nothing_and_shows_text_literally() {
    let site = support::site_with_config(&format!(
        r#"{{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2", "clientId": "mobproc-widget", "tenant": "{}"}}"#,
        hostile::TENANT
    ));
    let dir = site.path().to_owned();
    let demo = Demo::start(move |c| c.static_dir = Some(dir)).await;
    demo.open("/").await;
    demo.sign_in(hostile::USERNAME).await;
    demo.element(&format!(
        "label[for=\"mobproc-line-{}\"]",
        hostile::SERVICE_ID
    ))
    .await;
    holds(&demo, "line").await;
    assert!(
        page_text(&demo).await.contains(hostile::VENDOR_NAME),
        "the carrier's name shows as text"
    );

    demo.click(&format!(
        "label[for=\"mobproc-line-{}\"]",
        hostile::SERVICE_ID
    ))
    .await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    holds(&demo, "current-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.element("[data-testid=\"device-row\"]").await;
    holds(&demo, "device").await;
    let first = hostile::CATALOG[0];
    assert!(
        page_text(&demo).await.contains(first.name.unwrap()),
        "device names show as text"
    );
    demo.click(&format!("label[for=\"mobproc-device-{}\"]", first.id))
        .await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    holds(&demo, "device-chosen").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("[data-testid=\"plan\"] label").await;
    demo.element("[data-testid=\"plan-features\"]").await;
    holds(&demo, "plan").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    // The form is built once the carrier's properties are in (the note,
    // up to 200 characters, is a text area).
    let required_text = ":is(input, textarea)[aria-required=\"true\"]";
    demo.element(required_text).await;
    demo.element("select[aria-required=\"true\"]").await;
    for input in demo
        .browser
        .find_all(fantoccini::Locator::Css(required_text))
        .await
        .unwrap()
    {
        input.send_keys("Hostile but valid").await.unwrap();
    }
    for select in demo
        .browser
        .find_all(fantoccini::Locator::Css("select[aria-required=\"true\"]"))
        .await
        .unwrap()
    {
        let options = select
            .find_all(fantoccini::Locator::Css("option"))
            .await
            .unwrap();
        options[1].click().await.unwrap();
    }
    holds(&demo, "details").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("shipping").await;
    demo.fill("mobproc-address-LINE_1", "1 Safe Street").await;
    demo.fill("mobproc-address-CITY", "Springfield").await;
    demo.choose("mobproc-address-STATE", "IL").await;
    demo.fill("mobproc-address-POSTAL_CODE", "62701").await;
    holds(&demo, "shipping").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"cost-summary\"]").await;
    holds(&demo, "review").await;
    let review = page_text(&demo).await;
    assert!(
        review.contains(first.name.unwrap()),
        "the review shows the device's name literally"
    );
    assert!(
        review.contains(hostile::MALLORY_LAST_NAME),
        "the account holder's name shows literally"
    );
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    demo.element("[data-testid=\"order-number\"]").await;
    holds(&demo, "status").await;
    assert_eq!(demo.stored_orders().await.len(), 1);
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        demo.state.observed.csp_reports(),
        Vec::<mobproc_sandbox::observe::CspReport>::new(),
        "no CSP violation"
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
