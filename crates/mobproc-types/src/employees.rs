//! Employees and the signed-in user (`/me`).

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::common::{IdName, Meta};

open_enum!(
    /// An employee's or asset's status.
    EntityStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
        Suspended = "SUSPENDED",
    }
);

open_enum!(
    /// The twelve kinds of order the API takes (`transactionType`). The
    /// rules of each live in [`crate::rules`].
    TransactionType {
        NewActivation = "NEW_ACTIVATION",
        Upgrade = "UPGRADE",
        PortNumber = "PORT_NUMBER",
        OrderAccessories = "ORDER_ACCESSORIES",
        Suspend = "SUSPEND",
        Unsuspend = "UNSUSPEND",
        Deactivate = "DEACTIVATE",
        UpdateFeatures = "UPDATE_FEATURES",
        SwapDevices = "SWAP_DEVICES",
        XferServiceOut = "XFER_SERVICE_OUT",
        XferServiceIn = "XFER_SERVICE_IN",
        XferServiceInAndPort = "XFER_SERVICE_IN_AND_PORT",
    }
);

/// An employee, as lists, details, `accountHolder` and `requestedBy` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Employee {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_employee_id: Option<String>,
    pub first_name: String,
    pub last_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<IdName>,
    pub status: EntityStatus,
}

impl Employee {
    /// "First Last".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// `GET /employees`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeesPage {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub employees: Vec<Employee>,
}

/// A custom attribute of the tenant's on the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomAttribute {
    pub name: String,
    pub value: String,
}

/// `GET /me`: who is signed in (`user`), on whose behalf the call acts
/// (`actor`, the same unless a context header switched it), and what the
/// actor may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub user: Employee,
    pub actor: Employee,
    pub transaction_types: Vec<TransactionType>,
    pub is_approver: bool,
    pub can_move_service: bool,
    #[serde(default)]
    pub custom_attributes: Vec<CustomAttribute>,
}
