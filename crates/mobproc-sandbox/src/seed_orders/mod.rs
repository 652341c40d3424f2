//! Seed data the transaction types beyond UPGRADE need (TRANSACTIONS.md):
//! the documented orders' lines, devices, plans, accessories and carriers
//! (`seed/acme-orders.json`), lines in every state (also
//! `seed/globex-orders.json`), a second United States
//! region id, each line's plan and active optional features, the order
//! properties of every type per carrier, and the XFER acknowledgements.
//! Kept apart from `seed.rs`, which seeds UPGRADE's world; runs after it.

mod acknowledgements;
mod properties;

use mobproc_types::rules::Backend;
use mobproc_types::{
    Accessory, CatalogDevice, DeviceAsset, Plan, Region, ServiceAsset, TransactionType, Vendor,
};
use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use crate::model::Platform;

/// The tenants that take orders of the new types (not the hostile one).
const ORDERING_TENANTS: [&str; 3] = ["ACME", "GLOBEX", "INITECH"];

/// The second id the documentation uses for the United States (its XFER
/// examples); its address format takes a state's full name.
pub const SECOND_US_ID: &str = "70144222";

/// The records of the documented orders (ACME) and the lines other
/// tenants need (GLOBEX: a suspended line).
const SEED_FILES: [&str; 2] = [
    include_str!("../../seed/acme-orders.json"),
    include_str!("../../seed/globex-orders.json"),
];

/// One tenant's data file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrdersSeed {
    tenant: String,
    vendors: Vec<Vendor>,
    catalog_devices: Vec<CatalogDevice>,
    plans: Vec<Plan>,
    accessories: Vec<Accessory>,
    lines: Vec<SeedLine>,
    spare_devices: Vec<SpareDevice>,
}

/// A line with its device, plan and active optional features.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SeedLine {
    employee_id: String,
    plan_id: Option<String>,
    active_feature_ids: Vec<String>,
    service: ServiceAsset,
    device: Option<DeviceAsset>,
}

/// A device an employee holds that is on no line.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SpareDevice {
    employee_id: String,
    device: DeviceAsset,
}

fn json<T: Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// The backend a stored platform word names.
fn backend_of(platform: &str) -> Option<Backend> {
    Platform::parse(platform).map(Platform::backend)
}

