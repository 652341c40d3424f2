//! Order properties: the field builders every tenant's carriers use, and
//! the `order_properties` rows.

mod acme;
mod globex;
mod initech;

use mobproc_types::Validation::Optional;
use mobproc_types::{PropertyChoice, PropertyField, PropertyGroup, PropertyType, Validation};
use rusqlite::{params, Transaction};

use super::{json, TENANTS};
use crate::model::{AppliesTo, StoredPropertyGroup};

pub(super) use acme::command_properties;
pub(super) use globex::rivermine_properties;
pub(super) use initech::atlas_properties;

pub(super) fn text(
    id: &str,
    label: &str,
    validation: Validation,
    (min, max): (u32, u32),
) -> PropertyField {
    PropertyField {
        id: id.to_owned(),
        label: label.to_owned(),
        kind: PropertyType::Text,
        validation,
        min_length: Some(min),
        max_length: Some(max),
        pattern: None,
        reg_ex: None,
        text: None,
        choices: None,
    }
}

/// `field` with a regular expression and, optionally, a human hint.
fn ruled(field: PropertyField, reg_ex: &str, pattern: Option<&str>) -> PropertyField {
    PropertyField {
        reg_ex: Some(reg_ex.to_owned()),
        pattern: pattern.map(str::to_owned),
        ..field
    }
}

fn date(
    id: &str,
    label: &str,
    validation: Validation,
    pattern: &str,
    reg_ex: &str,
) -> PropertyField {
    PropertyField {
        kind: PropertyType::Date,
        min_length: None,
        max_length: None,
        ..ruled(text(id, label, validation, (0, 0)), reg_ex, Some(pattern))
    }
}

/// A CHOICE field; `other`, when given, comes last and asks for free text.
pub(super) fn choice(
    id: &str,
    label: &str,
    validation: Validation,
    choices: &[(&str, &str)],
    other: Option<(&str, &str)>,
) -> PropertyField {
    let plain = choices.iter().map(|(id, label)| (id, label, false));
    let other = other.iter().map(|(id, label)| (id, label, true));
    PropertyField {
        kind: PropertyType::Choice,
        min_length: None,
        max_length: None,
        choices: Some(
            plain
                .chain(other)
                .map(|(id, label, is_other)| PropertyChoice {
                    id: (*id).to_owned(),
                    label: (*label).to_owned(),
                    is_other,
                })
                .collect(),
        ),
        ..text(id, label, validation, (0, 0))
    }
}

pub(super) fn group(
    group_id: &str,
    fields: Vec<PropertyField>,
    applies_to: &[(&str, AppliesTo)],
) -> StoredPropertyGroup {
    StoredPropertyGroup {
        group: PropertyGroup {
            group_id: group_id.to_owned(),
            fields,
        },
        applies_to: applies_to
            .iter()
            .map(|(id, applies)| ((*id).to_owned(), *applies))
            .collect(),
    }
}

const MM_DD_YYYY: &str = "(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}";
const DD_MM_YYYY: &str = "(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[0-9]{4}";
const YYYY_MM_DD: &str = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

fn additional_instructions(label: &str, max: u32) -> PropertyField {
    text("ADDITIONAL_INSTRUCTIONS", label, Optional, (0, max))
}

pub(super) fn insert_order_properties(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body)
         VALUES (?1, ?2, 'UPGRADE', ?3)",
    )?;
    for tenant in TENANTS.iter() {
        for vendor in &tenant.data.vendors {
            insert.execute(params![
                tenant.data.code,
                vendor.id,
                json(&(tenant.properties)(vendor))?
            ])?;
        }
    }
    Ok(())
}
