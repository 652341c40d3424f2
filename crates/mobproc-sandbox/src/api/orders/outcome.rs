//! What a COMPLETE order changes in the assets (the rules' `outcome`,
//! TRANSACTIONS.md "On COMPLETE"): applied once, when the COMPLETE status
//! is written to the order's history.

use mobproc_types::rules::{rules_of, Outcome};
use mobproc_types::{
    CatalogDevice, DeviceAsset, DeviceDescription, EntityStatus, FeatureAction, NamedRef, Order,
    OrderRequest, SerialNumber, SerialNumberType, ServiceAsset,
};
use rusqlite::{Connection, OptionalExtension};

use crate::api::catalog::{find_catalog_device, find_plan};
use crate::api::features::{line_plan, save_line_plan, LinePlan};
use crate::error::ApiResult;

/// Applies `order`'s outcome (made from `request`) to tenant `tenant`'s assets.
pub fn apply(
    connection: &Connection,
    tenant: &str,
    order: &Order,
    request: &OrderRequest,
) -> ApiResult<()> {
    let Some(rules) = rules_of(&request.transaction_type) else {
        return Ok(());
    };
    let line = request.service_id.as_deref();
    match (&rules.outcome, line) {
        (Outcome::LineUpgraded, Some(line)) => {
            change_line(connection, tenant, order, request, line, false)
        }
        (Outcome::LinePorted, Some(line)) => {
            change_line(connection, tenant, order, request, line, true)
        }
        (Outcome::NewLine, _) => new_line(connection, tenant, order, request),
        (Outcome::LineStatus(status), Some(line)) => {
            update_service(connection, tenant, line, |service| {
                service.status = status.clone()
            })
        }
        (Outcome::FeaturesChanged, Some(line)) => {
            change_features(connection, tenant, request, line)
        }
        (Outcome::DeviceSwapped, Some(line)) => {
            swap_device(connection, tenant, order, request, line)
        }
        (Outcome::LineLeavesCompany, Some(line)) => leave_company(connection, tenant, line),
        _ => Ok(()),
    }
}

fn json<T: serde::Serialize>(value: &T) -> ApiResult<String> {
    Ok(serde_json::to_string(value)?)
}

