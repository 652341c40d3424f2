//! Router tests of orders: the seed tutorial end to end, validation,
//! idempotency, the order's life and approval.

mod common;

use common::*;
use serde_json::{json, Value};

const DOC_BASE: &str = "https://tngo-mobproc.cloudhub.io/mobproc/v1";
const OUR_BASE: &str = "http://sandbox.test/mobproc/v1";

/// Makes the documentation's answer comparable with the sandbox's: its
/// links point at the sandbox, and its image and logo URLs (on Tangoe's
/// CDN) are replaced by the sandbox's own, which must be on the sandbox.
fn align(expected: &mut Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want.iter_mut() {
                let here = format!("{path}.{key}");
                match (key.ends_with("Url"), have.get(key)) {
                    (true, Some(Value::String(ours))) => {
                        assert!(
                            ours.starts_with("http://sandbox.test/"),
                            "{here} = {ours} is not on the sandbox"
                        );
                        *value = Value::String(ours.clone());
                    }
                    (_, Some(theirs)) => align(value, theirs, &here),
                    (_, None) => {}
                }
            }
        }
        (Value::Array(want), Value::Array(have)) => {
            for (i, (w, h)) in want.iter_mut().zip(have).enumerate() {
                align(w, h, &format!("{path}[{i}]"));
            }
        }
        (Value::String(text), _) if text.starts_with(DOC_BASE) => {
            *text = text.replace(DOC_BASE, OUR_BASE)
        }
        _ => {}
    }
}

/// The key structure of a JSON value (objects' keys, recursively; arrays by their first item).
fn shape(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
        }
        Value::Array(items) => Value::Array(items.first().map(shape).into_iter().collect()),
        Value::Number(_) => json!("number"),
        Value::String(_) => json!("string"),
        Value::Bool(_) => json!("bool"),
        Value::Null => json!("null"),
    }
}

#[tokio::test]
async fn the_seed_request_confirms_exactly_as_documented() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answer = peter.post("/orders?confirm=true", &seed_request()).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let mut expected = seed_confirmation();
    align(&mut expected, &answer.body, "$");
    assert_eq!(
        answer.body, expected,
        "the confirmation differs from the documentation's"
    );
    // Confirming stores nothing.
    let orders = peter.get("/orders").await;
    assert_eq!(orders.body["orders"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn the_seed_request_submits_an_order_shaped_as_documented() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answer = peter.post("/orders", &seed_request()).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let mut documented = seed_submitted();
    assert_eq!(answer.body["status"], "SUCCESS");
    // `updated` is always emitted (TRANSACTIONS.md 3.4; the UPGRADE example
    // predates it), never before `dateSubmitted`; the rest is as documented.
    let mut order = answer.body["order"].clone();
    let updated = order.as_object_mut().unwrap().remove("updated");
    let updated = updated.as_ref().and_then(|u| u.as_str()).expect("updated");
    assert!(updated >= order["dateSubmitted"].as_str().unwrap());
    let order = &order;
    assert_eq!(
        shape(order),
        shape(&documented["order"]),
        "the order's shape differs"
    );
    align(&mut documented, &answer.body, "$");
    for key in [
        "accountHolder",
        "requestedBy",
        "externalOrderNumber",
        "properties",
        "serviceNumber",
        "shipTo",
        "status",
        "transactionType",
    ] {
        assert_eq!(order[key], documented["order"][key], "{key}");
    }
    let segment = &order["orderSegments"]["items"][0];
    let documented_segment = &documented["order"]["orderSegments"]["items"][0];
    for key in [
        "device",
        "plan",
        "status",
        "vendor",
        "features",
        "accessories",
    ] {
        assert_eq!(segment[key], documented_segment[key], "segment {key}");
    }
    assert_eq!(order["orderId"], "8711720");
    assert_eq!(segment["orderSegmentId"], "8711721");
    assert_eq!(
        segment["_meta"]["hrefHistory"],
        format!("{OUR_BASE}/orders/8711720/history?orderSegment=8711721")
    );
    let found = peter.get("/orders?externalOrderNumber=12345678").await;
    assert_eq!(found.body["orders"][0]["orderId"], "8711720");
    assert_eq!(
        peter.get("/orders/8711720").await.body["order"]["orderId"],
        "8711720"
    );
}

#[tokio::test]
async fn the_same_submit_twice_makes_one_order() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let first = peter.post("/orders", &seed_request()).await;
    let second = peter.post("/orders", &seed_request()).await;
    assert_eq!(second.status, 200, "{}", second.text);
    assert_eq!(
        first.body["order"]["orderId"],
        second.body["order"]["orderId"]
    );
    assert_eq!(
        peter.get("/orders").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let mut different = seed_request();
    different["orderRequest"]["shipTo"]["expedite"] = json!(false);
    assert_error(
        &peter.post("/orders", &different).await,
        400,
        "400-duplicate-external-order-number",
    );
    assert_error(
        &peter.post("/orders?confirm=true", &different).await,
        400,
        "400-duplicate-external-order-number",
    );
    assert_eq!(
        peter.get("/orders").await.body["orders"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

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
