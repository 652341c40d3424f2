//! What a tenant of the seed is made of, and the `tenants` rows.

use mobproc_types::CatalogDevice;
use rusqlite::{params, Transaction};

use super::lines::Line;
use super::people::Staff;
use super::plans::PlanTier;
use super::vendors::VendorSeed;
use super::TENANTS;
use crate::model::{Platform, StoredPropertyGroup};

/// Everything that differs between the three tenants.
pub(super) struct TenantSeed {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) platform: Platform,
    pub(super) currency: &'static str,
    pub(super) country_id: &'static str,
    pub(super) email_domain: &'static str,
    /// The first digits of the SIM cards' ICCIDs (`89` + country code).
    pub(super) iccid_prefix: &'static str,
    pub(super) vendors: &'static [VendorSeed],
    pub(super) departments: &'static [(&'static str, &'static str)],
    pub(super) first_names: &'static [&'static str],
    pub(super) last_names: &'static [&'static str],
    pub(super) numbering: Numbering,
    pub(super) staff: fn(&TenantSeed) -> Vec<Staff>,
    pub(super) lines: fn(&TenantSeed, &[Staff], &str) -> Vec<Line>,
    pub(super) catalog: fn(&TenantSeed) -> Vec<CatalogDevice>,
    pub(super) plan_tiers: &'static [PlanTier],
    pub(super) properties: fn(&VendorSeed) -> Vec<StoredPropertyGroup>,
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
    for tenant in TENANTS {
        insert.execute(params![
            tenant.code,
            tenant.name,
            tenant.platform.as_str(),
            tenant.currency,
            tenant.country_id
        ])?;
    }
    Ok(())
}

/// The tenant's vendor with id `id` (the seed only asks for ones it declares).
pub(super) fn vendor<'a>(tenant: &'a TenantSeed, id: &str) -> &'a VendorSeed {
    tenant
        .vendors
        .iter()
        .find(|vendor| vendor.id == id)
        .expect("the seed names only its own vendors")
}
