//! Assets: service lines and the devices on them.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::catalog::AccessMethod;
use crate::common::{Meta, NamedRef};
use crate::employees::{EntityStatus, TransactionType};

open_enum!(
    /// How a device's serial number is expressed.
    SerialNumberType {
        Imei = "IMEI",
        Meid = "MEID",
        Esn = "ESN",
        CapCode = "CAP_CODE",
        Pin = "PIN",
        Msn = "MSN",
        /// The backend does not know the type.
        Unspecified = "UNKNOWN",
    }
);

/// `{ "type", "value" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SerialNumber {
    #[serde(rename = "type")]
    pub kind: SerialNumberType,
    pub value: String,
}

/// A line's contract dates (UTC timestamps).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContractDates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_device_upgrade: Option<String>,
}

/// A device asset (`/assets/devices`), also a confirmation's `device`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DeviceAsset {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_method: Option<AccessMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_asset_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<SerialNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EntityStatus>,
    /// With `includeServiceDetails=true`: the line the device is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    // The line holds this device again: its schema is collected from the
    // line's side, not from here, or collecting would never end.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub service: Option<Box<ServiceAsset>>,
    /// With `includeUpgradeEligibleDate=true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_eligibility_date: Option<String>,
    /// On a service asset's device: the order types that apply to the device
    /// (e.g. `UPGRADE`, `ORDER_ACCESSORIES`, `SWAP_DEVICES`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

/// A service asset: one line (`/assets/services`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ServiceAsset {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub service_number: String,
    pub status: EntityStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_dates: Option<ContractDates>,
    /// The day the line may be upgraded; on or before today means now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_eligibility_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceAsset>,
    /// The employee the line belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee: Option<NamedRef>,
    /// The order types that apply to the line (e.g. `SUSPEND` only while it
    /// is active); see [`ServiceAsset::offers`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

impl ServiceAsset {
    /// Whether the line offers `kind`: it is in the union of the line's and
    /// its device's `orderActions`. A line whose answer carries neither list
    /// offers everything (older backends don't send them).
    pub fn offers(&self, kind: &TransactionType) -> bool {
        let device_actions = self.device.as_ref().and_then(|d| d.order_actions.as_ref());
        match (&self.order_actions, device_actions) {
            (None, None) => true,
            (line, device) => line
                .iter()
                .chain(device)
                .any(|actions| actions.contains(kind)),
        }
    }
}

/// `GET /assets/services`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServicesPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub services: Vec<ServiceAsset>,
}

/// `GET /assets/devices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceAssetsPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub devices: Vec<DeviceAsset>,
}
