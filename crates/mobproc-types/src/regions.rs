//! Regions: countries (with their address formats) and states/provinces.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::common::Meta;
use crate::properties::Validation;

open_enum!(
    /// The level of a region.
    RegionType {
        Country = "COUNTRY",
        StateProvince = "STATE_PROVINCE",
    }
);

/// A country or a state/province. A country's detail carries its
/// `addressFormat`, `currency` and postal-code rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Region {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    #[serde(rename = "type")]
    pub kind: RegionType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_format: Option<Vec<AddressField>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code_pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code_reg_ex: Option<String>,
}

/// A country's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Currency {
    pub code: String,
    pub name: String,
    pub symbol: String,
}

/// One field of an address, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AddressField {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    pub validation: Validation,
    /// A closed list of values (states, provinces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<AddressOption>>,
    /// A human hint such as `[99999] or [99999-9999]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_ex: Option<String>,
}

/// One value of a closed address field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressOption {
    pub label: String,
    pub value: String,
}

/// `GET /regions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionsPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub regions: Vec<Region>,
}
