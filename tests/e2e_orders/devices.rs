//! Choosing the new device: a plan of another network needs a device of
//! that network, an Atlas device needs its colour and storage, and the
//! catalog draws only the rows in view.

use super::support::{property, Demo};
use super::{address, choose_line, peter_at_the_device_step, the_only_order};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_of_another_network_needs_a_device_of_that_network() {
    let demo = peter_at_the_device_step().await;
    demo.click_test_id("next").await;

    // An AT&T (GSM) plan for a Verizon (CDMA) phone: not without a new device.
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568880006\"]").await;
    let warning = demo.text_of("compatibility").await;
    assert!(
        warning.contains("This plan runs on a GSM network, and your current device cannot use it."),
        "{warning}"
    );
    assert!(
        !demo.is_enabled("next").await,
        "Continue waits for a GSM device"
    );
    demo.screenshot("cross-carrier-warning").await;
    let warning = demo.element("[data-testid=\"compatibility\"]").await;
    assert_eq!(
        warning.attr("role").await.unwrap().as_deref(),
        Some("alert")
    );
    let choose_device = warning
        .find(fantoccini::Locator::Css("button"))
        .await
        .unwrap();
    assert_eq!(choose_device.text().await.unwrap(), "Choose a device");
    choose_device.click().await.unwrap();

    // The device step says the same until a GSM device is chosen.
    demo.wait_for_step("device").await;
    demo.element("[data-testid=\"compatibility\"]").await;
    demo.fill("mobproc-device-search", "iphone 11 (128GB) - blue")
        .await;
    let row = demo
        .element("label[for=\"mobproc-device-9026368311\"]")
        .await;
    let meta = row.text().await.unwrap();
    assert!(meta.contains("AT&T Mobility · GSM"), "{meta}");
    row.click().await.unwrap();
    demo.wait_for_text("chosen-device-price", "$659.99").await;
    demo.wait_until_gone("[data-testid=\"compatibility\"]")
        .await;
    demo.screenshot("cross-carrier-device").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    // Back on the plan: the AT&T plan is still chosen, and now it fits.
    demo.wait_for_step("plan").await;
    assert!(demo
        .element("#mobproc-plan-6568880006")
        .await
        .is_selected()
        .await
        .unwrap());
    assert!(!demo.is_present("[data-testid=\"compatibility\"]").await);
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    // AT&T's order properties: a required cost center in its own format.
    demo.wait_for_step("details").await;
    let label = demo
        .element("label[for=\"mobproc-property-COST_CENTER\"]")
        .await;
    assert!(label.text().await.unwrap().starts_with("Cost Center"));
    let hint = demo.element("#mobproc-property-COST_CENTER-hint").await;
    assert_eq!(hint.text().await.unwrap(), "AA-9999");
    assert_eq!(
        demo.attribute("#mobproc-property-COST_CENTER", "aria-required")
            .await
            .as_deref(),
        Some("true")
    );
    demo.element("#mobproc-property-INSURANCE").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.fill("mobproc-property-COST_CENTER", "AA-9999").await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.screenshot("cross-carrier-details").await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$659.99").await;
    demo.wait_for_text("cost-monthly", "$37.00").await;
    let device = demo.text_of("review-device").await;
    assert!(
        device.contains("Apple iPhone 11 (128GB) - Blue"),
        "{device}"
    );
    let plan = demo.text_of("review-plan").await;
    assert!(plan.contains("AT&T Business Essentials 5GB"), "{plan}");
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    let order = the_only_order(&demo).await;
    assert_eq!(order["orderId"], order_number);
    let segments = order["orderSegments"]["items"].as_array().unwrap();
    assert_eq!(
        segments.len(),
        1,
        "device and plan of one carrier: one segment"
    );
    let segment = &segments[0];
    assert_eq!(segment["vendor"]["id"], "97");
    assert_eq!(segment["device"]["name"], "Apple iPhone 11 (128GB) - Blue");
    assert_eq!(segment["device"]["price"]["amount"].as_f64(), Some(659.99));
    assert_eq!(segment["plan"]["name"], "AT&T Business Essentials 5GB");
    assert_eq!(property(&order, "COST_CENTER").as_deref(), Some("AA-9999"));
    assert_eq!(
        property(&order, "SERVICE_NUMBER").as_deref(),
        Some("2035557676")
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_atlas_device_needs_its_colour_and_storage_and_storage_costs_more() {
    let demo = Demo::start_for_tenant("INITECH", &[]).await;
    demo.open("/").await;
    demo.sign_in("oliver.bennett").await;
    choose_line(&demo, "512345_6000001").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 15").await;
    demo.click("label[for=\"mobproc-device-300100_7778001\"]")
        .await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.wait_for_text("chosen-device-price", "£799.00").await;
    demo.element("[data-testid=\"feature-COLOUR\"]").await;
    demo.element("[data-testid=\"feature-STORAGE\"]").await;
    assert!(
        !demo.is_enabled("next").await,
        "colour and storage are required"
    );

    demo.click("label[for=\"mobproc-feature-COLOUR-COL_BLUE\"]")
        .await;
    assert!(demo
        .element("#mobproc-feature-COLOUR-COL_BLUE")
        .await
        .is_selected()
        .await
        .unwrap());
    assert!(!demo.is_enabled("next").await, "storage is still required");
    demo.wait_for_text("chosen-device-price", "£799.00").await;

    let storage = demo
        .element("label[for=\"mobproc-feature-STORAGE-STO_256\"]")
        .await;
    assert_eq!(storage.text().await.unwrap(), "256GB (+£100.00)");
    storage.click().await.unwrap();
    demo.wait_for_text("chosen-device-price", "£899.00").await;
    demo.wait_until_enabled("next", true).await;
    demo.screenshot("atlas-device").await;
    demo.click_test_id("next").await;

    // Keep the plan.
    demo.wait_for_step("plan").await;
    assert!(demo
        .element("#mobproc-keep-plan")
        .await
        .is_selected()
        .await
        .unwrap());
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-PO_NUMBER", "PO-778899").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "07700900123")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.choose("mobproc-property-DATA_WIPE", "Y").await;
    demo.click_test_id("next").await;

    // A UK company's address starts in the United Kingdom, with its format.
    demo.wait_for_step("shipping").await;
    demo.element("#mobproc-address-TOWN").await;
    assert_eq!(demo.value_of("mobproc-ship-country").await, "70144642");
    assert!(!demo.is_present("#mobproc-address-STATE").await);
    demo.fill("mobproc-address-LINE_1", "1 Initech Way").await;
    demo.fill("mobproc-address-TOWN", "London").await;
    demo.fill("mobproc-address-POSTCODE", "SW1A 1AA").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "£899.00").await;
    assert!(
        !demo.is_present("[data-testid=\"cost-monthly\"]").await,
        "the plan is kept: nothing monthly is added"
    );
    let device = demo.text_of("review-device").await;
    assert!(device.contains("Apple iPhone 15"), "{device}");
    assert!(device.contains("Colour: Blue"), "{device}");
    assert!(device.contains("Storage: 256GB (+£100.00)"), "{device}");
    demo.screenshot("atlas-review").await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    let order = the_only_order(&demo).await;
    assert_eq!(order["orderId"], order_number);
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["device"]["name"], "Apple iPhone 15");
    assert_eq!(segment["device"]["price"]["amount"].as_f64(), Some(899.0));
    assert_eq!(segment["device"]["price"]["currencyCode"], "GBP");
    assert!(segment["plan"].is_null());
    assert_eq!(address(&order), ["1 Initech Way", "London", "SW1A 1AA"]);
    assert_eq!(property(&order, "PO_NUMBER").as_deref(), Some("PO-778899"));
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

