//! Router tests of the order's life: ordering for a report, statuses with
//! history and shipments, and approval.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn a_manager_orders_for_a_report() {
    let sandbox = Sandbox::new();
    let mut maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    // Without the context header the line is not Maria's own.
    assert!(maria
        .post("/orders?confirm=true", &seed_request())
        .await
        .text
        .contains("400-invalid-service"));
    maria.acting_for = Some("28673732".into());
    let answer = maria.post("/orders", &seed_request()).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.body["order"]["accountHolder"]["id"], "28673732");
    assert_eq!(answer.body["order"]["requestedBy"]["lastName"], "Lopez");
}

#[tokio::test]
async fn orders_move_through_their_life_with_history_and_shipments() {
    let sandbox = Sandbox::with(|c| c.order_step_seconds = 60);
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let order_id = peter.post("/orders", &seed_request()).await.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = |answer: &Answer| answer.body["order"]["status"].as_str().unwrap().to_owned();
    assert_eq!(
        status(&peter.get(&format!("/orders/{order_id}")).await),
        "ORDER_SUBMITTED"
    );
    advance_clock(&sandbox, 60).await;
    assert_eq!(
        status(&peter.get(&format!("/orders/{order_id}")).await),
        "AWAITING_APPROVAL"
    );
    assert_eq!(
        peter
            .get(&format!("/orders/{order_id}/shipments"))
            .await
            .body["shipments"]["items"],
        json!([])
    );
    advance_clock(&sandbox, 240).await;
    let done = peter.get(&format!("/orders/{order_id}")).await;
    assert_eq!(status(&done), "COMPLETE");
    assert_eq!(
        done.body["order"]["orderSegments"]["items"][0]["status"],
        "COMPLETE"
    );
    let history = peter
        .get(&format!("/orders/{order_id}/history?orderSegment=8711721"))
        .await;
    let statuses: Vec<&str> = history.body["history"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "ORDER_SUBMITTED",
            "AWAITING_APPROVAL",
            "APPROVED",
            "SHIPPED",
            "COMPLETE"
        ]
    );
    let shipments = peter.get(&format!("/orders/{order_id}/shipments")).await;
    let shipment = &shipments.body["shipments"]["items"][0];
    assert_eq!(shipment["carrier"], "UPS Next Day Air");
    assert!(shipment["trackingNumber"]
        .as_str()
        .unwrap()
        .starts_with("1Z"));
    assert_error(
        &peter
            .get(&format!("/orders/{order_id}/history?orderSegment=1"))
            .await,
        404,
        "404-order-segment-not-found",
    );
    assert_error(&peter.get("/orders/1").await, 404, "404-order-not-found");
    let since = peter
        .get("/orders?dateTimeUpdated=2000-01-01T00:00:00Z&status=COMPLETE")
        .await;
    assert_eq!(since.body["orders"].as_array().unwrap().len(), 1);
    assert_error(
        &peter.get("/orders?dateTimeUpdated=yesterday").await,
        400,
        "400-invalid-date-time-updated",
    );
}

#[tokio::test]
async fn approvers_approve_or_reject_their_reports_orders() {
    let sandbox = Sandbox::with(|c| c.order_step_seconds = 60);
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let order_id = peter.post("/orders", &seed_request()).await.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/orders/{order_id}/approval");
    let approve = json!({"action": "APPROVE", "reason": "Eligible"});
    assert_eq!(
        maria.post(&path, &approve).await.body["status"],
        "NOT_READY_FOR_APPROVAL"
    );
    assert_error(
        &peter.post(&path, &approve).await,
        403,
        "403-not-an-approver",
    );
    advance_clock(&sandbox, 60).await;
    let queued = maria.post(&path, &approve).await;
    assert_eq!(queued.body["status"], "APPROVAL_QUEUED", "{}", queued.text);
    assert_eq!(
        peter.get(&format!("/orders/{order_id}")).await.body["order"]["status"],
        "APPROVED"
    );
    assert_eq!(
        maria.post(&path, &approve).await.body["status"],
        "APPROVAL_NOT_NEEDED"
    );
    assert_error(
        &maria.post(&path, &json!({"action": "MAYBE"})).await,
        400,
        "400-invalid-approval-action",
    );
    assert_error(
        &maria.post("/orders/1/approval", &approve).await,
        404,
        "404-order-not-found",
    );

    let mut second = seed_request();
    second["orderRequest"]["externalOrderNumber"] = json!("reject-me");
    let other = peter.post("/orders", &second).await.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    advance_clock(&sandbox, 60).await;
    let rejected = maria
        .post(
            &format!("/orders/{other}/approval"),
            &json!({"action": "REJECT", "reason": "Not now"}),
        )
        .await;
    assert_eq!(rejected.body["status"], "REJECTION_QUEUED");
    advance_clock(&sandbox, 600).await;
    assert_eq!(
        peter.get(&format!("/orders/{other}")).await.body["order"]["status"],
        "REJECTED"
    );
}
