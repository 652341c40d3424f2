//! The layout holds from a 360 px phone through a 768 px tablet to a
//! desktop: no step is wider than the window. Screenshots of each step land
//! in target/screenshots.

mod support;

use support::Demo;

async fn fits(demo: &Demo, name: &str) {
    demo.screenshot(name).await;
    assert!(
        !demo.overflows_horizontally().await,
        "{name} is wider than the window"
    );
}

/// Peter's whole upgrade in a `width` × `height` window, each step checked
/// to fit and its screenshot named `{name}-{step}`; the demo is left on the
/// status step.
async fn every_step_fits(width: u32, height: u32, name: &str) -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.resize(width, height).await;
    demo.open("/").await;
    fits(&demo, &format!("{name}-0-sign-in")).await;
    demo.sign_in("peter.edwards").await;
    demo.fill_tutorial_order_checking(async |demo, step| {
        fits(demo, &format!("{name}-{step}")).await
    })
    .await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    demo.element("[data-testid=\"order-number\"]").await;
    fits(&demo, &format!("{name}-status")).await;
    demo
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_fits_a_360_pixel_phone() {
    let demo = every_step_fits(360, 780, "phone").await;
    demo.resize(1280, 900).await;
    fits(&demo, "desktop-status").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_step_fits_a_768_pixel_tablet() {
    every_step_fits(768, 1024, "tablet").await.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_desktop_the_sign_in_panel_sits_in_the_middle_of_the_widget() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(1280, 900).await;
    demo.open("/").await;
    demo.element("section[aria-labelledby=\"mobproc-sign-in-title\"]")
        .await;
    fits(&demo, "desktop-0-sign-in").await;
    let offsets = demo
        .browser
        .execute(
            "const panel = document.querySelector('section[aria-labelledby=mobproc-sign-in-title]').getBoundingClientRect();
             const box = document.querySelector('[data-testid=widget]').getBoundingClientRect();
             return [panel.left - box.left, box.right - panel.right];",
            vec![],
        )
        .await
        .unwrap();
    let [left, right]: [f64; 2] = serde_json::from_value(offsets).unwrap();
    assert!(
        left > 100.0 && (left - right).abs() < 2.0,
        "as much room on each side: {left} / {right}"
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_validation_error_fits_a_phone_too() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.plan_only_upgrade_to_the_details_step().await;
    demo.click_test_id("next").await;
    demo.element("[data-testid=\"error-summary\"]").await;
    fits(&demo, "phone-details-errors").await;
    demo.close().await;
}

/// Names and carriers of the device rows drawn whose text does not fit
/// their box (cut or hidden).
async fn cut_device_texts(demo: &Demo) -> Vec<String> {
    let value = demo
        .browser
        .execute(
            "return [...document.querySelectorAll('[data-testid=device-name], [data-testid=device-meta]')]
                .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
                .map(e => e.textContent);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_device_rows_show_names_and_carriers_in_full_and_plans_open_with_their_features()
{
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.upgrade_peters_line_to_the_device_step().await;
    demo.fill("mobproc-device-search", "samsung galaxy").await;
    demo.element("[data-testid=\"device-name\"]").await;
    assert_eq!(cut_device_texts(&demo).await, Vec::<String>::new());
    fits(&demo, "phone-device-rows").await;
    // The line is on Verizon (CDMA): only CDMA devices at first; the
    // others, once asked for, say they need a plan of their network.
    let networks = demo
        .browser
        .execute(
            "return [...document.querySelectorAll('[data-testid=device-meta]')].map(e => e.textContent.split(' · ')[2]);",
            vec![],
        )
        .await
        .unwrap();
    let networks: Vec<String> = serde_json::from_value(networks).unwrap();
    assert!(
        !networks.is_empty() && networks.iter().all(|n| n == "CDMA"),
        "{networks:?}"
    );
    assert!(!demo.is_present("[data-testid=\"device-needs-plan\"]").await);
    demo.fill("mobproc-device-search", "galaxy s24 (256gb) - onyx black")
        .await;
    demo.wait_for_text("device-count", "No device matches. Try another search.")
        .await;
    // Not a dead end: the list says what other networks have, and shows it.
    demo.wait_for_text(
        "devices-elsewhere",
        "Devices for other networks that match: 1. They need a plan on their network. Show devices for other networks",
    )
    .await;
    demo.click_test_id("show-other-networks").await;
    demo.wait_for_text("device-count", "1 device").await;
    assert!(!demo.is_present("[data-testid=\"devices-elsewhere\"]").await);
    assert!(!demo
        .element("#mobproc-device-network-only")
        .await
        .is_selected()
        .await
        .unwrap());
    let meta = demo.text_of("device-meta").await;
    assert!(meta.contains("AT&T Mobility · GSM"), "{meta}");
    demo.wait_for_text("device-needs-plan", "needs a GSM plan")
        .await;
    demo.click("label[for=\"mobproc-device-9194713909\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    fits(&demo, "phone-chosen-device").await;
    demo.resize(1280, 900).await;
    demo.fill("mobproc-device-search", "").await;
    demo.element("[data-testid=\"device-name\"]").await;
    assert_eq!(cut_device_texts(&demo).await, Vec::<String>::new());

    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886494\"]").await;
    demo.element("[data-testid=\"plan-features\"]").await;
    let holder = demo
        .browser
        .execute(
            "const f = document.querySelector('[data-testid=plan-features]');
             return f.closest('[data-testid=plan]').querySelector('input').id;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        holder, "mobproc-plan-6568886494",
        "the features open inside the chosen plan"
    );
    fits(&demo, "desktop-plans").await;
    demo.close().await;
}
