//! Carriers and manufacturers.

use mobproc_types::{AccessMethod, NamedRef, Vendor, VendorType};
use rusqlite::{params, Transaction};

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

/// Manufacturers (their ids are their names) with the colours their
/// catalog devices come in.
#[rustfmt::skip]
const MANUFACTURERS: &[(&str, [&str; 8])] = &[
    ("Apple", ["Black", "White", "Silver", "Gold", "Space Gray", "Blue", "Green", "(PRODUCT)RED"]),
    ("Samsung", ["Phantom Black", "Phantom White", "Cloud Blue", "Lavender", "Mint", "Cream", "Graphite", "Burgundy"]),
    ("Google", ["Obsidian", "Snow", "Hazel", "Sage", "Coral", "Bay", "Charcoal", "Porcelain"]),
    ("Motorola", ["Cosmic Black", "Glacier Blue", "Frost White", "Forest Green", "Viva Magenta", "Polar Silver", "Sunrise Orange", "Meteorite Gray"]),
    ("LG", ["Aurora Black", "Platinum Gray", "Moroccan Blue", "Illusion Sunset", "Aurora White", "Raspberry Rose", "Classy Blue", "Aurora Green"]),
    ("Sony", ["Black", "Platinum Silver", "Khaki Green", "Blue", "Lavender", "Sage Green", "White", "Purple"]),
    ("Nokia", ["Midnight Sun", "Ocean Blue", "Nordic Blue", "Pine Green", "Charcoal", "Sand", "Polar Night", "Dusk"]),
    ("OnePlus", ["Volcanic Black", "Emerald Forest", "Morning Mist", "Silky Black", "Flowy Emerald", "Titan Black", "Eternal Green", "Pine Green"]),
    ("BlackBerry", ["Black", "Silver", "Slate", "Champagne", "Atomic Red", "Space Blue", "Bronze", "Titanium"]),
    ("Kyocera", ["Black", "Blue", "Gray", "Green", "Orange", "Camo", "Red", "Yellow"]),
];

/// The colours of a manufacturer's devices.
pub(super) fn palette(maker: &str) -> &'static [&'static str; 8] {
    MANUFACTURERS
        .iter()
        .find(|(name, _)| *name == maker)
        .map(|(_, colours)| colours)
        .expect("the seed names only known manufacturers")
}

pub(super) fn insert_manufacturers(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO manufacturers (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for (maker, _) in MANUFACTURERS {
            insert.execute(params![
                tenant.code,
                maker,
                seq,
                json(&named(maker, maker))?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}
