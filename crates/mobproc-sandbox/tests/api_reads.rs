//! Router tests of the read resources: every route, its filters and errors.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::*;
use serde_json::Value;

#[tokio::test]
async fn ping_needs_no_token_and_names_the_backend() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/ping?echoText=hello")
                .header("x-tngo-tenant", "GLOBEX")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["echoText"], "hello");
    assert_eq!(answer.body["backend"], "Rivermine");
}

#[tokio::test]
async fn me_names_the_user_the_actor_and_their_rights() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let me = peter.get("/me").await;
    assert_eq!(me.status, 200, "{}", me.text);
    assert_eq!(me.body["user"]["id"], "28673732");
    assert_eq!(me.body["actor"]["id"], "28673732");
    assert_eq!(me.body["transactionTypes"].as_array().unwrap().len(), 12);
    assert_eq!(me.body["isApprover"], false);
    assert_eq!(
        me.body["user"]["_meta"]["href"],
        "http://sandbox.test/mobproc/v1/employees/28673732"
    );

    let mut maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    assert_eq!(maria.get("/me").await.body["isApprover"], true);
    maria.acting_for = Some("28673732".into());
    let acting = maria.get("/me").await;
    assert_eq!(acting.body["user"]["lastName"], "Lopez");
    assert_eq!(acting.body["actor"]["id"], "28673732");
}

#[tokio::test]
async fn context_by_company_employee_id_works_for_reports_only() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let answer = sandbox
        .send(
            api_request(Method::GET, "/me", &maria.token, "ACME")
                .header("x-tngo-context-companyemployeeid", "peter.edwards.acme")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.body["actor"]["id"], "28673732", "{}", answer.text);

    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let refused = sandbox
        .send(
            api_request(Method::GET, "/me", &peter.token, "ACME")
                .header("x-tngo-context-companyemployeeid", "maria.lopez.acme")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&refused, 403, "403-context-not-allowed");
}

#[tokio::test]
async fn employees_are_only_those_the_user_may_act_for() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mine = peter.get("/employees").await;
    assert_eq!(mine.body["employees"].as_array().unwrap().len(), 1);
    assert_eq!(mine.body["_meta"]["totalCount"], 1);
    assert_error(
        &peter.get("/employees/28673700").await,
        404,
        "404-employee-not-found",
    );

    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let team = maria.get("/employees?limit=2").await;
    let total = team.body["_meta"]["totalCount"].as_u64().unwrap();
    assert!(total >= 3, "Maria has reports: {}", team.text);
    assert_eq!(team.body["employees"].as_array().unwrap().len(), 2);
    assert!(team.body["_meta"]["hrefNext"]
        .as_str()
        .unwrap()
        .ends_with("limit=2&offset=2"));
    let detail = maria.get("/employees/28673732").await;
    assert_eq!(detail.body["firstName"], "Peter");
    assert!(detail.body["_meta"]["hrefServices"]
        .as_str()
        .unwrap()
        .contains("employee=28673732"));
    let found = maria.get("/employees?search=EDWARDS").await;
    assert_eq!(found.body["employees"][0]["id"], "28673732");
}

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

#[tokio::test]
async fn catalog_devices_filter_sort_and_page_over_thousands() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let all = peter.get("/catalog/devices?limit=5000").await;
    assert_eq!(all.status, 200, "{}", &all.text[..300.min(all.text.len())]);
    assert!(all.body["_meta"]["totalCount"].as_u64().unwrap() >= 5000);
    assert_eq!(all.body["devices"].as_array().unwrap().len(), 5000);

    let iphone = peter
        .get("/catalog/devices?search=iphone%205%20(16GB)%20-%20black&vendor=98")
        .await;
    let device = &iphone.body["devices"][0];
    assert_eq!(device["id"], "9194713904", "{}", iphone.text);
    assert_eq!(device["price"]["amount"], 199.99);
    assert_eq!(device["accessMethod"], "CDMA");
    assert!(device["imageUrl"]
        .as_str()
        .unwrap()
        .starts_with("http://sandbox.test/sandbox/images/"));

    let cheap = peter
        .get("/catalog/devices?maxPrice=100&sort=-price&limit=50")
        .await;
    let prices: Vec<f64> = cheap.body["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["price"]["amount"].as_f64().unwrap())
        .collect();
    assert!(!prices.is_empty() && prices.iter().all(|p| *p <= 100.0));
    assert!(
        prices.windows(2).all(|w| w[0] >= w[1]),
        "sorted by price descending"
    );

    let apple = peter
        .get("/catalog/devices?manufacturer=Apple&limit=100")
        .await;
    assert!(apple.body["devices"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["manufacturer"]["id"] == "Apple"));

    assert_error(
        &peter.get("/catalog/devices?sort=colour").await,
        400,
        "400-invalid-sort",
    );
    assert_error(
        &peter.get("/catalog/devices?minPrice=cheap").await,
        400,
        "400-invalid-price-filter",
    );
    assert_error(
        &peter.get("/catalog/devices?limit=0").await,
        400,
        "400-invalid-limit",
    );
    assert_error(
        &peter.get("/catalog/devices?offset=x").await,
        400,
        "400-invalid-offset",
    );
    assert_error(
        &peter.get("/catalog/devices/0000").await,
        404,
        "404-catalog-device-not-found",
    );
}

