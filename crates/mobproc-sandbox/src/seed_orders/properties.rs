//! The order properties of every transaction type but UPGRADE, the same
//! for each carrier of a tenant: the fields TRANSACTIONS.md section 4 lists
//! per type, REQUIRED or OPTIONAL as its seed decisions say.

use mobproc_types::rules::{rules_of, Backend};
use mobproc_types::{
    PropertyChoice, PropertyField, PropertyGroup, PropertyType, TransactionType, Validation,
};
use rusqlite::{params, Transaction};

use super::{json, seeded_type};
use crate::model::{StoredPropertyGroup, EVERY_VENDOR};

use Validation::{Optional, Required};

/// The hint DATE fields show; values come as ISO date-times in `date`.
pub const DATE_PATTERN: &str = "mm/dd/yyyy";

fn text(id: &str, label: &str, validation: Validation, max: u32) -> PropertyField {
    PropertyField {
        id: id.to_owned(),
        label: label.to_owned(),
        kind: PropertyType::Text,
        min_length: Some(u32::from(validation == Required)),
        validation,
        max_length: Some(max),
        pattern: None,
        reg_ex: None,
        text: None,
        choices: None,
    }
}

fn date(id: &str, label: &str) -> PropertyField {
    PropertyField {
        kind: PropertyType::Date,
        min_length: None,
        max_length: None,
        pattern: Some(DATE_PATTERN.to_owned()),
        ..text(id, label, Optional, 0)
    }
}

fn choice(
    id: &str,
    label: &str,
    validation: Validation,
    choices: &[(&str, &str, bool)],
) -> PropertyField {
    PropertyField {
        kind: PropertyType::Choice,
        min_length: None,
        max_length: None,
        choices: Some(
            choices
                .iter()
                .map(|(id, label, is_other)| PropertyChoice {
                    id: (*id).to_owned(),
                    label: (*label).to_owned(),
                    is_other: *is_other,
                })
                .collect(),
        ),
        ..text(id, label, validation, 0)
    }
}

fn contact_number() -> PropertyField {
    PropertyField {
        min_length: Some(7),
        max_length: Some(16),
        reg_ex: Some(r"\+?[0-9]{7,15}".to_owned()),
        ..text("CONTACT_NUMBER", "Contact Number", Required, 16)
    }
}

fn instructions() -> PropertyField {
    text(
        "ADDITIONAL_INSTRUCTIONS",
        "Additional Instructions",
        Optional,
        4000,
    )
}

fn service_number(validation: Validation) -> PropertyField {
    text("SERVICE_NUMBER", "Service Number", validation, 20)
}

fn area_code(validation: Validation) -> PropertyField {
    PropertyField {
        min_length: Some(3),
        reg_ex: Some("[0-9]{3}".to_owned()),
        ..text("PREFERRED_AREA_CODE", "Preferred Area Code", validation, 3)
    }
}

fn personal_email() -> PropertyField {
    PropertyField {
        reg_ex: Some(r"[^@\s]+@[^@\s]+\.[^@\s]+".to_owned()),
        ..text("PERSONAL_EMAIL", "Personal E-mail Address", Required, 100)
    }
}

/// The fields the carriers ask for when a number moves between accounts.
fn transfer_fields() -> Vec<PropertyField> {
    vec![
        text(
            "CARRIER_ACCT_NUMBER",
            "Carrier Account Number",
            Required,
            30,
        ),
        contact_number(),
        text("NAME_ON_INVOICE", "Name on Invoice", Required, 100),
        instructions(),
        personal_email(),
        service_number(Required),
    ]
}

