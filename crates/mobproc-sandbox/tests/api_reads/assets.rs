//! Router tests of the assets: lines with their device and eligibility,
//! devices with their service on request.

use crate::common::*;

#[tokio::test]
async fn services_show_lines_with_device_and_eligibility() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let lines = peter.get("/assets/services?employee=28673732").await;
    assert_eq!(lines.status, 200, "{}", lines.text);
    let services = lines.body["services"].as_array().unwrap();
    assert!(services.len() >= 2);
    let seed_line = services
        .iter()
        .find(|s| s["id"] == "38382349")
        .expect("the tutorial's line");
    assert_eq!(seed_line["serviceNumber"], "2035557676");
    assert_eq!(seed_line["vendor"]["name"], "Verizon Wireless");
    assert_eq!(seed_line["device"]["model"], "Cookie Plus");
    assert_eq!(seed_line["upgradeEligibilityDate"], "2016-01-21T06:00:00Z");
    let later = services
        .iter()
        .find(|s| s["id"] == "38382350")
        .expect("the not-yet-eligible line");
    assert!(later["upgradeEligibilityDate"].as_str().unwrap() > "2026");

    let detail = peter.get("/assets/services/38382349").await;
    assert_eq!(detail.body["contractDates"]["end"], "2016-01-21T06:00:00Z");
    assert_error(
        &peter.get("/assets/services/nope").await,
        404,
        "404-service-not-found",
    );
    let none = peter.get("/assets/services?companyEmployeeId=nobody").await;
    assert_eq!(none.body["services"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn devices_expand_service_and_eligibility_on_request() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let plain = peter.get("/assets/devices/35362368").await;
    assert_eq!(plain.status, 200, "{}", plain.text);
    assert_eq!(
        plain.body["serialNumber"],
        serde_json::json!({"type": "ESN", "value": "4289183847832"})
    );
    assert!(plain.body.get("service").is_none());
    let expanded = peter
        .get("/assets/devices/35362368?includeServiceDetails=true&includeUpgradeEligibleDate=true")
        .await;
    assert_eq!(expanded.body["service"]["id"], "38382349");
    assert_eq!(
        expanded.body["upgradeEligibilityDate"],
        "2016-01-21T06:00:00Z"
    );
    let list = peter.get("/assets/devices?employee=28673732").await;
    assert!(list.body["devices"].as_array().unwrap().len() >= 2);
    assert_error(
        &peter.get("/assets/devices/0").await,
        404,
        "404-device-not-found",
    );
}
