//! Carriers and manufacturers.

use std::sync::LazyLock;

use mobproc_types::{AccessMethod, NamedRef, Vendor, VendorType};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::{json, named, TENANTS};

/// A carrier of a tenant (`vendors` in `seed/tenants/<code>.json`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct VendorSeed {
    pub(super) id: String,
    pub(super) name: String,
    /// The short name plan names start with.
    #[serde(rename = "shortName")]
    pub(super) short: String,
    /// The network: GSM, CDMA, CDMA_PCS, IDEN or LTE.
    #[serde(rename = "accessMethod")]
    pub(super) access: AccessMethod,
}

impl VendorSeed {
    pub(super) fn named(&self) -> NamedRef {
        named(&self.id, &self.name)
    }

    pub(super) fn body(&self) -> Vendor {
        Vendor {
            meta: None,
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            logo_url: None,
            kind: Some(VendorType::Carrier),
            access_method: Some(self.access.clone()),
        }
    }
}

pub(super) fn insert_vendors(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    let mut seq = 0;
    for tenant in TENANTS.iter() {
        for vendor in &tenant.data.vendors {
            insert.execute(params![
                tenant.data.code,
                vendor.id,
                seq,
                json(&vendor.body())?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}

/// A manufacturer of `seed/manufacturers.json` (its id is its name), with
/// the colours its catalog devices come in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManufacturerSeed {
    id: String,
    colours: Vec<String>,
}

static MANUFACTURERS: LazyLock<Vec<ManufacturerSeed>> =
    LazyLock::new(|| data_file!("manufacturers.json"));

/// The colours of a manufacturer's devices.
pub(super) fn palette(maker: &str) -> &'static [String] {
    MANUFACTURERS
        .iter()
        .find(|manufacturer| manufacturer.id == maker)
        .map(|manufacturer| manufacturer.colours.as_slice())
        .expect("the seed names only known manufacturers")
}

pub(super) fn insert_manufacturers(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO manufacturers (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS.iter() {
        for ManufacturerSeed { id, .. } in MANUFACTURERS.iter() {
            insert.execute(params![tenant.data.code, id, seq, json(&named(id, id))?])?;
            seq += 1;
        }
    }
    Ok(())
}
