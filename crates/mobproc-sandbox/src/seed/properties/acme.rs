//! The US carriers' UPGRADE properties (ACME, Premium Mobile).

use mobproc_types::PropertyField;
use mobproc_types::Validation::{self, Optional, Required};

use super::{additional_instructions, choice, date, group, ruled, text, MM_DD_YYYY};
use crate::model::{AppliesTo, StoredPropertyGroup};
use crate::seed::vendors::VendorSeed;

fn us_contact_number() -> PropertyField {
    ruled(
        text("CONTACT_NUMBER", "Contact Phone Number", Required, (10, 20)),
        "[0-9]{10,20}",
        None,
    )
}

fn us_service_number() -> PropertyField {
    ruled(
        text("SERVICE_NUMBER", "Service Number", Required, (10, 10)),
        "[0-9]{10}",
        None,
    )
}

fn us_reason() -> PropertyField {
    choice(
        "Reason",
        "Reason",
        Required,
        &[
            ("19", "Broken Device"),
            ("2", "Job required upgrade to data device"),
            ("21", "Eligible for upgrade"),
        ],
        Some(("99", "Other (please specify)")),
    )
}

fn us_requested_date(validation: Validation) -> PropertyField {
    date(
        "REQUESTED_DATE",
        "Requested Delivery Date",
        validation,
        "mm/dd/yyyy",
        MM_DD_YYYY,
    )
}

/// The US carriers' UPGRADE properties. Verizon's accept the tutorial's
/// order exactly (only CONTACT_NUMBER, SERVICE_NUMBER and Reason required).
pub(in crate::seed) fn command_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    use AppliesTo::{DeviceOrders, PlanOrders};
    match vendor.id.as_str() {
        "98" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                text("CONTACT_NUMBER_EXT", "Ext", Optional, (0, 10)),
                us_reason(),
                us_requested_date(Optional),
                additional_instructions("Additional Instructions", 4000),
                choice(
                    "DEVICE_PROTECTION",
                    "Device protection plan",
                    Optional,
                    &[("1", "None"), ("2", "Total Equipment Coverage")],
                    None,
                ),
                choice(
                    "PORT_BILLING_CYCLE",
                    "Bill cycle start",
                    Optional,
                    &[("1", "Immediately"), ("2", "Next bill cycle")],
                    None,
                ),
            ],
            &[
                ("DEVICE_PROTECTION", DeviceOrders),
                ("PORT_BILLING_CYCLE", PlanOrders),
            ],
        )],
        "97" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                ruled(
                    text("COST_CENTER", "Cost Center", Required, (7, 7)),
                    "[A-Z]{2}-[0-9]{4}",
                    Some("AA-9999"),
                ),
                us_reason(),
                us_requested_date(Optional),
                additional_instructions("Additional Instructions", 4000),
                choice(
                    "INSURANCE",
                    "Mobile insurance",
                    Optional,
                    &[("1", "Decline"), ("2", "Mobile Insurance ($15/month)")],
                    None,
                ),
            ],
            &[("INSURANCE", DeviceOrders)],
        )],
        "99" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                ruled(
                    text("CONTACT_EMAIL", "Contact Email", Required, (5, 100)),
                    r"[^@\s]+@[^@\s]+\.[^@\s]+",
                    Some("name@example.com"),
                ),
                choice(
                    "Reason",
                    "Reason",
                    Required,
                    &[
                        ("21", "Eligible for upgrade"),
                        ("19", "Broken Device"),
                        ("30", "Lost or stolen"),
                    ],
                    Some(("99", "Other (please specify)")),
                ),
                us_requested_date(Required),
                choice(
                    "PORT_BILLING_CYCLE",
                    "Bill cycle start",
                    Optional,
                    &[("1", "Immediately"), ("2", "Next bill cycle")],
                    None,
                ),
            ],
            &[("PORT_BILLING_CYCLE", PlanOrders)],
        )],
        "96" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                ruled(
                    text("ACCOUNT_PIN", "Account PIN", Required, (4, 8)),
                    "[0-9]{4,8}",
                    Some("9999"),
                ),
                us_reason(),
                additional_instructions("Additional Instructions", 1000),
            ],
            &[],
        )],
        // US Cellular: a second group, only for orders that ship a device.
        _ => vec![
            group(
                "MISCELLANEOUS",
                vec![
                    us_contact_number(),
                    us_reason(),
                    additional_instructions("Additional Instructions", 500),
                ],
                &[],
            ),
            group(
                "SHIPPING",
                vec![
                    choice(
                        "SIGNATURE_REQUIRED",
                        "Signature on delivery",
                        Required,
                        &[("Y", "Yes"), ("N", "No")],
                        None,
                    ),
                    choice(
                        "DELIVERY_WINDOW",
                        "Delivery window",
                        Optional,
                        &[("AM", "Morning (8am-12pm)"), ("PM", "Afternoon (12pm-5pm)")],
                        None,
                    ),
                ],
                &[
                    ("SIGNATURE_REQUIRED", DeviceOrders),
                    ("DELIVERY_WINDOW", DeviceOrders),
                ],
            ),
        ],
    }
}
