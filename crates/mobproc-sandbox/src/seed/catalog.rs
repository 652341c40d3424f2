//! The generated device catalog shared by the US and Canadian tenants:
//! the model families of `seed/catalog-families.json` in their sizes and
//! colours, priced per vendor.

use std::sync::LazyLock;

use mobproc_types::{Amount, CatalogDevice};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::random::Lcg;
use super::vendors::{palette, VendorSeed};
use super::{json, named, TENANTS};

/// A model family of `seed/catalog-families.json`: it comes in each of its
/// storage sizes and in the first `colourCount` of its maker's colours
/// (starting at a different one for each family).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct Family {
    pub(super) maker: String,
    name: String,
    /// List price of the smallest size, in whole dollars.
    list_dollars: i64,
    storages_gb: Vec<u32>,
    colour_count: usize,
}

static FAMILIES: LazyLock<Vec<Family>> = LazyLock::new(|| data_file!("catalog-families.json"));

/// One size and colour of a family.
pub(super) struct Variant {
    pub(super) family: &'static Family,
    size: usize,
    colour: &'static str,
}

impl Variant {
    pub(super) fn storage_gb(&self) -> u32 {
        self.family.storages_gb[self.size]
    }

    pub(super) fn name(&self) -> String {
        format!(
            "{} {} ({}GB) - {}",
            self.family.maker,
            self.family.name,
            self.storage_gb(),
            self.colour
        )
    }

    /// List price in whole dollars: each size up costs more.
    pub(super) fn list_dollars(&self) -> i64 {
        let base = self.family.list_dollars;
        base + self.size as i64 * (50 + base / 10)
    }
}

/// Every variant of every family, family by family, size by size.
pub(super) fn variants() -> Vec<Variant> {
    let mut variants = Vec::new();
    for (index, family) in FAMILIES.iter().enumerate() {
        let colours = palette(&family.maker);
        for size in 0..family.storages_gb.len() {
            for c in 0..family.colour_count {
                variants.push(Variant {
                    family,
                    size,
                    colour: &colours[(index * 3 + c) % colours.len()],
                });
            }
        }
    }
    variants
}

/// What each vendor (by position) knocks off the list price, in dollars.
const SUBSIDIES: [i64; 5] = [0, 50, 20, 100, 30];

/// A vendor's price for a variant in the tenant's currency: the list price
/// less the vendor's subsidy, give or take $20, capped at $1,500, ending in
/// .99 (or free).
pub(super) fn variant_price_cents(
    variant: &Variant,
    vendor_index: usize,
    rng: &mut Lcg,
    currency: &str,
) -> i64 {
    let jitter = rng.below(5) as i64 * 10 - 20;
    let dollars = variant.list_dollars() - SUBSIDIES[vendor_index % SUBSIDIES.len()] + jitter;
    local_cents(dollars.min(1500), currency)
}

/// Whole US dollars as a `.99` price in `currency` (0 stays free).
pub(super) fn local_cents(dollars: i64, currency: &str) -> i64 {
    let units = match currency {
        "CAD" => dollars * 135 / 100,
        "GBP" => dollars * 80 / 100,
        _ => dollars,
    };
    if units <= 0 {
        0
    } else {
        units * 100 - 1
    }
}

pub(super) fn catalog_device(
    id: String,
    name: String,
    maker: &str,
    vendor: &VendorSeed,
    price: Amount,
) -> CatalogDevice {
    CatalogDevice {
        meta: None,
        image_url: Some(format!("/sandbox/images/devices/{id}.svg")),
        id,
        name,
        manufacturer: Some(named(maker, maker)),
        vendor: Some(vendor.named()),
        price: Some(price),
        access_method: Some(vendor.access.clone()),
        device_features: None,
    }
}

pub(super) fn insert_catalog_devices(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO catalog_devices (tenant, id, seq, name, manufacturer_id, vendor_id,
             price_cents, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS.iter() {
        for device in (tenant.catalog)(tenant) {
            insert.execute(params![
                tenant.data.code,
                device.id,
                seq,
                device.name,
                device.manufacturer.as_ref().map(|m| &m.id),
                device.vendor.as_ref().map(|v| &v.id),
                device.price.as_ref().map(|p| p.amount.cents),
                json(&device)?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}
