//! The shopping cart: catalog ids that exist, optional features of the
//! chosen plan, Atlas device feature choices, accessories compatible with
//! the device they go with, `quantity` 1, and a device that works on the
//! network the line will be on.

use mobproc_types::rules::TypeRules;
use mobproc_types::{AccessMethod, ErrorDetail, OrderRequest, TransactionType, Validation};

use super::{problem, OrderContext};

pub fn check(
    context: &OrderContext,
    rules: &TypeRules,
    request: &OrderRequest,
    problems: &mut Vec<ErrorDetail>,
) {
    let cart = request.cart();
    if rules.kind == TransactionType::Upgrade && cart.device_id.is_none() && cart.plan_id.is_none()
    {
        problems.push(problem(
            "empty-cart",
            "shoppingCart",
            "The shopping cart needs a device, a plan, or both.",
        ));
    }
    check_catalog(context, request, problems);
    check_device_features(context, request, problems);
    check_accessories(context, problems);
    if cart.quantity.is_some_and(|quantity| quantity != 1) {
        problems.push(problem(
            "invalid-quantity",
            "shoppingCart.quantity",
            "shoppingCart.quantity must be 1 when sent: each order is for one line.",
        ));
    }
    check_compatibility(context, problems);
}

fn check_catalog(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let cart = request.cart();
    if let (Some(id), None) = (&cart.device_id, &context.device) {
        problems.push(problem(
            "unknown-device",
            "shoppingCart.deviceId",
            format!("Device '{id}' is not in the catalog."),
        ));
    }
    if let (Some(id), None) = (&cart.plan_id, &context.plan) {
        problems.push(problem(
            "unknown-plan",
            "shoppingCart.planId",
            format!("Plan '{id}' is not in the catalog."),
        ));
    }
    if cart.plan_id.is_none() && !cart.optional_feature_ids.is_empty() {
        problems.push(problem(
            "features-without-plan",
            "shoppingCart.optionalFeatureIds",
            "Optional features come with a plan: choose the plan too.",
        ));
    }
    let Some(plan) = &context.plan else { return };
    let offered = plan.optional_features.as_deref().unwrap_or(&[]);
    for (index, id) in cart.optional_feature_ids.iter().enumerate() {
        if cart.optional_feature_ids[..index].contains(id) {
            problems.push(problem(
                "duplicate-feature",
                "shoppingCart.optionalFeatureIds",
                format!("Feature '{id}' is listed twice."),
            ));
        } else if !offered.iter().any(|f| f.id.as_deref() == Some(id)) {
            problems.push(problem(
                "feature-not-in-plan",
                "shoppingCart.optionalFeatureIds",
                format!(
                    "Feature '{id}' is not an optional feature of plan '{}'.",
                    plan.name
                ),
            ));
        }
    }
}

fn check_device_features(
    context: &OrderContext,
    request: &OrderRequest,
    problems: &mut Vec<ErrorDetail>,
) {
    let chosen = &request.cart().device_feature_choices;
    let features = context
        .device
        .as_ref()
        .and_then(|d| d.device_features.as_deref())
        .unwrap_or(&[]);
    if features.is_empty() {
        if !chosen.is_empty() && context.device.is_some() {
            problems.push(problem(
                "device-features-not-supported",
                "shoppingCart.deviceFeatureChoices",
                "This device has no feature choices to make.",
            ));
        }
        return;
    }
    for selection in chosen {
        let valid = features
            .iter()
            .find(|f| f.id == selection.feature_id)
            .is_some_and(|f| f.choices.iter().any(|c| c.id == selection.choice_id));
        if !valid {
            problems.push(problem(
                "invalid-device-feature-choice",
                "shoppingCart.deviceFeatureChoices",
                format!(
                    "'{}' is not a choice of the device's '{}'.",
                    selection.choice_id, selection.feature_id
                ),
            ));
        }
    }
    for feature in features {
        let count = chosen.iter().filter(|s| s.feature_id == feature.id).count();
        if count == 0 && feature.validation == Validation::Required {
            problems.push(problem(
                "device-feature-required",
                "shoppingCart.deviceFeatureChoices",
                format!("Choose the device's {}.", feature.label.to_lowercase()),
            ));
        } else if count > 1 {
            problems.push(problem(
                "duplicate-device-feature",
                "shoppingCart.deviceFeatureChoices",
                format!("Choose one {} only.", feature.label.to_lowercase()),
            ));
        }
    }
}

