//! Router tests of the eleven transaction types beyond UPGRADE: every
//! documented request confirms and submits as written (peter.edwards at
//! ACME), confirmations have their type's parts and exact totals, orders
//! that ship nothing are never SHIPPED, and COMPLETE changes the assets.
//!
//! Here: the documented requests and the helpers that place and complete
//! them; the types' tests have their own files.

mod care;
#[path = "../common/mod.rs"]
mod common;
mod completion;
mod confirmations;
mod shipping;

use common::*;
use serde_json::Value;

/// The documentation's request of a type, from the types crate's fixtures.
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
        "deactivate" => {
            include_str!("../../../mobproc-types/tests/fixtures/deactivate.order-request.json")
        }
        "update-features" => {
            include_str!("../../../mobproc-types/tests/fixtures/update-features.order-request.json")
        }
        "swap-devices" => {
            include_str!("../../../mobproc-types/tests/fixtures/swap-devices.order-request.json")
        }
        "xfer-service-out" => {
            include_str!(
                "../../../mobproc-types/tests/fixtures/xfer-service-out.order-request.json"
            )
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
