//! End to end in a real Chromium against the sandbox: the new order types
//! on the other backends — a line resumed on GLOBEX (Rivermine, Canada),
//! accessories bought on INITECH (Atlas, United Kingdom) — each ending with
//! the stored order checked field by field and the status shown.

mod support;

use support::{property, Demo};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rivermine_user_resumes_a_suspended_line() {
    let demo = Demo::start_for_tenant("GLOBEX", &[]).await;
    demo.open("/").await;
    demo.sign_in("chloe.tremblay").await;
    demo.click("label[for=\"mobproc-line-52000900\"]").await;
    demo.element("[data-testid=\"flow-choice\"]").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-flow-suspend\"]").await,
        "a suspended line can't be suspended"
    );
    demo.click("label[for=\"mobproc-flow-unsuspend\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "4165550123")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"no-charge\"]").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "UNSUSPEND");
    assert_eq!(order["serviceNumber"], "4165550900");
    assert_eq!(order["accountHolder"]["firstName"], "Chloe");
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("4165550123")
    );
    assert!(order.get("shipTo").is_none(), "nothing ships");
    demo.wait_for_text("order-line", "(416) 555-0900").await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_atlas_user_buys_accessories_shipped_in_the_uk() {
    let demo = Demo::start_for_tenant("INITECH", &[]).await;
    demo.open("/").await;
    demo.sign_in("oliver.bennett").await;
    demo.click("label[for=\"mobproc-line-512345_6000001\"]")
        .await;
    demo.element("[data-testid=\"flow-choice\"]").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-flow-suspend\"]").await,
        "Atlas takes no line care orders"
    );
    demo.click("label[for=\"mobproc-flow-order-accessories\"]")
        .await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("accessories").await;
    let more = "button[aria-label=\"One more Universal Car Vent Mount\"]";
    demo.click(more).await;
    demo.wait_until_gone("[data-testid=\"accessories-nothing\"]")
        .await;
    let total = demo.text_of("accessories-total").await;
    assert!(total.contains('£'), "priced in pounds: {total}");
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "07700900123")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("shipping").await;
    assert_eq!(demo.value_of("mobproc-ship-country").await, "70144642");
    demo.fill("mobproc-address-LINE_1", "1 Initech Way").await;
    demo.fill("mobproc-address-TOWN", "London").await;
    demo.fill("mobproc-address-POSTCODE", "SW1A 1AA").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    let onetime = demo.text_of("cost-onetime").await;
    assert!(onetime.starts_with('£'), "{onetime}");
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "ORDER_ACCESSORIES");
    let segment = &order["orderSegments"]["items"][0];
    let accessories = segment["accessories"].as_array().unwrap();
    assert_eq!(accessories.len(), 1);
    assert_eq!(accessories[0]["name"], "Universal Car Vent Mount");
    assert_eq!(accessories[0]["price"]["currencyCode"], "GBP");
    let town = order["shipTo"]["address"]
        .as_array()
        .unwrap()
        .iter()
        .find(|field| field["id"] == "TOWN")
        .map(|field| field["value"].clone());
    assert_eq!(town, Some("London".into()));
    demo.close().await;
}
