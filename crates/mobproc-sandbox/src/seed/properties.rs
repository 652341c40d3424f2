//! Order properties, from `seed/properties/<tenant>.json`: for each vendor
//! and each transaction type, the property groups an order fills in.
//!
//! A group lists its fields in order. A field is either written out as the
//! API writes it (`id`, `label`, `type`, `validation`, lengths, `regEx`,
//! `pattern`, `text`, `choices`; `isOther` only where true), or is the name
//! of one of the file's `sharedFields`. A field may also say to which orders
//! it applies: `"appliesTo": "deviceOrders"` or `"planOrders"` (absent:
//! every order).

use std::collections::BTreeMap;

use mobproc_types::{PropertyField, PropertyGroup};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::{json, TENANTS};
use crate::model::{AppliesTo, StoredPropertyGroup};

/// What `seed/properties/<tenant>.json` holds.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct PropertiesSeed {
    /// Fields several vendors use, by the name the groups give them.
    shared_fields: BTreeMap<String, FieldSeed>,
    vendors: Vec<VendorPropertiesSeed>,
}

/// One vendor's property groups, by transaction type (`UPGRADE`, ...).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct VendorPropertiesSeed {
    vendor_id: String,
    transaction_types: BTreeMap<String, Vec<GroupSeed>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GroupSeed {
    group_id: String,
    fields: Vec<FieldEntry>,
}

/// A field of a group: the name of a shared field, or the field itself.
#[derive(Deserialize)]
#[serde(untagged)]
enum FieldEntry {
    Shared(String),
    Written(FieldSeed),
}

/// A field and the orders it applies to.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FieldSeed {
    #[serde(flatten)]
    field: PropertyField,
    #[serde(default)]
    applies_to: AppliesTo,
}

impl PropertiesSeed {
    /// Every (vendor id, transaction type, groups as stored), vendor by
    /// vendor; `file` names the file in errors.
    fn stored(&self, file: &str) -> Vec<(&str, &str, Vec<StoredPropertyGroup>)> {
        let mut out = Vec::new();
        for vendor in &self.vendors {
            for (transaction_type, groups) in &vendor.transaction_types {
                let groups = groups.iter().map(|group| self.group(group, file)).collect();
                out.push((vendor.vendor_id.as_str(), transaction_type.as_str(), groups));
            }
        }
        out
    }

    /// A group as stored: its fields, and to which orders those that are
    /// not for every order apply.
    fn group(&self, group: &GroupSeed, file: &str) -> StoredPropertyGroup {
        let fields: Vec<&FieldSeed> = group
            .fields
            .iter()
            .map(|entry| self.field(entry, file))
            .collect();
        StoredPropertyGroup {
            group: PropertyGroup {
                group_id: group.group_id.clone(),
                fields: fields.iter().map(|seed| seed.field.clone()).collect(),
            },
            applies_to: fields
                .iter()
                .filter(|seed| seed.applies_to != AppliesTo::Always)
                .map(|seed| (seed.field.id.clone(), seed.applies_to))
                .collect(),
        }
    }

    fn field<'a>(&'a self, entry: &'a FieldEntry, file: &str) -> &'a FieldSeed {
        match entry {
            FieldEntry::Written(field) => field,
            FieldEntry::Shared(name) => self
                .shared_fields
                .get(name)
                .unwrap_or_else(|| panic!("seed/properties/{file}: no shared field {name}")),
        }
    }
}

pub(super) fn insert_order_properties(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for tenant in TENANTS.iter() {
        let file = format!("{}.json", tenant.data.code.to_lowercase());
        for (vendor_id, transaction_type, groups) in tenant.properties.stored(&file) {
            insert.execute(params![
                tenant.data.code,
                vendor_id,
                transaction_type,
                json(&groups)?
            ])?;
        }
    }
    Ok(())
}
