//! The catalog: orderable devices, plans, accessories; vendors and manufacturers.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::common::{Meta, NamedRef};
use crate::money::Amount;
use crate::properties::Validation;

open_enum!(
    /// A carrier network's channel access method.
    AccessMethod {
        Gsm = "GSM",
        Cdma = "CDMA",
        CdmaPcs = "CDMA_PCS",
        Iden = "IDEN",
        Lte = "LTE",
    }
);

open_enum!(
    /// What kind of vendor a vendor is.
    VendorType {
        Carrier = "CARRIER",
        Reseller = "RESELLER",
        Manufacturer = "MANUFACTURER",
    }
);

/// An orderable device (`/catalog/devices`, a confirmation's `shoppingCart.device`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CatalogDevice {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_method: Option<AccessMethod>,
    /// Atlas only, on the detail: the choices (colour, storage) to make.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_features: Option<Vec<DeviceFeature>>,
}

/// An Atlas device feature: one choice to make among priced options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeviceFeature {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: crate::properties::PropertyType,
    pub validation: Validation,
    pub choices: Vec<DeviceFeatureChoice>,
}

/// One option of a device feature; its price adds to the device's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeviceFeatureChoice {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// A plan feature: included ones have only a description; optional ones an
/// id and a price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// A service plan (`/catalog/plans`; the detail lists its features).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_features: Option<Vec<Feature>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_features: Option<Vec<Feature>>,
}

/// An accessory (`/catalog/accessories`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Accessory {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    /// The carrier that sells it (confirmations show it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
}

/// An optional feature of a line's plan (`GET /catalog/features?service=`),
/// `active` when the line has it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineFeature {
    pub id: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    pub active: bool,
}

/// `GET /catalog/features`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeaturesPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub features: Vec<LineFeature>,
}

/// A vendor (carrier); the detail carries its network's access method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Vendor {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<VendorType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_method: Option<AccessMethod>,
}

/// `GET /catalog/devices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogDevicesPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub devices: Vec<CatalogDevice>,
}

/// `GET /catalog/plans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlansPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub plans: Vec<Plan>,
}

/// `GET /catalog/accessories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessoriesPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub accessories: Vec<Accessory>,
}

/// `GET /vendors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VendorsPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub vendors: Vec<Vendor>,
}
