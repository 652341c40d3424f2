//! End to end in a real Chromium against the sandbox: the orders that
//! start from a carrier — a company line ported to another carrier, a
//! personal number brought in on its own carrier or ported to a company
//! carrier — each ending with the stored order checked field by field.

mod support;

use support::{property, Demo};

/// Fills the details every transfer of a personal number asks for.
async fn fill_transfer_details(demo: &Demo) {
    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CARRIER_ACCT_NUMBER", "12345")
        .await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035558888")
        .await;
    demo.fill("mobproc-property-NAME_ON_INVOICE", "Peter Edwards")
        .await;
    demo.fill(
        "mobproc-property-PERSONAL_EMAIL",
        "peter.edwards@example.com",
    )
    .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035551212")
        .await;
}

/// Accepts the carrier's consents `ids`, after checking that going on
/// without them is refused.
async fn accept_the_consents(demo: &Demo, ids: &[&str]) {
    demo.wait_for_step("acknowledgements").await;
    demo.element(&format!("label[for=\"mobproc-ack-{}\"]", ids[0]))
        .await;
    demo.click_test_id("next").await;
    demo.element(&format!("#mobproc-ack-{}-error", ids[0]))
        .await;
    // The first box to tick has the focus; the summary links to each.
    demo.wait_for_focus_on(&format!("mobproc-ack-{}", ids[0]))
        .await;
    for id in ids {
        demo.element(&format!("[data-testid=\"error-summary-mobproc-ack-{id}\"]"))
            .await;
    }
    assert_eq!(
        demo.find_all_now("[data-testid=\"error-summary\"] a")
            .await
            .len(),
        ids.len()
    );
    assert_eq!(
        demo.current_step().await.as_deref(),
        Some("acknowledgements")
    );
    for id in ids {
        demo.click(&format!("label[for=\"mobproc-ack-{id}\"]"))
            .await;
    }
    demo.click_test_id("next").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_line_is_ported_to_another_carrier_with_a_device_that_works_there() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.choose_line_and_order("34415733", "port-number").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("carrier").await;
    demo.element("label[for=\"mobproc-carrier-97\"]").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-carrier-98\"]").await,
        "the line's own carrier is not offered"
    );
    demo.click_test_id("next").await;
    demo.element("[data-testid=\"carrier-error\"]").await;
    demo.click("label[for=\"mobproc-carrier-97\"]").await;
    demo.screenshot("carrier-port").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.wait_for_text("devices-caption", "Devices for AT&T Mobility")
        .await;
    demo.element("[data-testid=\"compatibility\"]").await;
    assert!(
        !demo
            .is_present("label[for=\"mobproc-device-37948999\"]")
            .await,
        "another carrier's device is not offered"
    );
    assert!(
        !demo.is_present("#mobproc-device-carrier").await,
        "one carrier: no carrier filter"
    );
    demo.fill("mobproc-device-search", "galaxy s24 (256gb) - onyx black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713909\"]").await;
    demo.wait_until_gone("[data-testid=\"compatibility\"]")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    assert!(
        !demo.is_present("#mobproc-keep-plan").await,
        "a port needs a plan"
    );
    assert!(
        !demo
            .is_present("label[for=\"mobproc-plan-123454111\"]")
            .await
    );
    demo.click("label[for=\"mobproc-plan-6568886494\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("region").await;
    demo.fill("mobproc-postal-code", "06477").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CARRIER_ACCT_NUMBER", "123456789")
        .await;
    demo.fill("mobproc-property-NAME_ON_INVOICE", "Peter Edwards")
        .await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559360")
        .await;
    demo.fill("mobproc-property-CURRENT_CARRIER", "Verizon Wireless")
        .await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$299.99").await;
    demo.wait_for_text("cost-monthly", "$85.00").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "PORT_NUMBER");
    assert_eq!(order["serviceNumber"], "5123440000");
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["vendor"]["name"], "AT&T Mobility");
    assert_eq!(
        segment["device"]["name"],
        "Samsung Galaxy S24 (256GB) - Onyx Black"
    );
    assert_eq!(segment["plan"]["name"], "AT&T Business Unlimited Elite");
    assert_eq!(
        property(&order, "CURRENT_CARRIER").as_deref(),
        Some("Verizon Wireless")
    );
    assert_eq!(order["shipTo"]["name"], "Peter Edwards");
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_personal_number_joins_the_company_on_its_own_carrier() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click_test_id("start-transfer-in").await;

    demo.wait_for_step("carrier").await;
    demo.element("[data-testid=\"carrier-not-listed\"]").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-carrier-111\"]").await,
        "a carrier without company plans is not offered"
    );
    demo.click("label[for=\"mobproc-carrier-888\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("region").await;
    demo.fill("mobproc-postal-code", "06484").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.wait_for_text("plans-caption", "Plans of Cricket Wireless")
        .await;
    assert_eq!(
        demo.find_all_now("[data-testid=\"plan\"]").await.len(),
        1,
        "only the number's carrier's plans"
    );
    demo.click("label[for=\"mobproc-plan-123454111\"]").await;
    // A reload loses nothing: the same step, carrier and plan.
    demo.wait_until_enabled("next", true).await;
    demo.reload().await;
    demo.wait_for_step("plan").await;
    demo.wait_for_text("plans-caption", "Plans of Cricket Wireless")
        .await;
    assert!(demo
        .element("#mobproc-plan-123454111")
        .await
        .is_selected()
        .await
        .unwrap());
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.click("label[for=\"mobproc-keep-device\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("accessories").await;
    demo.click_test_id("next").await;

    accept_the_consents(&demo, &["SHARED_PLAN", "LIABILITY_TRANSFER"]).await;
    fill_transfer_details(&demo).await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-monthly", "$55.00").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "XFER_SERVICE_IN");
    assert!(
        order.get("serviceNumber").is_none(),
        "not a company line yet"
    );
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["vendor"]["name"], "Cricket Wireless");
    assert_eq!(segment["plan"]["name"], "Cricket Business Unlimited");
    assert!(
        segment.get("device").is_none(),
        "the user keeps their device"
    );
    assert_eq!(
        property(&order, "SERVICE_NUMBER").as_deref(),
        Some("2035551212")
    );
    demo.close().await;
}

