//! The catalog (`/catalog/devices`, `/catalog/plans`, `/catalog/accessories`),
//! vendors and manufacturers.

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{
    CatalogDevice, CatalogDevicesPage, ErrorBody, Money, NamedRef, Plan, PlansPage, Vendor,
};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::render;
use crate::auth::Caller;
use crate::db::{all_bodies, find_body};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

mod accessories;
mod vendors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_devices))
        .routes(routes!(device_detail))
        .routes(routes!(list_plans))
        .routes(routes!(plan_detail))
        .merge(accessories::router())
        .merge(vendors::router())
}

/// A catalog device by id.
pub fn find_catalog_device(
    connection: &Connection,
    tenant: &str,
    id: &str,
) -> ApiResult<Option<CatalogDevice>> {
    find_body(
        connection,
        "SELECT body FROM catalog_devices WHERE tenant = ?1 AND id = ?2",
        [tenant, id],
    )
}

/// A plan by id, with its features.
pub fn find_plan(connection: &Connection, tenant: &str, id: &str) -> ApiResult<Option<Plan>> {
    find_body(
        connection,
        "SELECT body FROM plans WHERE tenant = ?1 AND id = ?2",
        [tenant, id],
    )
}

/// A vendor by id.
pub fn find_vendor(connection: &Connection, tenant: &str, id: &str) -> ApiResult<Option<Vendor>> {
    find_body(
        connection,
        "SELECT body FROM vendors WHERE tenant = ?1 AND id = ?2",
        [tenant, id],
    )
}

/// A manufacturer by id.
pub fn find_manufacturer(
    connection: &Connection,
    tenant: &str,
    id: &str,
) -> ApiResult<Option<NamedRef>> {
    find_body(
        connection,
        "SELECT body FROM manufacturers WHERE tenant = ?1 AND id = ?2",
        [tenant, id],
    )
}

/// One record of the caller's tenant by id, or a 404 naming `what`.
pub(super) async fn tenant_record<T: Send + 'static>(
    state: &AppState,
    caller: &Caller,
    what: &'static str,
    id: String,
    find: fn(&Connection, &str, &str) -> ApiResult<Option<T>>,
) -> ApiResult<T> {
    let tenant = caller.tenant.code.clone();
    let lookup = id.clone();
    state
        .db
        .read(move |c| find(c, &tenant, &lookup))
        .await?
        .ok_or_else(|| ApiError::not_found(what, &id))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct DevicesQuery {
    /// Only this vendor's devices.
    vendor: Option<String>,
    /// Only this manufacturer's devices.
    manufacturer: Option<String>,
    /// Part of the name, any case.
    search: Option<String>,
    /// Only devices at this price or more, e.g. `199.99`.
    #[param(value_type = Option<f64>, minimum = 0)]
    min_price: Option<String>,
    /// Only devices at this price or less.
    #[param(value_type = Option<f64>, minimum = 0)]
    max_price: Option<String>,
    /// `name` (default), `-name`, `price` or `-price`.
    sort: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

fn price_bound(name: &str, text: Option<&str>) -> ApiResult<Option<i64>> {
    text.map(|t| match t.trim().parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(Money::from_decimal(value).cents),
        _ => Err(ApiError::bad_request(
            "invalid-price-filter",
            format!("{name} must be an amount such as 199.99, not '{t}'."),
        )),
    })
    .transpose()
}

fn sort_clause(sort: Option<&str>) -> ApiResult<&'static str> {
    Ok(match sort.unwrap_or("name") {
        "name" => "name ASC, id",
        "-name" => "name DESC, id",
        "price" => "price_cents ASC, name",
        "-price" => "price_cents DESC, name",
        other => {
            return Err(ApiError::bad_request(
                "invalid-sort",
                format!("sort must be name, -name, price or -price, not '{other}'."),
            ))
        }
    })
}

/// The filters of `GET /catalog/devices`: `?1` tenant, `?2` vendor,
/// `?3` manufacturer, `?4` part of the name, `?5` and `?6` price bounds.
const DEVICE_FILTER: &str = "FROM catalog_devices WHERE tenant = ?1
    AND (?2 IS NULL OR vendor_id = ?2) AND (?3 IS NULL OR manufacturer_id = ?3)
    AND (?4 IS NULL OR name LIKE '%' || ?4 || '%' ESCAPE '\\')
    AND (?5 IS NULL OR price_cents >= ?5) AND (?6 IS NULL OR price_cents <= ?6)";

