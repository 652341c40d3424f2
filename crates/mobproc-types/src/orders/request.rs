//! An order as the caller sends it. Unknown keys are refused everywhere.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::acknowledgements::AcknowledgementValue;
use crate::assets::SerialNumber;
use crate::common::IdRef;
use crate::employees::TransactionType;
use crate::properties::PropertyType;

use super::FeatureAction;

/// The body of `POST /orders`: `{ "orderRequest": {...} }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderRequestBody {
    pub order_request: OrderRequest,
}

/// An order of any type, as the caller sends it. Which keys a type needs,
/// may have or must not have is [`crate::rules::TypeRules`]'s to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderRequest {
    /// The caller's own reference; the sandbox never stores two orders of a
    /// tenant with the same one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub transaction_type: TransactionType,
    /// The line the order is for (line-based types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// The country of use of a new or incoming number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// The zone of use of a new or incoming number (required in the US).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// XFER_SERVICE_IN(_AND_PORT): the personal number's carrier today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_vendor_id: Option<String>,
    /// UPGRADE: the device being replaced; SWAP_DEVICES: the device on the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<DeviceDescription>,
    /// SWAP_DEVICES: the device the line moves to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_device: Option<DeviceDescription>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopping_cart: Option<ShoppingCartRequest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<PropertyGroupValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipToRequest>,
    /// XFER types: the carrier's consents, answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgements: Option<Vec<AcknowledgementValue>>,
}

impl OrderRequest {
    /// An empty request of `kind`, to fill in.
    pub fn new(kind: TransactionType) -> Self {
        OrderRequest {
            external_order_number: None,
            transaction_type: kind,
            service_id: None,
            region_id: None,
            postal_code: None,
            current_vendor_id: None,
            existing_device: None,
            new_device: None,
            shopping_cart: None,
            properties: Vec::new(),
            ship_to: None,
            acknowledgements: None,
        }
    }

    /// The cart, or an empty one when none was sent.
    pub fn cart(&self) -> ShoppingCartRequest {
        self.shopping_cart.clone().unwrap_or_default()
    }
}

/// A device as a request describes it: by manufacturer and model id, or
/// `"Other"` and `otherMakeModelName`, with its serial (and SIM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceDescription {
    pub manufacturer_id: String,
    pub model_id: String,
    /// Make and model in words, when either id is `"Other"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_make_model_name: Option<String>,
    pub serial_number: SerialNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}

/// The id a request uses for a make or model that is not in the records.
pub const OTHER_DEVICE: &str = "Other";

impl DeviceDescription {
    /// Whether the device is named in words rather than by records' ids.
    pub fn is_other(&self) -> bool {
        self.manufacturer_id == OTHER_DEVICE || self.model_id == OTHER_DEVICE
    }
}

/// What is ordered. Which parts a type may send is in [`crate::rules`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShoppingCartRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional_feature_ids: Vec<String>,
    /// Catalog accessories; each occurrence is one unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessory_ids: Vec<String>,
    /// UPDATE_FEATURES: features to add to or remove from the line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<FeatureChange>,
    /// UPDATE_FEATURES: free text for the carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_request_comment: Option<String>,
    /// Only 1 is accepted when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
    /// Atlas: the option chosen for each of the device's `deviceFeatures`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub device_feature_choices: Vec<DeviceFeatureSelection>,
}

/// One feature added to or removed from a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeatureChange {
    pub id: String,
    pub action: FeatureAction,
}

/// The choice made for one Atlas device feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceFeatureSelection {
    pub feature_id: String,
    pub choice_id: String,
}

/// A group of property values, in a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyGroupValue {
    pub group_id: String,
    pub fields: Vec<FieldValue>,
}

/// One property value, in a request: `text` for TEXT, `date` for DATE (an
/// ISO 8601 date-time; `text` in the field's pattern is also accepted),
/// `choice` for CHOICE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldValue {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChoiceValue>,
}

/// The chosen choice; `otherText` only with the `isOther` choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_text: Option<String>,
}

/// Where to ship, in a request. The region comes as `regionId` or as
/// `region: {"id"}` (the documentation shows both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShipToRequest {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<IdRef>,
    pub address: Vec<AddressValue>,
    #[serde(default)]
    pub expedite: bool,
}

impl ShipToRequest {
    /// The region id, from whichever of the two spellings was sent.
    pub fn region_id(&self) -> Option<&str> {
        self.region_id
            .as_deref()
            .or(self.region.as_ref().map(|r| r.id.as_str()))
    }
}

/// One address field's value, in a request. A `label` may come along (the
/// XFER examples send one); it is kept but means nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddressValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: String,
}
