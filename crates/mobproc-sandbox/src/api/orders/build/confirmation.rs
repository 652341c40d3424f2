//! Expands a valid request into its confirmation: the parts each type has
//! (TRANSACTIONS.md 3.8 and section 4), names and prices from the records,
//! and a cost summary for the types that cost something.

use mobproc_types::date::normalize_timestamp;
use mobproc_types::rules::{RequestField, TypeRules};
use mobproc_types::{
    cost_summary, Accessory, Amount, ChangedFeature, ChosenDeviceFeature, ContractDates,
    DeviceAsset, DeviceDescription, ExistingDevice, Feature, FeatureAction, LabelledAddressValue,
    LabelledChoice, LabelledFieldValue, LabelledPropertyGroup, Meta, NamedRef, OrderConfirmation,
    OrderRequest, Plan, PropertyType, ServiceAsset, ShipTo, ShoppingCart, TransactionType,
};

use super::takes;
use crate::api::orders::validate::OrderContext;
use crate::api::render::{self, segment};
use crate::auth::Caller;
use crate::links::Links;

/// The device asset on the line, as a confirmation shows it (no link, no status).
fn line_device(links: &Links, device: &DeviceAsset) -> DeviceAsset {
    let mut device = render::device_asset(links, device.clone());
    device.meta = None;
    device.status = None;
    device
}

/// The line as a confirmation shows it: link, number, status, contract dates.
fn line_service(links: &Links, service: &ServiceAsset) -> ServiceAsset {
    ServiceAsset {
        meta: Some(Meta::href(
            links.api(&format!("/assets/services/{}", segment(&service.id))),
        )),
        id: service.id.clone(),
        service_number: service.service_number.clone(),
        status: service.status.clone(),
        contract_dates: service
            .contract_dates
            .clone()
            .or(Some(ContractDates::default())),
        upgrade_eligibility_date: None,
        vendor: None,
        device: None,
        employee: None,
        order_actions: None,
    }
}

/// The plan as the cart shows it: included features by description, and
/// only the optional features ordered, in the order they were asked for.
fn cart_plan(links: &Links, plan: &Plan, feature_ids: &[String]) -> Plan {
    let offered = plan.optional_features.as_deref().unwrap_or(&[]);
    let chosen: Vec<Feature> = feature_ids
        .iter()
        .filter_map(|id| {
            offered
                .iter()
                .find(|f| f.id.as_deref() == Some(id))
                .cloned()
        })
        .collect();
    let mut plan = render::plan(links, plan.clone());
    plan.included_features = plan.included_features.map(|features| {
        features
            .into_iter()
            .map(|f| Feature {
                id: None,
                description: f.description,
                price: None,
            })
            .collect()
    });
    plan.optional_features = Some(chosen);
    plan
}

fn chosen_device_features(
    context: &OrderContext,
    request: &OrderRequest,
) -> Option<Vec<ChosenDeviceFeature>> {
    let features = context.device.as_ref()?.device_features.as_ref()?;
    Some(
        request
            .cart()
            .device_feature_choices
            .iter()
            .filter_map(|selection| {
                let feature = features.iter().find(|f| f.id == selection.feature_id)?;
                let choice = feature
                    .choices
                    .iter()
                    .find(|c| c.id == selection.choice_id)?;
                Some(ChosenDeviceFeature {
                    feature_id: feature.id.clone(),
                    label: feature.label.clone(),
                    choice_id: choice.id.clone(),
                    choice_label: choice.label.clone(),
                    price: choice.price.clone(),
                })
            })
            .collect(),
    )
}

/// Property values echoed with their labels. As the documentation's
/// example shows, TEXT and DATE values carry the field's label and CHOICE
/// values are echoed as sent; DATE values in the `…Z` form.
fn labelled_properties(
    context: &OrderContext,
    request: &OrderRequest,
) -> Vec<LabelledPropertyGroup> {
    request
        .properties
        .iter()
        .map(|group| LabelledPropertyGroup {
            group_id: group.group_id.clone(),
            fields: group
                .fields
                .iter()
                .map(|value| {
                    let label = context
                        .properties
                        .iter()
                        .filter(|g| g.group_id == group.group_id)
                        .flat_map(|g| &g.fields)
                        .find(|f| f.id == value.id)
                        .map(|f| f.label.clone());
                    LabelledFieldValue {
                        id: value.id.clone(),
                        label: label.filter(|_| value.kind != PropertyType::Choice),
                        kind: value.kind.clone(),
                        text: value.text.clone(),
                        date: value
                            .date
                            .as_deref()
                            .map(|d| normalize_timestamp(d).unwrap_or_else(|| d.to_owned())),
                        choice: value.choice.as_ref().map(|c| LabelledChoice {
                            id: c.id.clone(),
                            label: None,
                            other_text: c.other_text.clone(),
                        }),
                    }
                })
                .collect(),
        })
        .collect()
}