/// One page of catalog devices in `order` (a [`sort_clause`]); an index
/// gives every sort's order, so only the page's rows are read.
fn device_page_sql(order: &str, paging: Paging) -> String {
    format!(
        "SELECT body {DEVICE_FILTER} ORDER BY {order} LIMIT {} OFFSET {}",
        paging.limit, paging.offset
    )
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The tenant's device catalog, filtered and sorted.
#[utoipa::path(
    get,
    path = "/catalog/devices",
    operation_id = "list_catalog_devices",
    tag = "catalog",
    params(DevicesQuery),
    responses(
        (status = 200, description = "A page of catalog devices", body = CatalogDevicesPage),
        (status = 400, description = "A price filter, `sort`, `limit` or `offset` is not valid", body = ErrorBody),
    )
)]
async fn list_devices(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<DevicesQuery>,
) -> ApiResult<Json<CatalogDevicesPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let min = price_bound("minPrice", query.min_price.as_deref())?;
    let max = price_bound("maxPrice", query.max_price.as_deref())?;
    let order = sort_clause(query.sort.as_deref())?;
    let tenant = caller.tenant.code.clone();
    let search = query.search.as_deref().map(escape_like);
    let (total, devices) = state
        .db
        .read(move |c| {
            let params =
                rusqlite::params![tenant, query.vendor, query.manufacturer, search, min, max];
            let total: u32 =
                c.query_row(&format!("SELECT COUNT(*) {DEVICE_FILTER}"), params, |r| {
                    r.get(0)
                })?;
            let devices: Vec<CatalogDevice> =
                all_bodies(c, &device_page_sql(order, paging), params)?;
            Ok((total, devices))
        })
        .await?;
    Ok(Json(CatalogDevicesPage {
        meta: Some(paging.meta(&links, &uri, total)),
        devices: devices
            .into_iter()
            .map(|mut device| {
                device.device_features = None;
                render::catalog_device(&links, device)
            })
            .collect(),
    }))
}

/// One catalog device; on Atlas, with its `deviceFeatures`.
#[utoipa::path(
    get,
    path = "/catalog/devices/{id}",
    operation_id = "catalog_device_detail",
    tag = "catalog",
    params(("id" = String, Path, description = "The catalog device's id")),
    responses(
        (status = 200, description = "The catalog device", body = CatalogDevice),
        (status = 404, description = "No such device in the tenant's catalog", body = ErrorBody),
    )
)]
async fn device_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<CatalogDevice>> {
    let found = tenant_record(&state, &caller, "catalog device", id, find_catalog_device).await?;
    Ok(Json(render::catalog_device(&links, found)))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct PlansQuery {
    /// Only this vendor's plans.
    vendor: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// The tenant's plans.
#[utoipa::path(
    get,
    path = "/catalog/plans",
    tag = "catalog",
    params(PlansQuery),
    responses((status = 200, description = "A page of plans", body = PlansPage))
)]
async fn list_plans(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<PlansQuery>,
) -> ApiResult<Json<PlansPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let plans: Vec<Plan> = state
        .db
        .read(move |c| {
            all_bodies(
                c,
                "SELECT body FROM plans WHERE tenant = ?1 AND (?2 IS NULL OR vendor_id = ?2) ORDER BY seq",
                rusqlite::params![tenant, query.vendor],
            )
        })
        .await?;
    Ok(Json(PlansPage {
        meta: Some(paging.meta(&links, &uri, plans.len() as u32)),
        plans: paging
            .slice(plans)
            .into_iter()
            .map(|mut plan| {
                plan.included_features = None;
                plan.optional_features = None;
                render::plan(&links, plan)
            })
            .collect(),
    }))
}

/// One plan, with its included and optional features.
#[utoipa::path(
    get,
    path = "/catalog/plans/{id}",
    tag = "catalog",
    params(("id" = String, Path, description = "The plan's id")),
    responses(
        (status = 200, description = "The plan", body = Plan),
        (status = 404, description = "No such plan in the tenant's catalog", body = ErrorBody),
    )
)]
async fn plan_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Plan>> {
    let found = tenant_record(&state, &caller, "plan", id, find_plan).await?;
    Ok(Json(render::plan(&links, found)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_sort_of_the_device_catalog_reads_an_index_in_order() {
        let page = Paging {
            limit: 50,
            offset: 0,
        };
        for sort in ["name", "-name", "price", "-price"] {
            let sql = device_page_sql(sort_clause(Some(sort)).unwrap(), page);
            let plan = crate::db::query_plan(&sql).await;
            assert!(
                !plan.iter().any(|step| step.contains("TEMP B-TREE")),
                "{sort}: {plan:?}"
            );
        }
    }
}
