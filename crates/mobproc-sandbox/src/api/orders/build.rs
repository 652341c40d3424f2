//! Expands a valid request into its confirmation, and a confirmation into
//! the stored order.

use mobproc_types::{
    cost_summary, Amount, ChosenDeviceFeature, ContractDates, DeviceAsset, ExistingDevice, Feature,
    Items, LabelledAddressValue, LabelledChoice, LabelledFieldValue, LabelledPropertyGroup, Meta,
    NamedRef, Order, OrderConfirmation, OrderRequest, OrderSegment, OrderStatus, OrderedItem,
    OrderedPlan, Plan, PropertyType, ServiceAsset, ShipTo, ShoppingCart,
};
use serde_json::Value;

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
/// values are echoed as sent.
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
                        date: value.date.clone(),
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

/// Everything the order costs, item by item.
fn prices(context: &OrderContext, request: &OrderRequest) -> Vec<Amount> {
    let mut prices = Vec::new();
    if let Some(price) = context.device.as_ref().and_then(|d| d.price.clone()) {
        prices.push(price);
    }
    for chosen in chosen_device_features(context, request).unwrap_or_default() {
        prices.extend(chosen.price);
    }
    if let Some(plan) = &context.plan {
        prices.extend(plan.price.clone());
        let offered = plan.optional_features.as_deref().unwrap_or(&[]);
        for id in &request.cart().optional_feature_ids {
            if let Some(feature) = offered.iter().find(|f| f.id.as_deref() == Some(id)) {
                prices.extend(feature.price.clone());
            }
        }
    }
    prices
}

/// The confirmation of a valid request.
pub fn confirmation(
    links: &Links,
    caller: &Caller,
    context: &OrderContext,
    request: &OrderRequest,
) -> OrderConfirmation {
    let service = context
        .service
        .as_ref()
        .expect("a valid order has its service");
    let existing_device = request.existing_device.as_ref().map(|existing| {
        let manufacturer = context.existing_manufacturer.clone().unwrap_or(NamedRef {
            meta: None,
            id: existing.manufacturer_id.clone(),
            name: Some(existing.manufacturer_id.clone()),
            logo_url: None,
        });
        ExistingDevice {
            model: NamedRef {
                meta: Some(Meta::href(links.api(&format!(
                    "/manufacturers/{}/models/{}",
                    segment(&manufacturer.id),
                    segment(&existing.model_id)
                )))),
                id: existing.model_id.clone(),
                name: Some(existing.model_id.clone()),
                logo_url: None,
            },
            manufacturer: render::manufacturer(links, manufacturer),
            other_make_model_name: existing.other_make_model_name.clone(),
            serial_number: existing.serial_number.clone(),
            sim_id: existing.sim_id.clone(),
        }
    });
    let ship_to = ship_to(links, context, request);
    OrderConfirmation {
        account_holder: render::employee_brief(links, caller.actor.employee.clone()),
        acknowledgements: None,
        cost_summary: Some(cost_summary(&prices(context, request))),
        current_vendor: None,
        device: service.device.as_ref().map(|d| line_device(links, d)),
        existing_device,
        external_order_number: request.external_order_number.clone(),
        new_device: None,
        postal_code: None,
        properties: labelled_properties(context, request),
        region: ship_to.as_ref().and_then(|s| s.region.clone()),
        requested_by: render::employee_brief(links, caller.user.employee.clone()),
        service: Some(line_service(links, &service.service)),
        ship_to,
        shopping_cart: Some(ShoppingCart {
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
            accessories: None,
            features: None,
            feature_request_comment: None,
            quantity: 0,
        }),
        transaction_type: request.transaction_type.clone(),
    }
}