/// Rewrites a line's body (and its vendor column) with `change`.
fn update_service(
    connection: &Connection,
    tenant: &str,
    id: &str,
    change: impl FnOnce(&mut ServiceAsset),
) -> ApiResult<()> {
    let body: Option<String> = connection
        .query_row(
            "SELECT body FROM services WHERE tenant = ?1 AND id = ?2",
            [tenant, id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(body) = body else { return Ok(()) };
    let mut service: ServiceAsset = serde_json::from_str(&body)?;
    change(&mut service);
    let vendor = service.vendor.as_ref().map(|v| v.id.clone());
    connection.execute(
        "UPDATE services SET body = ?3, vendor_id = COALESCE(?4, vendor_id) WHERE tenant = ?1 AND id = ?2",
        rusqlite::params![tenant, id, json(&service)?, vendor],
    )?;
    Ok(())
}

/// Puts device asset `device_id` on line `line` (the device there before,
/// if any, is on no line any more).
fn attach_device(
    connection: &Connection,
    tenant: &str,
    line: &str,
    device_id: &str,
) -> ApiResult<()> {
    connection.execute(
        "UPDATE device_assets SET service_id = NULL WHERE tenant = ?1 AND service_id = ?2",
        [tenant, line],
    )?;
    connection.execute(
        "UPDATE device_assets SET service_id = ?2 WHERE tenant = ?1 AND id = ?3",
        [tenant, line, device_id],
    )?;
    connection.execute(
        "UPDATE services SET device_id = ?3 WHERE tenant = ?1 AND id = ?2",
        [tenant, line, device_id],
    )?;
    Ok(())
}

/// Stores a new device asset of `employee` (on no line yet).
fn insert_device(
    connection: &Connection,
    tenant: &str,
    employee: &str,
    device: &DeviceAsset,
) -> ApiResult<()> {
    connection.execute(
        "INSERT OR REPLACE INTO device_assets (tenant, id, employee_id, service_id, seq, body)
         VALUES (?1, ?2, ?3, NULL, (SELECT COALESCE(MAX(seq), 0) + 1 FROM device_assets), ?4)",
        rusqlite::params![tenant, device.id, employee, json(device)?],
    )?;
    Ok(())
}

/// The device asset a delivered catalog device becomes.
fn delivered_device(order: &Order, device: &CatalogDevice) -> DeviceAsset {
    DeviceAsset {
        meta: None,
        id: format!("8{}", order.order_id),
        access_method: device.access_method.clone(),
        company_asset_id: Some(format!("Order {}", order.order_id)),
        mac_address: None,
        manufacturer: device.manufacturer.clone(),
        model: Some(device.name.clone()),
        serial_number: Some(SerialNumber {
            kind: SerialNumberType::Imei,
            value: format!("35{:0>13}", order.order_id),
        }),
        sim_id: Some(format!("8901{:0>16}", order.order_id)),
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    }
}

/// The plan ordered and its optional features, as the line's plan.
fn ordered_plan(request: &OrderRequest) -> Option<LinePlan> {
    let cart = request.shopping_cart.as_ref()?;
    Some(LinePlan {
        plan_id: Some(cart.plan_id.clone()?),
        active: cart.optional_feature_ids.clone(),
    })
}

/// UPGRADE and PORT_NUMBER: the new device on the line, the new plan and
/// features; a port also moves the line to the plan's carrier.
fn change_line(
    connection: &Connection,
    tenant: &str,
    order: &Order,
    request: &OrderRequest,
    line: &str,
    ported: bool,
) -> ApiResult<()> {
    let cart = request.cart();
    if let Some(device) = match &cart.device_id {
        Some(id) => find_catalog_device(connection, tenant, id)?,
        None => None,
    } {
        let asset = delivered_device(order, &device);
        insert_device(connection, tenant, &order.account_holder.id, &asset)?;
        attach_device(connection, tenant, line, &asset.id)?;
    }
    if let Some(plan) = ordered_plan(request) {
        save_line_plan(connection, tenant, line, &plan)?;
    }
    let plan_vendor = match &cart.plan_id {
        Some(id) => find_plan(connection, tenant, id)?.and_then(|p| p.vendor),
        None => None,
    };
    if let (true, Some(vendor)) = (ported, plan_vendor) {
        update_service(connection, tenant, line, |service| {
            service.vendor = Some(vendor)
        })?;
    }
    Ok(())
}

/// The number a new line gets: the transferred number, else one in the
/// preferred area code (the carrier's choice otherwise).
fn new_number(order: &Order, request: &OrderRequest) -> String {
    let property = |id: &str| {
        request
            .properties
            .iter()
            .flat_map(|g| &g.fields)
            .find(|f| f.id == id)
            .and_then(|f| f.text.clone())
            .filter(|t| !t.trim().is_empty())
    };
    let suffix = &order.order_id[order.order_id.len().saturating_sub(4)..];
    property("SERVICE_NUMBER").unwrap_or_else(|| {
        let area = property("PREFERRED_AREA_CODE").unwrap_or_else(|| "203".into());
        format!("{area}555{suffix:0>4}")
    })
}

/// NEW_ACTIVATION and the transfers in: a new line of the account holder
/// on the plan's carrier, with the device delivered (if any).
fn new_line(
    connection: &Connection,
    tenant: &str,
    order: &Order,
    request: &OrderRequest,
) -> ApiResult<()> {
    let cart = request.cart();
    let plan = match &cart.plan_id {
        Some(id) => find_plan(connection, tenant, id)?,
        None => None,
    };
    // Validation saw the plan and its carrier; the catalog never loses them.
    let Some(vendor) = plan.and_then(|p| p.vendor) else {
        return Ok(());
    };
    let holder = &order.account_holder;
    let id = format!("9{}", order.order_id);
    let service = ServiceAsset {
        meta: None,
        id: id.clone(),
        service_number: new_number(order, request),
        status: EntityStatus::Active,
        contract_dates: None,
        upgrade_eligibility_date: None,
        vendor: Some(vendor.clone()),
        device: None,
        employee: Some(NamedRef {
            meta: None,
            id: holder.id.clone(),
            name: Some(holder.full_name()),
            logo_url: None,
        }),
        order_actions: None,
    };
    connection.execute(
        "INSERT OR REPLACE INTO services (tenant, id, employee_id, vendor_id, device_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, NULL, (SELECT COALESCE(MAX(seq), 0) + 1 FROM services), ?5)",
        rusqlite::params![tenant, id, holder.id, vendor.id, json(&service)?],
    )?;
    if let Some(device) = match &cart.device_id {
        Some(device_id) => find_catalog_device(connection, tenant, device_id)?,
        None => None,
    } {
        let asset = delivered_device(order, &device);
        insert_device(connection, tenant, &holder.id, &asset)?;
        attach_device(connection, tenant, &id, &asset.id)?;
    }
    if let Some(plan) = ordered_plan(request) {
        save_line_plan(connection, tenant, &id, &plan)?;
    }
    Ok(())
}

/// UPDATE_FEATURES: the ADDed features become active, the REMOVEd ones not.
fn change_features(
    connection: &Connection,
    tenant: &str,
    request: &OrderRequest,
    line: &str,
) -> ApiResult<()> {
    let mut plan = line_plan(connection, tenant, line)?;
    for change in &request.cart().features {
        plan.active.retain(|id| id != &change.id);
        if change.action == FeatureAction::Add {
            plan.active.push(change.id.clone());
        }
    }
    save_line_plan(connection, tenant, line, &plan)
}

/// The device asset a described device is: the holder's with that
/// serial, else a new one made from the description.
fn described_device(order: &Order, description: &DeviceDescription) -> DeviceAsset {
    let (manufacturer, model) = if description.is_other() {
        let words = description
            .other_make_model_name
            .clone()
            .unwrap_or_default();
        (None, Some(words))
    } else {
        let id = description.manufacturer_id.clone();
        let maker = NamedRef {
            meta: None,
            name: Some(id.clone()),
            id,
            logo_url: None,
        };
        (Some(maker), Some(description.model_id.clone()))
    };
    DeviceAsset {
        meta: None,
        id: format!("7{}", order.order_id),
        access_method: None,
        company_asset_id: None,
        mac_address: None,
        manufacturer,
        model,
        serial_number: Some(description.serial_number.clone()),
        sim_id: None,
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    }
}

/// SWAP_DEVICES: the line moves to the new device (with the SIM).
fn swap_device(
    connection: &Connection,
    tenant: &str,
    order: &Order,
    request: &OrderRequest,
    line: &str,
) -> ApiResult<()> {
    let Some(new) = &request.new_device else {
        return Ok(());
    };
    let holder = &order.account_holder.id;
    let held: Option<String> = connection
        .query_row(
            "SELECT id FROM device_assets WHERE tenant = ?1 AND employee_id = ?2
               AND json_extract(body, '$.serialNumber.value') = ?3",
            [tenant, holder.as_str(), new.serial_number.value.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    let device_id = match held {
        Some(id) => id,
        None => {
            let device = described_device(order, new);
            insert_device(connection, tenant, holder, &device)?;
            device.id
        }
    };
    attach_device(connection, tenant, line, &device_id)
}

/// XFER_SERVICE_OUT: the line is INACTIVE and no longer the employee's
/// (nor is its device).
fn leave_company(connection: &Connection, tenant: &str, line: &str) -> ApiResult<()> {
    update_service(connection, tenant, line, |service| {
        service.status = EntityStatus::Inactive;
        service.employee = None;
    })?;
    connection.execute(
        "UPDATE services SET employee_id = '' WHERE tenant = ?1 AND id = ?2",
        [tenant, line],
    )?;
    connection.execute(
        "UPDATE device_assets SET employee_id = '' WHERE tenant = ?1 AND service_id = ?2",
        [tenant, line],
    )?;
    Ok(())
}
