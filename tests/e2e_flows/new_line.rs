//! A new line, starting from where it will be used.

use super::support::{property, Demo};

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
    let order = demo.submit_and_read_back().await;
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
