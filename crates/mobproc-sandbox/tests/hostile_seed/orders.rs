//! A whole UPGRADE order on the hostile tenant confirms and submits with
//! its payloads echoed; Mallory may act for her report, who has no line.

use mobproc_sandbox::seed::hostile::*;
use serde_json::{json, Value};

use crate::common::*;
use crate::ok;

const US_ID: &str = "70144640";

/// An UPGRADE order as the widget would place it on Mallory's line, with
/// payloads in what a person types too.
fn mallory_order(external_order_number: &str) -> Value {
    json!({"orderRequest": {
        "externalOrderNumber": external_order_number,
        "transactionType": "UPGRADE",
        "serviceId": SERVICE_ID,
        "existingDevice": {
            "manufacturerId": DEVICE_MANUFACTURER_ID,
            "modelId": DEVICE_MODEL,
            "serialNumber": {"type": "ESN", "value": DEVICE_SERIAL},
            "simId": DEVICE_SIM
        },
        "shoppingCart": {
            "deviceId": CATALOG[0].id,
            "planId": PLAN_ID,
            "optionalFeatureIds": [OPTIONAL_FEATURES[0].0, OPTIONAL_FEATURES[2].0]
        },
        "properties": [{
            "groupId": PROPERTY_GROUP,
            "fields": [
                {"id": NOTE_FIELD, "type": "TEXT", "text": SCRIPT},
                {"id": FLAVOUR_FIELD, "type": "CHOICE",
                 "choice": {"id": FLAVOUR_OTHER.0, "otherText": IMG_ONERROR}},
                {"id": REMARKS_FIELD, "type": "TEXT", "text": BIDI}
            ]
        }],
        "shipTo": {
            "name": "Mallory <b><i>unclosed",
            "regionId": US_ID,
            "address": [
                {"id": "LINE_1", "value": SVG_ONLOAD},
                {"id": "CITY", "value": ZALGO},
                {"id": "STATE", "value": "CA"},
                {"id": "POSTAL_CODE", "value": "90210"}
            ],
            "expedite": false
        }
    }})
}

#[tokio::test]
async fn a_whole_order_confirms_and_submits_with_its_payloads_echoed() {
    let sandbox = Sandbox::new();
    let mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;
    let order = mallory_order("hostile-1");

    let confirmed = ok(mallory.post("/orders?confirm=true", &order).await);
    let confirmation = &confirmed.body["orderConfirmation"];
    assert_eq!(confirmed.body["status"], "SUCCESS");
    let text = confirmed.text.clone();
    for payload in [
        CATALOG[0].name.unwrap(),
        PLAN_NAME,
        VENDOR_NAME,
        NOTE_LABEL,
        SCRIPT,
        IMG_ONERROR,
        BIDI,
        SVG_ONLOAD,
        ZALGO,
        MALLORY_FIRST_NAME,
    ] {
        let encoded = serde_json::to_string(payload).unwrap();
        assert!(
            text.contains(&encoded[1..encoded.len() - 1]),
            "the confirmation lacks {payload}: {text}"
        );
    }
    assert!(text.contains(&long_text().replace('"', "\\\"")));
    // Echoed values come back exactly.
    let echoed = confirmation.to_string();
    assert!(echoed.contains("Mallory <b><i>unclosed"), "{echoed}");

    let submitted = ok(mallory.post("/orders", &order).await);
    let stored = &submitted.body["order"];
    let order_id = stored["orderId"].as_str().unwrap().to_owned();
    assert_eq!(stored["externalOrderNumber"], "hostile-1");
    assert_eq!(stored["accountHolder"]["firstName"], MALLORY_FIRST_NAME);
    let segment = &stored["orderSegments"]["items"][0];
    assert_eq!(segment["device"]["name"], CATALOG[0].name.unwrap());
    assert_eq!(segment["plan"]["name"], PLAN_NAME);
    assert_eq!(segment["vendor"]["name"], VENDOR_NAME);

    let read = ok(mallory.get(&format!("/orders/{order_id}")).await);
    let mut read_back = read.body["order"].clone();
    // `updated` moves with the status; the rest is as submitted.
    read_back.as_object_mut().unwrap().remove("updated");
    let mut as_submitted = stored.clone();
    as_submitted.as_object_mut().unwrap().remove("updated");
    assert_eq!(read_back, as_submitted, "read back as submitted");
    let listed = ok(mallory.get("/orders?externalOrderNumber=hostile-1").await);
    assert_eq!(listed.body["orders"][0]["orderId"], order_id.as_str());
    ok(mallory.get(&format!("/orders/{order_id}/history")).await);

    // The same request again is the same order; nothing leaks to ACME.
    let again = ok(mallory.post("/orders", &order).await);
    assert_eq!(again.body["order"]["orderId"], order_id.as_str());
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_eq!(peter.get(&format!("/orders/{order_id}")).await.status, 404);
    assert_eq!(
        peter
            .get(&format!("/catalog/devices/{}", CATALOG[0].id))
            .await
            .status,
        404
    );
    let wrong_tenant = User {
        sandbox: &sandbox,
        token: mallory.token.clone(),
        tenant: "ACME",
        acting_for: None,
    };
    assert_error(
        &wrong_tenant.get("/me").await,
        403,
        "403-tenant-not-allowed",
    );
}

#[tokio::test]
async fn mallory_may_order_for_her_report_but_her_report_has_no_line() {
    let sandbox = Sandbox::new();
    let mut mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;
    mallory.acting_for = Some(REPORT_ID.into());
    let me = ok(mallory.get("/me").await);
    assert_eq!(me.body["actor"]["firstName"], REPORT_FIRST_NAME);
    let services = ok(mallory
        .get(&format!("/assets/services?employee={REPORT_ID}"))
        .await);
    assert_eq!(services.body["services"].as_array().unwrap().len(), 0);
}
