//! Router tests of the eleven transaction types beyond UPGRADE: every
//! documented request confirms and submits as written (peter.edwards at
//! ACME), confirmations have their type's parts and exact totals, orders
//! that ship nothing are never SHIPPED, and COMPLETE changes the assets.

mod common;

use common::*;
use serde_json::{json, Value};

/// The documentation's request of a type, from the types crate's fixtures.
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
        "deactivate" => {
            include_str!("../../mobproc-types/tests/fixtures/deactivate.order-request.json")
        }
        "update-features" => {
            include_str!("../../mobproc-types/tests/fixtures/update-features.order-request.json")
        }
        "swap-devices" => {
            include_str!("../../mobproc-types/tests/fixtures/swap-devices.order-request.json")
        }
        "xfer-service-out" => {
            include_str!("../../mobproc-types/tests/fixtures/xfer-service-out.order-request.json")
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

/// A sandbox whose orders move one step a minute.
fn sandbox() -> Sandbox {
    Sandbox::with(|c| c.order_step_seconds = 60)
}

/// Confirms then submits `body`; answers the confirmation and the order.
async fn place(peter: &User<'_>, body: &Value) -> (Value, Value) {
    let confirmed = peter.post("/orders?confirm=true", body).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text);
    let submitted = peter.post("/orders", body).await;
    assert_eq!(submitted.status, 200, "{}", submitted.text);
    (
        confirmed.body["orderConfirmation"].clone(),
        submitted.body["order"].clone(),
    )
}

/// Lets the order complete, reads it, and answers it with its history.
async fn complete(sandbox: &Sandbox, peter: &User<'_>, order: &Value) -> (Value, Vec<String>) {
    advance_clock(sandbox, 600).await;
    let id = order["orderId"].as_str().unwrap();
    let read = peter.get(&format!("/orders/{id}")).await;
    assert_eq!(read.body["order"]["status"], "COMPLETE", "{}", read.text);
    let history = peter.get(&format!("/orders/{id}/history")).await;
    let statuses = history.body["history"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap().to_owned())
        .collect();
    (read.body["order"].clone(), statuses)
}

fn totals(confirmation: &Value) -> Vec<(String, f64)> {
    confirmation["costSummary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["recurrence"].as_str().unwrap().to_owned(),
                a["amount"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn cost(onetime: f64, monthly: f64) -> Vec<(String, f64)> {
    vec![("ONETIME".into(), onetime), ("MONTHLY".into(), monthly)]
}

async fn service(peter: &User<'_>, id: &str) -> Answer {
    peter.get(&format!("/assets/services/{id}")).await
}

#[tokio::test]
async fn new_activation_as_documented_costs_exactly_and_creates_a_line() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let lines_before = peter.get("/assets/services").await.body["_meta"]["totalCount"].clone();
    let (confirmation, order) = place(&peter, &documented("new-activation")).await;
    assert_eq!(totals(&confirmation), cost(267.99, 110.0));
    assert_eq!(confirmation["postalCode"], "06477");
    assert_eq!(confirmation["region"]["id"], "70144640");
    assert_eq!(confirmation["shoppingCart"]["quantity"], 1);
    let accessories = confirmation["shoppingCart"]["accessories"]
        .as_array()
        .unwrap();
    assert_eq!(accessories.len(), 2);
    assert_eq!(accessories[0]["vendor"]["id"], "97");
    for absent in ["service", "device", "existingDevice"] {
        assert!(confirmation.get(absent).is_none(), "{absent}");
    }
    assert!(order.get("serviceNumber").is_none());
    let segment = &order["orderSegments"]["items"][0];
    assert_eq!(segment["accessories"].as_array().unwrap().len(), 2);
    let (_, statuses) = complete(&sandbox, &peter, &order).await;
    assert!(statuses.iter().any(|s| s == "SHIPPED"), "{statuses:?}");
    let lines_after = peter.get("/assets/services").await.body["_meta"]["totalCount"].clone();
    assert_eq!(
        lines_after.as_u64().unwrap(),
        lines_before.as_u64().unwrap() + 1
    );
}

#[tokio::test]
async fn port_number_as_documented_moves_the_line_to_the_new_carrier() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("port-number")).await;
    assert_eq!(totals(&confirmation), cost(299.99, 85.0));
    assert_eq!(confirmation["postalCode"], "06477");
    assert_eq!(order["serviceNumber"], "5123440000");
    assert_eq!(service(&peter, "34415733").await.body["vendor"]["id"], "98");
    complete(&sandbox, &peter, &order).await;
    let line = service(&peter, "34415733").await;
    assert_eq!(line.body["vendor"]["id"], "97", "{}", line.text);
    let features = peter.get("/catalog/features?service=34415733").await;
    let active: Vec<&str> = features.body["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["active"] == true)
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(active, ["2082", "1399"]);
}

#[tokio::test]
async fn order_accessories_as_documented_ships_the_accessories() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("order-accessories")).await;
    assert_eq!(totals(&confirmation), cost(22.98, 0.0));
    assert_eq!(confirmation["shoppingCart"]["quantity"], 0);
    let segment = &order["orderSegments"]["items"][0];
    assert!(segment.get("device").is_none() && segment.get("plan").is_none());
    assert_eq!(segment["accessories"].as_array().unwrap().len(), 2);
    let (_, statuses) = complete(&sandbox, &peter, &order).await;
    assert!(statuses.iter().any(|s| s == "SHIPPED"));
    let id = order["orderId"].as_str().unwrap();
    let shipments = peter.get(&format!("/orders/{id}/shipments")).await;
    let items = &shipments.body["shipments"]["items"][0]["items"];
    assert_eq!(items.as_array().unwrap().len(), 2, "{}", shipments.text);
}

