//! UPGRADE order validation: everything the request names is loaded into
//! an [`OrderContext`], then [`check_order`] (pure) lists every problem.

use mobproc_types::validation::{check_address, check_properties, FieldProblem, PatternMatcher};
use mobproc_types::{
    AccessMethod, CatalogDevice, ErrorDetail, NamedRef, OrderRequest, Plan, PropertyGroup, Region,
    RegionType, TransactionType, Vendor,
};
use rusqlite::Connection;

use crate::api::assets::{load_service, ServiceRow};
use crate::api::catalog::{find_catalog_device, find_manufacturer, find_plan, find_vendor};
use crate::api::orders::eligibility::check_line;
use crate::api::properties::{applicable_groups, load_property_groups};
use crate::api::regions::find_region;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::model::Platform;

/// Matches the API's `regEx` values with the `regex` crate, anchored.
pub struct RegexMatcher;

impl PatternMatcher for RegexMatcher {
    fn full_match(&self, pattern: &str, text: &str) -> Option<bool> {
        regex::Regex::new(&format!("^(?:{pattern})$"))
            .ok()
            .map(|re| re.is_match(text))
    }
}

/// What an order request names, loaded. `None` where an id names nothing
/// (or nothing the caller may use).
#[derive(Debug, Clone)]
pub struct OrderContext {
    pub platform: Platform,
    pub service: Option<ServiceRow>,
    pub line_vendor: Option<Vendor>,
    pub device: Option<CatalogDevice>,
    pub device_vendor: Option<Vendor>,
    pub plan: Option<Plan>,
    pub plan_vendor: Option<Vendor>,
    /// The property groups that apply to this order (its vendor's, minus
    /// device-only or plan-only fields as the cart requires).
    pub properties: Vec<PropertyGroup>,
    pub region: Option<Region>,
    pub existing_manufacturer: Option<NamedRef>,
}

impl OrderContext {
    /// The vendor whose network the line will be on after the order: the
    /// new plan's, else the line's.
    pub fn network_vendor(&self) -> Option<&Vendor> {
        self.plan_vendor.as_ref().or(self.line_vendor.as_ref())
    }

    /// Whether anything physical ships: a device, or on Premium Mobile and
    /// Atlas a new SIM with a new plan (Rivermine ships nothing for a plan).
    pub fn ships(&self, request: &OrderRequest) -> bool {
        let cart = request.cart();
        cart.device_id.is_some() || (cart.plan_id.is_some() && self.platform != Platform::Rivermine)
    }
}

/// Loads everything `request` names, for the actor of `caller`.
pub fn load_context(
    connection: &Connection,
    caller: &Caller,
    request: &OrderRequest,
) -> ApiResult<OrderContext> {
    let tenant = &caller.tenant.code;
    let service = match &request.service_id {
        Some(id) => load_service(connection, caller, id)?
            .filter(|row| row.employee_id == caller.actor.employee.id),
        None => None,
    };
    let line_vendor = match &service {
        Some(row) => find_vendor(connection, tenant, &row.vendor_id)?,
        None => None,
    };
    let cart = request.cart();
    let device = match &cart.device_id {
        Some(id) => find_catalog_device(connection, tenant, id)?,
        None => None,
    };
    let device_vendor = match device.as_ref().and_then(|d| d.vendor.as_ref()) {
        Some(vendor) => find_vendor(connection, tenant, &vendor.id)?,
        None => None,
    };
    let plan = match &cart.plan_id {
        Some(id) => find_plan(connection, tenant, id)?,
        None => None,
    };
    let plan_vendor = match plan.as_ref().and_then(|p| p.vendor.as_ref()) {
        Some(vendor) => find_vendor(connection, tenant, &vendor.id)?,
        None => None,
    };
    let property_vendor = plan_vendor
        .as_ref()
        .or(line_vendor.as_ref())
        .map(|v| v.id.clone());
    let properties = match property_vendor {
        Some(vendor) => applicable_groups(
            &load_property_groups(
                connection,
                tenant,
                &vendor,
                request.transaction_type.as_str(),
            )?,
            cart.device_id.is_some(),
            cart.plan_id.is_some(),
        ),
        None => Vec::new(),
    };
    let region = match request.ship_to.as_ref().and_then(|s| s.region_id()) {
        Some(id) => find_region(connection, id)?,
        None => None,
    };
    let existing_manufacturer = match &request.existing_device {
        Some(existing) => find_manufacturer(connection, tenant, &existing.manufacturer_id)?,
        None => None,
    };
    Ok(OrderContext {
        platform: caller.tenant.platform,
        service,
        line_vendor,
        device,
        device_vendor,
        plan,
        plan_vendor,
        properties,
        region,
        existing_manufacturer,
    })
}

