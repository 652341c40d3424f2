//! Tests of the seeded database as a whole: every table's rows are
//! coherent, and seeding is deterministic.

mod tenants;

use std::collections::HashSet;

use mobproc_types::Validation::Required;
use mobproc_types::{
    Accessory, CatalogDevice, DeviceAsset, Employee, NamedRef, Plan, Region, ServiceAsset,
    TransactionType, Vendor,
};
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tempfile::TempDir;

use super::acme::MARIA_ID;
use super::globex::MARC_ID;
use super::initech::AMELIA_ID;
use super::not_yet_eligible_date;
use crate::db::Db;
use crate::model::{AppliesTo, StoredPropertyGroup};

/// 2025-06-15T16:26:40Z.
const NOW: i64 = 1_750_004_800;

/// A freshly created and seeded database file, and a connection on it.
fn seeded() -> (TempDir, Connection) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("seed.sqlite3");
    Db::open(&path, false, NOW, 0).expect("the database opens and seeds");
    let connection = Connection::open(&path).expect("the seeded file opens");
    (dir, connection)
}

fn strings(connection: &Connection, sql: &str) -> Vec<String> {
    let mut statement = connection.prepare(sql).unwrap();
    let rows = statement.query_map([], |row| row.get(0)).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn count(connection: &Connection, sql: &str) -> i64 {
    connection.query_row(sql, [], |row| row.get(0)).unwrap()
}

fn body<T: DeserializeOwned>(connection: &Connection, sql: &str) -> T {
    let text: String = connection.query_row(sql, [], |row| row.get(0)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every body of `table` parses as `T` and writes back to the same text.
fn assert_bodies_round_trip<T: DeserializeOwned + Serialize>(connection: &Connection, table: &str) {
    let bodies = strings(connection, &format!("SELECT body FROM {table}"));
    assert!(!bodies.is_empty(), "{table} is empty");
    for text in bodies {
        let value: T = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("a body of {table} does not parse ({e}): {text}"));
        assert_eq!(serde_json::to_string(&value).unwrap(), text, "in {table}");
        assert!(
            !text.contains("_meta"),
            "a body of {table} has links: {text}"
        );
    }
}

#[test]
fn every_body_parses_back_into_its_api_type() {
    let (_dir, db) = seeded();
    assert_bodies_round_trip::<Employee>(&db, "employees");
    assert_bodies_round_trip::<ServiceAsset>(&db, "services");
    assert_bodies_round_trip::<DeviceAsset>(&db, "device_assets");
    assert_bodies_round_trip::<Vendor>(&db, "vendors");
    assert_bodies_round_trip::<NamedRef>(&db, "manufacturers");
    assert_bodies_round_trip::<CatalogDevice>(&db, "catalog_devices");
    assert_bodies_round_trip::<Plan>(&db, "plans");
    assert_bodies_round_trip::<Accessory>(&db, "accessories");
    assert_bodies_round_trip::<Region>(&db, "regions");
    assert_bodies_round_trip::<Vec<StoredPropertyGroup>>(&db, "order_properties");
}

#[test]
fn seeding_twice_gives_identical_rows() {
    let (_first_dir, first) = seeded();
    let (_second_dir, second) = seeded();
    let (first, second) = (every_row(&first), every_row(&second));
    let tables: HashSet<_> = first.iter().map(|row| row.split(':').next()).collect();
    assert!(tables.len() >= 14, "{tables:?}");
    assert_eq!(first, second);
}

/// Every row of every table, as `table: value, value, ...` in insertion
/// order, table by table.
fn every_row(db: &Connection) -> Vec<String> {
    let tables = strings(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    let mut rows = Vec::new();
    for table in tables {
        let columns = strings(
            db,
            &format!("SELECT 'quote(' || name || ')' FROM pragma_table_info('{table}')"),
        );
        let sql = format!(
            "SELECT '{table}: ' || {} FROM {table} ORDER BY rowid",
            columns.join(" || ', ' || ")
        );
        rows.extend(strings(db, &sql));
    }
    rows
}

#[test]
fn every_vendor_has_upgrade_properties_and_verizons_take_the_tutorials_order() {
    let (_dir, db) = seeded();
    let missing = count(
        &db,
        "SELECT COUNT(*) FROM vendors v WHERE NOT EXISTS (SELECT 1 FROM order_properties p
         WHERE p.tenant = v.tenant AND p.vendor_id = v.id AND p.transaction_type = 'UPGRADE')",
    );
    assert_eq!(missing, 0);
    let verizon: Vec<StoredPropertyGroup> = body(
        &db,
        "SELECT body FROM order_properties WHERE tenant = 'ACME' AND vendor_id = '98'",
    );
    let fields = &verizon[0].group.fields;
    let ids: Vec<_> = fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "CONTACT_NUMBER",
            "SERVICE_NUMBER",
            "CONTACT_NUMBER_EXT",
            "Reason",
            "REQUESTED_DATE",
            "ADDITIONAL_INSTRUCTIONS",
            "DEVICE_PROTECTION",
            "PORT_BILLING_CYCLE"
        ]
    );
    let required: Vec<_> = fields
        .iter()
        .filter(|f| f.validation == Required)
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(required, ["CONTACT_NUMBER", "SERVICE_NUMBER", "Reason"]);
    let reason = fields.iter().find(|f| f.id == "Reason").unwrap();
    assert!(reason
        .choices
        .as_ref()
        .unwrap()
        .iter()
        .any(|c| c.id == "21"));
    assert_eq!(
        verizon[0].field_applies_to("DEVICE_PROTECTION"),
        AppliesTo::DeviceOrders
    );
    assert_eq!(
        verizon[0].field_applies_to("PORT_BILLING_CYCLE"),
        AppliesTo::PlanOrders
    );
    let orphans = count(
        &db,
        "SELECT COUNT(*) FROM order_properties p WHERE p.vendor_id <> '*' AND NOT EXISTS
             (SELECT 1 FROM vendors v WHERE v.tenant = p.tenant AND v.id = p.vendor_id)",
    );
    assert_eq!(
        orphans, 0,
        "properties of a vendor the tenant does not have"
    );
    let rows = strings(
        &db,
        "SELECT transaction_type || ' ' || body FROM order_properties",
    );
    for row in rows {
        let (transaction_type, text) = row.split_once(' ').unwrap();
        let known: TransactionType = transaction_type.parse().unwrap();
        assert!(!matches!(known, TransactionType::Unknown(_)), "{row}");
        let groups: Vec<StoredPropertyGroup> = serde_json::from_str(text).unwrap();
        for group in groups {
            let ids: HashSet<_> = group.group.fields.iter().map(|f| &f.id).collect();
            assert_eq!(ids.len(), group.group.fields.len(), "{row}");
            for field in &group.group.fields {
                if let Some(pattern) = &field.reg_ex {
                    regex::Regex::new(pattern).expect("a valid regular expression");
                }
                let others = field.choices.iter().flatten().filter(|c| c.is_other);
                assert!(others.count() <= 1);
            }
            for (id, _) in &group.applies_to {
                assert!(ids.contains(id), "{row}");
            }
        }
    }
}

