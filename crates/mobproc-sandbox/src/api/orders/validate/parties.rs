//! Who else takes part: the carriers (a port's new carrier differs from
//! the old one; a transfer in stays on, or leaves, the personal number's
//! carrier), their acknowledgements, and UNSUSPEND's `USER`.

use mobproc_types::{AcknowledgementValidation, ErrorDetail, OrderRequest, TransactionType};

use super::{problem, OrderContext};

pub fn check_carriers(
    context: &OrderContext,
    request: &OrderRequest,
    problems: &mut Vec<ErrorDetail>,
) {
    let plan_vendor = context.plan_vendor.as_ref();
    match request.transaction_type {
        TransactionType::PortNumber => {
            if let (Some(plan), Some(line)) = (plan_vendor, &context.line_vendor) {
                if plan.id == line.id {
                    problems.push(problem(
                        "same-carrier",
                        "shoppingCart.planId",
                        format!(
                            "The line is already on {}: a port needs a plan of another carrier.",
                            line.name
                        ),
                    ));
                }
            }
        }
        TransactionType::XferServiceIn | TransactionType::XferServiceInAndPort => {
            let Some(id) = &request.current_vendor_id else {
                return;
            };
            let Some(current) = &context.current_vendor else {
                problems.push(problem(
                    "unknown-vendor",
                    "currentVendorId",
                    format!("Vendor '{id}' is not known (see GET /vendors)."),
                ));
                return;
            };
            let same_carrier = request.transaction_type == TransactionType::XferServiceIn;
            if same_carrier {
                check_same_carrier(context, &current.id, &current.name, problems);
            } else if plan_vendor.is_some_and(|plan| plan.id == current.id) {
                problems.push(problem(
                    "same-carrier",
                    "shoppingCart.planId",
                    format!(
                        "The number is already on {}: bring it in with XFER_SERVICE_IN.",
                        current.name
                    ),
                ));
            }
        }
        _ => {}
    }
}

/// XFER_SERVICE_IN: everything in the cart comes from the number's carrier.
fn check_same_carrier(
    context: &OrderContext,
    carrier: &str,
    name: &str,
    problems: &mut Vec<ErrorDetail>,
) {
    let hint = format!("choose one of {name}'s, or port the number with XFER_SERVICE_IN_AND_PORT");
    let plan = context.plan.as_ref().and_then(|p| p.vendor.as_ref());
    if plan.is_some_and(|vendor| vendor.id != carrier) {
        problems.push(problem(
            "carrier-mismatch",
            "shoppingCart.planId",
            format!("The plan is not {name}'s: {hint}."),
        ));
    }
    let device = context.device.as_ref().and_then(|d| d.vendor.as_ref());
    if device.is_some_and(|vendor| vendor.id != carrier) {
        problems.push(problem(
            "carrier-mismatch",
            "shoppingCart.deviceId",
            format!("The device is not {name}'s: {hint}."),
        ));
    }
    let accessories = context.accessories.iter().filter_map(|(_, a)| a.as_ref());
    for accessory in accessories {
        if accessory
            .vendor
            .as_ref()
            .is_some_and(|vendor| vendor.id != carrier)
        {
            problems.push(problem(
                "carrier-mismatch",
                "shoppingCart.accessoryIds",
                format!("{} is not {name}'s: {hint}.", accessory.name),
            ));
        }
    }
}

const ACKNOWLEDGEMENTS: &str = "acknowledgements";

/// Each id the carrier knows, once; every REQUIRED one accepted.
pub fn check_acknowledgements(
    context: &OrderContext,
    request: &OrderRequest,
    problems: &mut Vec<ErrorDetail>,
) {
    let sent = request.acknowledgements.as_deref().unwrap_or(&[]);
    for (index, answer) in sent.iter().enumerate() {
        if sent[..index].iter().any(|a| a.id == answer.id) {
            problems.push(problem(
                "duplicate-acknowledgement",
                ACKNOWLEDGEMENTS,
                format!("Acknowledgement '{}' is answered twice.", answer.id),
            ));
        } else if !context.acknowledgements.iter().any(|a| a.id == answer.id) {
            problems.push(problem(
                "unknown-acknowledgement",
                ACKNOWLEDGEMENTS,
                format!(
                    "The carrier asks for no acknowledgement '{}' (see GET /acknowledgements).",
                    answer.id
                ),
            ));
        }
    }
    let required = context
        .acknowledgements
        .iter()
        .filter(|a| a.validation == AcknowledgementValidation::Required);
    for acknowledgement in required {
        let accepted = sent.iter().any(|a| a.id == acknowledgement.id && a.boolean);
        if !accepted {
            problems.push(problem(
                "acknowledgement-required",
                ACKNOWLEDGEMENTS,
                format!("Accept this to go ahead: {}", acknowledgement.label),
            ));
        }
    }
}

/// UNSUSPEND on Premium Mobile: `USER` must be a company employee id.
pub fn check_user(context: &OrderContext, problems: &mut Vec<ErrorDetail>) {
    if let Some(user) = &context.unknown_user {
        problems.push(problem(
            "property-invalid-user",
            "properties.MISCELLANEOUS.USER",
            format!("'{user}' is not a company employee id: give the id of the person resuming the line."),
        ));
    }
}