#[tokio::test]
async fn premium_mobile_pages_contain_the_offset() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let page = peter.get("/catalog/devices?limit=10&offset=35").await;
    assert_eq!(page.body["_meta"]["offset"], 30);
    assert!(page.body["_meta"]["hrefPrevious"]
        .as_str()
        .unwrap()
        .ends_with("offset=20"));
}

#[tokio::test]
async fn atlas_devices_carry_feature_choices_and_data_images() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let list = oliver.get("/catalog/devices?limit=100").await;
    let first = &list.body["devices"][0];
    assert!(
        first["imageUrl"]
            .as_str()
            .unwrap()
            .starts_with("data:image/"),
        "{}",
        first
    );
    assert!(
        first.get("deviceFeatures").is_none(),
        "features are on the detail only"
    );
    let id = first["id"].as_str().unwrap();
    assert!(id.contains('_'), "Atlas ids are composite: {id}");
    let detail = oliver.get(&format!("/catalog/devices/{id}")).await;
    let features = detail.body["deviceFeatures"].as_array().unwrap();
    assert!(features.len() >= 2);
    assert!(features
        .iter()
        .all(|f| f["choices"].as_array().unwrap().len() >= 2));
}

#[tokio::test]
async fn plans_list_without_features_and_detail_with_them() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let list = peter.get("/catalog/plans?vendor=98").await;
    let plans = list.body["plans"].as_array().unwrap();
    assert!(plans
        .iter()
        .all(|p| p["vendor"]["id"] == "98" && p.get("optionalFeatures").is_none()));
    let detail = peter.get("/catalog/plans/6568886698").await;
    assert_eq!(
        detail.body["name"],
        "Nationwide for Business Talk Share Plan"
    );
    assert_eq!(detail.body["price"]["amount"], 58.67);
    let optional: Vec<&str> = detail.body["optionalFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(optional.contains(&"122") && optional.contains(&"293"));
    assert_eq!(detail.body["includedFeatures"].as_array().unwrap().len(), 3);
    assert_error(
        &peter.get("/catalog/plans/0").await,
        404,
        "404-plan-not-found",
    );
}

#[tokio::test]
async fn accessories_vendors_and_manufacturers() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let accessories = peter
        .get("/catalog/accessories?compatibleWithDeviceAssetId=35362368")
        .await;
    assert_eq!(accessories.status, 200, "{}", accessories.text);
    assert!(accessories.body["accessories"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["manufacturer"]["id"] == "LG" || a["manufacturer"].is_null()));
    assert_error(
        &peter
            .get("/catalog/accessories?compatibleWithDeviceAssetId=0")
            .await,
        404,
        "404-device-not-found",
    );

    let vendors = peter.get("/vendors?type=CARRIER").await;
    let list = vendors.body["vendors"].as_array().unwrap();
    assert!(list.len() >= 4);
    let methods: std::collections::BTreeSet<String> = vendor_access_methods(&peter, list).await;
    assert!(
        methods.len() >= 3,
        "carriers differ in access method: {methods:?}"
    );
    assert_error(&peter.get("/vendors/0").await, 404, "404-vendor-not-found");

    let lg = peter.get("/manufacturers/LG").await;
    assert_eq!(lg.body["name"], "LG");
    assert!(lg.body["logoUrl"]
        .as_str()
        .unwrap()
        .starts_with("http://sandbox.test/"));
    assert_error(
        &peter.get("/manufacturers/Nobody").await,
        404,
        "404-manufacturer-not-found",
    );
}

async fn vendor_access_methods(
    user: &User<'_>,
    vendors: &[Value],
) -> std::collections::BTreeSet<String> {
    let mut methods = std::collections::BTreeSet::new();
    for vendor in vendors {
        let detail = user
            .get(&format!("/vendors/{}", vendor["id"].as_str().unwrap()))
            .await;
        methods.insert(detail.body["accessMethod"].as_str().unwrap().to_owned());
    }
    methods
}

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

#[tokio::test]
async fn images_are_served_by_the_sandbox() {
    let sandbox = Sandbox::new();
    let logo = sandbox
        .send(
            request(Method::GET, "/sandbox/images/vendors/98.svg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(logo.status, 200);
    assert_eq!(logo.headers["content-type"], "image/svg+xml");
    assert!(logo.text.starts_with("<svg"));
    let missing = sandbox
        .send(
            request(Method::GET, "/sandbox/images/planets/x.svg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(missing.status, 404);
}
