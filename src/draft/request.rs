//! Turning the draft into the API's `OrderRequest`: one builder for every
//! flow, each part built from what the user entered and kept only where
//! the flow's type takes it (`mobproc_types::rules`).

use mobproc_types::json::ToJson;
use mobproc_types::rules::{Presence, RequestField};
use mobproc_types::{
    AcknowledgementValue, AddressValue, ChoiceValue, DeviceDescription, FieldValue, OrderRequest,
    PropertyField, PropertyGroup, PropertyGroupValue, PropertyType, SerialNumber, ShipToRequest,
    ShoppingCartRequest,
};

use super::{Draft, PropertyDraft, SourceSystem};
use crate::flows::FlowId;

/// The text that identifies a request, to compare with the confirmed one.
pub fn request_key(request: &OrderRequest) -> String {
    request.to_json()
}

/// Builds the API's request from the draft: only the properties that the
/// vendor defines for this order and that have a value, the existing device
/// where the order carries it, the new device where the type takes one, the cart where the type has one, the
/// shipping address when something ships.
pub fn build_request(
    draft: &Draft,
    source: SourceSystem,
    groups: &[PropertyGroup],
) -> OrderRequest {
    let rules = draft.flow.rules();
    let takes = |field| rules.presence(field) != Presence::NotAllowed;
    let existing_device = draft
        .wants_existing_device(source)
        .then(|| existing_device(draft))
        .flatten();
    let new_device = takes(RequestField::NewDevice)
        .then(|| draft.new_device.description())
        .flatten();
    let shopping_cart = takes(RequestField::ShoppingCart).then(|| cart(draft, &takes));
    let ship_to = draft.ships(source).then(|| ship_to(draft));
    let acknowledgements =
        (takes(RequestField::Acknowledgements) && !draft.acknowledged.is_empty()).then(|| {
            draft
                .acknowledged
                .iter()
                .map(AcknowledgementValue::accepted)
                .collect()
        });
    OrderRequest {
        external_order_number: Some(draft.external_order_number.clone()),
        service_id: draft
            .service_id
            .clone()
            .filter(|_| takes(RequestField::ServiceId)),
        region_id: Some(draft.region_id.clone())
            .filter(|id| !id.is_empty() && takes(RequestField::RegionId)),
        postal_code: Some(draft.postal_code.trim().to_owned())
            .filter(|code| !code.is_empty() && takes(RequestField::PostalCode)),
        current_vendor_id: Some(draft.carrier_id.clone())
            .filter(|id| !id.is_empty() && takes(RequestField::CurrentVendorId)),
        existing_device,
        new_device,
        shopping_cart,
        properties: property_values(draft, groups),
        ship_to,
        acknowledgements,
        ..OrderRequest::new(draft.flow.transaction_type())
    }
}

/// The device on the line, as the user confirmed it.
fn existing_device(draft: &Draft) -> Option<DeviceDescription> {
    let existing = &draft.existing_device;
    (!existing.manufacturer_id.trim().is_empty()).then(|| DeviceDescription {
        manufacturer_id: existing.manufacturer_id.trim().to_owned(),
        model_id: existing.model_id.trim().to_owned(),
        other_make_model_name: None,
        serial_number: SerialNumber {
            kind: existing
                .serial_type
                .parse()
                .unwrap_or_else(|never| match never {}),
            value: existing.serial_value.trim().to_owned(),
        },
        sim_id: Some(existing.sim_id.trim().to_owned()).filter(|s| !s.is_empty()),
    })
}

/// The cart, with the parts the type takes: features only with their
/// plan, device choices only with their device.
fn cart(draft: &Draft, takes: &dyn Fn(RequestField) -> bool) -> ShoppingCartRequest {
    let comment = draft.feature_comment.trim();
    ShoppingCartRequest {
        device_id: draft.device_id.clone(),
        plan_id: draft.plan_id.clone(),
        optional_feature_ids: if draft.plan_id.is_some() {
            draft.feature_ids.clone()
        } else {
            Vec::new()
        },
        device_feature_choices: if draft.device_id.is_some() {
            draft.device_choices.clone()
        } else {
            Vec::new()
        },
        accessory_ids: if takes(RequestField::AccessoryIds) {
            draft.accessory_ids.clone()
        } else {
            Vec::new()
        },
        features: if takes(RequestField::Features) {
            draft.feature_changes.clone()
        } else {
            Vec::new()
        },
        feature_request_comment: (takes(RequestField::FeatureRequestComment)
            && !comment.is_empty())
        .then(|| comment.to_owned()),
        ..ShoppingCartRequest::default()
    }
}

