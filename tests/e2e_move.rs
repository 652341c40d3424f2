//! End to end in a real Chromium against the sandbox: a manager (whose
//! `/me.canMoveService` is true) gives one of her report's lines to another
//! employee. Not an order: the line's owner and the charges moved are
//! checked in the sandbox's store, and the widget says who has it now.

mod support;

use mobproc_sandbox::faults::Faults;
use serde_json::json;
use support::Demo;

const PETER: &str = "28673732";
/// Maria's first report, who leads three more.
const LEAD: &str = "28673801";
/// Peter's AT&T line with his Pixel 6.
const LINE: &str = "38382555";

/// The owner and the charges moved that the store holds for a line.
async fn stored_line(demo: &Demo, id: &'static str) -> (String, Option<String>) {
    demo.state
        .db
        .run(move |c| {
            Ok(c.query_row(
                "SELECT employee_id, move_charges FROM services WHERE tenant = 'ACME' AND id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })
        .await
        .unwrap()
}

/// An employee's full name, as the store has it.
async fn employee_name(demo: &Demo, id: &'static str) -> String {
    demo.state
        .db
        .run(move |c| {
            let body: String = c.query_row(
                "SELECT body FROM employees WHERE tenant = 'ACME' AND id = ?1",
                [id],
                |row| row.get(0),
            )?;
            let employee: serde_json::Value = serde_json::from_str(&body)?;
            Ok(format!(
                "{} {}",
                employee["firstName"].as_str().unwrap_or_default(),
                employee["lastName"].as_str().unwrap_or_default()
            ))
        })
        .await
        .unwrap()
}

/// Sets the sandbox's faults, as `PUT /sandbox/admin/faults` takes them.
fn set_faults(demo: &Demo, faults: serde_json::Value) {
    let faults: Faults = serde_json::from_value(faults).unwrap();
    *demo.state.faults.write().unwrap() = faults.validated().unwrap();
}

/// The id of the element that has the focus ("" when none has).
async fn focused_id(demo: &Demo) -> String {
    demo.browser
        .execute(
            "return document.activeElement ? document.activeElement.id : '';",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_gives_a_line_to_another_employee_on_a_phone() {
    let demo = Demo::start(|_| {}).await;
    demo.resize(360, 780).await;
    demo.open("/").await;
    demo.sign_in("maria.lopez").await;
    demo.choose("mobproc-ordering-for", PETER).await;
    demo.click(&format!("label[for=\"mobproc-line-{LINE}\"]"))
        .await;
    demo.click_test_id("move-line").await;
    demo.element("[data-testid=\"move-panel\"]").await;
    demo.poll("the move panel's heading to take focus", || async {
        (focused_id(&demo).await == "mobproc-move-title").then_some(())
    })
    .await;

    // Nothing chosen yet: each missing choice is said.
    demo.click_test_id("move-review").await;
    demo.wait_for_text("mobproc-move-owner-error", "Choose who gets the line.")
        .await;
    demo.wait_for_text(
        "mobproc-move-charges-error",
        "Choose which charges go with the line.",
    )
    .await;

    let name = employee_name(&demo, LEAD).await;
    let last_name = name.split_whitespace().last().unwrap().to_owned();
    demo.fill("mobproc-move-search", &last_name).await;
    demo.choose("mobproc-move-owner", LEAD).await;
    demo.click("label[for=\"mobproc-move-charges-MOVE_CHARGES_FOR_LAST_MONTH_ONLY\"]")
        .await;
    demo.screenshot("phone-move-form").await;
    assert!(!demo.overflows_horizontally().await, "fits a 360 px phone");
    demo.click_test_id("move-review").await;
    let summary = demo.text_of("move-summary").await;
    assert!(
        summary.contains(&format!("(203) 555-8888 will belong to {name}.")),
        "{summary}"
    );
    assert!(
        summary.contains("Only last month's charges go with the line"),
        "{summary}"
    );

    // A failure is said, and what was entered stays.
    set_faults(
        &demo,
        json!({"fail": [{"route": format!("POST /assets/services/{LINE}/move"), "share": 1.0}]}),
    );
    demo.click_test_id("move-confirm").await;
    demo.element("[data-testid=\"move-panel\"] [data-testid=\"error\"]")
        .await;
    assert_eq!(demo.value_of("mobproc-move-owner").await, LEAD);
    assert_eq!(demo.value_of("mobproc-move-search").await, last_name);
    assert!(
        demo.element("#mobproc-move-charges-MOVE_CHARGES_FOR_LAST_MONTH_ONLY")
            .await
            .prop("checked")
            .await
            .unwrap()
            .as_deref()
            == Some("true")
    );
    assert_eq!(stored_line(&demo, LINE).await, (PETER.into(), None));

    set_faults(&demo, json!({}));
    demo.click_test_id("move-review").await;
    demo.click_test_id("move-confirm").await;
    demo.wait_for_text(
        "move-result",
        &format!("(203) 555-8888 now belongs to {name}."),
    )
    .await;
    demo.screenshot("phone-move-done").await;
    assert!(!demo.overflows_horizontally().await, "fits a 360 px phone");
    assert_eq!(
        stored_line(&demo, LINE).await,
        (LEAD.into(), Some("MOVE_CHARGES_FOR_LAST_MONTH_ONLY".into()))
    );
    // Peter's list no longer has the line; the result stays until closed.
    demo.wait_until_gone(&format!("label[for=\"mobproc-line-{LINE}\"]"))
        .await;
    demo.element("[data-testid=\"move-result\"]").await;
    demo.click_test_id("move-close").await;
    demo.wait_until_gone("[data-testid=\"move-panel\"]").await;
    assert!(
        demo.stored_orders().await.is_empty(),
        "a move is not an order"
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_employee_who_may_not_move_lines_is_not_offered_to() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click(&format!("label[for=\"mobproc-line-{LINE}\"]"))
        .await;
    demo.element("[data-testid=\"flow-choice\"]").await;
    assert!(!demo.is_present("[data-testid=\"move-line\"]").await);
    demo.close().await;
}