fn ship_to(links: &Links, context: &OrderContext, request: &OrderRequest) -> Option<ShipTo> {
    let requested = request.ship_to.as_ref()?;
    let region = context.region.as_ref()?;
    let format = region.address_format.as_deref().unwrap_or(&[]);
    Some(ShipTo {
        name: Some(requested.name.trim().to_owned()),
        region: Some(render::region_ref(links, &region.id, &region.name)),
        address: format
            .iter()
            .filter_map(|field| {
                let value = requested.address.iter().find(|v| v.id == field.id)?;
                (!value.value.trim().is_empty()).then(|| LabelledAddressValue {
                    id: field.id.clone(),
                    label: Some(field.label.clone()),
                    value: value.value.trim().to_owned(),
                })
            })
            .collect(),
        expedite: requested.expedite,
    })
}

/// The carrier an order's items come from when they name none: the new
/// plan's, else the personal number's, else the line's.
pub fn order_carrier(context: &OrderContext) -> Option<NamedRef> {
    let vendor = context
        .plan_vendor
        .as_ref()
        .or(context.current_vendor.as_ref())
        .or(context.line_vendor.as_ref())?;
    Some(NamedRef {
        meta: None,
        id: vendor.id.clone(),
        name: Some(vendor.name.clone()),
        logo_url: None,
    })
}

/// The cart's accessories, one per unit, each with the carrier selling it.
fn cart_accessories(links: &Links, context: &OrderContext) -> Vec<Accessory> {
    let carrier = order_carrier(context);
    context
        .accessories
        .iter()
        .filter_map(|(_, accessory)| accessory.clone())
        .map(|mut accessory| {
            accessory.meta = None;
            accessory.image_url = accessory.image_url.map(|url| links.absolute(&url));
            accessory.manufacturer = accessory
                .manufacturer
                .map(|m| render::manufacturer(links, m));
            accessory.vendor = accessory
                .vendor
                .or(carrier.clone())
                .map(|v| render::vendor_ref(links, v));
            accessory
        })
        .collect()
}

/// UPDATE_FEATURES' changes with the features' descriptions and prices.
fn changed_features(context: &OrderContext, request: &OrderRequest) -> Vec<ChangedFeature> {
    request
        .cart()
        .features
        .iter()
        .filter_map(|change| {
            let feature = context.line_features.iter().find(|f| f.id == change.id)?;
            Some(ChangedFeature {
                action: Some(change.action.clone()),
                description: feature.description.clone(),
                id: Some(feature.id.clone()),
                price: feature.price.clone(),
            })
        })
        .collect()
}

/// Everything the order costs, item by item. Types that buy catalog
/// devices or plans total what is bought (as the UPGRADE tutorial does: a
/// plan-only order has no one-time total); the others (accessories,
/// feature changes) always show both totals, zero where nothing is due.
fn prices(
    links: &Links,
    rules: &TypeRules,
    context: &OrderContext,
    request: &OrderRequest,
) -> Vec<Amount> {
    let buys_from_catalog =
        takes(rules, RequestField::DeviceId) || takes(rules, RequestField::PlanId);
    let mut prices = Vec::new();
    if !buys_from_catalog {
        prices.push(Amount::one_time(0, &context.currency));
        prices.push(Amount::monthly(0, &context.currency));
    }
    prices.extend(context.device.as_ref().and_then(|d| d.price.clone()));
    for chosen in chosen_device_features(context, request).unwrap_or_default() {
        prices.extend(chosen.price);
    }
    prices.extend(
        cart_accessories(links, context)
            .into_iter()
            .filter_map(|a| a.price),
    );
    if let Some(plan) = &context.plan {
        prices.extend(plan.price.clone());
        let offered = plan.optional_features.as_deref().unwrap_or(&[]);
        for id in &request.cart().optional_feature_ids {
            if let Some(feature) = offered.iter().find(|f| f.id.as_deref() == Some(id)) {
                prices.extend(feature.price.clone());
            }
        }
    }
    let added = changed_features(context, request)
        .into_iter()
        .filter(|f| f.action == Some(FeatureAction::Add));
    prices.extend(added.filter_map(|f| f.price));
    prices
}

