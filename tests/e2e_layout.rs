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
    demo.fill_tutorial_order_checking(async |demo, step| {
        fits(demo, &format!("phone-{step}")).await
    })
    .await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    demo.element("[data-testid=\"order-number\"]").await;
    fits(&demo, "phone-status").await;
    demo.resize(1280, 900).await;
    fits(&demo, "desktop-status").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_validation_error_fits_a_phone_too() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;
    demo.wait_for_step("details").await;
    demo.click_test_id("next").await;
    demo.element("[data-testid=\"error-summary\"]").await;
    fits(&demo, "phone-details-errors").await;
    demo.close().await;
}
