//! Router tests of the catalog: devices (filters, sorting, paging, Atlas's
//! feature choices), plans, accessories, vendors and manufacturers.

use serde_json::Value;

use crate::common::*;

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