/// The device list's scroll position, how many rows are drawn, and the
/// position of the first one.
async fn device_list_state(demo: &Demo) -> (f64, usize, f64) {
    let value = demo
        .browser
        .execute(
            "const list = document.querySelector('[data-testid=device-list]');
             const rows = [...list.querySelectorAll('[data-testid=device-row]')];
             return [list.scrollTop, rows.length, Math.min(...rows.map(r => parseFloat(r.style.top)))];",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_draws_only_the_rows_in_view_and_a_new_search_starts_at_the_top() {
    let demo = peter_at_the_device_step().await;
    // The whole catalog, not only the line's network.
    demo.click("label[for=\"mobproc-device-network-only\"]")
        .await;
    demo.wait_for_text("device-count", "5683 devices").await;

    // Far down the 5,680 devices: only the rows around the view are drawn.
    demo.browser
        .execute(
            "document.querySelector('[data-testid=device-list]').scrollTop = 200000;",
            vec![],
        )
        .await
        .unwrap();
    let (scrolled, drawn, first) = demo
        .poll("the rows at the scroll position", || async {
            let state = device_list_state(&demo).await;
            (state.2 > 190_000.0).then_some(state)
        })
        .await;
    assert!(scrolled > 190_000.0, "{scrolled}");
    assert!(drawn < 30, "{drawn} rows drawn for a view of about 5");
    assert!(
        first <= scrolled,
        "the first drawn row is at or above the view"
    );

    // A new search shows its first results, from the top of the list.
    demo.fill("mobproc-device-search", "galaxy").await;
    let (top, _, first) = demo
        .poll("the list back at the top", || async {
            let state = device_list_state(&demo).await;
            (state.0 == 0.0 && state.2 == 0.0).then_some(state)
        })
        .await;
    assert_eq!((top, first), (0.0, 0.0));
    let name = demo.text_of("device-row").await;
    assert!(name.to_lowercase().contains("galaxy"), "{name}");
    demo.close().await;
}

/// The device list is measured in the frame after it is drawn. Leaving the
/// step before that frame (here, with frames held back by a second) must
/// not touch the step's state once it is gone: it did, the widget panicked
/// and stopped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_device_step_before_its_list_is_measured_is_safe() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    choose_line(&demo, "38382349").await;
    demo.wait_for_step("current-device").await;
    let late_frames = "const frame = window.requestAnimationFrame.bind(window); \
                       window.requestAnimationFrame = (f) => setTimeout(() => frame(f), 1000); return true;";
    demo.browser.execute(late_frames, vec![]).await.unwrap();
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.element("[data-testid=\"device-list\"]").await;
    // Keeping the current device: on to the plan at once.
    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    // And the widget still answers.
    demo.click("label[for=\"mobproc-plan-6568880002\"]").await;
    demo.element("[data-testid=\"plan-features\"]").await;
    demo.close().await;
}
