//! Devices a request describes: UPGRADE's `existingDevice` (required on
//! Premium Mobile, refused on Rivermine), and SWAP_DEVICES' two devices.

use mobproc_types::{DeviceDescription, ErrorDetail, OrderRequest};

use super::{problem, OrderContext};
use crate::model::Platform;

/// The serial of the device on the order's line, when it has one.
fn line_serial(context: &OrderContext) -> Option<&str> {
    let device = context.service.as_ref()?.device.as_ref()?;
    let serial = device.serial_number.as_ref()?;
    (!serial.value.is_empty()).then_some(serial.value.as_str())
}

fn check_serial(description: &DeviceDescription, field: &str, problems: &mut Vec<ErrorDetail>) {
    let serial = description.serial_number.value.trim();
    if serial.len() < 6 || serial.len() > 32 || !serial.chars().all(|c| c.is_ascii_alphanumeric()) {
        problems.push(problem(
            "invalid-serial-number",
            &format!("{field}.serialNumber.value"),
            "The serial number must be 6 to 32 letters and digits.",
        ));
    }
}

/// The described device must be the one on the line, unless it is named
/// in words (`Other`).
fn check_matches_line(
    context: &OrderContext,
    description: &DeviceDescription,
    problems: &mut Vec<ErrorDetail>,
) {
    if description.is_other() {
        return;
    }
    if line_serial(context).is_some_and(|serial| serial != description.serial_number.value) {
        problems.push(problem(
            "existing-device-mismatch",
            "existingDevice.serialNumber.value",
            "The serial number is not the one of the device on this line.",
        ));
    }
}

pub fn check_upgrade_existing(
    context: &OrderContext,
    request: &OrderRequest,
    problems: &mut Vec<ErrorDetail>,
) {
    match (&request.existing_device, context.platform) {
        (None, Platform::Command) => problems.push(problem(
            "existing-device-required",
            "existingDevice",
            "Premium Mobile needs the existingDevice block (manufacturer, model, serial number, SIM) for every UPGRADE order.",
        )),
        (Some(_), Platform::Rivermine) => problems.push(problem(
            "existing-device-not-supported",
            "existingDevice",
            "Rivermine does not take an existingDevice block: leave it out.",
        )),
        (Some(existing), _) => {
            if context.existing_manufacturer.is_none() {
                problems.push(problem(
                    "unknown-manufacturer",
                    "existingDevice.manufacturerId",
                    format!("Manufacturer '{}' is not known.", existing.manufacturer_id),
                ));
            }
            if existing.model_id.trim().is_empty() {
                problems.push(problem(
                    "existing-device-model-required",
                    "existingDevice.modelId",
                    "Give the model of the device being replaced.",
                ));
            }
            check_serial(existing, "existingDevice", problems);
            if let Some(sim) = &existing.sim_id {
                if !(sim.len() >= 10 && sim.len() <= 22 && sim.chars().all(|c| c.is_ascii_digit())) {
                    problems.push(problem(
                        "invalid-sim-id",
                        "existingDevice.simId",
                        "The SIM id (ICCID) must be 10 to 22 digits.",
                    ));
                }
            }
            check_matches_line(context, existing, problems);
        }
        (None, _) => {}
    }
}

/// One SWAP_DEVICES device: a known manufacturer, or `Other` with the
/// make and model in words.
fn check_described(
    context_manufacturer_known: bool,
    description: &DeviceDescription,
    field: &str,
    problems: &mut Vec<ErrorDetail>,
) {
    let words = description
        .other_make_model_name
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    if description.is_other() {
        if words.is_empty() {
            problems.push(problem(
                "other-make-model-required",
                &format!("{field}.otherMakeModelName"),
                "The device is not in the records (Other): give its make and model in words.",
            ));
        }
    } else if !context_manufacturer_known {
        problems.push(problem(
            "unknown-manufacturer",
            &format!("{field}.manufacturerId"),
            format!(
                "Manufacturer '{}' is not known: use \"Other\" and otherMakeModelName.",
                description.manufacturer_id
            ),
        ));
    }
    check_serial(description, field, problems);
}

pub fn check_swap(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let (Some(existing), Some(new)) = (&request.existing_device, &request.new_device) else {
        return;
    };
    check_described(
        context.existing_manufacturer.is_some(),
        existing,
        "existingDevice",
        problems,
    );
    if existing
        .sim_id
        .as_deref()
        .is_none_or(|sim| sim.trim().is_empty())
    {
        problems.push(problem(
            "sim-id-required",
            "existingDevice.simId",
            "Give the SIM of the device on the line now.",
        ));
    }
    check_matches_line(context, existing, problems);
    check_described(
        context.new_manufacturer.is_some(),
        new,
        "newDevice",
        problems,
    );
    if new.sim_id.is_some() {
        problems.push(problem(
            "field-not-allowed",
            "newDevice.simId",
            "newDevice takes no simId: the line's SIM moves with it.",
        ));
    }
    if new.serial_number.value.trim() == existing.serial_number.value.trim() {
        problems.push(problem(
            "same-device",
            "newDevice.serialNumber.value",
            "The new device is the one on the line now: give the other device's serial number.",
        ));
    }
    if let Some(line) = &context.new_device_line {
        problems.push(problem(
            "device-on-another-line",
            "newDevice.serialNumber.value",
            format!("That device is on active line {line}: it cannot take this line too."),
        ));
    }
}
