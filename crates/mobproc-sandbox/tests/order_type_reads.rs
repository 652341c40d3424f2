//! Router tests of what the transaction types read first: the carriers'
//! acknowledgements, a line's optional features, and each type's order
//! properties (DATE fields with a pattern, UNSUSPEND's USER pre-filled).

mod common;

use common::*;
use serde_json::Value;

#[tokio::test]
async fn acknowledgements_are_per_type_and_carrier_with_both_parameters_mandatory() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answer = peter
        .get("/acknowledgements?transactionType=XFER_SERVICE_IN&vendor=888")
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let ids: Vec<&str> = answer.body["acknowledgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            assert_eq!(a["type"], "BOOLEAN");
            assert_eq!(a["validation"], "REQUIRED");
            assert!(a["label"].as_str().is_some_and(|l| !l.is_empty()));
            a["id"].as_str().unwrap()
        })
        .collect();
    assert_eq!(ids, ["SHARED_PLAN", "LIABILITY_TRANSFER"]);
    assert!(answer.body["infoblocks"][0]["paragraphs"][0]["text"].is_string());
    assert!(answer.body["_meta"]["href"]
        .as_str()
        .unwrap()
        .starts_with("http://sandbox.test/"));
    let port = peter
        .get("/acknowledgements?transactionType=XFER_SERVICE_IN_AND_PORT&vendor=888")
        .await;
    assert_eq!(port.body["acknowledgements"][1]["id"], "TERMINATION_FEE");
    let out = peter
        .get("/acknowledgements?transactionType=XFER_SERVICE_OUT&vendor=97")
        .await;
    assert_eq!(out.body["acknowledgements"], Value::Array(Vec::new()));
    assert_error(
        &peter.get("/acknowledgements?vendor=888").await,
        400,
        "400-transaction-type-required",
    );
    assert_error(
        &peter
            .get("/acknowledgements?transactionType=XFER_SERVICE_IN")
            .await,
        400,
        "400-vendor-required",
    );
    assert_error(
        &peter
            .get("/acknowledgements?transactionType=XFER_SERVICE_IN&vendor=0")
            .await,
        404,
        "404-vendor-not-found",
    );
}

#[tokio::test]
async fn a_lines_features_are_its_plans_optional_ones_with_the_active_marked() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let answer = peter.get("/catalog/features?service=38382335").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let features = answer.body["features"].as_array().unwrap();
    let state = |id: &str| {
        features
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| f["active"].clone())
    };
    assert_eq!(features.len(), 5);
    assert_eq!(state("951"), Some(Value::Bool(true)));
    assert_eq!(state("518"), Some(Value::Bool(false)));
    assert_eq!(features[0]["price"]["recurrence"], "MONTHLY");
    assert!(features[0]["description"].is_string());
    let tutorial = peter.get("/catalog/features?service=38382349").await;
    assert_eq!(tutorial.body["features"][0]["id"], "122");
    assert_error(
        &peter.get("/catalog/features").await,
        400,
        "400-service-required",
    );
    assert_error(
        &peter.get("/catalog/features?service=38382300").await,
        404,
        "404-service-not-found",
    );
}

fn fields(answer: &Answer) -> Vec<Value> {
    answer.body["properties"]["items"][0]["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn every_type_has_properties_and_unsuspend_prefills_the_user() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    for kind in [
        "NEW_ACTIVATION",
        "PORT_NUMBER",
        "ORDER_ACCESSORIES",
        "SUSPEND",
        "UNSUSPEND",
        "DEACTIVATE",
        "UPDATE_FEATURES",
        "SWAP_DEVICES",
        "XFER_SERVICE_OUT",
        "XFER_SERVICE_IN",
        "XFER_SERVICE_IN_AND_PORT",
    ] {
        let answer = peter
            .get(&format!(
                "/orders/properties?transactionType={kind}&vendor=97"
            ))
            .await;
        assert!(!fields(&answer).is_empty(), "{kind}: {}", answer.text);
    }
    let unsuspend = peter
        .get("/orders/properties?transactionType=UNSUSPEND&service=38382336")
        .await;
    let user = fields(&unsuspend)
        .into_iter()
        .find(|f| f["id"] == "USER")
        .unwrap();
    assert_eq!(user["text"], "peter.edwards.acme");
    assert_eq!(user["validation"], "REQUIRED");
    let suspend = peter
        .get("/orders/properties?transactionType=SUSPEND&service=38382335")
        .await;
    let date = fields(&suspend)
        .into_iter()
        .find(|f| f["type"] == "DATE")
        .unwrap();
    assert_eq!(date["pattern"], "mm/dd/yyyy");
    let pin = |answer: &Answer| {
        fields(answer)
            .into_iter()
            .find(|f| f["id"] == "PIN_PASSWORD")
            .map(|f| f["validation"].clone())
    };
    let xp = peter
        .get("/orders/properties?transactionType=XFER_SERVICE_IN_AND_PORT&vendor=888")
        .await;
    assert_eq!(pin(&xp), Some(Value::from("REQUIRED")));
    let upgrade = peter
        .get("/orders/properties?transactionType=UPGRADE&vendor=98")
        .await;
    assert!(fields(&upgrade).iter().any(|f| f["id"] == "Reason"));
}

#[tokio::test]
async fn atlas_has_properties_only_for_the_types_it_takes() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let vendor = "410000_1000001";
    let with = |kind: &str| format!("/orders/properties?transactionType={kind}&vendor={vendor}");
    assert!(!fields(&oliver.get(&with("NEW_ACTIVATION")).await).is_empty());
    assert!(!fields(&oliver.get(&with("ORDER_ACCESSORIES")).await).is_empty());
    assert!(fields(&oliver.get(&with("SUSPEND")).await).is_empty());
}
