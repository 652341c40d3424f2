//! End to end in a real Chromium against the sandbox: the variants of an
//! upgrade order (plan only, cross-carrier, Atlas device features,
//! Rivermine) and the form checks of the details and shipping steps.

mod devices;
mod form_errors;
mod plan_only;
#[path = "../support/mod.rs"]
mod support;

use serde_json::Value;
use support::Demo;

/// Chooses the line `id` on the line step and continues.
async fn choose_line(demo: &Demo, id: &str) {
    demo.click(&format!("label[for=\"mobproc-line-{id}\"]"))
        .await;
    demo.click_test_id("next").await;
}

/// Peter Edwards (ACME, Premium Mobile), at the device step of his
/// Verizon line.
async fn peter_at_the_device_step() -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    choose_line(&demo, "38382349").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo
}

/// The only stored order.
async fn the_only_order(demo: &Demo) -> Value {
    let mut orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored: {orders:#?}");
    orders.remove(0)
}

/// The stored order's address values, in order.
fn address(order: &Value) -> Vec<String> {
    order["shipTo"]["address"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap().to_owned())
        .collect()
}
