//! Router tests of what each carrier takes: the types Atlas refuses,
//! Rivermine's resumed lines, and Atlas's new activations.

use serde_json::{json, Value};

use crate::codes;
use crate::common::*;

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
