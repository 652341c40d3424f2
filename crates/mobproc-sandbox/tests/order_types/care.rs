//! The care types that ship nothing, as documented: suspend and
//! unsuspend, deactivate, update features, swap devices, and transfer of
//! service out.

use serde_json::{json, Value};

use crate::common::*;
use crate::{complete, cost, documented, place, sandbox, service, totals};

/// Asserts a care order that ships nothing: no cost, no cart, no shipTo,
/// one segment of the line's carrier, never SHIPPED, no shipments.
async fn ships_nothing(sandbox: &Sandbox, peter: &User<'_>, confirmation: &Value, order: &Value) {
    for absent in ["costSummary", "shoppingCart", "shipTo"] {
        assert!(
            confirmation.get(absent).is_none(),
            "{absent}: {confirmation}"
        );
    }
    assert!(order.get("shipTo").is_none());
    assert!(order.get("updated").is_some());
    let segments = order["orderSegments"]["items"].as_array().unwrap();
    assert_eq!(segments.len(), 1);
    assert!(segments[0]["vendor"]["id"].is_string());
    let (_, statuses) = complete(sandbox, peter, order).await;
    assert!(!statuses.iter().any(|s| s == "SHIPPED"), "{statuses:?}");
    let id = order["orderId"].as_str().unwrap();
    let shipments = peter.get(&format!("/orders/{id}/shipments")).await;
    assert_eq!(shipments.body["shipments"]["items"], json!([]));
}

#[tokio::test]
async fn suspend_then_unsuspend_as_documented_pause_and_resume_the_line() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    // Both documented requests use the same externalOrderNumber: the
    // suspension goes in under another one, then the resumption as written.
    let mut suspend = documented("suspend");
    suspend["orderRequest"]["externalOrderNumber"] = json!("SUSPEND-FIRST");
    let (confirmation, order) = place(&peter, &suspend).await;
    assert_eq!(confirmation["service"]["id"], "38382335");
    assert!(confirmation["device"].is_object() && confirmation["region"].is_object());
    assert_eq!(
        confirmation["properties"][0]["fields"][4]["date"],
        "2016-12-22T00:00:00Z"
    );
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(
        service(&peter, "38382335").await.body["status"],
        "SUSPENDED"
    );
    let (confirmation, order) = place(&peter, &documented("unsuspend")).await;
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(service(&peter, "38382335").await.body["status"], "ACTIVE");
}

#[tokio::test]
async fn deactivate_as_documented_confirms_only_the_line_and_ends_it() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("deactivate")).await;
    assert_eq!(confirmation["service"]["id"], "31647891");
    for absent in ["device", "region"] {
        assert!(confirmation.get(absent).is_none(), "{absent}");
    }
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(service(&peter, "31647891").await.body["status"], "INACTIVE");
}

#[tokio::test]
async fn update_features_as_documented_adds_the_feature() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("update-features")).await;
    assert_eq!(totals(&confirmation), cost(0.0, 5.0));
    let cart = &confirmation["shoppingCart"];
    assert_eq!(cart["quantity"], 0);
    assert_eq!(cart["featureRequestComment"], "Please also add Caller ID");
    assert_eq!(cart["features"][0]["action"], "ADD");
    assert_eq!(cart["features"][0]["description"], "Call Forwarding");
    assert_eq!(
        order["orderSegments"]["items"][0]["features"][0]["id"],
        "518"
    );
    assert!(order.get("shipTo").is_none());
    let (_, statuses) = complete(&sandbox, &peter, &order).await;
    assert!(!statuses.iter().any(|s| s == "SHIPPED"));
    let features = peter.get("/catalog/features?service=38382335").await;
    let call_forwarding = features.body["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "518")
        .cloned()
        .unwrap();
    assert_eq!(call_forwarding["active"], true);
}

#[tokio::test]
async fn swap_devices_as_documented_puts_the_line_on_the_new_device() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("swap-devices")).await;
    assert_eq!(
        confirmation["existingDevice"]["otherMakeModelName"],
        "Acme StarPhone 2000"
    );
    assert_eq!(confirmation["newDevice"]["manufacturer"]["id"], "Apple");
    assert!(confirmation["newDevice"]["model"]["_meta"]["href"].is_string());
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    let devices = peter.get("/assets/devices?service=38382349").await;
    assert!(devices.text.contains("123456789001230"), "{}", devices.text);
}

#[tokio::test]
async fn xfer_service_out_as_documented_takes_the_line_out_of_the_company() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("xfer-service-out")).await;
    assert_eq!(confirmation["acknowledgements"], json!([]));
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_error(
        &service(&peter, "38382555").await,
        404,
        "404-service-not-found",
    );
}
