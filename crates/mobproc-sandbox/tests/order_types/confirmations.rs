//! Confirmations have the parts the documentation's confirmations show.

use serde_json::Value;

use crate::common::*;
use crate::documented;

/// The documentation's confirmation of a type.
fn documented_confirmation(name: &str) -> Value {
    let text = match name {
        "new-activation" => include_str!(
            "../../../mobproc-types/tests/fixtures/new-activation.order-confirmation.json"
        ),
        "suspend" => {
            include_str!("../../../mobproc-types/tests/fixtures/suspend.order-confirmation.json")
        }
        "deactivate" => {
            include_str!("../../../mobproc-types/tests/fixtures/deactivate.order-confirmation.json")
        }
        "update-features" => include_str!(
            "../../../mobproc-types/tests/fixtures/update-features.order-confirmation.json"
        ),
        "swap-devices" => {
            include_str!(
                "../../../mobproc-types/tests/fixtures/swap-devices.order-confirmation.json"
            )
        }
        "xfer-service-out" => include_str!(
            "../../../mobproc-types/tests/fixtures/xfer-service-out.order-confirmation.json"
        ),
        "xfer-service-in" => include_str!(
            "../../../mobproc-types/tests/fixtures/xfer-service-in.order-confirmation.json"
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
