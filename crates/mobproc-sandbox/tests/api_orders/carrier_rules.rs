//! Router tests of the carriers' rules: networks, plan-only upgrades,
//! Rivermine's and Atlas's orders.

use serde_json::{json, Value};

use crate::common::*;

#[tokio::test]
async fn a_plan_from_a_carrier_on_another_network_needs_a_new_device() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let gsm_plans = peter.get("/catalog/plans?vendor=97").await;
    let plan_id = gsm_plans.body["plans"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut body = seed_request();
    body["orderRequest"]["externalOrderNumber"] = json!("cross-1");
    body["orderRequest"]["shoppingCart"] = json!({"planId": plan_id});
    body["orderRequest"]["properties"][0]["fields"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "COST_CENTER", "type": "TEXT", "text": "CC-1234"}));
    let answer = peter.post("/orders?confirm=true", &body).await;
    let codes: Vec<&str> = answer.body["errors"]
        .as_array()
        .map(|e| e.iter().map(|e| e["errorCode"].as_str().unwrap()).collect())
        .unwrap_or_default();
    assert!(
        codes.contains(&"400-new-device-required"),
        "{}",
        answer.text
    );

    // The same plan with a CDMA device is still refused; with a GSM one it confirms.
    body["orderRequest"]["shoppingCart"]["deviceId"] = json!("9194713904");
    let still = peter.post("/orders?confirm=true", &body).await;
    assert!(
        still.text.contains("400-device-incompatible-with-network"),
        "{}",
        still.text
    );
    let gsm = peter.get("/catalog/devices?vendor=97&limit=1").await;
    body["orderRequest"]["shoppingCart"]["deviceId"] = gsm.body["devices"][0]["id"].clone();
    let ok = peter.post("/orders?confirm=true", &body).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
}

#[tokio::test]
async fn a_plan_only_upgrade_ships_a_sim_on_premium_mobile() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mut body = seed_request();
    body["orderRequest"]["shoppingCart"] =
        json!({"planId": "6568886698", "optionalFeatureIds": ["293"]});
    let answer = peter.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.body["orderConfirmation"]["costSummary"],
        json!([{"amount": 258.67, "currencyCode": "USD", "recurrence": "MONTHLY"}])
    );
    body["orderRequest"]
        .as_object_mut()
        .unwrap()
        .remove("shipTo");
    let refused = peter.post("/orders?confirm=true", &body).await;
    assert!(
        refused.text.contains("a new SIM card ships"),
        "{}",
        refused.text
    );
}

#[tokio::test]
async fn rivermine_plan_only_upgrades_need_no_existing_device_nor_ship_to() {
    let sandbox = Sandbox::new();
    let chloe = User::sign_in(&sandbox, "chloe.tremblay", "GLOBEX").await;
    let lines = chloe.get("/assets/services").await;
    let line = lines.body["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["employee"]["name"] == "Chloe Tremblay"
                && s["upgradeEligibilityDate"].as_str().unwrap_or("9") < "2026"
        })
        .unwrap()
        .clone();
    let vendor = line["vendor"]["id"].as_str().unwrap();
    let plan = chloe
        .get(&format!("/catalog/plans?vendor={vendor}"))
        .await
        .body["plans"][0]["id"]
        .clone();
    let properties = chloe
        .get(&format!(
            "/orders/properties?transactionType=UPGRADE&service={}&orderExcludesDevice=true",
            line["id"].as_str().unwrap()
        ))
        .await;
    let fields = required_values(&properties.body);
    let body = json!({"orderRequest": {
        "externalOrderNumber": "globex-1", "transactionType": "UPGRADE", "serviceId": line["id"],
        "shoppingCart": {"planId": plan}, "properties": fields}});
    let answer = chloe.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.body["orderConfirmation"]["costSummary"][0]["currencyCode"],
        "CAD"
    );
    let mut with_device = body.clone();
    with_device["orderRequest"]["existingDevice"] = json!({"manufacturerId": "Apple", "modelId": "iPhone", "serialNumber": {"type": "IMEI", "value": "356938035643809"}});
    assert!(chloe
        .post("/orders?confirm=true", &with_device)
        .await
        .text
        .contains("400-existing-device-not-supported"));
}

