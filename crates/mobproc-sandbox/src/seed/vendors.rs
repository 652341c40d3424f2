//! Carriers and manufacturers.

use std::sync::LazyLock;

use mobproc_types::{AccessMethod, NamedRef, Vendor, VendorType};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::{json, named, TENANTS};

/// A carrier: id, full name, short name (for plan names) and network.
pub(super) struct VendorSeed {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) short: &'static str,
    pub(super) access: AccessMethod,
}

impl VendorSeed {
    pub(super) fn named(&self) -> NamedRef {
        named(self.id, self.name)
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

pub(super) const fn carrier(
    id: &'static str,
    name: &'static str,
    short: &'static str,
    access: AccessMethod,
) -> VendorSeed {
    VendorSeed {
        id,
        name,
        short,
        access,
    }
}

pub(super) fn insert_vendors(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    let mut seq = 0;
    for tenant in TENANTS {
        for vendor in tenant.vendors {
            insert.execute(params![tenant.code, vendor.id, seq, json(&vendor.body())?])?;
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
    for tenant in TENANTS {
        for ManufacturerSeed { id, .. } in MANUFACTURERS.iter() {
            insert.execute(params![tenant.code, id, seq, json(&named(id, id))?])?;
            seq += 1;
        }
    }
    Ok(())
}
