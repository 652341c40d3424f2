//! Router tests of the reference data: regions with their address
//! formats, and the order properties by service or vendor.

use crate::common::*;

#[tokio::test]
async fn regions_countries_states_and_address_formats() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let countries = peter.get("/regions").await;
    let names: Vec<&str> = countries.body["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    for name in ["United States", "Canada", "United Kingdom"] {
        assert!(names.contains(&name), "{names:?}");
    }
    let states = peter.get("/regions?parentRegion=70144640").await;
    assert_eq!(states.body["regions"].as_array().unwrap().len(), 51);
    let us = peter.get("/regions/70144640").await;
    let format: Vec<&str> = us.body["addressFormat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(format, ["LINE_1", "LINE_2", "CITY", "STATE", "POSTAL_CODE"]);
    assert_eq!(us.body["currency"]["code"], "USD");
    assert!(us.body["_meta"]["hrefChildren"]
        .as_str()
        .unwrap()
        .ends_with("parentRegion=70144640"));
    assert_error(&peter.get("/regions/1").await, 404, "404-region-not-found");
    assert_error(
        &peter.get("/regions?parentRegion=1").await,
        404,
        "404-region-not-found",
    );
}

#[tokio::test]
async fn order_properties_by_service_or_vendor_with_exclusions() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let ids = |answer: &Answer| -> Vec<String> {
        answer.body["properties"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["fields"].as_array().unwrap())
            .map(|f| f["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = peter
        .get("/orders/properties?transactionType=UPGRADE&service=38382349")
        .await;
    assert_eq!(all.status, 200, "{}", all.text);
    let all_ids = ids(&all);
    for id in [
        "CONTACT_NUMBER",
        "SERVICE_NUMBER",
        "Reason",
        "DEVICE_PROTECTION",
        "PORT_BILLING_CYCLE",
    ] {
        assert!(all_ids.contains(&id.to_owned()), "{all_ids:?}");
    }
    let plan_only = peter
        .get("/orders/properties?transactionType=UPGRADE&service=38382349&orderExcludesDevice=true")
        .await;
    assert!(!ids(&plan_only).contains(&"DEVICE_PROTECTION".to_owned()));
    let device_only = peter
        .get("/orders/properties?transactionType=UPGRADE&vendor=98&orderExcludesPlan=true")
        .await;
    assert!(!ids(&device_only).contains(&"PORT_BILLING_CYCLE".to_owned()));
    assert!(ids(&device_only).contains(&"DEVICE_PROTECTION".to_owned()));

    assert_error(
        &peter
            .get("/orders/properties?transactionType=UPGRADE")
            .await,
        400,
        "400-service-or-vendor-required",
    );
    assert_error(
        &peter.get("/orders/properties?service=38382349").await,
        400,
        "400-transaction-type-required",
    );
    assert_error(
        &peter
            .get("/orders/properties?transactionType=UPGRADE&service=1")
            .await,
        404,
        "404-service-not-found",
    );
    assert_error(
        &peter
            .get("/orders/properties?transactionType=UPGRADE&vendor=1")
            .await,
        404,
        "404-vendor-not-found",
    );
}