fn problem(code: &str, field: &str, message: impl Into<String>) -> ErrorDetail {
    ErrorDetail {
        error_code: format!("400-{code}"),
        message: message.into(),
        field: Some(format!("orderRequest.{field}")),
    }
}

fn field_problems(prefix: &str, path: &str, problems: Vec<FieldProblem>) -> Vec<ErrorDetail> {
    problems
        .into_iter()
        .map(|p| {
            let field = match &p.group_id {
                Some(group) => format!("{path}.{group}.{}", p.field_id),
                None => format!("{path}.{}", p.field_id),
            };
            problem(
                &format!("{prefix}-{}", p.problem.code()),
                &field,
                p.problem.message(&p.label),
            )
        })
        .collect()
}

/// Every problem with an UPGRADE request at `now` (the sandbox's clock), in
/// the order a person would fix them. Empty when the order is valid.
pub fn check_order(context: &OrderContext, request: &OrderRequest, now: i64) -> Vec<ErrorDetail> {
    if request.transaction_type != TransactionType::Upgrade {
        return vec![problem(
            "unsupported-transaction-type",
            "transactionType",
            format!(
                "The sandbox takes UPGRADE orders only, not {}.",
                request.transaction_type
            ),
        )];
    }
    let Some(service) = &context.service else {
        return vec![problem(
            "invalid-service",
            "serviceId",
            format!(
                "Service '{}' is not a line of the employee this order is for.",
                request.service_id.as_deref().unwrap_or_default()
            ),
        )];
    };
    let mut problems = Vec::new();
    check_line(&service.service, now, &mut problems);
    check_external_number(request, &mut problems);
    check_existing_device(context, request, service, &mut problems);
    check_cart(context, request, &mut problems);
    check_compatibility(context, service, &mut problems);
    problems.extend(field_problems(
        "property",
        "properties",
        check_properties(&context.properties, &request.properties, &RegexMatcher),
    ));
    check_ship_to(context, request, &mut problems);
    problems
}

fn check_external_number(request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    if let Some(number) = &request.external_order_number {
        if number.trim().is_empty() || number.chars().count() > 50 {
            problems.push(problem(
                "invalid-external-order-number",
                "externalOrderNumber",
                "externalOrderNumber must be 1 to 50 characters, or left out.",
            ));
        }
    }
}

fn check_existing_device(
    context: &OrderContext,
    request: &OrderRequest,
    service: &ServiceRow,
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
            let serial = existing.serial_number.value.trim();
            if serial.len() < 6 || serial.len() > 32 || !serial.chars().all(|c| c.is_ascii_alphanumeric()) {
                problems.push(problem(
                    "invalid-serial-number",
                    "existingDevice.serialNumber.value",
                    "The serial number must be 6 to 32 letters and digits.",
                ));
            }
            if let Some(sim) = &existing.sim_id {
                if !(sim.len() >= 10 && sim.len() <= 22 && sim.chars().all(|c| c.is_ascii_digit())) {
                    problems.push(problem(
                        "invalid-sim-id",
                        "existingDevice.simId",
                        "The SIM id (ICCID) must be 10 to 22 digits.",
                    ));
                }
            }
            let on_line = service.device.as_ref().and_then(|d| d.serial_number.as_ref());
            if let Some(on_line) = on_line.filter(|s| !s.value.is_empty()) {
                if on_line.value != existing.serial_number.value {
                    problems.push(problem(
                        "existing-device-mismatch",
                        "existingDevice.serialNumber.value",
                        "The serial number is not the one of the device on this line.",
                    ));
                }
            }
        }
        (None, _) => {}
    }
}

fn check_cart(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let cart = request.cart();
    if cart.device_id.is_none() && cart.plan_id.is_none() {
        problems.push(problem(
            "empty-cart",
            "shoppingCart",
            "The shopping cart needs a device, a plan, or both.",
        ));
    }
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
    if let Some(plan) = &context.plan {
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
    check_device_features(context, request, problems);
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
        if count == 0 && feature.validation == mobproc_types::Validation::Required {
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

fn access_method_name(method: Option<&AccessMethod>) -> String {
    method
        .map(|m| m.to_string())
        .unwrap_or_else(|| "an unknown network".into())
}

/// The cross-carrier rule: the device that will be on the line after the
/// order must use the access method of the network it will be on.
fn check_compatibility(
    context: &OrderContext,
    service: &ServiceRow,
    problems: &mut Vec<ErrorDetail>,
) {
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

fn check_ship_to(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let Some(ship_to) = &request.ship_to else {
        if context.ships(request) {
            let why = if request.cart().device_id.is_some() {
                "the new device ships"
            } else {
                "a new SIM card ships with the new plan"
            };
            problems.push(problem(
                "ship-to-required",
                "shipTo",
                format!("A shipping address (shipTo) is required: {why}."),
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