/// Valid values for every required property of a properties answer.
fn required_values(properties: &Value) -> Value {
    let groups = properties["properties"]["items"].as_array().unwrap();
    Value::Array(
        groups
            .iter()
            .map(|group| {
                let fields: Vec<Value> = group["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["validation"] == "REQUIRED")
                    .map(|f| match f["type"].as_str().unwrap() {
                        "CHOICE" => {
                            let choice = f["choices"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .find(|c| c["isOther"] != true)
                                .unwrap();
                            json!({"id": f["id"], "type": "CHOICE", "choice": {"id": choice["id"]}})
                        }
                        kind => json!({"id": f["id"], "type": kind, "text": sample_text(f)}),
                    })
                    .collect();
                json!({"groupId": group["groupId"], "fields": fields})
            })
            .collect(),
    )
}

/// A value that fits a TEXT field's rules in the seed.
fn sample_text(field: &Value) -> String {
    let min = field["minLength"].as_u64().unwrap_or(1).max(1) as usize;
    match field["regEx"].as_str() {
        Some(re) if re.contains("[A-Z]{2}-[0-9]{4}") => "AB-1234".into(),
        Some(re) if re.contains("[0-9]") => "4165550100"
            .chars()
            .cycle()
            .take(
                min.max(10)
                    .min(field["maxLength"].as_u64().unwrap_or(10) as usize),
            )
            .collect(),
        _ => "X".repeat(min),
    }
}

#[tokio::test]
async fn atlas_orders_carry_device_feature_choices_and_their_prices() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let line = oliver.get("/assets/services").await.body["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["employee"]["name"] == "Oliver Bennett")
        .unwrap()
        .clone();
    let vendor = line["vendor"]["id"].as_str().unwrap().to_owned();
    let listed = oliver
        .get(&format!("/catalog/devices?vendor={vendor}&limit=1"))
        .await;
    let device_id = listed.body["devices"][0]["id"].as_str().unwrap().to_owned();
    let detail = oliver.get(&format!("/catalog/devices/{device_id}")).await;
    let features = detail.body["deviceFeatures"].as_array().unwrap();
    let choices: Vec<Value> = features
        .iter()
        .map(|f| json!({"featureId": f["id"], "choiceId": f["choices"].as_array().unwrap().last().unwrap()["id"]}))
        .collect();
    let extra: f64 = features
        .iter()
        .map(|f| {
            f["choices"].as_array().unwrap().last().unwrap()["price"]["amount"]
                .as_f64()
                .unwrap_or(0.0)
        })
        .sum();
    let properties = oliver
        .get(&format!(
            "/orders/properties?transactionType=UPGRADE&service={}&orderExcludesPlan=true",
            line["id"].as_str().unwrap()
        ))
        .await;
    let device = oliver
        .get(&format!(
            "/assets/devices?service={}",
            line["id"].as_str().unwrap()
        ))
        .await;
    let asset = &device.body["devices"][0];
    let mut body = json!({"orderRequest": {
        "externalOrderNumber": "initech-1", "transactionType": "UPGRADE", "serviceId": line["id"],
        "shoppingCart": {"deviceId": device_id},
        "properties": required_values(&properties.body),
        "shipTo": {"name": "Oliver Bennett", "regionId": "70144642", "address": [
            {"id": "LINE_1", "value": "10 Downing Street"}, {"id": "TOWN", "value": "London"}, {"id": "POSTCODE", "value": "SW1A 2AA"}]}}});
    if asset["serialNumber"].is_object() {
        body["orderRequest"]["existingDevice"] = json!({"manufacturerId": asset["manufacturer"]["id"], "modelId": asset["model"], "serialNumber": asset["serialNumber"]});
    }
    let missing = oliver.post("/orders?confirm=true", &body).await;
    assert!(
        missing.text.contains("400-device-feature-required"),
        "{}",
        missing.text
    );
    body["orderRequest"]["shoppingCart"]["deviceFeatureChoices"] = Value::Array(choices);
    let answer = oliver.post("/orders?confirm=true", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let confirmation = &answer.body["orderConfirmation"];
    assert_eq!(
        confirmation["shoppingCart"]["deviceFeatureChoices"]
            .as_array()
            .unwrap()
            .len(),
        features.len()
    );
    let base = detail.body["price"]["amount"].as_f64().unwrap();
    let onetime = confirmation["costSummary"][0]["amount"].as_f64().unwrap();
    assert!(
        (onetime - (base + extra)).abs() < 0.001,
        "{onetime} != {base} + {extra}"
    );
    assert_eq!(confirmation["costSummary"][0]["currencyCode"], "GBP");
}
