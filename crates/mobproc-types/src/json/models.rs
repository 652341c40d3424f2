//! [`FromJson`] for the answers the widget's first screen reads: `/ping`,
//! `/me`, the employees, the lines, error bodies and the token endpoint's
//! answer. Field names as their serde derives spell them.

use super::{FromJson, Json, JsonError};
use crate::{
    ContractDates, CustomAttribute, DeviceAsset, Employee, EmployeesPage, ErrorBody, ErrorDetail,
    ErrorStatus, IdName, Me, Meta, NamedRef, Ping, SerialNumber, ServiceAsset, ServicesPage,
    TokenResponse,
};

impl FromJson for Meta {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Meta {
            href: o.field("href")?,
            href_devices: o.field("hrefDevices")?,
            href_services: o.field("hrefServices")?,
            href_history: o.field("hrefHistory")?,
            href_shipments: o.field("hrefShipments")?,
            href_children: o.field("hrefChildren")?,
            href_parent: o.field("hrefParent")?,
            href_start: o.field("hrefStart")?,
            href_previous: o.field("hrefPrevious")?,
            href_next: o.field("hrefNext")?,
            href_end: o.field("hrefEnd")?,
            limit: o.field("limit")?,
            offset: o.field("offset")?,
            total_count: o.field("totalCount")?,
        })
    }
}

impl FromJson for NamedRef {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(NamedRef {
            meta: o.field("_meta")?,
            id: o.field("id")?,
            name: o.field("name")?,
            logo_url: o.field("logoUrl")?,
        })
    }
}

impl FromJson for IdName {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(IdName {
            id: o.field("id")?,
            name: o.field("name")?,
        })
    }
}

impl FromJson for Ping {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Ping {
            echo_text: o.field("echoText")?,
            backend: o.field("backend")?,
            status: o.field("status")?,
        })
    }
}

impl FromJson for Employee {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Employee {
            meta: o.field("_meta")?,
            id: o.field("id")?,
            company_employee_id: o.field("companyEmployeeId")?,
            first_name: o.field("firstName")?,
            last_name: o.field("lastName")?,
            email: o.field("email")?,
            office_phone: o.field("officePhone")?,
            department: o.field("department")?,
            status: o.field("status")?,
        })
    }
}

impl FromJson for EmployeesPage {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(EmployeesPage {
            meta: o.field("_meta")?,
            employees: o.field_or_default("employees")?,
        })
    }
}

impl FromJson for CustomAttribute {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(CustomAttribute {
            name: o.field("name")?,
            value: o.field("value")?,
        })
    }
}

impl FromJson for Me {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Me {
            user: o.field("user")?,
            actor: o.field("actor")?,
            transaction_types: o.field("transactionTypes")?,
            is_approver: o.field("isApprover")?,
            can_move_service: o.field("canMoveService")?,
            custom_attributes: o.field_or_default("customAttributes")?,
        })
    }
}

impl FromJson for SerialNumber {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        o.only(&["type", "value"])?;
        Ok(SerialNumber {
            kind: o.field("type")?,
            value: o.field("value")?,
        })
    }
}

impl FromJson for ContractDates {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(ContractDates {
            activated: o.field("activated")?,
            start: o.field("start")?,
            end: o.field("end")?,
            last_device_upgrade: o.field("lastDeviceUpgrade")?,
        })
    }
}

impl FromJson for DeviceAsset {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(DeviceAsset {
            meta: o.field("_meta")?,
            id: o.field("id")?,
            access_method: o.field("accessMethod")?,
            company_asset_id: o.field("companyAssetId")?,
            mac_address: o.field("macAddress")?,
            manufacturer: o.field("manufacturer")?,
            model: o.field("model")?,
            serial_number: o.field("serialNumber")?,
            sim_id: o.field("simId")?,
            status: o.field("status")?,
            service: o.field("service")?,
            upgrade_eligibility_date: o.field("upgradeEligibilityDate")?,
            order_actions: o.field("orderActions")?,
        })
    }
}

impl FromJson for ServiceAsset {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(ServiceAsset {
            meta: o.field("_meta")?,
            id: o.field("id")?,
            service_number: o.field("serviceNumber")?,
            status: o.field("status")?,
            contract_dates: o.field("contractDates")?,
            upgrade_eligibility_date: o.field("upgradeEligibilityDate")?,
            vendor: o.field("vendor")?,
            device: o.field("device")?,
            employee: o.field("employee")?,
            order_actions: o.field("orderActions")?,
        })
    }
}

impl FromJson for ServicesPage {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(ServicesPage {
            meta: o.field("_meta")?,
            services: o.field_or_default("services")?,
        })
    }
}

impl FromJson for ErrorStatus {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(text) => Ok(ErrorStatus::Text(text.clone())),
            number => u16::from_json(number).map(ErrorStatus::Code),
        }
    }
}

impl FromJson for ErrorDetail {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(ErrorDetail {
            error_code: o.field("errorCode")?,
            message: o.field("message")?,
            field: o.field("field")?,
        })
    }
}

impl FromJson for ErrorBody {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(ErrorBody {
            status: o.field("status")?,
            id: o.field("id")?,
            error_code: o.field("errorCode")?,
            message: o.field("message")?,
            errors: o.field_or_default("errors")?,
        })
    }
}

impl FromJson for TokenResponse {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(TokenResponse {
            token_type: o.field("token_type")?,
            expires_in: o.field("expires_in")?,
            access_token: o.field("access_token")?,
            refresh_token: o.field("refresh_token")?,
            scope: o.field("scope")?,
        })
    }
}