/// The manufacturer of the device the accessories go with: the cart's
/// device, else (ORDER_ACCESSORIES) the device on the line.
fn accessory_target(context: &OrderContext) -> Option<(String, String)> {
    if let Some(device) = &context.device {
        let maker = device.manufacturer.as_ref()?;
        return Some((maker.id.clone(), device.name.clone()));
    }
    let device = context.service.as_ref()?.device.as_ref()?;
    let maker = device.manufacturer.as_ref()?;
    let model = device.model.clone().unwrap_or_default();
    Some((maker.id.clone(), format!("{} {model}", maker.id)))
}

/// Whether an accessory made for `maker` (or for any device, `None`) fits
/// a device of manufacturer `target`.
pub fn fits(maker: Option<&str>, target: &str) -> bool {
    maker.is_none_or(|maker| maker == target)
}

fn check_accessories(context: &OrderContext, problems: &mut Vec<ErrorDetail>) {
    let target = accessory_target(context);
    for (id, accessory) in &context.accessories {
        let Some(accessory) = accessory else {
            problems.push(problem(
                "unknown-accessory",
                "shoppingCart.accessoryIds",
                format!("Accessory '{id}' is not in the catalog."),
            ));
            continue;
        };
        let maker = accessory.manufacturer.as_ref().map(|m| m.id.as_str());
        if let Some((target, device)) = &target {
            if !fits(maker, target) {
                problems.push(problem(
                    "incompatible-accessory",
                    "shoppingCart.accessoryIds",
                    format!("{} does not fit the {device}.", accessory.name),
                ));
            }
        }
    }
}

fn access_method_name(method: Option<&AccessMethod>) -> String {
    method
        .map(|m| m.to_string())
        .unwrap_or_else(|| "an unknown network".into())
}

/// The cross-carrier rule: the device that will be on the line after the
/// order must use the access method of the network it will be on. Without
/// a device in the cart, the line's current device must (a new line
/// without one brings its own, unchecked).
fn check_compatibility(context: &OrderContext, problems: &mut Vec<ErrorDetail>) {
    let Some(network) = context.network_vendor() else {
        return;
    };
    let Some(network_method) = network.access_method.as_ref() else {
        return;
    };
    match &context.device {
        Some(device) => {
            let method = device.access_method.as_ref().or(context
                .device_vendor
                .as_ref()
                .and_then(|v| v.access_method.as_ref()));
            if method.is_some_and(|m| m != network_method) {
                problems.push(problem(
                    "device-incompatible-with-network",
                    "shoppingCart.deviceId",
                    format!(
                        "{} uses {}, but {}'s network is {network_method}: choose a {network_method} device.",
                        device.name,
                        access_method_name(method),
                        network.name
                    ),
                ));
            }
        }
        None if context.plan.is_some() => {
            let Some(service) = &context.service else {
                return;
            };
            let current = service
                .device
                .as_ref()
                .and_then(|d| d.access_method.as_ref())
                .or(context
                    .line_vendor
                    .as_ref()
                    .and_then(|v| v.access_method.as_ref()));
            if current.is_some_and(|m| m != network_method) {
                problems.push(problem(
                    "new-device-required",
                    "shoppingCart.deviceId",
                    format!(
                        "The current device uses {}, but {}'s network is {network_method}: add a compatible {network_method} device to the cart.",
                        access_method_name(current),
                        network.name
                    ),
                ));
            }
        }
        None => {}
    }
}
