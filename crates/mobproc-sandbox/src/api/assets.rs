//! `GET /assets/services[/{id}]` and `GET /assets/devices[/{id}]`
//! (`devices`): the lines and devices of the employees the caller may see.

mod devices;

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{DeviceAsset, ErrorBody, ServiceAsset, ServicesPage};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::order_actions::with_order_actions;
use crate::api::render;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_services))
        .routes(routes!(service_detail))
        .merge(devices::router())
}

pub use devices::find_visible_device;

/// A stored line with who owns it and which device is on it.
#[derive(Debug, Clone)]
pub struct ServiceRow {
    pub service: ServiceAsset,
    pub employee_id: String,
    pub vendor_id: String,
    pub device: Option<DeviceAsset>,
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

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct ServicesQuery {
    /// Only this employee's lines (Tangoe id).
    employee: Option<String>,
    /// Only the lines of the employee with this customer id.
    company_employee_id: Option<String>,
    /// Only the line with this number.
    service_number: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// The lines of the employees the user may see, with `orderActions`.
#[utoipa::path(
    get,
    path = "/assets/services",
    tag = "assets",
    params(ServicesQuery),
    responses((status = 200, description = "A page of lines", body = ServicesPage))
)]
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

/// One line, with its vendor, device, contract dates and `orderActions`.
#[utoipa::path(
    get,
    path = "/assets/services/{id}",
    tag = "assets",
    params(("id" = String, Path, description = "The line's id")),
    responses(
        (status = 200, description = "The line", body = ServiceAsset),
        (status = 404, description = "No such line, or not one the user may see", body = ErrorBody),
    )
)]
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
