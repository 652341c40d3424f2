//! Plan-only orders: an upgrade that keeps the device and ships a SIM,
//! and a Rivermine order with no current device that ships nothing.

use super::support::{property, Demo};
use super::{address, peter_at_the_device_step, the_only_order};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_only_upgrade_keeps_the_device_and_ships_a_sim() {
    let demo = peter_at_the_device_step().await;

    // Keeping the current device is where the device step starts.
    let keep = demo.element("#mobproc-keep-device").await;
    assert!(keep.is_selected().await.unwrap());
    assert!(!demo.is_present("[data-testid=\"chosen-device\"]").await);
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    assert!(
        demo.is_present("[data-testid=\"nothing-chosen\"]").await,
        "nothing is chosen yet"
    );
    assert!(!demo.is_enabled("next").await);
    demo.click("label[for=\"mobproc-plan-6568880002\"]").await;
    demo.element("[data-testid=\"plan-features\"]").await;
    demo.click("label[for=\"mobproc-feature-420\"]").await;
    assert!(!demo.is_present("[data-testid=\"compatibility\"]").await);
    demo.screenshot("plan-only-plan").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    // A plan-only order asks the plan's fields, not the device's.
    demo.wait_for_step("details").await;
    demo.element("#mobproc-property-PORT_BILLING_CYCLE").await;
    assert!(!demo.is_present("#mobproc-property-DEVICE_PROTECTION").await);
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.choose("mobproc-property-PORT_BILLING_CYCLE", "2")
        .await;
    demo.click_test_id("next").await;

    // Premium Mobile ships a SIM with a new plan.
    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-monthly", "$47.99").await;
    assert!(
        !demo.is_present("[data-testid=\"cost-onetime\"]").await,
        "nothing is bought once"
    );
    assert!(!demo.is_present("[data-testid=\"review-device\"]").await);
    let plan = demo.text_of("review-plan").await;
    assert!(plan.contains("Verizon Business Data Share 10GB"), "{plan}");
    assert!(plan.contains("Visual Voicemail"), "{plan}");
    demo.element("[data-testid=\"review-ship-to\"]").await;
    demo.screenshot("plan-only-review").await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    let order = the_only_order(&demo).await;
    assert_eq!(order["orderId"], order_number);
    let segments = order["orderSegments"]["items"].as_array().unwrap();
    assert_eq!(segments.len(), 1);
    let segment = &segments[0];
    assert!(segment["device"].is_null(), "no device: {segment}");
    assert_eq!(segment["plan"]["name"], "Verizon Business Data Share 10GB");
    assert_eq!(segment["vendor"]["id"], "98");
    let features: Vec<&str> = segment["plan"]["optionalFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["description"].as_str().unwrap())
        .collect();
    assert_eq!(features, ["Visual Voicemail"]);
    assert_eq!(order["shipTo"]["name"], "Peter Edwards");
    assert_eq!(
        address(&order),
        ["35 Executive Blvd", "Orange", "CT", "06477"]
    );
    assert_eq!(property(&order, "PORT_BILLING_CYCLE").as_deref(), Some("2"));
    assert_eq!(property(&order, "DEVICE_PROTECTION"), None);
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rivermine_plan_only_order_has_no_current_device_and_ships_nothing() {
    let demo = Demo::start_for_tenant("GLOBEX", &[]).await;
    demo.open("/").await;
    demo.sign_in("chloe.tremblay").await;
    // Before a line is chosen, the order's steps are not known yet.
    demo.wait_for_text(
        "step-position",
        "Step 1 · Line · the next steps depend on your choice",
    )
    .await;
    demo.element("[data-testid=\"stepper-later\"]").await;
    demo.click("label[for=\"mobproc-line-52000101\"]").await;
    demo.wait_for_text("step-position", "Step 1 of 7 · Line")
        .await;
    assert!(!demo.is_present("[data-testid=\"stepper-later\"]").await);
    let steps = demo.element("nav[aria-label=\"Order steps\"]").await;
    let names = steps.text().await.unwrap();
    assert!(!names.contains("Current device"), "{names}");
    // Shipping keeps its place (the count stays), not needed while nothing ships.
    assert!(names.contains("Shipping\nnot needed"), "{names}");

    // The line's next step is the new device: Rivermine takes no existing device.
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6610000003\"]").await;
    demo.element("[data-testid=\"plan-features\"]").await;
    demo.wait_until_enabled("next", true).await;
    assert_eq!(
        demo.text_of("step-position").await,
        "Step 3 of 7 · New plan"
    );
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "5145550123")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "5145550101")
        .await;
    demo.choose("mobproc-property-LANGUAGE", "FR").await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.screenshot("rivermine-details").await;
    demo.click_test_id("next").await;

    // Nothing ships: straight to the review.
    demo.wait_for_step("review").await;
    let names = demo
        .element("nav[aria-label=\"Order steps\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(names.contains("Shipping\nnot needed"), "{names}");
    demo.wait_for_text("cost-monthly", "CA$37.00").await;
    assert!(!demo.is_present("[data-testid=\"cost-onetime\"]").await);
    assert!(!demo.is_present("[data-testid=\"review-ship-to\"]").await);
    demo.screenshot("rivermine-review").await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    let order = the_only_order(&demo).await;
    assert_eq!(order["orderId"], order_number);
    assert!(order["shipTo"].is_null(), "no shipTo: {}", order["shipTo"]);
    let segment = &order["orderSegments"]["items"][0];
    assert!(segment["device"].is_null());
    assert_eq!(segment["plan"]["name"], "Bell Business Talk & Text");
    assert_eq!(property(&order, "LANGUAGE").as_deref(), Some("FR"));
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
