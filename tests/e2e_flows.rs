//! End to end in a real Chromium against the sandbox: whole orders of the
//! flows other than the upgrade, each ending with the stored order checked
//! field by field and the status shown.

mod support;

use serde_json::Value;
use support::{property, Demo};

/// Signs in as Peter and chooses `line`, then `flow` among its orders.
async fn peter_chooses(line: &str, flow: &str) -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.choose_line_and_order(line, flow).await;
    demo
}

/// Submits from the review and returns the only stored order, once the
/// status step shows its number.
async fn submit_and_read_back(demo: &Demo) -> Value {
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    let number = demo.text_of("order-number").await;
    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored");
    assert_eq!(orders[0]["orderId"], number);
    orders[0].clone()
}

/// On a review that changes the number: it is said, and submitting waits
/// for the user to confirm they understood.
async fn confirm_the_consequence(demo: &Demo, number: &str) {
    let said = demo.text_of("consequence").await;
    assert!(said.contains(number), "{said}");
    demo.wait_until_enabled("submit", false).await;
    demo.click("label[for=\"mobproc-understood\"]").await;
    demo.wait_until_enabled("submit", true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suspending_a_line_says_what_happens_and_costs_nothing() {
    let demo = peter_chooses("38382335", "suspend").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-PREFERRED_SUSPENSION_DATE", "12/22/2026")
        .await;
    demo.choose("mobproc-property-HOLD_SERVICE", "NO_HOLD")
        .await;
    demo.screenshot("suspend-details").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("review-order-kind", "Suspend the line")
        .await;
    demo.element("[data-testid=\"no-charge\"]").await;
    confirm_the_consequence(&demo, "(203) 555-4468").await;
    demo.screenshot("suspend-review").await;
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "SUSPEND");
    assert_eq!(order["serviceNumber"], "2035554468");
    assert!(order.get("shipTo").is_none(), "nothing ships");
    assert_eq!(
        property(&order, "PREFERRED_SUSPENSION_DATE").as_deref(),
        Some("2026-12-22T00:00:00Z")
    );
    assert_eq!(property(&order, "HOLD_SERVICE").as_deref(), Some("NO_HOLD"));
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035559999")
    );
    demo.element("[data-testid=\"order-status\"]").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_line_offers_to_resume_with_the_user_filled_in() {
    let demo = peter_chooses("38382336", "unsuspend").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-flow-suspend\"]").await,
        "a suspended line can't be suspended"
    );
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    assert_eq!(
        demo.value_of("mobproc-property-USER").await,
        "peter.edwards.acme",
        "the sandbox fills in who asks"
    );
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"no-charge\"]").await;
    assert!(!demo.is_present("[data-testid=\"consequence\"]").await);
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "UNSUSPEND");
    assert_eq!(order["serviceNumber"], "2035554469");
    assert_eq!(
        property(&order, "USER").as_deref(),
        Some("peter.edwards.acme")
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_line_asks_for_a_reason_and_a_confirmation() {
    let demo = peter_chooses("31647891", "deactivate").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.choose("mobproc-property-Reason", "2").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    confirm_the_consequence(&demo, "(203) 555-1111").await;
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "DEACTIVATE");
    assert_eq!(order["serviceNumber"], "2035551111");
    assert_eq!(property(&order, "Reason").as_deref(), Some("2"));
    demo.close().await;
}

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
    let order = submit_and_read_back(&demo).await;
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
    let order = submit_and_read_back(&demo).await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taking_a_number_over_shows_the_carrier_s_terms_and_the_consequence() {
    let demo = peter_chooses("38382555", "transfer-out").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("acknowledgements").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035558888")
        .await;
    demo.fill(
        "mobproc-property-PERSONAL_EMAIL",
        "peter.edwards@example.com",
    )
    .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    confirm_the_consequence(&demo, "(203) 555-8888").await;
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "XFER_SERVICE_OUT");
    assert_eq!(order["serviceNumber"], "2035558888");
    assert_eq!(
        property(&order, "PERSONAL_EMAIL").as_deref(),
        Some("peter.edwards@example.com")
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_line_starts_from_where_it_will_be_used() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click_test_id("start-new-line").await;

    demo.wait_for_step("region").await;
    demo.click_test_id("next").await;
    demo.wait_for_text("mobproc-postal-code-error", "This is required.")
        .await;
    demo.wait_for_focus_on("mobproc-postal-code").await;
    assert_eq!(
        demo.text_of("error-summary-mobproc-postal-code").await,
        "ZIP code where you'll use the line: This is required."
    );
    demo.fill("mobproc-postal-code", "06477").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 15 (128GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194791812\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886494\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("accessories").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-PREFERRED_AREA_CODE", "203")
        .await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    demo.wait_for_text("cost-monthly", "$85.00").await;
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "NEW_ACTIVATION");
    assert!(order.get("serviceNumber").is_none(), "no line yet");
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["device"]["name"], "Apple iPhone 15 (128GB) - Black");
    assert_eq!(segment["plan"]["name"], "AT&T Business Unlimited Elite");
    assert_eq!(
        property(&order, "PREFERRED_AREA_CODE").as_deref(),
        Some("203")
    );
    demo.close().await;
}

/// The requests the sandbox stored with its orders, as JSON.
async fn stored_requests(demo: &Demo) -> Vec<Value> {
    demo.state
        .db
        .run(|c| {
            let mut statement = c.prepare("SELECT request FROM orders ORDER BY order_id")?;
            let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
            let mut out = Vec::new();
            for row in rows {
                out.push(serde_json::from_str(&row?)?);
            }
            Ok(out)
        })
        .await
        .unwrap()
}

