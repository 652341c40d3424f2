//! End to end in a real Chromium against the sandbox: a manager answers the
//! order an employee submitted, and the employee's order says so.

mod support;

use support::Demo;

/// Forgets who is signed in: the widget's storage, and the sandbox's
/// sign-in session (its cookie lives under the authorization server's path).
async fn forget_the_user(demo: &Demo) {
    demo.browser
        .execute("sessionStorage.clear(); localStorage.clear();", vec![])
        .await
        .unwrap();
    demo.open("/as/logout.oauth2").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_rejects_an_order_with_a_reason_the_requester_sees() {
    // Each status lasts long enough for a sign-in in between.
    let demo = Demo::start(|config| config.order_step_seconds = 4).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    assert!(
        !demo.is_present("[data-testid=\"approvals\"]").await,
        "Peter approves nothing"
    );
    demo.fill_tutorial_order().await;
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;

    // Peter's order awaits approval one status step after it was submitted.
    let submitted_at: i64 = demo
        .state
        .db
        .run(|c| {
            c.query_row("SELECT submitted_at FROM orders", [], |row| row.get(0))
                .map_err(Into::into)
        })
        .await
        .unwrap();
    demo.poll("Peter's order to await approval", || async {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        (now > submitted_at + 4).then_some(())
    })
    .await;

    // Peter's status says who is to approve it.
    demo.click_test_id("refresh").await;
    demo.wait_for_text("order-approver", "Maria Lopez").await;
    let status = demo
        .attribute("[data-testid=\"order-status\"]", "data-status")
        .await;
    assert_eq!(status.as_deref(), Some("AWAITING_APPROVAL"));

    forget_the_user(&demo).await;
    demo.open("/").await;
    demo.sign_in("maria.lopez").await;
    demo.element("[data-testid=\"awaiting-approval\"]").await;
    let awaiting = demo.text_of("awaiting-approval").await;
    assert!(awaiting.contains(&order_number), "{awaiting}");
    assert!(awaiting.contains("Peter Edwards"), "{awaiting}");
    demo.screenshot("approvals").await;

    // A rejection needs a reason.
    demo.click_test_id("reject").await;
    demo.element("[data-testid=\"reason-required\"]").await;
    demo.fill(
        &format!("mobproc-approval-reason-{order_number}"),
        "Over this quarter's budget",
    )
    .await;
    demo.click_test_id("reject").await;
    demo.element("[data-testid=\"no-approvals\"]").await;

    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1);
    let (decision, reason): (Option<String>, Option<String>) = demo
        .state
        .db
        .run(|c| {
            c.query_row("SELECT decision, decision_reason FROM orders", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .map_err(Into::into)
        })
        .await
        .unwrap();
    assert_eq!(decision.as_deref(), Some("REJECT"));
    assert_eq!(reason.as_deref(), Some("Over this quarter's budget"));
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_orders_for_a_report_and_the_status_says_for_whom() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("maria.lopez").await;
    demo.choose("mobproc-ordering-for", "28673732").await;
    demo.choose_line_and_order("38382335", "suspend").await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-PREFERRED_SUSPENSION_DATE", "12/22/2026")
        .await;
    demo.choose("mobproc-property-HOLD_SERVICE", "NO_HOLD")
        .await;
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.click("label[for=\"mobproc-understood\"]").await;
    demo.wait_until_enabled("submit", true).await;
    let order = demo.submit_and_read_back().await;
    assert_eq!(order["accountHolder"]["firstName"], "Peter");
    assert_eq!(order["requestedBy"]["firstName"], "Maria");
    demo.wait_for_text("order-for", "Peter Edwards").await;
    demo.wait_for_text("order-by", "Maria Lopez").await;
    let recent = demo.text_of("recent-order").await;
    assert!(
        recent.starts_with("Suspend the line · (203) 555-4468 · Peter Edwards · "),
        "{recent}"
    );
    demo.close().await;
}
