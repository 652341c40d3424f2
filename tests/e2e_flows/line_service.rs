//! Orders on a line's service: suspending, resuming and cancelling it,
//! and transferring its number out to another carrier.

use super::support::property;
use super::{confirm_the_consequence, peter_chooses};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suspending_a_line_says_what_happens_and_costs_nothing() {
    let demo = peter_chooses("38382335", "suspend").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-PREFERRED_SUSPENSION_DATE", "12/22/2026")
        .await;
    demo.choose("mobproc-property-HOLD_SERVICE", "NO_HOLD")
        .await;
    demo.screenshot("suspend-details").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("review-order-kind", "Suspend the line")
        .await;
    demo.element("[data-testid=\"no-charge\"]").await;
    confirm_the_consequence(&demo, "(203) 555-4468").await;
    demo.screenshot("suspend-review").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "SUSPEND");
    assert_eq!(order["serviceNumber"], "2035554468");
    assert!(order.get("shipTo").is_none(), "nothing ships");
    assert_eq!(
        property(&order, "PREFERRED_SUSPENSION_DATE").as_deref(),
        Some("2026-12-22T00:00:00Z")
    );
    assert_eq!(property(&order, "HOLD_SERVICE").as_deref(), Some("NO_HOLD"));
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035559999")
    );
    demo.element("[data-testid=\"order-status\"]").await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_line_offers_to_resume_with_the_user_filled_in() {
    let demo = peter_chooses("38382336", "unsuspend").await;
    assert!(
        !demo.is_present("label[for=\"mobproc-flow-suspend\"]").await,
        "a suspended line can't be suspended"
    );
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    assert_eq!(
        demo.value_of("mobproc-property-USER").await,
        "peter.edwards.acme",
        "the sandbox fills in who asks"
    );
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.element("[data-testid=\"no-charge\"]").await;
    assert!(!demo.is_present("[data-testid=\"consequence\"]").await);
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "UNSUSPEND");
    assert_eq!(order["serviceNumber"], "2035554469");
    assert_eq!(
        property(&order, "USER").as_deref(),
        Some("peter.edwards.acme")
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_line_asks_for_a_reason_and_a_confirmation() {
    let demo = peter_chooses("31647891", "deactivate").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.choose("mobproc-property-Reason", "2").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    confirm_the_consequence(&demo, "(203) 555-1111").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "DEACTIVATE");
    assert_eq!(order["serviceNumber"], "2035551111");
    assert_eq!(property(&order, "Reason").as_deref(), Some("2"));
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taking_a_number_over_shows_the_carrier_s_terms_and_the_consequence() {
    let demo = peter_chooses("38382555", "transfer-out").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("acknowledgements").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035558888")
        .await;
    demo.fill(
        "mobproc-property-PERSONAL_EMAIL",
        "peter.edwards@example.com",
    )
    .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    confirm_the_consequence(&demo, "(203) 555-8888").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["transactionType"], "XFER_SERVICE_OUT");
    assert_eq!(order["serviceNumber"], "2035558888");
    assert_eq!(
        property(&order, "PERSONAL_EMAIL").as_deref(),
        Some("peter.edwards@example.com")
    );
    demo.close().await;
}
