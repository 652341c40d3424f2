//! Orders: the request, its confirmation, the submitted order, its life.

use serde::{Deserialize, Serialize};

use crate::assets::{DeviceAsset, SerialNumber, ServiceAsset};
use crate::catalog::{CatalogDevice, Feature, Plan};
use crate::common::{IdRef, Items, Meta, NamedRef};
use crate::employees::{Employee, TransactionType};
use crate::money::Amount;
use crate::properties::PropertyType;

open_enum!(
    /// The outcome word at the top of an order answer.
    ResponseStatus {
        Success = "SUCCESS",
        Error = "ERROR",
    }
);

open_enum!(
    /// Where an order (segment) is in its life. The sandbox moves orders
    /// through `ORDER_SUBMITTED`, `AWAITING_APPROVAL`, `APPROVED`, `SHIPPED`,
    /// `COMPLETE` (or `REJECTED`); real backends have more.
    OrderStatus {
        OrderSubmitted = "ORDER_SUBMITTED",
        AwaitingApproval = "AWAITING_APPROVAL",
        Approved = "APPROVED",
        Rejected = "REJECTED",
        InProgress = "IN_PROGRESS",
        Shipped = "SHIPPED",
        Complete = "COMPLETE",
        Cancelled = "CANCELLED",
    }
);

/// The body of `POST /orders`: `{ "orderRequest": {...} }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderRequestBody {
    pub order_request: OrderRequest,
}

/// An order as the caller sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderRequest {
    /// The caller's own reference; the sandbox never stores two orders of a
    /// tenant with the same one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub transaction_type: TransactionType,
    pub service_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<ExistingDeviceRequest>,
    pub shopping_cart: ShoppingCartRequest,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<PropertyGroupValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipToRequest>,
}

/// The device being replaced, as the request describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExistingDeviceRequest {
    pub manufacturer_id: String,
    pub model_id: String,
    pub serial_number: SerialNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}

/// What is ordered: a device, a plan, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShoppingCartRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional_feature_ids: Vec<String>,
    /// Atlas: the option chosen for each of the device's `deviceFeatures`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub device_feature_choices: Vec<DeviceFeatureSelection>,
}

/// The choice made for one Atlas device feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceFeatureSelection {
    pub feature_id: String,
    pub choice_id: String,
}

/// A group of property values, in a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyGroupValue {
    pub group_id: String,
    pub fields: Vec<FieldValue>,
}

/// One property value, in a request: `text` for TEXT and DATE, `choice` for CHOICE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldValue {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChoiceValue>,
}

/// The chosen choice; `otherText` only with the `isOther` choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChoiceValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_text: Option<String>,
}

/// Where to ship, in a request. The region comes as `regionId` or as
/// `region: {"id"}` (the documentation shows both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// One address field's value, in a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressValue {
    pub id: String,
    pub value: String,
}

/// A property value as answers echo it, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledFieldValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(rename = "type")]
    pub kind: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<LabelledChoice>,
}

/// A chosen choice as answers echo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelledChoice {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_text: Option<String>,
}

/// A group of property values as answers echo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelledPropertyGroup {
    pub group_id: String,
    pub fields: Vec<LabelledFieldValue>,
}

/// One address field as answers echo it, with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledAddressValue {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: String,
}

/// Where an order ships, as answers show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipTo {
    pub name: String,
    pub region: NamedRef,
    pub address: Vec<LabelledAddressValue>,
    #[serde(default)]
    pub expedite: bool,
}

/// The device being replaced, expanded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExistingDevice {
    pub manufacturer: NamedRef,
    pub model: NamedRef,
    pub serial_number: SerialNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}

/// The cart, expanded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShoppingCart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<CatalogDevice>,
    /// Atlas: the device feature choices made, expanded with labels and prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_feature_choices: Option<Vec<ChosenDeviceFeature>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub quantity: u32,
}

/// One Atlas device feature choice, expanded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChosenDeviceFeature {
    pub feature_id: String,
    pub label: String,
    pub choice_id: String,
    pub choice_label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// `POST /orders?confirm=true`: `{ "orderConfirmation", "status" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmationResponse {
    pub order_confirmation: OrderConfirmation,
    pub status: ResponseStatus,
}

/// The request expanded into names and prices; nothing is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderConfirmation {
    pub account_holder: Employee,
    pub cost_summary: Vec<Amount>,
    /// The device asset on the line today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceAsset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<ExistingDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    #[serde(default)]
    pub properties: Vec<LabelledPropertyGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<NamedRef>,
    pub requested_by: Employee,
    pub service: ServiceAsset,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    pub shopping_cart: ShoppingCart,
    pub transaction_type: TransactionType,
}

/// `POST /orders`: `{ "order", "status" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderResponse {
    pub order: Order,
    pub status: ResponseStatus,
}

/// A submitted order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub account_holder: Employee,
    pub date_submitted: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub order_id: String,
    pub order_segments: Items<OrderSegment>,
    #[serde(default)]
    pub properties: Vec<LabelledPropertyGroup>,
    pub requested_by: Employee,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    pub status: OrderStatus,
    pub transaction_type: TransactionType,
}

/// One vendor's part of an order, with its own status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderSegment {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub accessories: Vec<OrderedItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<OrderedItem>,
    #[serde(default)]
    pub features: Vec<Feature>,
    pub order_segment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<OrderedPlan>,
    pub status: OrderStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
}

/// A device or accessory in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// A plan in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedPlan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub optional_features: Vec<Feature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// `GET /orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub orders: Vec<Order>,
}

/// `GET /orders/{id}/history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryResponse {
    pub history: Items<HistoryEntry>,
}

/// One status change of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub order_segment_id: String,
    pub status: OrderStatus,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `GET /orders/{id}/shipments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentsResponse {
    pub shipments: Items<Shipment>,
}

/// A parcel on its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shipment {
    pub shipment_id: String,
    pub order_segment_id: String,
    pub carrier: String,
    pub tracking_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
    pub date_shipped: String,
    #[serde(default)]
    pub items: Vec<String>,
}
