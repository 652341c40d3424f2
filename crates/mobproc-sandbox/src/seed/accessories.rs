//! Accessories, the same list for every tenant in its currency.

use mobproc_types::{Accessory, Amount};
use rusqlite::{params, Transaction};

use super::catalog::local_cents;
use super::data_uri::data_uri_image;
use super::tenants::TenantSeed;
use super::{json, named, TENANTS};
use crate::model::Platform;

/// (name, compatible manufacturer or `None` for any, US price in whole
/// dollars, short label for generated images).
#[rustfmt::skip]
const ACCESSORIES: &[(&str, Option<&str>, i64, &str)] = &[
    ("Apple iPhone 15 Silicone Case - Black", Some("Apple"), 49, "Case"),
    ("Apple 20W USB-C Power Adapter", Some("Apple"), 19, "Charger"),
    ("Apple USB-C to Lightning Cable (1 m)", Some("Apple"), 19, "Cable"),
    ("Samsung Galaxy S24 Clear Case", Some("Samsung"), 29, "Case"),
    ("Samsung 25W Super Fast Charger", Some("Samsung"), 19, "Charger"),
    ("Google Pixel 8 Case - Charcoal", Some("Google"), 29, "Case"),
    ("Motorola TurboPower 30 Charger", Some("Motorola"), 24, "Charger"),
    ("LG Cookie Plus Leather Pouch", Some("LG"), 15, "Pouch"),
    ("BlackBerry KEY2 Leather Pocket", Some("BlackBerry"), 39, "Pocket"),
    ("Kyocera DuraForce Belt Clip Holster", Some("Kyocera"), 25, "Holster"),
    ("Universal Car Vent Mount", None, 15, "Mount"),
    ("Universal 10,000 mAh Power Bank", None, 35, "Power bank"),
];

fn accessories(tenant: &TenantSeed) -> Vec<Accessory> {
    ACCESSORIES
        .iter()
        .enumerate()
        .map(|(n, (name, maker, dollars, label))| {
            let id = (tenant.numbering.accessory)(n as u64);
            let image_url = match tenant.platform {
                Platform::Atlas => data_uri_image(label, name),
                _ => format!("/sandbox/images/devices/{id}.svg"),
            };
            Accessory {
                meta: None,
                id,
                name: (*name).to_owned(),
                image_url: Some(image_url),
                manufacturer: maker.map(|maker| named(maker, maker)),
                price: Some(Amount::one_time(
                    local_cents(*dollars, tenant.currency),
                    tenant.currency,
                )),
            }
        })
        .collect()
}

pub(super) fn insert_accessories(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO accessories (tenant, id, seq, compatible_manufacturer_id, body)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for accessory in accessories(tenant) {
            let maker = accessory.manufacturer.as_ref().map(|m| m.id.clone());
            insert.execute(params![
                tenant.code,
                accessory.id,
                seq,
                maker,
                json(&accessory)?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}
