//! Router tests of order validation: each problem named, and all of them
//! listed at once.

use serde_json::{json, Value};

use crate::common::*;

/// The seed request with a change, confirmed; the error code expected.
async fn refused(change: impl FnOnce(&mut Value), code: &str) {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut body = seed_request();
    change(&mut body["orderRequest"]);
    let answer = peter.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 400, "{code}: {}", answer.text);
    let codes: Vec<&str> = answer.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["errorCode"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&code), "{code} not in {codes:?}");
    assert_eq!(answer.error_code(), codes[0]);
    let submitted = peter.post("/orders", &body).await;
    assert_eq!(submitted.status, 400);
    assert_eq!(
        peter.get("/orders").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "nothing is stored"
    );
}

fn field<'a>(order: &'a mut Value, id: &str) -> &'a mut Value {
    order["properties"][0]["fields"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap()
}

fn address<'a>(order: &'a mut Value, id: &str) -> &'a mut Value {
    order["shipTo"]["address"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|f| f["id"] == id)
        .unwrap()
}

#[tokio::test]
async fn validation_names_each_problem() {
    refused(
        |o| o["transactionType"] = json!("PHONE_CALL"),
        "400-unsupported-transaction-type",
    )
    .await;
    refused(|o| o["serviceId"] = json!("999"), "400-invalid-service").await;
    refused(
        |o| o["externalOrderNumber"] = json!(""),
        "400-invalid-external-order-number",
    )
    .await;
    refused(
        |o| {
            o.as_object_mut().unwrap().remove("existingDevice");
        },
        "400-existing-device-required",
    )
    .await;
    refused(
        |o| o["existingDevice"]["manufacturerId"] = json!("Nobody"),
        "400-unknown-manufacturer",
    )
    .await;
    refused(
        |o| o["existingDevice"]["serialNumber"]["value"] = json!("12"),
        "400-invalid-serial-number",
    )
    .await;
    refused(
        |o| o["existingDevice"]["serialNumber"]["value"] = json!("111111111111"),
        "400-existing-device-mismatch",
    )
    .await;
    refused(
        |o| o["existingDevice"]["simId"] = json!("SIM"),
        "400-invalid-sim-id",
    )
    .await;
    refused(|o| o["shoppingCart"] = json!({}), "400-empty-cart").await;
    refused(
        |o| o["shoppingCart"]["deviceId"] = json!("0"),
        "400-unknown-device",
    )
    .await;
    refused(
        |o| o["shoppingCart"]["planId"] = json!("0"),
        "400-unknown-plan",
    )
    .await;
    refused(
        |o| o["shoppingCart"]["optionalFeatureIds"] = json!(["122", "999"]),
        "400-feature-not-in-plan",
    )
    .await;
    refused(
        |o| o["shoppingCart"]["optionalFeatureIds"] = json!(["122", "122"]),
        "400-duplicate-feature",
    )
    .await;
    refused(
        |o| o["shoppingCart"] = json!({"deviceId": "9194713904", "optionalFeatureIds": ["122"]}),
        "400-features-without-plan",
    )
    .await;
    refused(
        |o| {
            o["shoppingCart"]["deviceFeatureChoices"] =
                json!([{"featureId": "COLOUR", "choiceId": "COL_BLACK"}])
        },
        "400-device-features-not-supported",
    )
    .await;
    refused(
        |o| {
            field(o, "CONTACT_NUMBER")["text"] = json!("12");
        },
        "400-property-too-short",
    )
    .await;
    refused(
        |o| {
            field(o, "CONTACT_NUMBER")["text"] = json!("20355599x9");
        },
        "400-property-bad-format",
    )
    .await;
    refused(
        |o| {
            field(o, "Reason")["choice"] = json!({"id": "777"});
        },
        "400-property-invalid-choice",
    )
    .await;
    refused(
        |o| {
            field(o, "Reason")["choice"] = json!({"id": "21", "otherText": "why"});
        },
        "400-property-other-text-not-allowed",
    )
    .await;
    refused(
        |o| {
            field(o, "Reason")["choice"] = json!({"id": "99"});
        },
        "400-property-other-text-required",
    )
    .await;
    refused(
        |o| {
            field(o, "Reason")["type"] = json!("TEXT");
        },
        "400-property-type-mismatch",
    )
    .await;
    refused(
        |o| {
            o["properties"][0]["fields"]
                .as_array_mut()
                .unwrap()
                .retain(|f| f["id"] != "SERVICE_NUMBER")
        },
        "400-property-required",
    )
    .await;
    refused(
        |o| {
            o["properties"][0]["fields"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "COLOUR", "type": "TEXT", "text": "red"}))
        },
        "400-property-unknown-field",
    )
    .await;
    refused(
        |o| {
            o["properties"][0]["fields"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "REQUESTED_DATE", "type": "DATE", "text": "02/30/2027"}))
        },
        "400-property-invalid-date",
    )
    .await;
    refused(
        |o| {
            o.as_object_mut().unwrap().remove("shipTo");
        },
        "400-ship-to-required",
    )
    .await;
    refused(
        |o| o["shipTo"]["name"] = json!(" "),
        "400-ship-to-name-required",
    )
    .await;
    refused(
        |o| o["shipTo"]["regionId"] = json!("1"),
        "400-invalid-ship-to-region",
    )
    .await;
    refused(
        |o| o["shipTo"]["regionId"] = json!("158385987"),
        "400-invalid-ship-to-region",
    )
    .await;
    refused(
        |o| o["shipTo"]["region"] = json!({"id": "70144640"}),
        "400-ambiguous-ship-to-region",
    )
    .await;
    refused(
        |o| {
            address(o, "POSTAL_CODE")["value"] = json!("ABCDE");
        },
        "400-address-bad-format",
    )
    .await;
    refused(
        |o| {
            address(o, "STATE")["value"] = json!("ZZ");
        },
        "400-address-invalid-option",
    )
    .await;
    refused(
        |o| {
            o["shipTo"]["address"]
                .as_array_mut()
                .unwrap()
                .retain(|f| f["id"] != "CITY")
        },
        "400-address-required",
    )
    .await;
    refused(
        |o| {
            o["shipTo"]["address"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "PLANET", "value": "Mars"}))
        },
        "400-address-unknown-field",
    )
    .await;
}

#[tokio::test]
async fn all_problems_are_listed_at_once() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut body = seed_request();
    body["orderRequest"]["shoppingCart"]["planId"] = json!("0");
    body["orderRequest"]
        .as_object_mut()
        .unwrap()
        .remove("shipTo");
    let answer = peter.post("/orders?confirm=true", &body).await;
    let errors = answer.body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{}", answer.text);
    assert!(answer.body["message"]
        .as_str()
        .unwrap()
        .contains("1 more problems"));
    assert_eq!(errors[1]["field"], "orderRequest.shipTo");
}
