//! End to end in a real Chromium against the sandbox: the example intranet
//! portal (`/portal.html`) embeds the widget in a shadow root, signs in by
//! popup, and hears the widget's events.

mod support;

use fantoccini::Locator;
use support::Demo;

/// The portal's element the widget mounts on.
const HOST: &str = "[data-mobproc-widget]";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_embeds_the_widget_in_a_shadow_root_and_hears_its_events() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/portal.html").await;
    let portal = demo.url().await;
    assert_eq!(
        demo.page_element("h1").await.text().await.unwrap(),
        "Mobile devices and plans"
    );

    // The widget is in the host's shadow root, not in the portal's DOM.
    demo.look_inside_shadow_root_of(HOST);
    demo.element("[data-testid=\"sign-in-popup\"]").await;
    assert!(
        demo.browser
            .find(Locator::Css("[data-testid=\"sign-in-popup\"]"))
            .await
            .is_err(),
        "the page's own DOM has no widget element"
    );
    assert_eq!(
        demo.find_all_now("[data-testid=\"sign-in-popup\"]")
            .await
            .len(),
        1
    );

    // The portal's heavy-handed CSS applies to the portal, not to the widget.
    let portal_font = demo
        .browser
        .execute(
            "return getComputedStyle(document.querySelector('h1')).fontFamily;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        portal_font.as_str().unwrap().contains("Georgia"),
        "the portal's CSS is in force: {portal_font}"
    );
    let font = demo
        .computed_style("[data-testid=\"sign-in-popup\"]", "font-family")
        .await;
    assert!(!font.contains("Georgia"), "{font}");
    let border = demo
        .computed_style("[data-testid=\"sign-in-popup\"]", "border-top-style")
        .await;
    assert_ne!(border, "dashed");
    demo.screenshot("portal-sign-in").await;

    // Signing in here is by popup.
    assert_eq!(
        demo.text_of("sign-in-popup").await,
        "Open sign-in in a new window"
    );
    demo.sign_in_with_popup("peter.edwards").await;
    assert_eq!(demo.url().await, portal, "the portal page stays");

    demo.fill_tutorial_order().await;
    let font = demo
        .computed_style("[data-testid=\"submit\"]", "font-family")
        .await;
    assert!(!font.contains("Georgia"), "{font}");
    // The portal themes the widget through its custom properties.
    let accent = demo
        .computed_style("[data-testid=\"submit\"]", "background-color")
        .await;
    assert_eq!(
        accent, "rgb(91, 42, 134)",
        "the portal's --mobproc-accent reaches the widget"
    );
    demo.screenshot("portal-review").await;
    demo.click_test_id("submit").await;

    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;
    demo.screenshot("portal-status").await;

    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored");
    let order = &orders[0];
    assert_eq!(order["orderId"], order_number);

    // The portal heard every event, in the page outside the widget.
    let ready = demo.portal_events("ready").await;
    assert_eq!(ready, [serde_json::json!({ "tenant": "ACME" })]);
    let steps: Vec<String> = demo
        .portal_events("step")
        .await
        .iter()
        .map(|e| e["step"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        steps,
        [
            "current-device",
            "device",
            "plan",
            "details",
            "shipping",
            "review",
            "status"
        ]
    );
    let confirmed = demo.portal_events("confirmed").await;
    assert_eq!(confirmed.len(), 1, "{confirmed:?}");
    let costs = confirmed[0]["costSummary"].as_array().unwrap();
    assert!(
        costs.iter().any(|c| c["recurrence"] == "ONETIME"
            && c["currency"] == "USD"
            && c["amount"].as_f64() == Some(199.99)),
        "{costs:?}"
    );
    let submitted = demo.portal_events("submitted").await;
    assert_eq!(submitted.len(), 1, "{submitted:?}");
    assert_eq!(submitted[0]["orderId"], order["orderId"]);
    assert_eq!(
        submitted[0]["externalOrderNumber"],
        order["externalOrderNumber"]
    );
    assert!(demo.portal_events("error").await.is_empty());

    let font = demo
        .computed_style("[data-testid=\"new-order\"]", "font-family")
        .await;
    assert!(!font.contains("Georgia"), "{font}");
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
