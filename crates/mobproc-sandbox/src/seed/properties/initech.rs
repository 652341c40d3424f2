//! The UK carriers' UPGRADE properties (INITECH, Atlas).

use mobproc_types::Validation::{Optional, Required};

use super::{additional_instructions, choice, date, group, ruled, text, DD_MM_YYYY};
use crate::model::{AppliesTo, StoredPropertyGroup};
use crate::seed::vendors::VendorSeed;

/// The UK carriers' UPGRADE properties: a required purchase order number,
/// UK phone numbers, dd/mm/yyyy dates; each carrier varies a little.
pub(in crate::seed) fn atlas_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    let mut fields = vec![
        text("PO_NUMBER", "Purchase Order", Required, (6, 12)),
        ruled(
            text("CONTACT_NUMBER", "Contact Phone Number", Required, (10, 11)),
            "0?[0-9]{10}",
            Some("07700900123"),
        ),
        choice(
            "Reason",
            "Reason",
            Required,
            &[
                ("21", "Eligible for upgrade"),
                ("19", "Broken Device"),
                ("25", "Lost or stolen"),
            ],
            Some(("99", "Other (please specify)")),
        ),
        date(
            "REQUESTED_DATE",
            "Requested Delivery Date",
            Optional,
            "dd/mm/yyyy",
            DD_MM_YYYY,
        ),
    ];
    let mut applies_to = Vec::new();
    match vendor.short.as_str() {
        "Vodafone" => {
            fields.push(choice(
                "DATA_WIPE",
                "Secure data wipe of the old device",
                Optional,
                &[("Y", "Yes"), ("N", "No")],
                None,
            ));
            applies_to.push(("DATA_WIPE", AppliesTo::DeviceOrders));
        }
        "EE" => fields.push(text("COST_CENTRE", "Cost Centre", Optional, (0, 20))),
        "Three" => {
            fields.push(choice(
                "ROAMING",
                "Roaming bolt-on",
                Optional,
                &[
                    ("NONE", "None"),
                    ("EU", "EU Roam"),
                    ("WW", "Worldwide Roam"),
                ],
                None,
            ));
            applies_to.push(("ROAMING", AppliesTo::PlanOrders));
        }
        _ => fields.push(additional_instructions("Additional Instructions", 1000)),
    }
    vec![group("MISCELLANEOUS", fields, &applies_to)]
}
