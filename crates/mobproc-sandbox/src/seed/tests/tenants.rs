//! Tests of what each tenant's seed is known for.

use mobproc_types::Validation::Required;
use mobproc_types::{
    AccessMethod, Amount, CatalogDevice, DeviceAsset, Employee, Plan, PropertyType, Region,
    ServiceAsset, Vendor,
};

use super::{body, count, seeded, strings};
use crate::model::StoredPropertyGroup;
use crate::seed::acme::MARIA_ID;
use crate::seed::hostile;
use crate::seed::regions::US_ID;

#[test]
fn acme_has_at_least_5000_catalog_devices_on_every_vendor() {
    let (_dir, db) = seeded();
    let total = count(
        &db,
        "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'ACME'",
    );
    assert!(total >= 5000, "only {total} devices");
    for vendor in ["95", "96", "97", "98", "99"] {
        let sql = format!(
            "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'ACME' AND vendor_id = '{vendor}'"
        );
        assert!(count(&db, &sql) >= 1000, "vendor {vendor}");
    }
    let (min, max): (i64, i64) = db
        .query_row(
            "SELECT MIN(price_cents), MAX(price_cents) FROM catalog_devices WHERE tenant = 'ACME'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((min, max), (0, 149_999));
    let gsm_at_att: Vec<CatalogDevice> = strings(
        &db,
        "SELECT body FROM catalog_devices WHERE tenant = 'ACME' AND vendor_id = '97' LIMIT 5",
    )
    .iter()
    .map(|text| serde_json::from_str(text).unwrap())
    .collect();
    assert!(gsm_at_att
        .iter()
        .all(|d| d.access_method == Some(AccessMethod::Gsm)));
}

#[test]
fn the_tutorials_records_exist_as_its_confirmation_shows_them() {
    let (_dir, db) = seeded();
    let peter: Employee = body(&db, "SELECT body FROM employees WHERE id = '28673732'");
    let expected = r#"{"id":"28673732","companyEmployeeId":"peter.edwards.acme","firstName":"Peter","lastName":"Edwards","email":"peter.edwards@acme.com","officePhone":"2035559999","department":{"id":"11569020385","name":"Development"},"status":"ACTIVE"}"#;
    assert_eq!(serde_json::to_string(&peter).unwrap(), expected);
    let manager: Option<String> = db
        .query_row(
            "SELECT manager_id FROM employees WHERE id = '28673732'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(manager.as_deref(), Some(MARIA_ID));

    let service: ServiceAsset = body(&db, "SELECT body FROM services WHERE id = '38382349'");
    assert_eq!(service.service_number, "2035557676");
    assert_eq!(
        service.upgrade_eligibility_date.as_deref(),
        Some("2016-01-21T06:00:00Z")
    );
    assert_eq!(service.vendor.as_ref().map(|v| v.id.as_str()), Some("98"));
    assert_eq!(
        service.contract_dates.unwrap().activated.as_deref(),
        Some("2010-01-20T06:00:00Z")
    );
    let device_id: String = db
        .query_row(
            "SELECT device_id FROM services WHERE id = '38382349'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(device_id, "35362368");

    let device: DeviceAsset = body(&db, "SELECT body FROM device_assets WHERE id = '35362368'");
    let expected = r#"{"id":"35362368","accessMethod":"CDMA","companyAssetId":"Peter's Cookie","macAddress":"90:33:20:94:31","manufacturer":{"id":"LG","name":"LG"},"model":"Cookie Plus","serialNumber":{"type":"ESN","value":"4289183847832"},"simId":"83924758342478392342","status":"ACTIVE"}"#;
    assert_eq!(serde_json::to_string(&device).unwrap(), expected);

    let iphone: CatalogDevice = body(
        &db,
        "SELECT body FROM catalog_devices WHERE id = '9194713904'",
    );
    assert_eq!(iphone.name, "Apple iPhone 5 (16GB) - Black");
    assert_eq!(iphone.price, Some(Amount::one_time(19_999, "USD")));
    assert_eq!(iphone.vendor.map(|v| v.id), Some("98".into()));
    assert_eq!(iphone.access_method, Some(AccessMethod::Cdma));
    assert_eq!(
        iphone.image_url.as_deref(),
        Some("/sandbox/images/devices/9194713904.svg")
    );

    let plan: Plan = body(&db, "SELECT body FROM plans WHERE id = '6568886698'");
    assert_eq!(plan.price, Some(Amount::monthly(5867, "USD")));
    let included: Vec<_> = plan
        .included_features
        .unwrap()
        .into_iter()
        .map(|f| f.description)
        .collect();
    assert_eq!(
        included,
        ["Total Equipment Coverage", "VZ Navigator", "Base Package"]
    );
    let optional = plan.optional_features.unwrap();
    assert_eq!(optional[0].id.as_deref(), Some("122"));
    assert_eq!(optional[0].price, Some(Amount::monthly(30_000, "USD")));
    assert_eq!(optional[1].id.as_deref(), Some("293"));
    assert_eq!(optional[1].price, Some(Amount::monthly(20_000, "USD")));
}

#[test]
fn one_device_asset_lacks_its_serial_number_and_sim() {
    let (_dir, db) = seeded();
    let incomplete = strings(
        &db,
        "SELECT id FROM device_assets WHERE json_extract(body, '$.serialNumber') IS NULL
         AND json_extract(body, '$.simId') IS NULL",
    );
    assert_eq!(incomplete, ["35363003"]);
}

#[test]
fn atlas_devices_have_features_and_small_data_images() {
    let (_dir, db) = seeded();
    let devices: Vec<CatalogDevice> = strings(
        &db,
        "SELECT body FROM catalog_devices WHERE tenant = 'INITECH'",
    )
    .iter()
    .map(|text| serde_json::from_str(text).unwrap())
    .collect();
    assert!(devices.len() >= 40);
    for device in &devices {
        assert!(device.id.contains('_'));
        let image = device.image_url.as_deref().unwrap();
        assert!(image.starts_with("data:image/svg+xml;base64,"));
        assert!(image.len() < 600, "{} bytes", image.len());
        let features = device.device_features.as_ref().unwrap();
        let storage = features.iter().find(|f| f.id == "STORAGE").unwrap();
        let prices: Vec<_> = storage
            .choices
            .iter()
            .map(|c| c.price.as_ref().unwrap().amount.cents)
            .collect();
        assert_eq!(prices[0], 0);
        assert!(prices.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(features
            .iter()
            .any(|f| f.id == "COLOUR" && f.choices.len() >= 3));
    }
    let vodafone = devices
        .iter()
        .filter(|d| d.vendor.as_ref().unwrap().id == "410000_1000001")
        .count();
    assert!(vodafone >= 5);
}

#[test]
fn the_hostile_tenant_can_take_a_whole_upgrade_order_with_plain_ids() {
    let (_dir, db) = seeded();
    let tenant: (String, String, String, String) = db
        .query_row(
            "SELECT name, platform, currency, country_id FROM tenants WHERE code = 'HOSTILE'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        tenant,
        (
            "Hostile Data Inc.".into(),
            "command".into(),
            "USD".into(),
            US_ID.into()
        )
    );
    let users = strings(
        &db,
        "SELECT username || ' ' || employee_id || ' ' || password FROM users WHERE tenant = 'HOSTILE'",
    );
    assert_eq!(users, ["mallory.hostile 66600001 sandbox"]);
    for table in [
        "employees",
        "services",
        "device_assets",
        "vendors",
        "manufacturers",
        "catalog_devices",
        "plans",
        "accessories",
    ] {
        let ids = strings(
            &db,
            &format!("SELECT id FROM {table} WHERE tenant = 'HOSTILE'"),
        );
        assert!(!ids.is_empty(), "{table}");
        for id in ids {
            assert!(id.chars().all(|c| c.is_ascii_digit()), "{table} {id}");
        }
    }
    let line: ServiceAsset = body(
        &db,
        "SELECT body FROM services WHERE tenant = 'HOSTILE' AND id = '66620001'",
    );
    assert!(line.upgrade_eligibility_date.as_deref() < Some("2025-01-01"));
    let vendor: Vendor = body(
        &db,
        "SELECT body FROM vendors WHERE tenant = 'HOSTILE' AND id = '661'",
    );
    assert!(matches!(
        vendor.access_method,
        Some(AccessMethod::Cdma | AccessMethod::Gsm)
    ));
    let device: DeviceAsset = body(
        &db,
        "SELECT body FROM device_assets WHERE tenant = 'HOSTILE' AND service_id = '66620001'",
    );
    assert_eq!(
        device.serial_number.map(|s| s.value).as_deref(),
        Some(hostile::DEVICE_SERIAL)
    );
    let on_the_line = count(
        &db,
        "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
    );
    assert!(on_the_line >= 5, "{on_the_line}");
    let plan: Plan = body(
        &db,
        "SELECT body FROM plans WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
    );
    assert!(!plan.included_features.unwrap().is_empty());
    assert!(plan.optional_features.unwrap().len() >= 2);
    let groups: Vec<StoredPropertyGroup> = body(
        &db,
        "SELECT body FROM order_properties WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
    );
    let required: Vec<_> = groups
        .iter()
        .flat_map(|g| &g.group.fields)
        .filter(|f| f.validation == Required)
        .map(|f| (f.kind.clone(), f.reg_ex.is_none()))
        .collect();
    assert_eq!(
        required,
        [(PropertyType::Text, true), (PropertyType::Choice, true)]
    );
    let names = strings(
        &db,
        "SELECT name FROM catalog_devices WHERE tenant = 'HOSTILE'",
    );
    assert!(names.iter().all(|n| n.contains('<') || !n.is_ascii()));
    assert!(names.iter().any(|n| n.chars().count() == 2000));
}

#[test]
fn regions_carry_the_tutorials_labels_and_ids() {
    let (_dir, db) = seeded();
    let us: Region = body(&db, "SELECT body FROM regions WHERE id = '70144640'");
    let labels: Vec<_> = us
        .address_format
        .unwrap()
        .into_iter()
        .map(|f| (f.id, f.label))
        .collect();
    assert_eq!(labels[0], ("LINE_1".into(), "Address Line1".into()));
    assert_eq!(labels[2], ("CITY".into(), "City".into()));
    assert_eq!(labels[3], ("STATE".into(), "State".into()));
    assert_eq!(labels[4], ("POSTAL_CODE".into(), "Zip Code".into()));
    let states = strings(
        &db,
        "SELECT id || ' ' || json_extract(body, '$.abbreviation') FROM regions
         WHERE parent_id = '70144640' ORDER BY seq",
    );
    assert_eq!(states.len(), 51);
    assert_eq!(states[0], "158385987 AL");
    assert_eq!(states[1], "158385986 AK");
    assert_eq!(states[50], "158386042 WY");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM regions WHERE parent_id = '70144641'"
        ),
        13
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM regions WHERE parent_id = '70144642'"
        ),
        4
    );
}