#[test]
fn every_line_has_its_vendor_device_and_owner() {
    let (_dir, db) = seeded();
    let orphans = count(
        &db,
        "SELECT COUNT(*) FROM services s WHERE
             NOT EXISTS (SELECT 1 FROM vendors v WHERE v.tenant = s.tenant AND v.id = s.vendor_id)
          OR NOT EXISTS (SELECT 1 FROM device_assets d WHERE d.tenant = s.tenant
                         AND d.id = s.device_id AND d.service_id = s.id)
          OR NOT EXISTS (SELECT 1 FROM employees e WHERE e.tenant = s.tenant AND e.id = s.employee_id)",
    );
    assert_eq!(orphans, 0);
    let orphan_devices = count(
        &db,
        "SELECT COUNT(*) FROM device_assets d WHERE NOT EXISTS
             (SELECT 1 FROM manufacturers m WHERE m.tenant = d.tenant
              AND m.id = json_extract(d.body, '$.manufacturer.id'))",
    );
    assert_eq!(orphan_devices, 0);
    let missing_vendors = count(
        &db,
        "SELECT (SELECT COUNT(*) FROM catalog_devices c WHERE NOT EXISTS
             (SELECT 1 FROM vendors v WHERE v.tenant = c.tenant AND v.id = c.vendor_id))
         + (SELECT COUNT(*) FROM plans p WHERE NOT EXISTS
             (SELECT 1 FROM vendors v WHERE v.tenant = p.tenant AND v.id = p.vendor_id))",
    );
    assert_eq!(missing_vendors, 0);
}