/// Peter's AT&T line with his iPhone 11, at the new-device step of a swap,
/// its current device checked on the way.
async fn peter_swaps_his_iphone_11() -> Demo {
    let demo = peter_chooses("38382335", "swap-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    assert_eq!(
        demo.value_of("mobproc-existing-serial").await,
        "356938035643809"
    );
    assert_eq!(
        demo.value_of("mobproc-existing-sim").await,
        "89014103211118512335",
        "the SIM that moves comes from the line's device"
    );
    demo.click_test_id("next").await;
    demo.wait_for_step("new-device").await;
    demo
}

/// Fills the swap's details and goes to the review.
async fn swap_details(demo: &Demo) {
    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill(
        "mobproc-property-ADDITIONAL_INSTRUCTIONS",
        "Move the line before Friday",
    )
    .await;
    demo.click_test_id("next").await;
    demo.wait_for_step("review").await;
    demo.wait_for_text("review-order-kind", "Move the line to another device")
        .await;
    demo.element("[data-testid=\"no-charge\"]").await;
    assert!(!demo.is_present("[data-testid=\"consequence\"]").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_line_moves_to_another_device_of_the_employee() {
    let demo = peter_swaps_his_iphone_11().await;
    demo.click_test_id("next").await;
    // Nothing chosen: said in the summary, and focus on the way to fix it.
    demo.element("[data-testid=\"error-summary-mobproc-new-device-other\"]")
        .await;
    demo.wait_for_focus_on("mobproc-new-device-other").await;
    assert!(
        !demo
            .is_present("label[for=\"mobproc-new-device-35362555\"]")
            .await,
        "a device on another active line is not offered"
    );
    demo.click("label[for=\"mobproc-new-device-35369001\"]")
        .await;
    assert_eq!(
        demo.value_of("mobproc-new-serial").await,
        "123456789001230",
        "the spare's serial comes from its asset"
    );
    demo.screenshot("swap-new-device").await;
    demo.click_test_id("next").await;

    swap_details(&demo).await;
    demo.wait_for_text(
        "review-current-device",
        "Apple iPhone 11 · IMEI 356938035643809",
    )
    .await;
    demo.wait_for_text(
        "review-new-device",
        "Apple iPhone 6 (64GB) - Space Gray · IMEI 123456789001230",
    )
    .await;
    demo.screenshot("swap-review").await;
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "SWAP_DEVICES");
    assert_eq!(order["serviceNumber"], "2035554468");
    assert!(order.get("shipTo").is_none(), "nothing ships");
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035559999")
    );
    assert_eq!(
        property(&order, "ADDITIONAL_INSTRUCTIONS").as_deref(),
        Some("Move the line before Friday")
    );
    let request = &stored_requests(&demo).await[0];
    assert_eq!(request["serviceId"], "38382335");
    assert_eq!(
        request["existingDevice"],
        serde_json::json!({
            "manufacturerId": "Apple",
            "modelId": "iPhone 11",
            "serialNumber": {"type": "IMEI", "value": "356938035643809"},
            "simId": "89014103211118512335"
        })
    );
    assert_eq!(
        request["newDevice"],
        serde_json::json!({
            "manufacturerId": "Apple",
            "modelId": "iPhone 6 (64GB) - Space Gray",
            "serialNumber": {"type": "IMEI", "value": "123456789001230"}
        })
    );
    assert!(request.get("shoppingCart").is_none() && request.get("shipTo").is_none());
    demo.element("[data-testid=\"order-status\"]").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_not_listed_is_described_in_words_on_a_phone() {
    let demo = peter_swaps_his_iphone_11().await;
    demo.resize(360, 780).await;
    demo.click("label[for=\"mobproc-new-device-other\"]").await;
    demo.click_test_id("next").await;
    demo.wait_for_text("mobproc-new-make-model-error", "This is required.")
        .await;
    demo.wait_for_text(
        "mobproc-new-serial-error",
        "Enter 6 to 32 letters and digits.",
    )
    .await;
    demo.fill("mobproc-new-make-model", "Acme StarPhone 2000")
        .await;
    demo.choose("mobproc-new-serial-type", "MEID").await;
    demo.fill("mobproc-new-serial", "356938035643809").await;
    demo.wait_for_text(
        "mobproc-new-serial-error",
        "This is the device on the line now: enter the other device's serial number.",
    )
    .await;
    demo.screenshot("phone-swap-not-listed").await;
    assert!(!demo.overflows_horizontally().await, "fits a 360 px phone");
    demo.fill("mobproc-new-serial", "A1000021647599").await;
    demo.click_test_id("next").await;

    swap_details(&demo).await;
    demo.wait_for_text(
        "review-new-device",
        "Acme StarPhone 2000 · MEID A1000021647599",
    )
    .await;
    demo.screenshot("phone-swap-review").await;
    assert!(!demo.overflows_horizontally().await, "fits a 360 px phone");
    let order = submit_and_read_back(&demo).await;
    assert_eq!(order["transactionType"], "SWAP_DEVICES");
    let request = &stored_requests(&demo).await[0];
    assert_eq!(
        request["newDevice"],
        serde_json::json!({
            "manufacturerId": "Other",
            "modelId": "Other",
            "otherMakeModelName": "Acme StarPhone 2000",
            "serialNumber": {"type": "MEID", "value": "A1000021647599"}
        })
    );
    assert_eq!(
        request["existingDevice"]["serialNumber"]["value"],
        "356938035643809"
    );
    demo.element("[data-testid=\"order-status\"]").await;
    demo.close().await;
}