/// The fields of `kind` (empty for UPGRADE and unknown types).
pub fn fields_of(kind: &TransactionType) -> Vec<PropertyField> {
    match kind {
        TransactionType::NewActivation => vec![
            contact_number(),
            instructions(),
            area_code(Required),
            choice(
                "URGENCY",
                "Urgency",
                Optional,
                &[
                    ("1", "Standard", false),
                    ("2", "Urgent", false),
                    ("3", "Critical", false),
                ],
            ),
            choice(
                "ORDER_REASON",
                "Order Reason",
                Optional,
                &[
                    ("5", "New hire", false),
                    ("6", "Additional line", false),
                    ("7", "Other", true),
                ],
            ),
        ],
        TransactionType::PortNumber => vec![
            text(
                "CARRIER_ACCT_NUMBER",
                "Carrier Account Number",
                Required,
                30,
            ),
            text("NAME_ON_INVOICE", "Name on Invoice", Required, 100),
            contact_number(),
            text("CURRENT_CARRIER", "Current Carrier", Required, 100),
            service_number(Optional),
            text("PIN_PASSWORD", "Account PIN or Password", Optional, 20),
        ],
        TransactionType::OrderAccessories => vec![contact_number(), service_number(Optional)],
        TransactionType::Suspend => vec![
            contact_number(),
            instructions(),
            service_number(Optional),
            choice(
                "HOLD_SERVICE",
                "Hold Service",
                Optional,
                &[
                    ("peter.edwards.acme", "Hold the number", false),
                    ("NO_HOLD", "Do not hold", false),
                ],
            ),
            date("PREFERRED_SUSPENSION_DATE", "Preferred Suspension Date"),
        ],
        TransactionType::Unsuspend => vec![
            contact_number(),
            instructions(),
            service_number(Optional),
            date("PREFERRED_UNSUSPEND_DATE", "Preferred Unsuspend Date"),
            text("USER", "User", Required, 100),
        ],
        TransactionType::Deactivate => vec![
            contact_number(),
            instructions(),
            date("PREFERRED_DEACTIVATION_DATE", "Preferred Deactivation Date"),
            service_number(Optional),
            choice(
                "Reason",
                "Reason",
                Required,
                &[
                    ("1", "No longer needed", false),
                    ("2", "Employee left the company", false),
                    ("3", "Lost or stolen device", false),
                    ("4", "Other", true),
                ],
            ),
        ],
        TransactionType::UpdateFeatures => {
            vec![contact_number(), service_number(Optional), instructions()]
        }
        TransactionType::SwapDevices => vec![
            contact_number(),
            instructions(),
            service_number(Optional),
            area_code(Optional),
        ],
        TransactionType::XferServiceOut => vec![
            contact_number(),
            instructions(),
            personal_email(),
            service_number(Optional),
        ],
        TransactionType::XferServiceIn => transfer_fields(),
        TransactionType::XferServiceInAndPort => {
            let mut fields = transfer_fields();
            fields.push(text(
                "PIN_PASSWORD",
                "Account PIN or Password",
                Required,
                20,
            ));
            fields
        }
        _ => Vec::new(),
    }
}

/// UPGRADE's properties for the carriers the main seed does not know.
pub fn insert_upgrade(tx: &Transaction, tenant: &str, vendors: &[String]) -> rusqlite::Result<()> {
    let groups = vec![StoredPropertyGroup {
        group: PropertyGroup {
            group_id: "MISCELLANEOUS".to_owned(),
            fields: vec![contact_number(), service_number(Optional), instructions()],
        },
        applies_to: Vec::new(),
    }];
    let body = json(&groups)?;
    for vendor in vendors {
        tx.execute(
            "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body) VALUES (?1, ?2, 'UPGRADE', ?3)",
            params![tenant, vendor, body],
        )?;
    }
    Ok(())
}

/// Stores the properties of every type `backend` takes, for every vendor
/// of the tenant at once.
pub fn insert(tx: &Transaction, tenant: &str, backend: Backend) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for kind in TransactionType::KNOWN
        .iter()
        .filter(|kind| seeded_type(kind))
    {
        if !rules_of(kind).is_some_and(|rules| rules.runs_on(backend)) {
            continue;
        }
        let groups = vec![StoredPropertyGroup {
            group: PropertyGroup {
                group_id: "MISCELLANEOUS".to_owned(),
                fields: fields_of(kind),
            },
            applies_to: Vec::new(),
        }];
        insert.execute(params![tenant, EVERY_VENDOR, kind.as_str(), json(&groups)?])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_type_but_upgrade_has_properties() {
        for kind in TransactionType::KNOWN
            .iter()
            .filter(|kind| seeded_type(kind))
        {
            assert!(!fields_of(kind).is_empty(), "{kind}");
        }
        assert!(fields_of(&TransactionType::Upgrade).is_empty());
    }

    #[test]
    fn xfer_in_and_port_requires_the_pin_and_port_number_does_not() {
        let pin = |kind| {
            fields_of(&kind)
                .into_iter()
                .find(|f| f.id == "PIN_PASSWORD")
                .map(|f| f.validation)
        };
        assert_eq!(pin(TransactionType::XferServiceInAndPort), Some(Required));
        assert_eq!(pin(TransactionType::PortNumber), Some(Optional));
        assert_eq!(pin(TransactionType::XferServiceIn), None);
    }
}
