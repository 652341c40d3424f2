//! What a tenant of the seed is made of: its data, from
//! `seed/tenants/<code>.json`, and the Rust (in the tenant's own module)
//! that generates its records; and the `tenants` rows.

use mobproc_types::{CatalogDevice, IdName};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::lines::Line;
use super::people::Staff;
use super::plans::PlanTier;
use super::properties::PropertiesSeed;
use super::vendors::VendorSeed;
use super::TENANTS;
use crate::model::Platform;

/// A tenant: its data and how its records are generated.
pub(super) struct TenantSeed {
    pub(super) data: TenantData,
    pub(super) numbering: Numbering,
    pub(super) staff: fn(&TenantSeed) -> Vec<Staff>,
    pub(super) lines: fn(&TenantSeed, &[Staff], &str) -> Vec<Line>,
    pub(super) catalog: fn(&TenantSeed) -> Vec<CatalogDevice>,
    /// The vendors' order properties: `seed/properties/<code>.json`.
    pub(super) properties: PropertiesSeed,
}

/// What `seed/tenants/<code>.json` holds.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct TenantData {
    /// `X-TNGO-TENANT`.
    pub(super) code: String,
    pub(super) name: String,
    pub(super) platform: Platform,
    /// ISO 4217 code of the tenant's prices.
    pub(super) currency: String,
    /// The region id of the tenant's home country (`seed/regions.json`).
    pub(super) country_id: String,
    pub(super) email_domain: String,
    /// The first digits of the SIM cards' ICCIDs (`89` + country code).
    pub(super) iccid_prefix: String,
    /// The carriers, in the order of their rows.
    pub(super) vendors: Vec<VendorSeed>,
    pub(super) departments: Vec<IdName>,
    /// Names for generated employees (first and last names are paired so
    /// that no two people of a tenant share a name).
    pub(super) first_names: Vec<String>,
    pub(super) last_names: Vec<String>,
    /// Who signs in (password `sandbox`), in the sign-in page's order.
    pub(super) users: Vec<UserSeed>,
    /// The plans every vendor offers under its own name and price.
    pub(super) plan_tiers: Vec<PlanTier>,
}

/// A user of a tenant: an employee who signs in.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct UserSeed {
    pub(super) username: String,
    pub(super) employee_id: String,
    /// What the sign-in page says of the user.
    pub(super) description: String,
}

/// How a tenant numbers what the seed generates (the `n`-th of each kind):
/// plain numbers on Command and Rivermine, `123456_7778888` composites on Atlas.
pub(super) struct Numbering {
    pub(super) employee: fn(u64) -> String,
    pub(super) office_phone: fn(u64) -> String,
    pub(super) service: fn(u64) -> String,
    pub(super) device_asset: fn(u64) -> String,
    pub(super) line_number: fn(u64) -> String,
    pub(super) catalog_device: fn(u64) -> String,
    pub(super) plan: fn(u64) -> String,
    pub(super) accessory: fn(u64) -> String,
}

/// A 10-digit id: `base` plus a bijective scramble of `n` below 10^8, so
/// generated ids look arbitrary yet never repeat.
pub(super) fn scrambled_id(base: u64, n: u64) -> String {
    (base + (n * 48_271 + 12_345) % 100_000_000).to_string()
}

pub(super) fn insert_tenants(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO tenants (code, name, platform, currency, country_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for TenantSeed { data, .. } in TENANTS.iter() {
        insert.execute(params![
            data.code,
            data.name,
            data.platform.as_str(),
            data.currency,
            data.country_id
        ])?;
    }
    Ok(())
}

/// The tenant's vendor with id `id` (the seed only asks for ones it declares).
pub(super) fn vendor<'a>(tenant: &'a TenantSeed, id: &str) -> &'a VendorSeed {
    tenant
        .data
        .vendors
        .iter()
        .find(|vendor| vendor.id == id)
        .expect("the seed names only its own vendors")
}