/// The order a confirmation becomes once stored: one segment per vendor
/// (the device's and the plan's), each starting as ORDER_SUBMITTED.
pub fn order(
    links: &Links,
    confirmation: &OrderConfirmation,
    order_id: u64,
    date_submitted: String,
) -> Order {
    let empty_cart = ShoppingCart::default();
    let cart = confirmation.shopping_cart.as_ref().unwrap_or(&empty_cart);
    let mut segments: Vec<OrderSegment> = Vec::new();
    let segment_for = |vendor: Option<&NamedRef>, segments: &mut Vec<OrderSegment>| -> usize {
        let vendor_id = vendor.map(|v| v.id.clone());
        if let Some(index) = segments
            .iter()
            .position(|s| s.vendor.as_ref().map(|v| &v.id) == vendor_id.as_ref())
        {
            return index;
        }
        let segment_id = (order_id + 1 + segments.len() as u64).to_string();
        segments.push(OrderSegment {
            meta: Some(Meta {
                href_history: Some(links.api(&format!(
                    "/orders/{order_id}/history?orderSegment={segment_id}"
                ))),
                href_shipments: Some(links.api(&format!(
                    "/orders/{order_id}/shipments?orderSegment={segment_id}"
                ))),
                ..Meta::default()
            }),
            accessories: Vec::new(),
            device: None,
            features: Vec::new(),
            order_segment_id: segment_id,
            plan: None,
            status: OrderStatus::OrderSubmitted,
            vendor: vendor.cloned(),
        });
        segments.len() - 1
    };
    if let Some(device) = &cart.device {
        let index = segment_for(device.vendor.as_ref(), &mut segments);
        let mut price = device.price.clone();
        if let (Some(price), Some(choices)) = (price.as_mut(), &cart.device_feature_choices) {
            price.amount = choices
                .iter()
                .filter_map(|c| c.price.as_ref())
                .fold(price.amount, |total, p| total + p.amount);
        }
        segments[index].device = Some(OrderedItem {
            id: None,
            name: device.name.clone(),
            image_url: device.image_url.clone(),
            manufacturer: device.manufacturer.clone(),
            price,
        });
    }
    if let Some(plan) = &cart.plan {
        let index = segment_for(plan.vendor.as_ref(), &mut segments);
        let mut features: Vec<Feature> = plan
            .optional_features
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|f| Feature { id: None, ..f })
            .collect();
        features.sort_by(|a, b| a.description.cmp(&b.description));
        segments[index].plan = Some(OrderedPlan {
            id: None,
            name: Some(plan.name.clone()),
            optional_features: features,
            price: plan.price.clone(),
        });
    }
    Order {
        meta: Some(Meta::href(links.api(&format!("/orders/{order_id}")))),
        account_holder: confirmation.account_holder.clone(),
        date_submitted: date_submitted.clone(),
        updated: Some(date_submitted.clone()),
        external_order_number: confirmation.external_order_number.clone(),
        order_id: order_id.to_string(),
        order_segments: Some(Items {
            meta: None,
            items: segments,
        }),
        properties: confirmation.properties.clone(),
        requested_by: confirmation.requested_by.clone(),
        service_number: confirmation
            .service
            .as_ref()
            .map(|s| s.service_number.clone()),
        ship_to: confirmation.ship_to.clone(),
        status: OrderStatus::OrderSubmitted,
        transaction_type: confirmation.transaction_type.clone(),
        pending_approval_level: None,
        approver: None,
    }
}

/// Makes the site-relative links of a stored answer absolute: every string
/// under a key `href*` or `*Url` that starts with `/`.
pub fn absolutize(value: &mut Value, links: &Links) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let is_link = key.starts_with("href") || key.ends_with("Url");
                match item {
                    Value::String(text) if is_link && text.starts_with('/') => {
                        *text = links.absolute(text)
                    }
                    other => absolutize(other, links),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| absolutize(item, links)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolutize_touches_only_site_relative_links() {
        let mut value = serde_json::json!({
            "_meta": {"href": "/mobproc/v1/orders/1"},
            "imageUrl": "data:image/svg+xml;base64,AAAA",
            "name": "/not/a/link",
            "items": [{"logoUrl": "/sandbox/images/vendors/98.svg"}]
        });
        absolutize(&mut value, &Links::new("http://sandbox:8080"));
        assert_eq!(
            value["_meta"]["href"],
            "http://sandbox:8080/mobproc/v1/orders/1"
        );
        assert_eq!(value["imageUrl"], "data:image/svg+xml;base64,AAAA");
        assert_eq!(value["name"], "/not/a/link");
        assert_eq!(
            value["items"][0]["logoUrl"],
            "http://sandbox:8080/sandbox/images/vendors/98.svg"
        );
    }
}
