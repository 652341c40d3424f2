//! The form checks of the details and shipping steps: each error shown
//! beside its field until it is fixed.

use super::support::property;
use super::{address, peter_at_the_device_step, the_only_order};

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
