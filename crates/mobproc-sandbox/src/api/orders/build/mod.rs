//! Expands a valid request into its confirmation ([`confirmation`]), and
//! a confirmation into the stored order ([`order`]).

mod confirmation;

pub use confirmation::{confirmation, order_carrier};

use mobproc_types::rules::{Presence, RequestField, TypeRules};
use mobproc_types::{
    Feature, Items, Meta, NamedRef, Order, OrderConfirmation, OrderSegment, OrderStatus,
    OrderedItem, OrderedPlan, ShoppingCart,
};
use serde_json::Value;

use crate::api::render;
use crate::links::Links;

/// Whether the type takes `field` at all.
fn takes(rules: &TypeRules, field: RequestField) -> bool {
    rules.presence(field) != Presence::NotAllowed
}

/// What an order is made from besides its confirmation.
pub struct OrderFacts<'a> {
    pub order_id: u64,
    pub date_submitted: String,
    /// The carrier of the items that name none (the line's, for the types
    /// that buy nothing).
    pub carrier: Option<&'a NamedRef>,
    /// Whether anything ships: otherwise the order has no `shipTo`.
    pub ships: bool,
}

/// The order a confirmation becomes once stored: one segment per vendor,
/// mirroring the cart (device, plan, accessories, feature changes; the
/// line's carrier when the cart is empty), each starting as ORDER_SUBMITTED.
pub fn order(links: &Links, confirmation: &OrderConfirmation, facts: OrderFacts) -> Order {
    let OrderFacts {
        order_id,
        date_submitted,
        carrier,
        ships,
    } = facts;
    let carrier = carrier.map(|c| render::vendor_ref(links, c.clone()));
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
    for accessory in cart.accessories.iter().flatten() {
        let vendor = accessory.vendor.as_ref().or(carrier.as_ref());
        let index = segment_for(vendor, &mut segments);
        segments[index].accessories.push(OrderedItem {
            id: None,
            name: accessory.name.clone(),
            image_url: accessory.image_url.clone(),
            manufacturer: accessory.manufacturer.clone(),
            price: accessory.price.clone(),
        });
    }
    let changes = cart.features.iter().flatten();
    for change in changes {
        let index = segment_for(carrier.as_ref(), &mut segments);
        segments[index].features.push(change.clone());
    }
    if segments.is_empty() {
        segment_for(carrier.as_ref(), &mut segments);
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
        ship_to: confirmation.ship_to.clone().filter(|_| ships),
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
