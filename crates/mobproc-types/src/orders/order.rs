//! A submitted order, its history and its shipments.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::catalog::Feature;
use crate::common::{Items, Meta, NamedRef};
use crate::employees::{Employee, TransactionType};
use crate::money::Amount;

use super::{ChangedFeature, LabelledPropertyGroup, OrderStatus, ResponseStatus, ShipTo};

/// `POST /orders`: `{ "order", "status" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderResponse {
    pub order: Order,
    pub status: ResponseStatus,
}

/// A submitted order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub account_holder: Employee,
    pub date_submitted: String,
    /// UTC time of the last change; never before `dateSubmitted` here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub order_id: String,
    /// One per vendor; some answers (DEACTIVATE) have none: see
    /// [`Order::segments`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_segments: Option<Items<OrderSegment>>,
    #[serde(default)]
    pub properties: Vec<LabelledPropertyGroup>,
    pub requested_by: Employee,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    pub status: OrderStatus,
    pub transaction_type: TransactionType,
    /// With `includeApprovers=true`, while the order awaits approval: the
    /// level of approval it waits for (1 is the first approver).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_approval_level: Option<u32>,
    /// With `includeApprovers=true`, while the order awaits approval: who
    /// is to approve it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<Employee>,
}

impl Order {
    /// The segments, none when the answer has no `orderSegments`.
    pub fn segments(&self) -> &[OrderSegment] {
        self.order_segments
            .as_ref()
            .map(|s| s.items.as_slice())
            .unwrap_or_default()
    }
}

/// One vendor's part of an order, with its own status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderSegment {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub accessories: Vec<OrderedItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<OrderedItem>,
    #[serde(default)]
    pub features: Vec<ChangedFeature>,
    pub order_segment_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<OrderedPlan>,
    pub status: OrderStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<NamedRef>,
}

/// A device or accessory in a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OrderedPlan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Absent on `{"optionalFeatures": []}`, which means "no plan".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub optional_features: Vec<Feature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
}

/// `GET /orders`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdersPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub orders: Vec<Order>,
}

/// `GET /orders/{id}/history`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryResponse {
    pub history: Items<HistoryEntry>,
}

/// One status change of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub order_segment_id: String,
    pub status: OrderStatus,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `GET /orders/{id}/shipments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentsResponse {
    pub shipments: Items<Shipment>,
}

/// A parcel on its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
