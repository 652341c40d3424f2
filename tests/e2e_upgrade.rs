//! End to end in a real Chromium against the sandbox: whole upgrade orders.

mod support;

use support::Demo;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_plan_and_features_upgrade_on_premium_mobile() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("label[for=\"mobproc-line-38382349\"]").await;
    demo.screenshot("1-line").await;

    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("current-device").await;
    let serial = demo.element("#mobproc-existing-serial").await;
    assert_eq!(
        serial.prop("value").await.unwrap().as_deref(),
        Some("4289183847832")
    );
    demo.screenshot("2-current-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 5 (16GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713904\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.screenshot("3-device").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.click("label[for=\"mobproc-feature-122\"]").await;
    demo.click("label[for=\"mobproc-feature-293\"]").await;
    demo.screenshot("4-plan").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.screenshot("5-details").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("shipping").await;
    demo.fill("mobproc-address-LINE_1", "35 Executive Blvd")
        .await;
    demo.fill("mobproc-address-CITY", "Orange").await;
    demo.choose("mobproc-address-STATE", "CT").await;
    demo.fill("mobproc-address-POSTAL_CODE", "06477").await;
    demo.click("label[for=\"mobproc-expedite\"]").await;
    demo.screenshot("6-shipping").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    demo.wait_for_text("cost-monthly", "$558.67").await;
    demo.screenshot("7-review").await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    demo.screenshot("8-status").await;

    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored");
    let order = &orders[0];
    assert_eq!(order["orderId"], order_number);
    assert_eq!(order["serviceNumber"], "2035557676");
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["device"]["name"], "Apple iPhone 5 (16GB) - Black");
    assert_eq!(
        segment["plan"]["name"],
        "Nationwide for Business Talk Share Plan"
    );
    let features: Vec<&str> = segment["plan"]["optionalFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["description"].as_str().unwrap())
        .collect();
    assert_eq!(features, ["Roadside Assistance", "Voice Mail"]);
    assert_eq!(order["shipTo"]["name"], "Peter Edwards");
    assert_eq!(order["shipTo"]["expedite"], true);
    let address: Vec<&str> = order["shipTo"]["address"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap())
        .collect();
    assert_eq!(address, ["35 Executive Blvd", "Orange", "CT", "06477"]);
    let properties: Vec<(&str, &str)> = order["properties"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap(),
                f["text"].as_str().or(f["choice"]["id"].as_str()).unwrap(),
            )
        })
        .collect();
    assert!(
        properties.contains(&("CONTACT_NUMBER", "2035559999"))
            && properties.contains(&("Reason", "21")),
        "{properties:?}"
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