/// On a phone: the step is no wider than the window (a screenshot of it
/// lands in target/screenshots).
async fn fits_the_phone(demo: &Demo, step: &str) {
    demo.screenshot(&format!("phone-port-in-{step}")).await;
    assert!(
        !demo.overflows_horizontally().await,
        "{step} is wider than the window"
    );
}

/// Done on a 360 px phone, every step checked to fit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_personal_number_is_ported_to_a_company_carrier_on_a_new_device() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click_test_id("start-transfer-in-and-port").await;

    demo.wait_for_step("carrier").await;
    demo.click("label[for=\"mobproc-carrier-111\"]").await;
    fits_the_phone(&demo, "carrier").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("region").await;
    demo.fill("mobproc-postal-code", "06484").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.wait_for_text(
        "plans-caption",
        "Plans of carriers other than Metro by T-Mobile",
    )
    .await;
    demo.click("label[for=\"mobproc-plan-6568886494\"]").await;
    fits_the_phone(&demo, "plan").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    assert!(
        !demo.is_present("#mobproc-keep-device").await,
        "a ported number needs a device"
    );
    demo.element("[data-testid=\"device-required\"]").await;
    demo.wait_until_enabled("next", false).await;
    demo.fill("mobproc-device-search", "iphone 15 (128GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194791812\"]").await;
    demo.wait_until_enabled("next", true).await;
    fits_the_phone(&demo, "device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("accessories").await;
    demo.click_test_id("next").await;

    accept_the_consents(&demo, &["SHARED_PLAN", "TERMINATION_FEE"]).await;
    fill_transfer_details(&demo).await;
    demo.fill("mobproc-property-PIN_PASSWORD", "654321").await;
    demo.click_test_id("next").await;

    demo.fill_us_address().await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    fits_the_phone(&demo, "review").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "XFER_SERVICE_IN_AND_PORT");
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["vendor"]["name"], "AT&T Mobility");
    assert_eq!(segment["device"]["name"], "Apple iPhone 15 (128GB) - Black");
    assert_eq!(property(&order, "PIN_PASSWORD").as_deref(), Some("654321"));
    assert_eq!(order["shipTo"]["name"], "Peter Edwards");
    demo.close().await;
}
