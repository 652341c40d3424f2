//! Router tests of the errors of the transaction types beyond UPGRADE:
//! fields missing or not allowed (the shared rule table), bad values,
//! acknowledgements not accepted, lines in the wrong state, and Atlas
//! refusing the types it does not take. Every problem is listed at once.

mod common;

use common::*;
use serde_json::{json, Value};

fn documented(name: &str) -> Value {
    let text = match name {
        "new-activation" => {
            include_str!("../../mobproc-types/tests/fixtures/new-activation.order-request.json")
        }
        "port-number" => {
            include_str!("../../mobproc-types/tests/fixtures/port-number.order-request.json")
        }
        "order-accessories" => {
            include_str!("../../mobproc-types/tests/fixtures/order-accessories.order-request.json")
        }
        "suspend" => include_str!("../../mobproc-types/tests/fixtures/suspend.order-request.json"),
        "unsuspend" => {
            include_str!("../../mobproc-types/tests/fixtures/unsuspend.order-request.json")
        }
        "update-features" => {
            include_str!("../../mobproc-types/tests/fixtures/update-features.order-request.json")
        }
        "swap-devices" => {
            include_str!("../../mobproc-types/tests/fixtures/swap-devices.order-request.json")
        }
        "xfer-service-in" => {
            include_str!("../../mobproc-types/tests/fixtures/xfer-service-in.order-request.json")
        }
        "xfer-service-in-and-port" => include_str!(
            "../../mobproc-types/tests/fixtures/xfer-service-in-and-port.order-request.json"
        ),
        other => panic!("no fixture {other}"),
    };
    serde_json::from_str(text).unwrap()
}

/// The codes of a refused confirmation (asserting it is refused).
async fn codes(user: &User<'_>, body: &Value) -> Vec<String> {
    let answer = user.post("/orders?confirm=true", body).await;
    assert_eq!(answer.status, 400, "{}", answer.text);
    answer.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["errorCode"].as_str().unwrap().to_owned())
        .collect()
}

/// Asserts `name`'s documented request, changed by `change`, is refused
/// with (at least) `expected`.
async fn refused(user: &User<'_>, name: &str, change: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut body = documented(name);
    change(&mut body["orderRequest"]);
    let found = codes(user, &body).await;
    for code in expected {
        assert!(
            found.iter().any(|c| c == code),
            "{name}: {code} not in {found:?}"
        );
    }
}

fn remove(order: &mut Value, key: &str) {
    order.as_object_mut().unwrap().remove(key);
}

fn property<'a>(order: &'a mut Value, id: &str) -> &'a mut Value {
    order["properties"][0]["fields"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap()
}

#[tokio::test]
async fn the_rule_table_names_missing_and_refused_fields() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    refused(
        &peter,
        "suspend",
        |o| remove(o, "serviceId"),
        &["400-field-required"],
    )
    .await;
    refused(
        &peter,
        "suspend",
        |o| o["shoppingCart"] = json!({"planId": "6568886494"}),
        &["400-field-not-allowed"],
    )
    .await;
    refused(
        &peter,
        "new-activation",
        |o| o["serviceId"] = json!("38382349"),
        &["400-field-not-allowed"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in",
        |o| remove(o, "currentVendorId"),
        &["400-field-required"],
    )
    .await;
    refused(
        &peter,
        "xfer-service-in-and-port",
        |o| remove(&mut o["shoppingCart"], "deviceId"),
        &["400-field-required"],
    )
    .await;
    refused(
        &peter,
        "order-accessories",
        |o| remove(o, "shipTo"),
        &["400-field-required"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        |o| o["acknowledgements"] = json!([{"id": "SHARED_PLAN", "boolean": true}]),
        &["400-field-not-allowed"],
    )
    .await;
    let answer = peter
        .post("/orders?confirm=true", &{
            let mut body = documented("suspend");
            remove(&mut body["orderRequest"], "serviceId");
            body
        })
        .await;
    assert_eq!(answer.body["errors"][0]["field"], "orderRequest.serviceId");
}

#[tokio::test]
async fn lines_must_be_in_the_state_the_type_needs() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    // 38382336 is suspended, 38382335 active, 38382337 inactive.
    refused(
        &peter,
        "suspend",
        |o| o["serviceId"] = json!("38382336"),
        &["400-line-not-active"],
    )
    .await;
    refused(
        &peter,
        "unsuspend",
        |o| o["serviceId"] = json!("38382335"),
        &["400-line-not-suspended"],
    )
    .await;
    refused(
        &peter,
        "update-features",
        |o| o["serviceId"] = json!("38382337"),
        &["400-line-not-active"],
    )
    .await;
    refused(
        &peter,
        "suspend",
        |o| o["serviceId"] = json!("38382300"),
        &["400-invalid-service"],
    )
    .await;
    let mut resume = documented("unsuspend");
    resume["orderRequest"]["serviceId"] = json!("38382336");
    assert_eq!(
        peter.post("/orders?confirm=true", &resume).await.status,
        200
    );
}

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

