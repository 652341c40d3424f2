//! The parts answers echo and expand: labelled properties, the shipping
//! address, described devices, the cart.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::assets::SerialNumber;
use crate::catalog::{Accessory, CatalogDevice, Plan};
use crate::common::NamedRef;
use crate::money::Amount;
use crate::properties::PropertyType;

use super::FeatureAction;

/// A property value as answers echo it, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelledFieldValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(rename = "type")]
    pub kind: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// DATE values, echoed in the `…T00:00:00Z` form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<LabelledChoice>,
}

/// A chosen choice as answers echo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LabelledChoice {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_text: Option<String>,
}

/// A group of property values as answers echo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct LabelledPropertyGroup {
    pub group_id: String,
    pub fields: Vec<LabelledFieldValue>,
}

/// One address field as answers echo it, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelledAddressValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: String,
}

/// Where an order ships, as answers show it. Orders that ship nothing may
/// carry `{"address": []}` with no name or region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipTo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<NamedRef>,
    #[serde(default)]
    pub address: Vec<LabelledAddressValue>,
    #[serde(default)]
    pub expedite: bool,
}

impl ShipTo {
    /// Whether anything ships (the empty form means nothing does).
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.region.is_none() && self.address.is_empty()
    }
}

/// A device the request described (`existingDevice`, `newDevice`), expanded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExistingDevice {
    pub manufacturer: NamedRef,
    pub model: NamedRef,
    /// Make and model in words, when the request named them so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_make_model_name: Option<String>,
    pub serial_number: SerialNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}

/// The cart, expanded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ShoppingCart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<CatalogDevice>,
    /// Atlas: the device feature choices made, expanded with labels and prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_feature_choices: Option<Vec<ChosenDeviceFeature>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// Catalog accessories, one entry per unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessories: Option<Vec<Accessory>>,
    /// UPDATE_FEATURES: the changes, expanded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<ChangedFeature>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_request_comment: Option<String>,
    /// 1 on the types that create a line, 0 on the others.
    #[serde(default)]
    pub quantity: u32,
}

/// A feature of an order: with `action` in UPDATE_FEATURES orders, without
/// it as a plan's chosen optional feature in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangedFeature {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<FeatureAction>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// One Atlas device feature choice, expanded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChosenDeviceFeature {
    pub feature_id: String,
    pub label: String,
    pub choice_id: String,
    pub choice_label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}
