//! End to end in a real Chromium against the sandbox: the forms of the
//! order as a commercial checkout has them: a failed Continue focuses the
//! first wrong field at once and sums up what to fix, with a link to each
//! field; what the system knows is filled in; long free text is a text area.

mod support;

use support::{property, Demo};

/// Peter Edwards (ACME), signed in, at the details step of a plan-only
/// upgrade of his Verizon line.
async fn peter_at_the_details_step() -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.resize(1280, 900).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.plan_only_upgrade_to_the_details_step().await;
    demo
}

/// The texts of the error summary's links, in order.
async fn summary_links(demo: &Demo) -> Vec<String> {
    demo.element("[data-testid=\"error-summary\"]").await;
    let mut texts = Vec::new();
    for link in demo.find_all_now("[data-testid=\"error-summary\"] a").await {
        texts.push(link.text().await.unwrap().trim().to_owned());
    }
    texts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_continue_focuses_the_first_wrong_field_and_links_to_each() {
    let demo = peter_at_the_details_step().await;
    // The known numbers are filled in; emptied, they are wrong again.
    assert_eq!(
        demo.value_of("mobproc-property-CONTACT_NUMBER").await,
        "2035559999"
    );
    demo.erase("mobproc-property-CONTACT_NUMBER").await;
    demo.erase("mobproc-property-SERVICE_NUMBER").await;
    assert!(!demo.is_present("[data-testid=\"error-summary\"]").await);

    // One press: the first wrong field has the focus, the summary lists them all.
    demo.click_test_id("next").await;
    demo.wait_for_focus_on("mobproc-property-CONTACT_NUMBER")
        .await;
    assert_eq!(
        demo.attribute("[data-testid=\"error-summary-announcement\"]", "role")
            .await
            .as_deref(),
        Some("alert")
    );
    assert!(demo
        .text_of("error-summary")
        .await
        .starts_with("3 problems to fix"));
    assert_eq!(
        summary_links(&demo).await,
        [
            "Contact Phone Number: This is required.",
            "Service Number: This is required.",
            "Reason: This is required.",
        ]
    );
    assert_eq!(
        demo.attribute("#mobproc-property-CONTACT_NUMBER", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    demo.screenshot("forms-details-summary-1280").await;
    demo.resize(360, 780).await;
    assert!(!demo.overflows_horizontally().await);
    demo.screenshot("forms-details-summary-360").await;
    demo.resize(1280, 900).await;

    // Each link moves the focus to its field, the page's address untouched.
    demo.click("[data-testid=\"error-summary-mobproc-property-Reason\"]")
        .await;
    demo.wait_for_focus_on("mobproc-property-Reason").await;
    demo.click("[data-testid=\"error-summary-mobproc-property-SERVICE_NUMBER\"]")
        .await;
    demo.wait_for_focus_on("mobproc-property-SERVICE_NUMBER")
        .await;
    assert!(!demo.url().await.contains("#mobproc"));

    // Fixed, the summary goes.
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035550000")
        .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.wait_until_gone("[data-testid=\"error-summary\"]")
        .await;
    demo.click_test_id("next").await;

    // The same on the shipping step: the recipient first, then the address.
    demo.wait_for_step("shipping").await;
    demo.element("#mobproc-address-POSTAL_CODE").await;
    demo.erase("mobproc-ship-name").await;
    demo.click_test_id("next").await;
    demo.wait_for_focus_on("mobproc-ship-name").await;
    let links = summary_links(&demo).await;
    assert_eq!(links[0], "Recipient: This is required.");
    for id in ["LINE_1", "CITY", "STATE", "POSTAL_CODE"] {
        assert!(
            demo.is_present(&format!(
                "[data-testid=\"error-summary-mobproc-address-{id}\"]"
            ))
            .await,
            "{id} is listed: {links:?}"
        );
    }
    demo.click("[data-testid=\"error-summary-mobproc-address-STATE\"]")
        .await;
    demo.wait_for_focus_on("mobproc-address-STATE").await;
    demo.screenshot("forms-shipping-summary").await;
    demo.fill("mobproc-ship-name", "Peter Edwards").await;
    demo.fill_us_address().await;
    demo.wait_until_gone("[data-testid=\"error-summary\"]")
        .await;
    demo.click_test_id("next").await;
    demo.wait_for_step("review").await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035550000"),
        "what the user typed over the known number"
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn known_numbers_are_filled_in_and_long_text_is_a_text_area() {
    let demo = peter_at_the_details_step().await;
    // Peter's office phone and the line's number, still editable.
    assert_eq!(
        demo.value_of("mobproc-property-CONTACT_NUMBER").await,
        "2035559999"
    );
    assert_eq!(
        demo.value_of("mobproc-property-SERVICE_NUMBER").await,
        "2035557676"
    );
    assert_eq!(
        demo.attribute("#mobproc-property-CONTACT_NUMBER", "readonly")
            .await,
        None
    );

    // 4000 characters allowed: a text area, labelled and limited the same way.
    let instructions = demo
        .element("#mobproc-property-ADDITIONAL_INSTRUCTIONS")
        .await;
    assert_eq!(instructions.tag_name().await.unwrap(), "textarea");
    assert_eq!(
        instructions.attr("maxlength").await.unwrap().as_deref(),
        Some("4000")
    );
    assert!(
        demo.is_present("label[for=\"mobproc-property-ADDITIONAL_INSTRUCTIONS\"]")
            .await
    );
    let contact = demo.element("#mobproc-property-CONTACT_NUMBER").await;
    assert_eq!(contact.tag_name().await.unwrap(), "input");
    demo.fill(
        "mobproc-property-ADDITIONAL_INSTRUCTIONS",
        "Leave it at reception\nRing 4412",
    )
    .await;
    demo.choose("mobproc-property-Reason", "21").await;
    demo.click_test_id("next").await;
    demo.fill_us_address().await;
    demo.click_test_id("next").await;
    demo.wait_for_step("review").await;

    let order = demo.submit_and_read_back().await;
    assert_eq!(
        property(&order, "CONTACT_NUMBER").as_deref(),
        Some("2035559999")
    );
    assert_eq!(
        property(&order, "SERVICE_NUMBER").as_deref(),
        Some("2035557676")
    );
    assert_eq!(
        property(&order, "ADDITIONAL_INSTRUCTIONS").as_deref(),
        Some("Leave it at reception\nRing 4412")
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
