//! Order properties: the vendor's extra fields for an order.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::common::Meta;

open_enum!(
    /// The kind of an order property (also of an Atlas device feature).
    PropertyType {
        Text = "TEXT",
        Date = "DATE",
        Choice = "CHOICE",
    }
);

open_enum!(
    /// Whether a value must be given.
    Validation {
        Required = "REQUIRED",
        Optional = "OPTIONAL",
    }
);

/// `GET /orders/properties`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PropertiesResponse {
    pub properties: PropertyGroups,
}

/// The property groups with their `_meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PropertyGroups {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub items: Vec<PropertyGroup>,
}

/// A group of property fields (e.g. `MISCELLANEOUS`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PropertyGroup {
    pub group_id: String,
    pub fields: Vec<PropertyField>,
}

/// The definition of one property field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PropertyField {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: PropertyType,
    pub validation: Validation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// A human hint, e.g. `mm/dd/yyyy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_ex: Option<String>,
    /// A default value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<PropertyChoice>>,
}

/// One choice of a CHOICE field; at most one per field has `isOther`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct PropertyChoice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub is_other: bool,
}
