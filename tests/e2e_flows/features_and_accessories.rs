//! Adding and removing a line's features, and buying accessories.

use super::peter_chooses;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn features_are_added_and_removed_with_the_monthly_change_shown() {
    let demo = peter_chooses("38382335", "update-features").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("features").await;
    // International Day Pass is on the line: untick it; add Call Forwarding.
    let day_pass = demo.element("#mobproc-feature-951").await;
    assert_eq!(
        day_pass.prop("checked").await.unwrap().as_deref(),
        Some("true")
    );
    demo.click("label[for=\"mobproc-feature-951\"]").await;
    demo.click("label[for=\"mobproc-feature-518\"]").await;
    demo.wait_for_text("feature-change-951", "Will be removed")
        .await;
    demo.wait_for_text("feature-change-518", "Will be added")
        .await;
    assert!(
        !demo.is_present("[data-testid=\"feature-change-88\"]").await,
        "an untouched feature has no change to say"
    );
    demo.fill("mobproc-feature-comment", "Please also add Caller ID")
        .await;
    demo.screenshot("features").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-monthly", "$5.00").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "UPDATE_FEATURES");
    let features: Vec<(String, String)> = order["orderSegments"]["items"][0]["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().to_owned(),
                f["action"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        features.contains(&("518".into(), "ADD".into())),
        "{features:?}"
    );
    assert!(
        features.contains(&("951".into(), "REMOVE".into())),
        "{features:?}"
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessories_are_bought_with_quantities_and_shipped() {
    let demo = peter_chooses("38382335", "order-accessories").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("accessories").await;
    demo.click_test_id("next").await;
    demo.element("[data-testid=\"accessories-nothing\"]").await;
    let more = "button[aria-label=\"One more Apple 20W USB-C Power Adapter\"]";
    demo.click(more).await;
    demo.click(more).await;
    demo.wait_for_text("accessories-total", "Accessories total: $37.98")
        .await;
    demo.screenshot("accessories").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$37.98").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "ORDER_ACCESSORIES");
    let accessories: Vec<&str> = order["orderSegments"]["items"][0]["accessories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        accessories,
        [
            "Apple 20W USB-C Power Adapter",
            "Apple 20W USB-C Power Adapter"
        ]
    );
    assert_eq!(order["shipTo"]["name"], "Peter Edwards");
    demo.close().await;
}
