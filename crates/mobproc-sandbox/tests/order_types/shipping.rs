//! The types that ship something, as documented: a new activation, a
//! port, accessories, and transfers of service in.

use crate::common::*;
use crate::{complete, cost, documented, place, sandbox, service, totals};

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
