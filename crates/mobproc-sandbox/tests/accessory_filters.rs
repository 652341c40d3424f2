//! Router tests of `GET /catalog/accessories`' device filters: a line's,
//! a device asset's and a catalog device's.

mod common;

use common::*;

/// The names of a page's accessories.
fn names(answer: &Answer) -> Vec<String> {
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.body["accessories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect()
}

const UNIVERSAL: [&str; 2] = [
    "Universal Car Vent Mount",
    "Universal 10,000 mAh Power Bank",
];

#[tokio::test]
async fn a_lines_accessories_fit_its_device() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let for_line = names(&peter.get("/catalog/accessories?service=38382349").await);
    assert_eq!(
        for_line,
        [
            "LG Cookie Plus Leather Pouch",
            UNIVERSAL[0],
            UNIVERSAL[1],
            "LG Cookie Plus Car Charger",
            "LG Cookie Plus Screen Protector"
        ]
    );
    let for_device = names(
        &peter
            .get("/catalog/accessories?compatibleWithDeviceAssetId=35362368")
            .await,
    );
    assert_eq!(for_line, for_device);
    let iphone = names(&peter.get("/catalog/accessories?service=38382350").await);
    assert_eq!(iphone.len(), 7, "{iphone:?}");
    assert!(iphone
        .iter()
        .all(|n| n.starts_with("Apple") || n.starts_with("Universal")));
    let everything = names(&peter.get("/catalog/accessories").await);
    assert!(everything.len() > iphone.len());
}

#[tokio::test]
async fn a_catalog_devices_accessories_fit_it() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let device = peter.get("/catalog/devices/9194713904").await;
    let maker = device.body["manufacturer"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let fitting = names(
        &peter
            .get("/catalog/accessories?compatibleWithDeviceId=9194713904")
            .await,
    );
    assert!(fitting.len() > UNIVERSAL.len());
    assert!(
        fitting
            .iter()
            .all(|n| n.starts_with(&maker) || UNIVERSAL.contains(&n.as_str())),
        "{maker}: {fitting:?}"
    );
    // Devices of two makers at once: only what fits both.
    assert_eq!(
        names(
            &peter
                .get("/catalog/accessories?service=38382349&compatibleWithDeviceId=9194713904")
                .await
        ),
        UNIVERSAL
    );
}

#[tokio::test]
async fn filtered_accessories_keep_their_paging() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let page = peter
        .get("/catalog/accessories?service=38382350&limit=2&offset=2")
        .await;
    assert_eq!(names(&page).len(), 2);
    assert_eq!(page.body["_meta"]["totalCount"], 7);
    let next = page.body["_meta"]["hrefNext"].as_str().unwrap();
    assert!(next.contains("service=38382350"), "{next}");
    assert_error(
        &peter
            .get("/catalog/accessories?service=38382350&limit=x")
            .await,
        400,
        "400-invalid-limit",
    );
}

#[tokio::test]
async fn unknown_or_unseen_devices_are_not_found() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    for (query, code) in [
        ("service=0", "404-service-not-found"),
        // Maria's line: Peter may not see it.
        ("service=38382300", "404-service-not-found"),
        (
            "compatibleWithDeviceAssetId=35362300",
            "404-device-not-found",
        ),
        (
            "compatibleWithDeviceId=nope",
            "404-catalog-device-not-found",
        ),
    ] {
        assert_error(
            &peter.get(&format!("/catalog/accessories?{query}")).await,
            404,
            code,
        );
    }
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    assert_eq!(
        names(&maria.get("/catalog/accessories?service=38382300").await).len(),
        6
    );
    // Another tenant's catalog device is unknown here.
    let chloe = User::sign_in(&sandbox, "chloe.tremblay", "GLOBEX").await;
    assert_error(
        &chloe
            .get("/catalog/accessories?compatibleWithDeviceId=9194713904")
            .await,
        404,
        "404-catalog-device-not-found",
    );
}