/// A described device, expanded: manufacturer and model with links
/// (`Other` stays a bare name), the words, the serial and SIM.
fn described(
    links: &Links,
    description: &DeviceDescription,
    manufacturer: Option<&NamedRef>,
) -> ExistingDevice {
    let bare = |id: &str| NamedRef {
        meta: None,
        id: id.to_owned(),
        name: Some(id.to_owned()),
        logo_url: None,
    };
    let manufacturer = match manufacturer {
        Some(known) if !description.is_other() => render::manufacturer(links, known.clone()),
        _ => bare(&description.manufacturer_id),
    };
    let model = if description.is_other() {
        bare(&description.model_id)
    } else {
        NamedRef {
            meta: Some(Meta::href(links.api(&format!(
                "/manufacturers/{}/models/{}",
                segment(&manufacturer.id),
                segment(&description.model_id)
            )))),
            ..bare(&description.model_id)
        }
    };
    ExistingDevice {
        manufacturer,
        model,
        other_make_model_name: description
            .other_make_model_name
            .clone()
            .filter(|words| !words.trim().is_empty()),
        serial_number: description.serial_number.clone(),
        sim_id: description.sim_id.clone(),
    }
}

fn cart(
    links: &Links,
    rules: &TypeRules,
    context: &OrderContext,
    request: &OrderRequest,
) -> ShoppingCart {
    let is_update = rules.kind == TransactionType::UpdateFeatures;
    ShoppingCart {
        device: context.device.clone().map(|device| {
            let mut device = render::catalog_device(links, device);
            device.access_method = None;
            device.device_features = None;
            device
        }),
        device_feature_choices: chosen_device_features(context, request),
        plan: context
            .plan
            .as_ref()
            .map(|plan| cart_plan(links, plan, &request.cart().optional_feature_ids)),
        accessories: takes(rules, RequestField::AccessoryIds)
            .then(|| cart_accessories(links, context)),
        features: is_update.then(|| changed_features(context, request)),
        feature_request_comment: request.cart().feature_request_comment.filter(|_| is_update),
        quantity: rules.cart_quantity(),
    }
}

/// The country a confirmation names: the country of use for the types that
/// send one; UPGRADE's shipping country; the tenant's, where its lines are.
fn region(
    links: &Links,
    rules: &TypeRules,
    context: &OrderContext,
    ship_to: Option<&ShipTo>,
) -> Option<NamedRef> {
    let reference =
        |region: &mobproc_types::Region| render::region_ref(links, &region.id, &region.name);
    if takes(rules, RequestField::RegionId) {
        return context.use_region.as_ref().map(reference);
    }
    if rules.kind == TransactionType::Deactivate {
        return None;
    }
    let shipped = ship_to.and_then(|s| s.region.clone());
    shipped.or_else(|| context.home_region.as_ref().map(reference))
}

/// The confirmation of a valid request.
pub fn confirmation(
    links: &Links,
    caller: &Caller,
    context: &OrderContext,
    request: &OrderRequest,
) -> OrderConfirmation {
    let rules = context.rules.expect("a valid order has known rules");
    let kind = &rules.kind;
    let line = context.service.as_ref().filter(|_| rules.is_line_based());
    let shows_line_parts = *kind != TransactionType::Deactivate;
    let ship_to = ship_to(links, context, request).filter(|_| takes(rules, RequestField::ShipTo));
    let is_swap = *kind == TransactionType::SwapDevices;
    OrderConfirmation {
        account_holder: render::employee_brief(links, caller.actor.employee.clone()),
        acknowledgements: rules
            .has_acknowledgements()
            .then(|| request.acknowledgements.clone().unwrap_or_default()),
        cost_summary: rules
            .has_cost
            .then(|| cost_summary(&prices(links, rules, context, request))),
        current_vendor: context
            .current_vendor
            .as_ref()
            .filter(|_| takes(rules, RequestField::CurrentVendorId))
            .map(|vendor| {
                let reference = NamedRef {
                    meta: None,
                    id: vendor.id.clone(),
                    name: Some(vendor.name.clone()),
                    logo_url: None,
                };
                NamedRef {
                    meta: None,
                    ..render::vendor_ref(links, reference)
                }
            }),
        device: line
            .filter(|_| shows_line_parts)
            .and_then(|row| row.device.as_ref())
            .map(|d| line_device(links, d)),
        existing_device: request
            .existing_device
            .as_ref()
            .map(|existing| described(links, existing, context.existing_manufacturer.as_ref())),
        external_order_number: request.external_order_number.clone(),
        new_device: request
            .new_device
            .as_ref()
            .filter(|_| is_swap)
            .map(|new| described(links, new, context.new_manufacturer.as_ref())),
        postal_code: request
            .postal_code
            .as_deref()
            .map(|code| code.trim().to_owned())
            .filter(|_| takes(rules, RequestField::PostalCode)),
        properties: labelled_properties(context, request),
        region: region(links, rules, context, ship_to.as_ref()),
        requested_by: render::employee_brief(links, caller.user.employee.clone()),
        service: line.map(|row| line_service(links, &row.service)),
        ship_to,
        shopping_cart: takes(rules, RequestField::ShoppingCart)
            .then(|| cart(links, rules, context, request)),
        transaction_type: kind.clone(),
    }
}