#[test]
fn every_tenant_country_and_compatible_maker_exists() {
    let (_dir, db) = seeded();
    let homeless = count(
        &db,
        "SELECT COUNT(*) FROM tenants t WHERE NOT EXISTS
             (SELECT 1 FROM regions r WHERE r.id = t.country_id AND r.parent_id IS NULL)",
    );
    assert_eq!(homeless, 0);
    let unfit = count(
        &db,
        "SELECT (SELECT COUNT(*) FROM accessories a WHERE a.compatible_manufacturer_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM manufacturers m WHERE m.tenant = a.tenant
                             AND m.id = a.compatible_manufacturer_id))
         + (SELECT COUNT(*) FROM catalog_devices c WHERE NOT EXISTS
             (SELECT 1 FROM manufacturers m WHERE m.tenant = c.tenant AND m.id = c.manufacturer_id))",
    );
    assert_eq!(unfit, 0);
}

#[test]
fn every_manager_and_user_exists() {
    let (_dir, db) = seeded();
    let orphans = count(
        &db,
        "SELECT COUNT(*) FROM employees e WHERE e.manager_id IS NOT NULL AND NOT EXISTS
             (SELECT 1 FROM employees m WHERE m.tenant = e.tenant AND m.id = e.manager_id)",
    );
    assert_eq!(orphans, 0);
    let homeless = count(
        &db,
        "SELECT COUNT(*) FROM users u WHERE u.password <> 'sandbox' OR NOT EXISTS
             (SELECT 1 FROM employees e WHERE e.tenant = u.tenant AND e.id = u.employee_id)",
    );
    assert_eq!(homeless, 0);
    let marias = count(
        &db,
        "SELECT COUNT(*) FROM employees WHERE manager_id = '28673700'",
    );
    assert!(marias >= 6);
    let approvers = strings(
        &db,
        "SELECT id FROM employees WHERE is_approver = 1 ORDER BY seq",
    );
    assert!(approvers.iter().any(|id| id == MARIA_ID));
    assert!(approvers.iter().any(|id| id == MARC_ID));
    assert!(approvers.iter().any(|id| id == AMELIA_ID));
    assert!(count(&db, "SELECT COUNT(*) FROM employees WHERE tenant = 'ACME'") > 30);
}

#[test]
fn not_yet_eligible_lines_become_eligible_120_days_after_seeding() {
    let (_dir, db) = seeded();
    let soon = "2025-10-13T00:00:00Z";
    assert_eq!(not_yet_eligible_date(NOW), soon);
    let second: ServiceAsset = body(&db, "SELECT body FROM services WHERE id = '38382350'");
    assert_eq!(second.upgrade_eligibility_date.as_deref(), Some(soon));
    assert_eq!(second.vendor.map(|v| v.id), Some("97".into()));
    let later = count(
        &db,
        &format!(
            "SELECT COUNT(*) FROM services WHERE json_extract(body, '$.upgradeEligibilityDate') = '{soon}'"
        ),
    );
    let total = count(&db, "SELECT COUNT(*) FROM services");
    assert!(later * 6 > total && later * 3 < total, "{later} of {total}");
}
