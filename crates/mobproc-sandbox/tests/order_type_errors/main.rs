//! Router tests of the errors of the transaction types beyond UPGRADE:
//! fields missing or not allowed (the shared rule table), bad values,
//! acknowledgements not accepted, lines in the wrong state, and Atlas
//! refusing the types it does not take. Every problem is listed at once.

mod bad_values;
mod carriers;
#[path = "../common/mod.rs"]
mod common;

use serde_json::{json, Value};

use common::*;

fn documented(name: &str) -> Value {
    let text = match name {
        "new-activation" => {
            include_str!("../../../mobproc-types/tests/fixtures/new-activation.order-request.json")
        }
        "port-number" => {
            include_str!("../../../mobproc-types/tests/fixtures/port-number.order-request.json")
        }
        "order-accessories" => {
            include_str!(
                "../../../mobproc-types/tests/fixtures/order-accessories.order-request.json"
            )
        }
        "suspend" => {
            include_str!("../../../mobproc-types/tests/fixtures/suspend.order-request.json")
        }
        "unsuspend" => {
            include_str!("../../../mobproc-types/tests/fixtures/unsuspend.order-request.json")
        }
        "update-features" => {
            include_str!("../../../mobproc-types/tests/fixtures/update-features.order-request.json")
        }
        "swap-devices" => {
            include_str!("../../../mobproc-types/tests/fixtures/swap-devices.order-request.json")
        }
        "xfer-service-in" => {
            include_str!("../../../mobproc-types/tests/fixtures/xfer-service-in.order-request.json")
        }
        "xfer-service-in-and-port" => include_str!(
            "../../../mobproc-types/tests/fixtures/xfer-service-in-and-port.order-request.json"
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
