//! Router tests of the approver's listing (`GET /orders?eligibleToApprove…`),
//! `includeApprovers=true`, and the approver's reason in the history.

mod common;

use common::*;
use serde_json::{json, Value};

/// Peter submits the documentation's upgrade under `external`, and the
/// sandbox's clock moves on until it awaits Maria's approval.
async fn awaiting_order(sandbox: &Sandbox, peter: &User<'_>, external: &str) -> String {
    let mut request = seed_request();
    request["orderRequest"]["externalOrderNumber"] = json!(external);
    let submitted = peter.post("/orders", &request).await;
    assert_eq!(submitted.status, 200, "{}", submitted.text);
    advance_clock(sandbox, 60).await;
    submitted.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn order_ids(answer: &Answer) -> Vec<String> {
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.body["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["orderId"].as_str().unwrap().to_owned())
        .collect()
}

fn comments(history: &Value) -> Vec<String> {
    history["history"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["comment"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn an_approver_lists_what_awaits_them_with_its_approver() {
    let sandbox = Sandbox::with(|c| c.order_step_seconds = 60);
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let first = awaiting_order(&sandbox, &peter, "approve-me").await;
    let second = awaiting_order(&sandbox, &peter, "reject-me").await;

    let mine = maria
        .get("/orders?eligibleToApproveEmployeeId=28673700")
        .await;
    assert_eq!(order_ids(&mine), [second.clone(), first.clone()]);
    assert_eq!(mine.body["_meta"]["totalCount"], 2);
    assert!(mine.body["orders"][0].get("approver").is_none());
    let by_company_id = maria
        .get("/orders?eligibleToApproveCompanyEmployeeId=maria.lopez.acme&includeApprovers=true")
        .await;
    assert_eq!(order_ids(&by_company_id), order_ids(&mine));
    let order = &by_company_id.body["orders"][0];
    assert_eq!(order["pendingApprovalLevel"], 1);
    assert_eq!(order["approver"]["id"], "28673700");
    assert_eq!(
        order["approver"]["_meta"]["href"],
        "http://sandbox.test/mobproc/v1/employees/28673700"
    );

    let page = maria
        .get("/orders?eligibleToApproveEmployeeId=28673700&limit=1&offset=0")
        .await;
    assert_eq!(order_ids(&page), std::slice::from_ref(&second));
    let next = page.body["_meta"]["hrefNext"].as_str().unwrap();
    assert!(
        next.contains("eligibleToApproveEmployeeId=28673700"),
        "{next}"
    );
    let narrowed = "/orders?eligibleToApproveEmployeeId=28673700&employee=";
    assert_eq!(
        order_ids(&maria.get(&format!("{narrowed}28673732")).await).len(),
        2
    );
    assert!(order_ids(&maria.get(&format!("{narrowed}28673801")).await).is_empty());
    assert!(order_ids(
        &maria
            .get("/orders?eligibleToApproveEmployeeId=28673700&status=COMPLETE")
            .await
    )
    .is_empty());

    // Peter's own listing names his order's approver too.
    let peters = peter.get("/orders?includeApprovers=true").await;
    assert_eq!(peters.body["orders"][0]["approver"]["id"], "28673700");

    // Decided orders leave the listing; the reasons show in the history.
    let decision = |action: &str, reason: &str| json!({"action": action, "reason": reason});
    let approved = maria
        .post(
            &format!("/orders/{first}/approval"),
            &decision("APPROVE", "Promoted to manager"),
        )
        .await;
    assert_eq!(approved.body["status"], "APPROVAL_QUEUED");
    let rejected = maria
        .post(
            &format!("/orders/{second}/approval"),
            &decision("REJECT", "Not in this year's budget"),
        )
        .await;
    assert_eq!(rejected.body["status"], "REJECTION_QUEUED");
    assert!(order_ids(
        &maria
            .get("/orders?eligibleToApproveEmployeeId=28673700")
            .await
    )
    .is_empty());
    let rejected = peter.get(&format!("/orders/{second}/history")).await;
    assert!(
        comments(&rejected.body)
            .iter()
            .any(|c| c.starts_with("Rejected") && c.contains("Not in this year's budget")),
        "{}",
        rejected.text
    );
    let approved = peter.get(&format!("/orders/{first}/history")).await;
    assert!(
        comments(&approved.body)
            .iter()
            .any(|c| c.starts_with("Approved") && c.contains("Promoted to manager")),
        "{}",
        approved.text
    );
    let after = peter.get("/orders?includeApprovers=true").await;
    assert!(
        after.body["orders"][0].get("approver").is_none(),
        "{}",
        after.text
    );
}

#[tokio::test]
async fn only_approvers_may_list_and_only_whom_they_may_see() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let marc = User::sign_in(&sandbox, "marc.gagnon", "GLOBEX").await;
    let listing = |who: &str| format!("/orders?eligibleToApproveEmployeeId={who}");
    for (user, path, status, code) in [
        (&peter, listing("28673732"), 403, "403-not-an-approver"),
        (&peter, listing("28673700"), 403, "403-approver-not-allowed"),
        (&maria, listing("28673801"), 403, "403-not-an-approver"),
        (&maria, listing("nobody"), 403, "403-approver-not-allowed"),
        (&marc, listing("28673700"), 403, "403-approver-not-allowed"),
        (
            &maria,
            "/orders?eligibleToApproveCompanyEmployeeId=nobody.acme".to_owned(),
            403,
            "403-approver-not-allowed",
        ),
        (
            &maria,
            format!(
                "{}&eligibleToApproveCompanyEmployeeId=maria.lopez.acme",
                listing("28673700")
            ),
            400,
            "400-one-approver-filter",
        ),
        (
            &maria,
            "/orders?includeApprovers=maybe".to_owned(),
            400,
            "400-invalid-query-parameter",
        ),
    ] {
        assert_error(&user.get(&path).await, status, code);
    }
    let marcs = marc
        .get("/orders?eligibleToApproveEmployeeId=41600100")
        .await;
    assert_eq!(marcs.status, 200, "{}", marcs.text);
    assert_eq!(marcs.body["_meta"]["totalCount"], 0);
}
