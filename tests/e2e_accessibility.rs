//! Keyboard and screen reader: a step can be done with the keyboard alone,
//! focus moves to each step's heading, and every control has a label.

mod support;

use fantoccini::key::Key;
use support::Demo;

/// The `data-testid` and tag of the focused element.
async fn focused(demo: &Demo) -> String {
    let value = demo
        .browser
        .execute(
            "const e = document.activeElement; return `${e.tagName.toLowerCase()}#${e.id}[${e.dataset.testid || ''}]`;",
            vec![],
        )
        .await
        .unwrap();
    value.as_str().unwrap_or("").to_owned()
}

/// Controls of the widget with no accessible label.
async fn unlabelled_controls(demo: &Demo) -> Vec<String> {
    let value = demo
        .browser
        .execute(
            "return [...document.querySelectorAll('.mobproc input, .mobproc select, .mobproc button')]
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                .map(e => e.outerHTML.slice(0, 120));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap_or_default()
}

/// Presses keys in the focused element.
async fn press(demo: &Demo, keys: &str) {
    demo.browser
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_line_step_is_done_with_the_keyboard_and_focus_follows_the_steps() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("label[for=\"mobproc-line-38382349\"]").await;
    assert!(
        focused(&demo).await.ends_with("[step-heading]"),
        "the step's heading has focus: {}",
        focused(&demo).await
    );
    assert_eq!(unlabelled_controls(&demo).await, Vec::<String>::new());
    // An inactive line can't be chosen, and says why rather than "eligible".
    let inactive = "label[for=\"mobproc-line-38382337\"]";
    assert_eq!(
        demo.element(&format!("{inactive} [data-testid=\"line-closed\"]"))
            .await
            .text()
            .await
            .unwrap(),
        "Inactive: nothing can be ordered for this line"
    );
    assert!(
        !demo
            .is_present(&format!("{inactive} [data-testid=\"eligibility\"]"))
            .await
    );

    // Tab to the first line, choose it with Space, Tab to Continue, Enter.
    let mut guard = 0;
    while !focused(&demo)
        .await
        .starts_with("input#mobproc-line-38382349")
    {
        press(&demo, &Key::Tab.to_string()).await;
        guard += 1;
        assert!(
            guard < 20,
            "the line is reachable with Tab; focus is on {}",
            focused(&demo).await
        );
    }
    press(&demo, " ").await;
    demo.wait_until_enabled("next", true).await;
    while !focused(&demo).await.ends_with("[next]") {
        press(&demo, &Key::Tab.to_string()).await;
        guard += 1;
        assert!(
            guard < 40,
            "Continue is reachable with Tab; focus is on {}",
            focused(&demo).await
        );
    }
    press(&demo, &Key::Enter.to_string()).await;
    demo.wait_for_step("current-device").await;
    demo.poll("focus on the new step's heading", || async {
        focused(&demo)
            .await
            .ends_with("[step-heading]")
            .then_some(())
    })
    .await;
    assert_eq!(unlabelled_controls(&demo).await, Vec::<String>::new());
    // The position is announced to screen readers, with the step's name;
    // the count is the whole order's (shipping included, though nothing
    // ships until a device or plan is chosen).
    let position = demo
        .browser
        .execute("const p = document.querySelector('[data-testid=step-position]'); return [p.textContent, p.getAttribute('aria-live')];", vec![])
        .await
        .unwrap();
    assert_eq!(
        position,
        serde_json::json!(["Step 2 of 8 · Current device", "polite"])
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_control_of_every_step_has_a_label() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    assert_eq!(
        unlabelled_controls(&demo).await,
        Vec::<String>::new(),
        "sign-in"
    );
    demo.sign_in("peter.edwards").await;
    demo.fill_tutorial_order_checking(async |demo, step| {
        assert_eq!(
            unlabelled_controls(demo).await,
            Vec::<String>::new(),
            "{step}"
        );
    })
    .await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    demo.element("[data-testid=\"order-number\"]").await;
    assert_eq!(
        unlabelled_controls(&demo).await,
        Vec::<String>::new(),
        "status"
    );
    demo.close().await;
}

/// Presses Tab until the focused element's description (see [`focused`])
/// satisfies `wanted`, at most 40 times.
async fn tab_to(demo: &Demo, what: &str, wanted: impl Fn(&str) -> bool) {
    for _ in 0..40 {
        if wanted(&focused(demo).await) {
            return;
        }
        press(demo, &Key::Tab.to_string()).await;
    }
    panic!(
        "{what} is reachable with Tab; focus is on {}",
        focused(demo).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_is_brought_in_from_its_carrier_with_the_keyboard() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("[data-testid=\"start-transfer-in\"]").await;
    tab_to(&demo, "Bring my number", |f| {
        f.ends_with("[start-transfer-in]")
    })
    .await;
    press(&demo, &Key::Enter.to_string()).await;

    demo.wait_for_step("carrier").await;
    demo.element("label[for=\"mobproc-carrier-888\"]").await;
    assert_eq!(unlabelled_controls(&demo).await, Vec::<String>::new());
    tab_to(&demo, "the first carrier", |f| {
        f.starts_with("input#mobproc-carrier-")
    })
    .await;
    // Arrows move along the carriers (a radio group), Space chooses.
    while !focused(&demo)
        .await
        .starts_with("input#mobproc-carrier-888")
    {
        press(&demo, &Key::Down.to_string()).await;
    }
    press(&demo, " ").await;
    tab_to(&demo, "Continue", |f| f.ends_with("[next]")).await;
    press(&demo, &Key::Enter.to_string()).await;

    demo.wait_for_step("region").await;
    demo.poll("focus on the region step's heading", || async {
        focused(&demo)
            .await
            .ends_with("[step-heading]")
            .then_some(())
    })
    .await;
    assert_eq!(unlabelled_controls(&demo).await, Vec::<String>::new());
    let stored = demo
        .browser
        .execute(
            "return Object.entries(sessionStorage).filter(([key]) => key.startsWith('mobproc.draft.')).map(([, value]) => value).join('\\n');",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        stored
            .as_str()
            .unwrap_or("")
            .contains("\"carrierId\":\"888\""),
        "the chosen carrier is kept with the order: {stored}"
    );
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_the_device_search_arrows_move_among_the_results_only() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.upgrade_peters_line_to_the_device_step().await;
    demo.fill("mobproc-device-search", "samsung galaxy").await;
    demo.element("[data-testid=\"device-name\"]").await;

    // Down from the search box: the first result has focus, nothing chosen.
    demo.element("#mobproc-device-search")
        .await
        .click()
        .await
        .unwrap();
    press(&demo, &Key::Down.to_string()).await;
    let first = focused(&demo).await;
    assert!(first.starts_with("input#mobproc-device-"), "{first}");
    assert!(demo
        .element("#mobproc-keep-device")
        .await
        .is_selected()
        .await
        .unwrap());
    // Arrows move along the results and choose; up from the first result
    // never lands on "keep my current device".
    press(&demo, &Key::Down.to_string()).await;
    let second = focused(&demo).await;
    assert!(
        second.starts_with("input#mobproc-device-") && second != first,
        "{second}"
    );
    press(&demo, &Key::Up.to_string()).await;
    press(&demo, &Key::Up.to_string()).await;
    let wrapped = focused(&demo).await;
    assert!(wrapped.starts_with("input#mobproc-device-"), "{wrapped}");
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accessories_are_one_list_for_the_keyboard() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.choose_line_and_order("38382335", "order-accessories")
        .await;
    demo.click_test_id("next").await;
    demo.wait_for_step("accessories").await;
    demo.element("[data-testid=\"accessory\"]").await;
    assert_eq!(unlabelled_controls(&demo).await, Vec::<String>::new());

    // Tab enters the list on the first row's quantity ("fewer" is
    // disabled at 0); + and - change it there.
    tab_to(&demo, "the first quantity", |f| {
        f.starts_with("input#mobproc-accessory-")
    })
    .await;
    let first = demo.focused_id().await;
    press(&demo, "++-+").await;
    assert_eq!(demo.value_of(&first).await, "2");

    // Down: the next row's quantity; Up from the first row: the last row.
    press(&demo, &Key::Down.to_string()).await;
    let second = demo.focused_id().await;
    assert!(
        second.starts_with("mobproc-accessory-") && second != first,
        "{second}"
    );
    press(&demo, "+").await;
    assert_eq!(demo.value_of(&second).await, "1");
    press(&demo, &Key::Up.to_string()).await;
    assert_eq!(demo.focused_id().await, first);
    press(&demo, &Key::Up.to_string()).await;
    let last = demo.focused_id().await;
    assert!(last != first && last != second, "Up wraps to the last row");
    press(&demo, &Key::Home.to_string()).await;
    assert_eq!(demo.focused_id().await, first);

    // From a button, arrows keep to the same button of the next row.
    press(&demo, &Key::Tab.to_string()).await;
    assert_eq!(demo.focused_id().await, format!("{first}-more"));
    press(&demo, &Key::Down.to_string()).await;
    assert_eq!(demo.focused_id().await, format!("{second}-more"));
    press(&demo, &Key::Enter.to_string()).await;
    assert_eq!(demo.value_of(&second).await, "2");

    // The list is one stop: Tab from its last control leaves it.
    press(&demo, &Key::Tab.to_string()).await;
    let after = demo.focused_id().await;
    assert!(
        !after.starts_with("mobproc-accessory-"),
        "Tab leaves the list: {after}"
    );
    // Typing a quantity that is no number keeps the count.
    demo.fill(&first, "lots").await;
    press(&demo, &Key::Tab.to_string()).await;
    assert_eq!(demo.value_of(&first).await, "2");
    demo.close().await;
}
