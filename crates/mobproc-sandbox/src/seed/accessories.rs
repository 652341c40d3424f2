//! Accessories, from `seed/accessories.json`: the same list for every
//! tenant, in its currency.

use std::sync::LazyLock;

use mobproc_types::{Accessory, Amount};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::catalog::local_cents;
use super::data_uri::data_uri_image;
use super::tenants::TenantSeed;
use super::{json, named, TENANTS};
use crate::model::Platform;

/// An accessory of `seed/accessories.json`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AccessorySeed {
    name: String,
    /// The manufacturer whose devices it fits; `null` for any.
    compatible_maker: Option<String>,
    /// The US price in whole dollars (converted to the tenant's currency).
    dollars: i64,
    /// A short label for the generated image.
    image_label: String,
}

static ACCESSORIES: LazyLock<Vec<AccessorySeed>> = LazyLock::new(|| data_file!("accessories.json"));

fn accessories(tenant: &TenantSeed) -> Vec<Accessory> {
    ACCESSORIES
        .iter()
        .enumerate()
        .map(|(n, seed)| {
            let id = (tenant.numbering.accessory)(n as u64);
            let image_url = match tenant.data.platform {
                Platform::Atlas => data_uri_image(&seed.image_label, &seed.name),
                _ => format!("/sandbox/images/devices/{id}.svg"),
            };
            Accessory {
                meta: None,
                id,
                name: seed.name.clone(),
                image_url: Some(image_url),
                manufacturer: seed
                    .compatible_maker
                    .as_deref()
                    .map(|maker| named(maker, maker)),
                price: Some(Amount::one_time(
                    local_cents(seed.dollars, &tenant.data.currency),
                    &tenant.data.currency,
                )),
                vendor: None,
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
    for tenant in TENANTS.iter() {
        for accessory in accessories(tenant) {
            let maker = accessory.manufacturer.as_ref().map(|m| m.id.clone());
            insert.execute(params![
                tenant.data.code,
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
