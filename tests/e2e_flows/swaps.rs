//! Moving a line to another device: one of the employee's, or one not
//! listed, described in words.

use super::peter_chooses;
use super::support::{property, Demo};

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
    let order = demo.submit_and_read_back().await;
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
    let request = &demo.stored_requests().await[0];
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
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "SWAP_DEVICES");
    let request = &demo.stored_requests().await[0];
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