/// Seeds everything above, after the main seed.
pub fn seed(tx: &Transaction) -> rusqlite::Result<()> {
    for file in SEED_FILES {
        let data: OrdersSeed = serde_json::from_str(file)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        insert_records(tx, &data)?;
    }
    insert_second_us_region(tx)?;
    fill_line_plans(tx)?;
    for tenant in ORDERING_TENANTS {
        let platform: String = tx.query_row(
            "SELECT platform FROM tenants WHERE code = ?1",
            [tenant],
            |row| row.get(0),
        )?;
        let Some(backend) = backend_of(&platform) else {
            continue;
        };
        let vendors: Vec<String> = tx
            .prepare("SELECT id FROM vendors WHERE tenant = ?1 ORDER BY seq")?
            .query_map([tenant], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        properties::insert(tx, tenant, backend)?;
        acknowledgements::insert(tx, tenant, backend, &vendors)?;
    }
    Ok(())
}

fn next_seq(tx: &Transaction, table: &str) -> rusqlite::Result<i64> {
    tx.query_row(
        &format!("SELECT COALESCE(MAX(seq), -1) + 1 FROM {table}"),
        [],
        |row| row.get(0),
    )
}

fn insert_records(tx: &Transaction, data: &OrdersSeed) -> rusqlite::Result<()> {
    let tenant = data.tenant.as_str();
    for (seq, vendor) in (next_seq(tx, "vendors")?..).zip(&data.vendors) {
        tx.execute(
            "INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
            params![tenant, vendor.id, seq, json(vendor)?],
        )?;
    }
    let new_vendors: Vec<String> = data.vendors.iter().map(|v| v.id.clone()).collect();
    properties::insert_upgrade(tx, tenant, &new_vendors)?;
    for (seq, device) in (next_seq(tx, "catalog_devices")?..).zip(&data.catalog_devices) {
        let maker = device.manufacturer.as_ref().map(|m| m.id.clone());
        let vendor = device.vendor.as_ref().map(|v| v.id.clone());
        let cents = device.price.as_ref().map_or(0, |p| p.amount.cents);
        tx.execute(
            "INSERT INTO catalog_devices (tenant, id, seq, name, manufacturer_id, vendor_id, price_cents, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![tenant, device.id, seq, device.name, maker, vendor, cents, json(device)?],
        )?;
    }
    for (seq, plan) in (next_seq(tx, "plans")?..).zip(&data.plans) {
        let vendor = plan.vendor.as_ref().map(|v| v.id.clone());
        tx.execute(
            "INSERT INTO plans (tenant, id, seq, vendor_id, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![tenant, plan.id, seq, vendor, json(plan)?],
        )?;
    }
    for (seq, accessory) in (next_seq(tx, "accessories")?..).zip(&data.accessories) {
        let maker = accessory.manufacturer.as_ref().map(|m| m.id.clone());
        tx.execute(
            "INSERT INTO accessories (tenant, id, seq, compatible_manufacturer_id, body)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![tenant, accessory.id, seq, maker, json(accessory)?],
        )?;
    }
    insert_lines(tx, data)
}

fn insert_lines(tx: &Transaction, data: &OrdersSeed) -> rusqlite::Result<()> {
    let tenant = data.tenant.as_str();
    let mut seq = next_seq(tx, "services")?.max(next_seq(tx, "device_assets")?);
    for line in &data.lines {
        let vendor = line.service.vendor.as_ref().map(|v| v.id.clone());
        let device_id = line.device.as_ref().map(|d| d.id.clone());
        tx.execute(
            "INSERT INTO services (tenant, id, employee_id, vendor_id, device_id, seq, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                tenant,
                line.service.id,
                line.employee_id,
                vendor,
                device_id,
                seq,
                json(&line.service)?
            ],
        )?;
        if let Some(device) = &line.device {
            tx.execute(
                "INSERT INTO device_assets (tenant, id, employee_id, service_id, seq, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    tenant,
                    device.id,
                    line.employee_id,
                    line.service.id,
                    seq,
                    json(device)?
                ],
            )?;
        }
        if let Some(plan) = &line.plan_id {
            tx.execute(
                "INSERT INTO line_features (tenant, service_id, plan_id, active) VALUES (?1, ?2, ?3, ?4)",
                params![tenant, line.service.id, plan, json(&line.active_feature_ids)?],
            )?;
        }
        seq += 1;
    }
    for spare in &data.spare_devices {
        tx.execute(
            "INSERT INTO device_assets (tenant, id, employee_id, service_id, seq, body)
             VALUES (?1, ?2, ?3, NULL, ?4, ?5)",
            params![
                tenant,
                spare.device.id,
                spare.employee_id,
                seq,
                json(&spare.device)?
            ],
        )?;
        seq += 1;
    }
    Ok(())
}

/// The documentation's second United States id: the same country, whose
/// address format takes a state by its full name (up to 50 characters).
fn insert_second_us_region(tx: &Transaction) -> rusqlite::Result<()> {
    let body: String = tx.query_row(
        "SELECT body FROM regions WHERE id = '70144640'",
        [],
        |row| row.get(0),
    )?;
    let mut region: Region = serde_json::from_str(&body)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    region.id = SECOND_US_ID.to_owned();
    for field in region.address_format.iter_mut().flatten() {
        if field.id == "STATE" {
            field.options = None;
            field.min_length = Some(2);
            field.max_length = Some(50);
            field.reg_ex = None;
            field.pattern = None;
        }
    }
    let seq = next_seq(tx, "regions")?;
    tx.execute(
        "INSERT INTO regions (id, parent_id, seq, body) VALUES (?1, NULL, ?2, ?3)",
        params![region.id, seq, json(&region)?],
    )?;
    Ok(())
}

/// Every line without a plan of its own gets its carrier's first plan,
/// with no optional feature active.
fn fill_line_plans(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO line_features (tenant, service_id, plan_id, active)
         SELECT s.tenant, s.id, (SELECT p.id FROM plans p WHERE p.tenant = s.tenant
                AND p.vendor_id = s.vendor_id ORDER BY p.seq LIMIT 1), '[]'
         FROM services s
         WHERE NOT EXISTS (SELECT 1 FROM line_features f WHERE f.tenant = s.tenant AND f.service_id = s.id)
           AND EXISTS (SELECT 1 FROM plans p WHERE p.tenant = s.tenant AND p.vendor_id = s.vendor_id)",
        [],
    )?;
    Ok(())
}

/// Whether `kind` is one of the types this module seeds properties for
/// (every known type but UPGRADE, which the main seed covers).
fn seeded_type(kind: &TransactionType) -> bool {
    kind != &TransactionType::Upgrade
}
