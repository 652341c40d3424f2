//! The Canadian carriers' UPGRADE properties (GLOBEX, Rivermine).

use mobproc_types::Validation::{Optional, Required};

use super::{additional_instructions, choice, date, group, ruled, text, YYYY_MM_DD};
use crate::model::{AppliesTo, StoredPropertyGroup};
use crate::seed::vendors::VendorSeed;

/// The Canadian carriers' UPGRADE properties: bilingual labels, a required
/// language choice (with "other"), ISO dates; each carrier varies a little.
pub(in crate::seed) fn rivermine_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    let other = Some(("OT", "Other (please specify) / Autre (préciser)"));
    let mut fields = vec![
        ruled(
            text(
                "CONTACT_NUMBER",
                "Contact phone number / Numéro de téléphone",
                Required,
                (10, 10),
            ),
            "[0-9]{10}",
            Some("4165550123"),
        ),
        ruled(
            text(
                "SERVICE_NUMBER",
                "Service number / Numéro de service",
                Required,
                (10, 10),
            ),
            "[0-9]{10}",
            None,
        ),
        choice(
            "LANGUAGE",
            "Language / Langue",
            Required,
            &[("EN", "English / Anglais"), ("FR", "French / Français")],
            other,
        ),
        choice(
            "Reason",
            "Reason / Raison",
            Required,
            &[
                (
                    "21",
                    "Eligible for upgrade / Admissible à une mise à niveau",
                ),
                ("19", "Broken device / Appareil brisé"),
            ],
            Some(("99", "Other (please specify) / Autre (préciser)")),
        ),
        date(
            "REQUESTED_DATE",
            "Requested delivery date / Date de livraison souhaitée",
            Optional,
            "yyyy-mm-dd",
            YYYY_MM_DD,
        ),
        additional_instructions(
            "Additional instructions / Instructions supplémentaires",
            2000,
        ),
    ];
    let mut applies_to = Vec::new();
    match vendor.id.as_str() {
        "201" => {
            fields.push(choice(
                "TRADE_IN",
                "Trade in the old device / Échanger l'ancien appareil",
                Optional,
                &[("Y", "Yes / Oui"), ("N", "No / Non")],
                None,
            ));
            applies_to.push(("TRADE_IN", AppliesTo::DeviceOrders));
        }
        "202" => fields.insert(
            1,
            text("CONTACT_NUMBER_EXT", "Ext / Poste", Optional, (0, 6)),
        ),
        "203" => fields.insert(
            1,
            ruled(
                text(
                    "CONTACT_EMAIL",
                    "Contact email / Courriel",
                    Optional,
                    (0, 100),
                ),
                r"[^@\s]+@[^@\s]+\.[^@\s]+",
                Some("nom@exemple.ca"),
            ),
        ),
        _ => {
            fields.remove(1);
        }
    }
    vec![group("MISCELLANEOUS", fields, &applies_to)]
}
