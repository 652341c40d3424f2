//! The layout holds from a 360 px phone to a desktop: no step is wider
//! than the window. Screenshots of each step land in target/screenshots.

mod support;

use support::Demo;

async fn fits(demo: &Demo, name: &str) {
    demo.screenshot(name).await;
    assert!(
        !demo.overflows_horizontally().await,
        "{name} is wider than the window"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_fits_a_360_pixel_phone() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    fits(&demo, "phone-0-sign-in").await;
    demo.sign_in("peter.edwards").await;
    fits(&demo, "phone-1-line").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    fits(&demo, "phone-2-current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 5 (16GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713904\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    fits(&demo, "phone-3-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.click("label[for=\"mobproc-feature-122\"]").await;
    fits(&demo, "phone-4-plan").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("details").await;
    demo.click_test_id("next").await;
    demo.element("[data-testid=\"details-errors\"]").await;
    fits(&demo, "phone-5-details-errors").await;
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
    fits(&demo, "phone-6-shipping").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"cost-summary\"]").await;
    fits(&demo, "phone-7-review").await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    demo.element("[data-testid=\"order-number\"]").await;
    fits(&demo, "phone-8-status").await;
    demo.resize(1280, 900).await;
    fits(&demo, "desktop-8-status").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
