//! `GET /assets/devices[/{id}]`: the devices of the employees the caller
//! may see, with their line and eligibility date on request.

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{DeviceAsset, DeviceAssetsPage, ErrorBody};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{employee_filter, load_services, ServiceRow};
use crate::api::render;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_devices))
        .routes(routes!(device_detail))
}

/// A stored device with its owner and line.
#[derive(Debug, Clone)]
pub struct DeviceRow {
    pub device: DeviceAsset,
    pub employee_id: String,
    pub service_id: Option<String>,
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

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct DevicesQuery {
    /// Only this employee's devices (Tangoe id).
    employee: Option<String>,
    /// Only the devices of the employee with this customer id.
    company_employee_id: Option<String>,
    /// Only the device on this line.
    service: Option<String>,
    /// Adds each device's line.
    #[serde(default)]
    include_service_details: bool,
    /// Adds each device's upgrade eligibility date.
    #[serde(default)]
    include_upgrade_eligible_date: bool,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct DeviceDetailQuery {
    /// Adds the device's line.
    #[serde(default)]
    include_service_details: bool,
    /// Adds the device's upgrade eligibility date.
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

/// The devices of the employees the user may see.
#[utoipa::path(
    get,
    path = "/assets/devices",
    operation_id = "list_device_assets",
    tag = "assets",
    params(DevicesQuery),
    responses((status = 200, description = "A page of devices", body = DeviceAssetsPage))
)]
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

/// One device.
#[utoipa::path(
    get,
    path = "/assets/devices/{id}",
    operation_id = "device_asset_detail",
    tag = "assets",
    params(("id" = String, Path, description = "The device's id"), DeviceDetailQuery),
    responses(
        (status = 200, description = "The device", body = DeviceAsset),
        (status = 404, description = "No such device, or not one the user may see", body = ErrorBody),
    )
)]
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
