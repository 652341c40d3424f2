//! The catalog (`/catalog/devices`, `/catalog/plans`, `/catalog/accessories`),
//! vendors and manufacturers.

use axum::extract::OriginalUri;
use axum::routing::get;
use axum::{Json, Router};
use mobproc_types::{
    CatalogDevice, CatalogDevicesPage, Money, NamedRef, Plan, PlansPage, Vendor, VendorsPage,
};
use rusqlite::Connection;
use serde::Deserialize;

use crate::api::render;
use crate::auth::Caller;
use crate::db::{all_bodies, find_body};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;
use accessories::list_accessories;

mod accessories;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/catalog/devices", get(list_devices))
        .route("/catalog/devices/{id}", get(device_detail))
        .route("/catalog/plans", get(list_plans))
        .route("/catalog/plans/{id}", get(plan_detail))
        .route("/catalog/accessories", get(list_accessories))
        .route("/vendors", get(list_vendors))
        .route("/vendors/{id}", get(vendor_detail))
        .route("/manufacturers/{id}", get(manufacturer_detail))
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
async fn tenant_record<T: Send + 'static>(
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DevicesQuery {
    vendor: Option<String>,
    manufacturer: Option<String>,
    /// Part of the name, any case.
    search: Option<String>,
    min_price: Option<String>,
    max_price: Option<String>,
    /// `name` (default), `-name`, `price` or `-price`.
    sort: Option<String>,
    limit: Option<String>,
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

async fn device_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<CatalogDevice>> {
    let found = tenant_record(&state, &caller, "catalog device", id, find_catalog_device).await?;
    Ok(Json(render::catalog_device(&links, found)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlansQuery {
    vendor: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

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

async fn plan_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Plan>> {
    let found = tenant_record(&state, &caller, "plan", id, find_plan).await?;
    Ok(Json(render::plan(&links, found)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VendorsQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

async fn list_vendors(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<VendorsQuery>,
) -> ApiResult<Json<VendorsPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let vendors: Vec<Vendor> = state
        .db
        .read(move |c| {
            all_bodies(
                c,
                "SELECT body FROM vendors WHERE tenant = ?1 ORDER BY seq",
                [tenant],
            )
        })
        .await?;
    let matching: Vec<Vendor> = vendors
        .into_iter()
        .filter(|v| {
            query.kind.as_ref().is_none_or(|kind| {
                v.kind
                    .as_ref()
                    .is_some_and(|k| k.as_str().eq_ignore_ascii_case(kind))
            })
        })
        .collect();
    Ok(Json(VendorsPage {
        meta: Some(paging.meta(&links, &uri, matching.len() as u32)),
        vendors: paging
            .slice(matching)
            .into_iter()
            .map(|mut v| {
                v.access_method = None;
                render::vendor(&links, v)
            })
            .collect(),
    }))
}

async fn vendor_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Vendor>> {
    let found = tenant_record(&state, &caller, "vendor", id, find_vendor).await?;
    Ok(Json(render::vendor(&links, found)))
}

async fn manufacturer_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<NamedRef>> {
    let found = tenant_record(&state, &caller, "manufacturer", id, find_manufacturer).await?;
    Ok(Json(render::manufacturer(&links, found)))
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