/// The property values the vendor defines for this order and that have a value.
fn property_values(draft: &Draft, groups: &[PropertyGroup]) -> Vec<PropertyGroupValue> {
    groups
        .iter()
        .filter_map(|group| {
            let fields: Vec<FieldValue> = group
                .fields
                .iter()
                .filter_map(|field| {
                    property_value(field, &draft.property(&group.group_id, &field.id))
                })
                .collect();
            (!fields.is_empty()).then(|| PropertyGroupValue {
                group_id: group.group_id.clone(),
                fields,
            })
        })
        .collect()
}

/// One property as the API receives it (`None` when empty): a CHOICE's
/// `otherText` only with the "other" choice; a DATE, entered as a calendar
/// day (`YYYY-MM-DD`), as that day's UTC midnight in `date`.
pub fn property_value(field: &PropertyField, value: &PropertyDraft) -> Option<FieldValue> {
    let empty = FieldValue {
        id: field.id.clone(),
        kind: field.kind.clone(),
        text: None,
        date: None,
        choice: None,
    };
    match field.kind {
        PropertyType::Choice => (!value.choice_id.is_empty()).then(|| {
            let is_other = field
                .choices
                .iter()
                .flatten()
                .any(|c| c.id == value.choice_id && c.is_other);
            FieldValue {
                choice: Some(ChoiceValue {
                    id: value.choice_id.clone(),
                    other_text: is_other.then(|| value.other_text.trim().to_owned()),
                }),
                ..empty
            }
        }),
        PropertyType::Date => (!value.text.trim().is_empty()).then(|| FieldValue {
            date: Some(format!("{}T00:00:00Z", value.text.trim())),
            ..empty
        }),
        _ => (!value.text.trim().is_empty()).then(|| FieldValue {
            text: Some(value.text.trim().to_owned()),
            ..empty
        }),
    }
}

/// Where to ship, as entered.
fn ship_to(draft: &Draft) -> ShipToRequest {
    ShipToRequest {
        name: draft.ship_to.name.trim().to_owned(),
        region_id: Some(draft.ship_to.region_id.clone()),
        region: None,
        address: draft
            .ship_to
            .address
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(id, value)| AddressValue {
                id: id.clone(),
                label: None,
                value: value.trim().to_owned(),
            })
            .collect(),
        expedite: draft.ship_to.expedite,
    }
}

/// The `/orders/properties` query for this order: the vendor's properties
/// for the order's type and line (or for the new plan's carrier, when it is
/// another or there is no line); for an upgrade, device-only or plan-only
/// fields dropped as the cart requires. `None` until there is a line or a
/// plan.
pub fn properties_path(
    draft: &Draft,
    line_vendor: Option<&str>,
    plan_vendor: Option<&str>,
) -> Option<String> {
    let target = match (plan_vendor, draft.service_id.as_deref()) {
        (Some(vendor), Some(_)) if Some(vendor) != line_vendor => {
            format!("vendor={}", crate::auth::oauth::encode(vendor))
        }
        (_, Some(service)) => format!("service={}", crate::auth::oauth::encode(service)),
        (Some(vendor), None) => format!("vendor={}", crate::auth::oauth::encode(vendor)),
        (None, None) => return None,
    };
    let kind = draft.flow.transaction_type();
    let mut path = format!("/orders/properties?transactionType={kind}&{target}");
    if draft.flow == FlowId::Upgrade {
        if draft.device_id.is_none() {
            path.push_str("&orderExcludesDevice=true");
        }
        if draft.plan_id.is_none() {
            path.push_str("&orderExcludesPlan=true");
        }
    }
    Some(path)
}
