//! The shipping address: required when something ships, and then a
//! recipient, a country the sandbox ships to and an address in its format.

use mobproc_types::validation::check_address;
use mobproc_types::{ErrorDetail, OrderRequest, RegionType};

use super::{field_problems, problem, OrderContext, RegexMatcher};

/// Why something ships, for the message.
fn why(request: &OrderRequest) -> &'static str {
    let cart = request.cart();
    if cart.device_id.is_some() {
        "the new device ships"
    } else if !cart.accessory_ids.is_empty() {
        "the accessories ship"
    } else {
        "a new SIM card ships with the new plan"
    }
}

pub fn check(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let Some(ship_to) = &request.ship_to else {
        let already_named = problems.iter().any(|p| {
            p.error_code == "400-field-required"
                && p.field.as_deref() == Some("orderRequest.shipTo")
        });
        if context.ships(request) && !already_named {
            problems.push(problem(
                "ship-to-required",
                "shipTo",
                format!("A shipping address (shipTo) is required: {}.", why(request)),
            ));
        }
        return;
    };
    if ship_to.name.trim().is_empty() || ship_to.name.chars().count() > 100 {
        problems.push(problem(
            "ship-to-name-required",
            "shipTo.name",
            "Give the name of the person receiving the parcel (up to 100 characters).",
        ));
    }
    match (ship_to.region_id(), &context.region) {
        (None, _) => problems.push(problem(
            "ship-to-region-required",
            "shipTo.regionId",
            "Give the country to ship to (regionId).",
        )),
        (Some(id), None) => problems.push(problem(
            "invalid-ship-to-region",
            "shipTo.regionId",
            format!("Region '{id}' is not a country the sandbox ships to."),
        )),
        (Some(id), Some(region)) if region.kind != RegionType::Country => problems.push(problem(
            "invalid-ship-to-region",
            "shipTo.regionId",
            format!("Region '{id}' is a state or province; give its country."),
        )),
        (Some(_), Some(region)) => problems.extend(field_problems(
            "address",
            "shipTo.address",
            check_address(
                region.address_format.as_deref().unwrap_or(&[]),
                &ship_to.address,
                &RegexMatcher,
            ),
        )),
    }
    if ship_to.region_id.is_some() && ship_to.region.is_some() {
        problems.push(problem(
            "ambiguous-ship-to-region",
            "shipTo.region",
            "Give the country once: regionId or region, not both.",
        ));
    }
}