/// Asserts a care order that ships nothing: no cost, no cart, no shipTo,
/// one segment of the line's carrier, never SHIPPED, no shipments.
async fn ships_nothing(sandbox: &Sandbox, peter: &User<'_>, confirmation: &Value, order: &Value) {
    for absent in ["costSummary", "shoppingCart", "shipTo"] {
        assert!(
            confirmation.get(absent).is_none(),
            "{absent}: {confirmation}"
        );
    }
    assert!(order.get("shipTo").is_none());
    assert!(order.get("updated").is_some());
    let segments = order["orderSegments"]["items"].as_array().unwrap();
    assert_eq!(segments.len(), 1);
    assert!(segments[0]["vendor"]["id"].is_string());
    let (_, statuses) = complete(sandbox, peter, order).await;
    assert!(!statuses.iter().any(|s| s == "SHIPPED"), "{statuses:?}");
    let id = order["orderId"].as_str().unwrap();
    let shipments = peter.get(&format!("/orders/{id}/shipments")).await;
    assert_eq!(shipments.body["shipments"]["items"], json!([]));
}

#[tokio::test]
async fn suspend_then_unsuspend_as_documented_pause_and_resume_the_line() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    // Both documented requests use the same externalOrderNumber: the
    // suspension goes in under another one, then the resumption as written.
    let mut suspend = documented("suspend");
    suspend["orderRequest"]["externalOrderNumber"] = json!("SUSPEND-FIRST");
    let (confirmation, order) = place(&peter, &suspend).await;
    assert_eq!(confirmation["service"]["id"], "38382335");
    assert!(confirmation["device"].is_object() && confirmation["region"].is_object());
    assert_eq!(
        confirmation["properties"][0]["fields"][4]["date"],
        "2016-12-22T00:00:00Z"
    );
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(
        service(&peter, "38382335").await.body["status"],
        "SUSPENDED"
    );
    let (confirmation, order) = place(&peter, &documented("unsuspend")).await;
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(service(&peter, "38382335").await.body["status"], "ACTIVE");
}

#[tokio::test]
async fn deactivate_as_documented_confirms_only_the_line_and_ends_it() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("deactivate")).await;
    assert_eq!(confirmation["service"]["id"], "31647891");
    for absent in ["device", "region"] {
        assert!(confirmation.get(absent).is_none(), "{absent}");
    }
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_eq!(service(&peter, "31647891").await.body["status"], "INACTIVE");
}

#[tokio::test]
async fn update_features_as_documented_adds_the_feature() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("update-features")).await;
    assert_eq!(totals(&confirmation), cost(0.0, 5.0));
    let cart = &confirmation["shoppingCart"];
    assert_eq!(cart["quantity"], 0);
    assert_eq!(cart["featureRequestComment"], "Please also add Caller ID");
    assert_eq!(cart["features"][0]["action"], "ADD");
    assert_eq!(cart["features"][0]["description"], "Call Forwarding");
    assert_eq!(
        order["orderSegments"]["items"][0]["features"][0]["id"],
        "518"
    );
    assert!(order.get("shipTo").is_none());
    let (_, statuses) = complete(&sandbox, &peter, &order).await;
    assert!(!statuses.iter().any(|s| s == "SHIPPED"));
    let features = peter.get("/catalog/features?service=38382335").await;
    let call_forwarding = features.body["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "518")
        .cloned()
        .unwrap();
    assert_eq!(call_forwarding["active"], true);
}

