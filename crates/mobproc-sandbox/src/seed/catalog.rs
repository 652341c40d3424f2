//! The generated device catalog shared by the US and Canadian tenants:
//! model families in sizes and colours, priced per vendor.

use mobproc_types::{Amount, CatalogDevice};
use rusqlite::{params, Transaction};

use super::random::Lcg;
use super::vendors::{palette, VendorSeed};
use super::{json, named, TENANTS};

/// A model family of the generated catalog: it comes in four storage sizes
/// from `STORAGES_GB[first_storage]` and in `colours` of its maker's colours.
pub(super) struct Family {
    pub(super) maker: &'static str,
    name: &'static str,
    /// List price of the smallest size, in whole dollars.
    base_dollars: i64,
    first_storage: usize,
    colours: usize,
}

const STORAGES_GB: [u32; 6] = [16, 32, 64, 128, 256, 512];
const SIZES_PER_FAMILY: usize = 4;

const fn family(
    maker: &'static str,
    name: &'static str,
    base_dollars: i64,
    first_storage: usize,
    colours: usize,
) -> Family {
    Family {
        maker,
        name,
        base_dollars,
        first_storage,
        colours,
    }
}

const FAMILIES: &[Family] = &[
    family("Apple", "iPhone 5", 200, 0, 3),
    family("Apple", "iPhone 6", 300, 0, 4),
    family("Apple", "iPhone 7", 400, 0, 5),
    family("Apple", "iPhone 8", 500, 1, 4),
    family("Apple", "iPhone X", 700, 2, 3),
    family("Apple", "iPhone XR", 550, 2, 6),
    family("Apple", "iPhone 11", 600, 2, 6),
    family("Apple", "iPhone 12", 700, 2, 6),
    family("Apple", "iPhone 13", 800, 2, 6),
    family("Apple", "iPhone 14", 900, 2, 5),
    family("Apple", "iPhone 15", 1000, 2, 5),
    family("Apple", "iPhone 15 Pro", 1200, 2, 4),
    family("Apple", "iPhone SE", 430, 1, 3),
    family("Samsung", "Galaxy S8", 300, 0, 4),
    family("Samsung", "Galaxy S9", 400, 0, 4),
    family("Samsung", "Galaxy S10", 600, 1, 5),
    family("Samsung", "Galaxy S20", 700, 2, 4),
    family("Samsung", "Galaxy S21", 750, 2, 5),
    family("Samsung", "Galaxy S22", 800, 2, 5),
    family("Samsung", "Galaxy S23", 850, 2, 6),
    family("Samsung", "Galaxy S24", 900, 2, 6),
    family("Samsung", "Galaxy Note 10", 950, 2, 3),
    family("Samsung", "Galaxy Note 20", 1000, 2, 3),
    family("Samsung", "Galaxy A52", 450, 1, 5),
    family("Samsung", "Galaxy A54", 500, 1, 5),
    family("Samsung", "Galaxy Z Flip5", 1000, 2, 4),
    family("Samsung", "Galaxy Z Fold5", 1400, 2, 3),
    family("Google", "Pixel 3", 400, 0, 3),
    family("Google", "Pixel 4", 500, 1, 3),
    family("Google", "Pixel 5", 600, 1, 3),
    family("Google", "Pixel 6", 600, 1, 4),
    family("Google", "Pixel 6a", 350, 1, 3),
    family("Google", "Pixel 7", 600, 2, 4),
    family("Google", "Pixel 7a", 500, 1, 5),
    family("Google", "Pixel 8", 700, 2, 4),
    family("Google", "Pixel 8 Pro", 1000, 2, 5),
    family("Motorola", "Moto G Power", 200, 0, 3),
    family("Motorola", "Moto G Stylus", 300, 1, 4),
    family("Motorola", "Moto G 5G", 250, 1, 3),
    family("Motorola", "Edge", 600, 2, 4),
    family("Motorola", "Edge+", 800, 2, 3),
    family("Motorola", "Razr", 1000, 2, 5),
    family("LG", "G7 ThinQ", 400, 0, 4),
    family("LG", "G8 ThinQ", 500, 1, 4),
    family("LG", "V40 ThinQ", 600, 1, 3),
    family("LG", "V60 ThinQ", 700, 2, 4),
    family("LG", "Velvet", 600, 2, 5),
    family("LG", "Wing", 900, 2, 3),
    family("Sony", "Xperia 1 V", 1200, 2, 4),
    family("Sony", "Xperia 5 V", 900, 2, 4),
    family("Sony", "Xperia 10 V", 400, 1, 5),
    family("Sony", "Xperia XZ3", 500, 0, 3),
    family("Nokia", "G50", 250, 0, 4),
    family("Nokia", "X20", 350, 1, 4),
    family("Nokia", "XR21", 450, 1, 3),
    family("Nokia", "8.3 5G", 550, 1, 4),
    family("OnePlus", "9", 700, 2, 4),
    family("OnePlus", "9 Pro", 900, 2, 4),
    family("OnePlus", "10 Pro", 900, 2, 4),
    family("OnePlus", "11", 700, 2, 5),
    family("OnePlus", "12", 800, 2, 5),
    family("OnePlus", "Nord N30", 300, 1, 3),
    family("BlackBerry", "KEY2", 600, 0, 3),
    family("BlackBerry", "KEY2 LE", 400, 0, 4),
    family("BlackBerry", "Priv", 500, 0, 3),
    family("BlackBerry", "Motion", 450, 0, 3),
    family("Kyocera", "DuraForce Pro 2", 400, 0, 3),
    family("Kyocera", "DuraForce Ultra 5G", 600, 1, 4),
    family("Kyocera", "DuraXV Extreme", 100, 0, 3),
    family("Kyocera", "DuraSport 5G", 300, 0, 4),
];

/// One size and colour of a family.
pub(super) struct Variant {
    pub(super) family: &'static Family,
    size: usize,
    colour: &'static str,
}

impl Variant {
    pub(super) fn storage_gb(&self) -> u32 {
        STORAGES_GB[self.family.first_storage + self.size]
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
        let base = self.family.base_dollars;
        base + self.size as i64 * (50 + base / 10)
    }
}

/// Every variant of every family, family by family, size by size.
pub(super) fn variants() -> Vec<Variant> {
    let mut variants = Vec::new();
    for (index, family) in FAMILIES.iter().enumerate() {
        let colours = palette(family.maker);
        for size in 0..SIZES_PER_FAMILY {
            for c in 0..family.colours {
                variants.push(Variant {
                    family,
                    size,
                    colour: colours[(index * 3 + c) % colours.len()],
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
    for tenant in TENANTS {
        for device in (tenant.catalog)(tenant) {
            insert.execute(params![
                tenant.code,
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
