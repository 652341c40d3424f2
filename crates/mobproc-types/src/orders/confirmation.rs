//! `POST /orders?confirm=true`: the request expanded, nothing submitted.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::acknowledgements::AcknowledgementValue;
use crate::assets::{DeviceAsset, ServiceAsset};
use crate::common::NamedRef;
use crate::employees::{Employee, TransactionType};
use crate::money::Amount;

use super::{ExistingDevice, LabelledPropertyGroup, ResponseStatus, ShipTo, ShoppingCart};

/// `POST /orders?confirm=true`: `{ "orderConfirmation", "status" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ConfirmationResponse {
    pub order_confirmation: OrderConfirmation,
    pub status: ResponseStatus,
}

/// The request expanded into names and prices; nothing is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderConfirmation {
    pub account_holder: Employee,
    /// XFER types: the acknowledgements as sent (always present on them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgements: Option<Vec<AcknowledgementValue>>,
    /// One-time and monthly totals, for the types that cost something.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_summary: Option<Vec<Amount>>,
    /// XFER_SERVICE_IN(_AND_PORT): the personal number's carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_vendor: Option<NamedRef>,
    /// The device asset on the line today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceAsset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<ExistingDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    /// SWAP_DEVICES: the device the line moves to, expanded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_device: Option<ExistingDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub properties: Vec<LabelledPropertyGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<NamedRef>,
    pub requested_by: Employee,
    /// The line, for line-based types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceAsset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopping_cart: Option<ShoppingCart>,
    pub transaction_type: TransactionType,
}