#[tokio::test]
async fn swap_devices_as_documented_puts_the_line_on_the_new_device() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("swap-devices")).await;
    assert_eq!(
        confirmation["existingDevice"]["otherMakeModelName"],
        "Acme StarPhone 2000"
    );
    assert_eq!(confirmation["newDevice"]["manufacturer"]["id"], "Apple");
    assert!(confirmation["newDevice"]["model"]["_meta"]["href"].is_string());
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    let devices = peter.get("/assets/devices?service=38382349").await;
    assert!(devices.text.contains("123456789001230"), "{}", devices.text);
}

#[tokio::test]
async fn xfer_service_out_as_documented_takes_the_line_out_of_the_company() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("xfer-service-out")).await;
    assert_eq!(confirmation["acknowledgements"], json!([]));
    ships_nothing(&sandbox, &peter, &confirmation, &order).await;
    assert_error(
        &service(&peter, "38382555").await,
        404,
        "404-service-not-found",
    );
}

#[tokio::test]
async fn xfer_service_in_as_documented_brings_the_number_in() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("xfer-service-in")).await;
    assert_eq!(totals(&confirmation), cost(199.97, 55.0));
    assert_eq!(confirmation["currentVendor"]["id"], "888");
    assert!(confirmation["currentVendor"]["logoUrl"].is_string());
    assert_eq!(
        confirmation["acknowledgements"].as_array().unwrap().len(),
        2
    );
    assert_eq!(confirmation["shoppingCart"]["quantity"], 1);
    assert_eq!(confirmation["shipTo"]["address"][2]["value"], "Connecticut");
    complete(&sandbox, &peter, &order).await;
    let lines = peter.get("/assets/services?limit=100").await;
    assert!(lines.text.contains("\"2035551111\""), "{}", lines.text);
}

#[tokio::test]
async fn xfer_service_in_and_port_as_documented_confirms_and_submits() {
    let sandbox = sandbox();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (confirmation, order) = place(&peter, &documented("xfer-service-in-and-port")).await;
    assert_eq!(totals(&confirmation), cost(149.99, 55.0));
    assert_eq!(confirmation["currentVendor"]["id"], "111");
    assert_eq!(order["transactionType"], "XFER_SERVICE_IN_AND_PORT");
    assert!(order["shipTo"].is_object());
    assert_eq!(order["orderSegments"]["items"][0]["vendor"]["id"], "888");
}

/// The documentation's confirmation of a type.
fn documented_confirmation(name: &str) -> Value {
    let text = match name {
        "new-activation" => include_str!(
            "../../mobproc-types/tests/fixtures/new-activation.order-confirmation.json"
        ),
        "suspend" => {
            include_str!("../../mobproc-types/tests/fixtures/suspend.order-confirmation.json")
        }
        "deactivate" => {
            include_str!("../../mobproc-types/tests/fixtures/deactivate.order-confirmation.json")
        }
        "update-features" => include_str!(
            "../../mobproc-types/tests/fixtures/update-features.order-confirmation.json"
        ),
        "swap-devices" => {
            include_str!("../../mobproc-types/tests/fixtures/swap-devices.order-confirmation.json")
        }
        "xfer-service-out" => include_str!(
            "../../mobproc-types/tests/fixtures/xfer-service-out.order-confirmation.json"
        ),
        "xfer-service-in" => include_str!(
            "../../mobproc-types/tests/fixtures/xfer-service-in.order-confirmation.json"
        ),
        other => panic!("no fixture {other}"),
    };
    serde_json::from_str::<Value>(text).unwrap()["orderConfirmation"].clone()
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|map| map.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

#[tokio::test]
async fn confirmations_have_the_parts_the_documentation_shows() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    for name in [
        "new-activation",
        "suspend",
        "deactivate",
        "update-features",
        "swap-devices",
        "xfer-service-out",
        "xfer-service-in",
    ] {
        let answer = peter.post("/orders?confirm=true", &documented(name)).await;
        assert_eq!(answer.status, 200, "{name}: {}", answer.text);
        let ours = &answer.body["orderConfirmation"];
        let theirs = documented_confirmation(name);
        assert_eq!(keys(ours), keys(&theirs), "{name}");
        assert_eq!(
            keys(&ours["shoppingCart"]),
            keys(&theirs["shoppingCart"]),
            "{name}: shoppingCart"
        );
        assert_eq!(ours["properties"].as_array().unwrap().len(), 1, "{name}");
    }
}

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
