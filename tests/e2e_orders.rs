//! End to end in a real Chromium against the sandbox: the variants of an
//! upgrade order (plan only, cross-carrier, Atlas device features,
//! Rivermine) and the form checks of the details and shipping steps.

mod support;

use serde_json::Value;
use support::{property, Demo};

/// Chooses the line `id` on the line step and continues.
async fn choose_line(demo: &Demo, id: &str) {
    demo.click(&format!("label[for=\"mobproc-line-{id}\"]"))
        .await;
    demo.click_test_id("next").await;
}

/// Peter Edwards (ACME, Premium Mobile), at the device step of his
/// Verizon line.
async fn peter_at_the_device_step() -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    choose_line(&demo, "38382349").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo
}

/// The only stored order.
async fn the_only_order(demo: &Demo) -> Value {
    let mut orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored: {orders:#?}");
    orders.remove(0)
}

/// The stored order's address values, in order.
fn address(order: &Value) -> Vec<String> {
    order["shipTo"]["address"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap().to_owned())
        .collect()
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn details_and_address_errors_are_shown_beside_their_fields_until_fixed() {
    let demo = peter_at_the_device_step().await;
    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    // Contact number emptied (it starts as Peter's office phone), a
    // service number with letters (a date can't be wrong: it is picked
    // from a calendar).
    demo.wait_for_step("details").await;
    assert_eq!(
        demo.value_of("mobproc-property-CONTACT_NUMBER").await,
        "2035559999"
    );
    demo.erase("mobproc-property-CONTACT_NUMBER").await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "20355X7676")
        .await;
    assert_eq!(
        demo.attribute("#mobproc-property-REQUESTED_DATE", "type")
            .await
            .as_deref(),
        Some("date")
    );
    demo.choose("mobproc-property-Reason", "21").await;
    for id in ["CONTACT_NUMBER", "SERVICE_NUMBER", "Reason"] {
        assert_eq!(
            demo.attribute(&format!("#mobproc-property-{id}"), "aria-invalid")
                .await
                .as_deref(),
            Some("false"),
            "no error for {id} before Continue"
        );
    }
    demo.click_test_id("next").await;

    demo.element("[data-testid=\"error-summary\"]").await;
    assert_eq!(demo.current_step().await.as_deref(), Some("details"));
    demo.wait_for_text("mobproc-property-CONTACT_NUMBER-error", "This is required.")
        .await;
    demo.wait_for_text("mobproc-property-SERVICE_NUMBER-error", "Enter 10 digits.")
        .await;
    for id in ["CONTACT_NUMBER", "SERVICE_NUMBER"] {
        let input = format!("#mobproc-property-{id}");
        assert_eq!(
            demo.attribute(&input, "aria-invalid").await.as_deref(),
            Some("true"),
            "{id}"
        );
        let described = demo
            .attribute(&input, "aria-describedby")
            .await
            .unwrap_or_default();
        assert!(
            described.contains(&format!("mobproc-property-{id}-error")),
            "{id} names its error for screen readers: {described:?}"
        );
    }
    assert_eq!(
        demo.attribute("#mobproc-property-Reason", "aria-invalid")
            .await
            .as_deref(),
        Some("false")
    );
    assert!(demo
        .element("[data-testid=\"mobproc-property-Reason-error\"]")
        .await
        .attr("hidden")
        .await
        .unwrap()
        .is_some());
    demo.screenshot("details-errors").await;

    // Each fix clears its own message.
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.poll("the contact number's error to go", || async {
        let error = demo
            .find_now("[data-testid=\"mobproc-property-CONTACT_NUMBER-error\"]")
            .await?;
        error.attr("hidden").await.ok()?.map(|_| ())
    })
    .await;
    assert_eq!(
        demo.attribute("#mobproc-property-CONTACT_NUMBER", "aria-invalid")
            .await
            .as_deref(),
        Some("false")
    );
    assert_eq!(
        demo.attribute("#mobproc-property-SERVICE_NUMBER", "aria-invalid")
            .await
            .as_deref(),
        Some("true"),
        "the others stay wrong"
    );
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.fill("mobproc-property-REQUESTED_DATE", "12/01/2026")
        .await;
    demo.wait_until_gone("[data-testid=\"error-summary\"]")
        .await;
    demo.click_test_id("next").await;

    // A postal code that is no ZIP code.
    demo.wait_for_step("shipping").await;
    demo.fill("mobproc-address-LINE_1", "35 Executive Blvd")
        .await;
    demo.fill("mobproc-address-CITY", "Orange").await;
    demo.choose("mobproc-address-STATE", "CT").await;
    demo.fill("mobproc-address-POSTAL_CODE", "ABCDE").await;
    demo.click_test_id("next").await;
    demo.wait_for_text(
        "mobproc-address-POSTAL_CODE-error",
        "Enter 5 digits, or 5 digits, a hyphen and 4 digits.",
    )
    .await;
    assert_eq!(
        demo.attribute("#mobproc-address-POSTAL_CODE", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(demo.current_step().await.as_deref(), Some("shipping"));
    demo.screenshot("shipping-error").await;
    demo.fill("mobproc-address-POSTAL_CODE", "06477-1234").await;
    demo.poll("the postal code's error to go", || async {
        let value = demo
            .find_now("#mobproc-address-POSTAL_CODE")
            .await?
            .attr("aria-invalid")
            .await
            .ok()??;
        (value == "false").then_some(())
    })
    .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-monthly", "$58.67").await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    let order = the_only_order(&demo).await;
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035559999")
    );
    assert_eq!(
        property(&order, "SERVICE_NUMBER").as_deref(),
        Some("2035557676")
    );
    assert_eq!(
        property(&order, "REQUESTED_DATE").as_deref(),
        Some("2026-12-01T00:00:00Z"),
        "a DATE goes as that day's UTC midnight"
    );
    assert_eq!(address(&order)[3], "06477-1234");
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
