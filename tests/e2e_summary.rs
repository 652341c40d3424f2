//! The order summary beside the steps and the step indicator's one row:
//! what they show as an order goes, from a 360 px phone to a desktop.
//! Screenshots land in target/screenshots (`summary-*`).

mod support;

use support::Demo;

/// The rectangle of the first element matching `css`: `[left, top, width, height]`.
async fn rect(demo: &Demo, css: &str) -> [f64; 4] {
    let value = demo
        .browser
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.width, r.height];",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// The tops of the step indicator's items.
async fn step_tops(demo: &Demo) -> Vec<f64> {
    let value = demo
        .browser
        .execute(
            "return [...document.querySelectorAll('[data-testid=stepper-item]')].map(e => e.getBoundingClientRect().top);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn is_shown(demo: &Demo, test_id: &str) -> bool {
    demo.element(&format!("[data-testid=\"{test_id}\"]"))
        .await
        .is_displayed()
        .await
        .unwrap()
}

async fn wait_for_text_containing(demo: &Demo, test_id: &str, part: &str) {
    demo.poll(&format!("{test_id} to contain {part:?}"), || async {
        let element = demo
            .find_now(&format!("[data-testid=\"{test_id}\"]"))
            .await?;
        element.text().await.ok().filter(|t| t.contains(part))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summary_follows_an_upgrade_beside_the_steps_and_shows_the_confirmed_totals() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(1280, 900).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.fill_tutorial_order_checking(async |demo, step| {
        match step {
            // Nothing is chosen yet on the first step: no summary.
            "line" => assert!(!demo.is_present("[data-testid=\"order-summary\"]").await),
            "current-device" => {
                demo.wait_for_text("summary-kind", "Upgrade the device or plan")
                    .await;
                assert!(!demo.text_of("summary-line").await.is_empty());
                // A second column, right of the step, its button not needed.
                let summary = rect(demo, "[data-testid=order-summary]").await;
                let step = rect(demo, "[data-step]").await;
                assert!(summary[0] > step[0] + step[2] - 1.0, "{summary:?} {step:?}");
                assert!(!is_shown(demo, "order-summary-toggle").await);
                assert!(is_shown(demo, "order-summary-body").await);
            }
            "device" => {
                wait_for_text_containing(demo, "summary-device", "iPhone 5").await;
                wait_for_text_containing(demo, "summary-device", "$199.99").await;
                wait_for_text_containing(demo, "summary-onetime", "$199.99").await;
                demo.wait_for_text(
                    "summary-note",
                    "Catalog prices: the total is confirmed on review.",
                )
                .await;
                demo.screenshot("summary-1280-device").await;
            }
            "plan" => {
                wait_for_text_containing(demo, "summary-plan", "/month").await;
                wait_for_text_containing(demo, "summary-feature", "/month").await;
                assert!(demo.is_present("[data-testid=\"summary-monthly\"]").await);
            }
            "shipping" => {
                wait_for_text_containing(demo, "summary-ship-to", "Orange").await;
            }
            "review" => {
                // The review's confirmation, not the catalog's prices.
                wait_for_text_containing(demo, "summary-onetime", "$199.99").await;
                wait_for_text_containing(demo, "summary-monthly", "$358.67").await;
                demo.wait_for_text("summary-note", "Totals confirmed on review.")
                    .await;
                demo.screenshot("summary-1280-review").await;
            }
            _ => {}
        }
    })
    .await;
    // Back to the plan: the totals are no longer the confirmed ones.
    demo.click_button("New plan").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-feature-122\"]").await;
    demo.wait_for_text(
        "summary-note",
        "Catalog prices: the total is confirmed on review.",
    )
    .await;
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_summary_is_a_closed_panel_on_top_that_opens_from_the_keyboard() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.fill_tutorial_order_checking(async |demo, step| {
        if step == "line" {
            demo.screenshot("summary-360-line").await;
        }
        if step != "device" {
            return;
        }
        // "Step 3 of 8 · New device", in place of the list of steps.
        assert_eq!(
            demo.text_of("step-position").await,
            "Step 3 of 8 · New device"
        );
        assert!(is_shown(demo, "step-position").await);
        // Closed, above the step, its button saying the total.
        demo.wait_for_text("order-summary-toggle-total", "$199.99")
            .await;
        let toggle = demo.element("[data-testid=\"order-summary-toggle\"]").await;
        assert_eq!(
            toggle.attr("aria-expanded").await.unwrap().as_deref(),
            Some("false")
        );
        assert!(!is_shown(demo, "order-summary-body").await);
        let summary = rect(demo, "[data-testid=order-summary]").await;
        let step = rect(demo, "[data-step]").await;
        assert!(
            summary[1] + summary[3] <= step[1] + 1.0,
            "{summary:?} {step:?}"
        );
        demo.screenshot("summary-360-device").await;
        // Opened with the keyboard alone.
        demo.browser
            .execute(
                "document.querySelector('[data-testid=order-summary-toggle]').focus();",
                vec![],
            )
            .await
            .unwrap();
        demo.browser
            .active_element()
            .await
            .unwrap()
            .send_keys(&fantoccini::key::Key::Enter.to_string())
            .await
            .unwrap();
        demo.poll("the summary to open", || async {
            let open = toggle.attr("aria-expanded").await.ok().flatten();
            (open.as_deref() == Some("true")).then_some(())
        })
        .await;
        assert!(is_shown(demo, "order-summary-body").await);
        wait_for_text_containing(demo, "summary-device", "iPhone 5").await;
        assert!(!demo.overflows_horizontally().await);
        demo.screenshot("summary-360-device-open").await;
    })
    .await;
    demo.screenshot("summary-360-review").await;
    demo.resize(768, 900).await;
    demo.screenshot("summary-768-review").await;
    assert!(!demo.overflows_horizontally().await);
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_longest_flow_keeps_its_steps_on_one_row_at_1100_pixels() {
    for locale in ["en", "fr-CA"] {
        let demo = Demo::start_for_tenant("ACME", &[("locale", locale)]).await;
        demo.resize(1100, 900).await;
        demo.open("/").await;
        demo.sign_in("peter.edwards").await;
        demo.click_test_id("start-transfer-in").await;
        demo.wait_for_step("carrier").await;
        let tops = step_tops(&demo).await;
        assert_eq!(tops.len(), 11, "{locale}: the transfer-in flow's steps");
        assert!(
            tops.iter().all(|top| (top - tops[0]).abs() < 1.0),
            "{locale}: the steps sit on one row: {tops:?}"
        );
        let expected = match locale {
            "en" => "Step 2 of 11 · Carrier",
            _ => "Étape 2 sur 11 · Fournisseur",
        };
        assert_eq!(demo.text_of("step-position").await, expected);
        // The carrier chosen is in the summary.
        demo.click("label[for=\"mobproc-carrier-888\"]").await;
        wait_for_text_containing(&demo, "summary-carrier", "Cricket Wireless").await;
        demo.screenshot(&format!("summary-1100-carrier-{locale}"))
            .await;
        assert!(!demo.overflows_horizontally().await);
        demo.close().await;
    }
}
