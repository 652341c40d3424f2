//! Giving a line to another employee (`POST /assets/services/{id}/move`):
//! a direct asset update, not an order.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::assets::ContractDates;
use crate::common::{Meta, NamedRef};
use crate::employees::{EntityStatus, TransactionType};

open_enum!(
    /// Which of the line's charges go with it.
    MoveCharges {
        NoCharges = "MOVE_NO_CHARGES",
        LastMonthOnly = "MOVE_CHARGES_FOR_LAST_MONTH_ONLY",
        AllCharges = "MOVE_ALL_CHARGES",
    }
);

/// The body of a move: exactly one of the two owner ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MoveServiceRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_owner_employee_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_owner_company_employee_id: Option<String>,
    pub move_charges: MoveCharges,
}

/// Who the line goes to, as the request names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewOwner<'a> {
    EmployeeId(&'a str),
    CompanyEmployeeId(&'a str),
}

impl MoveServiceRequest {
    /// The new owner, or `None` unless exactly one id is given.
    pub fn new_owner(&self) -> Option<NewOwner<'_>> {
        match (
            self.new_owner_employee_id.as_deref(),
            self.new_owner_company_employee_id.as_deref(),
        ) {
            (Some(id), None) => Some(NewOwner::EmployeeId(id)),
            (None, Some(id)) => Some(NewOwner::CompanyEmployeeId(id)),
            _ => None,
        }
    }
}

/// The answer of a move: the line's updated detail, a bare object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MovedService {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    pub service_number: String,
    pub status: EntityStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_dates: Option<ContractDates>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<MovedPlan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<MovedVendors>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<MovedDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

/// The line's plan, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovedPlan {
    pub name: String,
}

/// The carrier that bills the line and the one it runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MovedVendors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing: Option<NamedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<NamedRef>,
}

/// The line's device, its model as an object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MovedDevice {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

/// A device model: id, name and picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ModelRef {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}
