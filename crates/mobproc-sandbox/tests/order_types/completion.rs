//! A completed order changes the assets: before the next order is
//! checked, and with an upgrade's new device and plan features.

use serde_json::json;

use crate::common::*;
use crate::{complete, documented, place, sandbox};

#[tokio::test]
async fn a_completed_order_changes_the_assets_before_the_next_order_is_checked() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut suspend = documented("suspend");
    suspend["orderRequest"]["externalOrderNumber"] = json!("SUSPEND-FIRST");
    place(&peter, &suspend).await;
    let resume = documented("unsuspend");
    let early = peter.post("/orders?confirm=true", &resume).await;
    assert_error(&early, 400, "400-line-not-suspended");
    // Completed, though nobody read the suspension since.
    advance_clock(&sandbox, 600).await;
    let answer = peter.post("/orders?confirm=true", &resume).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
}

#[tokio::test]
async fn a_completed_upgrade_puts_the_new_device_and_plan_features_on_the_line() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (_, order) = place(&peter, &seed_request()).await;
    complete(&sandbox, &peter, &order).await;
    let devices = peter.get("/assets/devices?service=38382349").await;
    assert_eq!(
        devices.body["devices"].as_array().unwrap().len(),
        1,
        "{}",
        devices.text
    );
    assert_eq!(
        devices.body["devices"][0]["model"], "Apple iPhone 5 (16GB) - Black",
        "{}",
        devices.text
    );
    let features = peter.get("/catalog/features?service=38382349").await;
    let active: Vec<&str> = features.body["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["active"] == true)
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(active, ["122", "293"]);
}
