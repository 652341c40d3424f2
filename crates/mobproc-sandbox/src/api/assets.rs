//! `GET /assets/services[/{id}]` and `GET /assets/devices[/{id}]`: the lines
//! and devices of the employees the caller may see.

use axum::extract::OriginalUri;
use axum::routing::get;
use axum::{Json, Router};
use mobproc_types::{DeviceAsset, DeviceAssetsPage, ServiceAsset, ServicesPage};
use rusqlite::Connection;
use serde::Deserialize;

use crate::api::order_actions::with_order_actions;
use crate::api::render;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assets/services", get(list_services))
        .route("/assets/services/{id}", get(service_detail))
        .route("/assets/devices", get(list_devices))
        .route("/assets/devices/{id}", get(device_detail))
}

/// A stored line with who owns it and which device is on it.
#[derive(Debug, Clone)]
pub struct ServiceRow {
    pub service: ServiceAsset,
    pub employee_id: String,
    pub vendor_id: String,
    pub device: Option<DeviceAsset>,
}

/// A stored device with its owner and line.
#[derive(Debug, Clone)]
pub struct DeviceRow {
    pub device: DeviceAsset,
    pub employee_id: String,
    pub service_id: Option<String>,
}

/// Every line of a tenant, with its device, in seed order.
pub fn load_services(
    connection: &Connection,
    tenant: &str,
    id: Option<&str>,
) -> ApiResult<Vec<ServiceRow>> {
    let mut statement = connection.prepare_cached(
        "SELECT s.body, s.employee_id, s.vendor_id, d.body FROM services s
         LEFT JOIN device_assets d ON d.tenant = s.tenant AND d.id = s.device_id
         WHERE s.tenant = ?1 AND (?2 IS NULL OR s.id = ?2) ORDER BY s.seq",
    )?;
    let rows = statement.query_map(rusqlite::params![tenant, id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (service, employee_id, vendor_id, device) = row?;
        out.push(ServiceRow {
            service: serde_json::from_str(&service)?,
            employee_id,
            vendor_id,
            device: device.map(|d| serde_json::from_str(&d)).transpose()?,
        });
    }
    Ok(out)
}

/// One line of a tenant, if the caller may see it.
pub fn load_service(
    connection: &Connection,
    caller: &Caller,
    id: &str,
) -> ApiResult<Option<ServiceRow>> {
    Ok(load_services(connection, &caller.tenant.code, Some(id))?
        .into_iter()
        .find(|row| caller.may_act_for(&row.employee_id)))
}

fn load_devices(
    connection: &Connection,
    tenant: &str,
    id: Option<&str>,
) -> ApiResult<Vec<DeviceRow>> {
    let mut statement = connection.prepare_cached(
        "SELECT body, employee_id, service_id FROM device_assets
         WHERE tenant = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY seq",
    )?;
    let rows = statement.query_map(rusqlite::params![tenant, id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (body, employee_id, service_id) = row?;
        out.push(DeviceRow {
            device: serde_json::from_str(&body)?,
            employee_id,
            service_id,
        });
    }
    Ok(out)
}

/// The employee filter shared by both collections: `employee` (Tangoe id)
/// or `companyEmployeeId`, resolved to an id.
fn employee_filter(
    connection: &Connection,
    tenant: &str,
    employee: Option<String>,
    company_employee_id: Option<String>,
) -> ApiResult<Option<String>> {
    if let Some(id) = employee {
        return Ok(Some(id));
    }
    match company_employee_id {
        Some(company_id) => {
            let id: Option<String> = rusqlite::OptionalExtension::optional(connection.query_row(
                "SELECT id FROM employees WHERE tenant = ?1 AND company_employee_id = ?2",
                [tenant, &company_id],
                |row| row.get(0),
            ))?;
            // An unknown company id filters everything out.
            Ok(Some(id.unwrap_or_default()))
        }
        None => Ok(None),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ServicesQuery {
    employee: Option<String>,
    company_employee_id: Option<String>,
    service_number: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

async fn list_services(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<ServicesQuery>,
) -> ApiResult<Json<ServicesPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let (rows, employee) = state
        .db
        .read(move |c| {
            let employee = employee_filter(c, &tenant, query.employee, query.company_employee_id)?;
            Ok((load_services(c, &tenant, None)?, employee))
        })
        .await?;
    let matching: Vec<ServiceRow> = rows
        .into_iter()
        .filter(|row| caller.may_act_for(&row.employee_id))
        .filter(|row| employee.as_ref().is_none_or(|id| &row.employee_id == id))
        .filter(|row| {
            query
                .service_number
                .as_ref()
                .is_none_or(|n| &row.service.service_number == n)
        })
        .collect();
    let meta = paging.meta(&links, &uri, matching.len() as u32);
    let backend = caller.tenant.platform.backend();
    Ok(Json(ServicesPage {
        meta: Some(meta),
        services: paging
            .slice(matching)
            .into_iter()
            .map(|row| {
                with_order_actions(render::service(&links, row.service, row.device), backend)
            })
            .collect(),
    }))
}

async fn service_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<ServiceAsset>> {
    let lookup = id.clone();
    let backend = caller.tenant.platform.backend();
    let row = state
        .db
        .read(move |c| load_service(c, &caller, &lookup))
        .await?
        .ok_or_else(|| ApiError::not_found("service", &id))?;
    Ok(Json(with_order_actions(
        render::service(&links, row.service, row.device),
        backend,
    )))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DevicesQuery {
    employee: Option<String>,
    company_employee_id: Option<String>,
    service: Option<String>,
    #[serde(default)]
    include_service_details: bool,
    #[serde(default)]
    include_upgrade_eligible_date: bool,
    limit: Option<String>,
    offset: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeviceDetailQuery {
    #[serde(default)]
    include_service_details: bool,
    #[serde(default)]
    include_upgrade_eligible_date: bool,
}

/// Adds the line's details and eligibility date when asked.
fn expand_device(
    links: &Links,
    row: DeviceRow,
    services: &[ServiceRow],
    include_service: bool,
    include_eligibility: bool,
) -> DeviceAsset {
    let line = services
        .iter()
        .find(|s| Some(&s.service.id) == row.service_id.as_ref());
    let mut device = render::device_asset(links, row.device);
    if include_eligibility {
        device.upgrade_eligibility_date =
            line.and_then(|s| s.service.upgrade_eligibility_date.clone());
    }
    if include_service {
        device.service = line.map(|s| Box::new(render::service(links, s.service.clone(), None)));
    }
    device
}

async fn list_devices(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<DevicesQuery>,
) -> ApiResult<Json<DeviceAssetsPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let (devices, services, employee) = state
        .db
        .read(move |c| {
            let employee = employee_filter(c, &tenant, query.employee, query.company_employee_id)?;
            Ok((
                load_devices(c, &tenant, None)?,
                load_services(c, &tenant, None)?,
                employee,
            ))
        })
        .await?;
    let matching: Vec<DeviceRow> = devices
        .into_iter()
        .filter(|row| caller.may_act_for(&row.employee_id))
        .filter(|row| employee.as_ref().is_none_or(|id| &row.employee_id == id))
        .filter(|row| {
            query
                .service
                .as_ref()
                .is_none_or(|id| row.service_id.as_ref() == Some(id))
        })
        .collect();
    let meta = paging.meta(&links, &uri, matching.len() as u32);
    Ok(Json(DeviceAssetsPage {
        meta: Some(meta),
        devices: paging
            .slice(matching)
            .into_iter()
            .map(|row| {
                expand_device(
                    &links,
                    row,
                    &services,
                    query.include_service_details,
                    query.include_upgrade_eligible_date,
                )
            })
            .collect(),
    }))
}

async fn device_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<DeviceDetailQuery>,
) -> ApiResult<Json<DeviceAsset>> {
    let tenant = caller.tenant.code.clone();
    let lookup = id.clone();
    let (devices, services) = state
        .db
        .read(move |c| {
            Ok((
                load_devices(c, &tenant, Some(&lookup))?,
                load_services(c, &tenant, None)?,
            ))
        })
        .await?;
    let row = devices
        .into_iter()
        .find(|row| caller.may_act_for(&row.employee_id))
        .ok_or_else(|| ApiError::not_found("device", &id))?;
    Ok(Json(expand_device(
        &links,
        row,
        &services,
        query.include_service_details,
        query.include_upgrade_eligible_date,
    )))
}

/// One device asset of the tenant, if the caller may see it (it belongs
/// to them or to someone who reports to them). Another employee's device
/// is `None`, exactly as a device that does not exist.
pub fn find_visible_device(
    connection: &Connection,
    caller: &Caller,
    id: &str,
) -> ApiResult<Option<DeviceAsset>> {
    Ok(load_devices(connection, &caller.tenant.code, Some(id))?
        .into_iter()
        .find(|row| caller.may_act_for(&row.employee_id))
        .map(|row| row.device))
}