#[tokio::test]
async fn atlas_takes_only_upgrade_new_activation_and_order_accessories() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let suspend = json!({"orderRequest": {"transactionType": "SUSPEND", "serviceId": "1"}});
    let answer = oliver.post("/orders?confirm=true", &suspend).await;
    assert_error(&answer, 400, "400-unsupported-transaction-type");
    let activation = json!({"orderRequest": {"transactionType": "NEW_ACTIVATION"}});
    let found = codes(&oliver, &activation).await;
    assert!(
        !found
            .iter()
            .any(|c| c == "400-unsupported-transaction-type"),
        "{found:?}"
    );
    assert!(found.iter().any(|c| c == "400-field-required"), "{found:?}");
}

#[tokio::test]
async fn rivermine_takes_any_user_when_resuming_a_line() {
    let sandbox = Sandbox::new();
    let chloe = User::sign_in(&sandbox, "chloe.tremblay", "GLOBEX").await;
    let body = json!({"orderRequest": {
        "transactionType": "UNSUSPEND",
        "serviceId": "52000900",
        "properties": [{"groupId": "MISCELLANEOUS", "fields": [
            {"id": "CONTACT_NUMBER", "type": "TEXT", "text": "4165551234"},
            {"id": "USER", "type": "TEXT", "text": "someone.else"}
        ]}]
    }});
    let answer = chloe.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let mut suspend = body.clone();
    suspend["orderRequest"]["transactionType"] = json!("SUSPEND");
    suspend["orderRequest"]["properties"][0]["fields"]
        .as_array_mut()
        .unwrap()
        .pop();
    let found = codes(&chloe, &suspend).await;
    assert_eq!(found, ["400-line-not-active"]);
}

#[tokio::test]
async fn atlas_activates_a_new_line_with_device_feature_choices() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let vendor = "410000_1000001";
    let plans = oliver
        .get(&format!("/catalog/plans?vendor={vendor}&limit=1"))
        .await;
    let plan_id = plans.body["plans"][0]["id"].clone();
    let devices = oliver
        .get(&format!("/catalog/devices?vendor={vendor}&limit=1"))
        .await;
    let device_id = devices.body["devices"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let detail = oliver.get(&format!("/catalog/devices/{device_id}")).await;
    let choices: Vec<Value> = detail.body["deviceFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!({"featureId": f["id"], "choiceId": f["choices"][0]["id"]}))
        .collect();
    let body = json!({"orderRequest": {
        "transactionType": "NEW_ACTIVATION",
        "regionId": "70144642",
        "shoppingCart": {"deviceId": device_id, "planId": plan_id, "deviceFeatureChoices": choices},
        "properties": [{"groupId": "MISCELLANEOUS", "fields": [
            {"id": "CONTACT_NUMBER", "type": "TEXT", "text": "02071234567"},
            {"id": "PREFERRED_AREA_CODE", "type": "TEXT", "text": "020"}
        ]}],
        "shipTo": {"name": "Oliver Bennett", "regionId": "70144642", "address": [
            {"id": "LINE_1", "value": "10 Downing Street"}, {"id": "TOWN", "value": "London"},
            {"id": "POSTCODE", "value": "SW1A 2AA"}]}
    }});
    let answer = oliver.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let confirmation = &answer.body["orderConfirmation"];
    assert_eq!(confirmation["region"]["id"], "70144642");
    assert!(confirmation["shoppingCart"]["deviceFeatureChoices"].is_array());
    assert_eq!(confirmation["costSummary"][0]["currencyCode"], "GBP");
}
