//! Router tests of bad values: place of use, cart and network, transfers
//! and their acknowledgements, feature changes, devices, dates and users;
//! every problem listed at once.

use serde_json::{json, Value};

use crate::common::*;
use crate::{codes, documented, property, refused, remove};

#[tokio::test]
async fn place_of_use_cart_and_network_are_checked() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    refused(
        &peter,
        "new-activation",
        |o| remove(o, "postalCode"),
        &["400-postal-code-required"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["postalCode"] = json!("ABCDE"),
        &["400-invalid-postal-code"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["regionId"] = json!("1"),
        &["400-invalid-region"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["shoppingCart"]["quantity"] = json!(2),
        &["400-invalid-quantity"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["shoppingCart"]["accessoryIds"] = json!(["0", "3628935898"]),
        &["400-unknown-accessory", "400-incompatible-accessory"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["shoppingCart"]["deviceId"] = json!("9194713904"),
        &["400-device-incompatible-with-network"],
    )
    .await;
    refused(
        &peter,
        "order-accessories",
        |o| o["shoppingCart"]["accessoryIds"] = json!(["3628935899"]),
        &["400-incompatible-accessory"],
    )
    .await;
    refused(
        &peter,
        "port-number",
        |o| remove(&mut o["shoppingCart"], "deviceId"),
        &["400-new-device-required"],
    )
    .await;
    refused(
        &peter,
        "port-number",
        |o| o["shoppingCart"] = json!({"planId": "6568886698", "deviceId": "9194713904"}),
        &["400-same-carrier"],
    )
    .await;
}

#[tokio::test]
async fn transfers_check_their_carriers_and_acknowledgements() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    refused(
        &peter,
        "xfer-service-in",
        |o| o["currentVendorId"] = json!("999"),
        &["400-unknown-vendor"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in",
        |o| o["currentVendorId"] = json!("111"),
        &["400-carrier-mismatch"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in-and-port",
        |o| o["currentVendorId"] = json!("888"),
        &["400-same-carrier"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in",
        |o| o["acknowledgements"][1]["boolean"] = json!(false),
        &["400-acknowledgement-required"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in",
        |o| remove(o, "acknowledgements"),
        &["400-acknowledgement-required"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in",
        |o| o["acknowledgements"][1]["id"] = json!("TERMINATION_FEE"),
        &[
            "400-unknown-acknowledgement",
            "400-acknowledgement-required",
        ],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in-and-port",
        |o| o["acknowledgements"][1]["id"] = json!("SHARED_PLAN"),
        &[
            "400-duplicate-acknowledgement",
            "400-acknowledgement-required",
        ],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in-and-port",
        |o| remove(property(o, "PIN_PASSWORD"), "text"),
        &["400-property-required"],
    )
    .await;
}

#[tokio::test]
async fn feature_changes_devices_dates_and_users_are_checked() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let features = |changes: Value| move |o: &mut Value| o["shoppingCart"]["features"] = changes;
    refused(
        &peter,
        "update-features",
        features(json!([{"id": "951", "action": "ADD"}])),
        &["400-feature-already-active"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        features(json!([{"id": "88", "action": "REMOVE"}])),
        &["400-feature-not-active"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        features(json!([{"id": "0", "action": "ADD"}])),
        &["400-unknown-feature"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        features(json!([{"id": "518", "action": "ADD"}, {"id": "518", "action": "ADD"}])),
        &["400-duplicate-feature"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        |o| o["shoppingCart"] = json!({}),
        &["400-empty-cart"],
    )
    .await;
    refused(
        &peter,
        "swap-devices",
        |o| {
            o["existingDevice"]["manufacturerId"] = json!("LG");
            o["existingDevice"]["modelId"] = json!("Cookie Plus");
        },
        &["400-existing-device-mismatch"],
    )
    .await;
    refused(
        &peter,
        "swap-devices",
        |o| o["newDevice"]["serialNumber"]["value"] = json!("012345678901007"),
        &["400-same-device"],
    )
    .await;
    refused(
        &peter,
        "swap-devices",
        |o| o["newDevice"]["serialNumber"]["value"] = json!("356938035643809"),
        &["400-device-on-another-line"],
    )
    .await;
    refused(
        &peter,
        "swap-devices",
        |o| remove(&mut o["existingDevice"], "simId"),
        &["400-sim-id-required"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        features(json!([{"id": "518", "action": "TOGGLE"}])),
        &["400-invalid-feature-action"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        |o| o["shoppingCart"]["featureRequestComment"] = json!("x".repeat(4001)),
        &["400-comment-too-long"],
    )
    .await;
    refused(
        &peter,
        "suspend",
        |o| property(o, "PREFERRED_SUSPENSION_DATE")["date"] = json!("yesterday"),
        &["400-property-invalid-date"],
    )
    .await;
    refused(
        &peter,
        "unsuspend",
        |o| {
            o["serviceId"] = json!("38382336");
            property(o, "USER")["text"] = json!("nobody.acme");
        },
        &["400-property-invalid-user"],
    )
    .await;
}

#[tokio::test]
async fn every_problem_is_listed_at_once() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut body = documented("xfer-service-in");
    let order = &mut body["orderRequest"];
    order["serviceId"] = json!("38382349");
    order["postalCode"] = json!("1");
    order["currentVendorId"] = json!("111");
    order["acknowledgements"] = json!([]);
    let found = codes(&peter, &body).await;
    for code in [
        "400-field-not-allowed",
        "400-invalid-postal-code",
        "400-carrier-mismatch",
        "400-acknowledgement-required",
    ] {
        assert!(found.iter().any(|c| c == code), "{code} not in {found:?}");
    }
}
