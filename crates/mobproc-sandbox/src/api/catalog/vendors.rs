//! `GET /vendors[/{id}]` (carriers) and `GET /manufacturers/{id}`.

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{ErrorBody, NamedRef, Vendor, VendorsPage};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{find_manufacturer, find_vendor, tenant_record};
use crate::api::render;
use crate::auth::Caller;
use crate::db::all_bodies;
use crate::error::ApiResult;
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_vendors))
        .routes(routes!(vendor_detail))
        .routes(routes!(manufacturer_detail))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct VendorsQuery {
    /// Only vendors of this type (any case).
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// The tenant's vendors (carriers), without `accessMethod`.
#[utoipa::path(
    get,
    path = "/vendors",
    tag = "catalog",
    params(VendorsQuery),
    responses((status = 200, description = "A page of vendors", body = VendorsPage))
)]
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

/// One vendor, with its `accessMethod`.
#[utoipa::path(
    get,
    path = "/vendors/{id}",
    tag = "catalog",
    params(("id" = String, Path, description = "The vendor's id")),
    responses(
        (status = 200, description = "The vendor", body = Vendor),
        (status = 404, description = "No such vendor in the tenant's catalog", body = ErrorBody),
    )
)]
async fn vendor_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Vendor>> {
    let found = tenant_record(&state, &caller, "vendor", id, find_vendor).await?;
    Ok(Json(render::vendor(&links, found)))
}

/// One manufacturer: its name and `logoUrl`.
#[utoipa::path(
    get,
    path = "/manufacturers/{id}",
    tag = "catalog",
    params(("id" = String, Path, description = "The manufacturer's id")),
    responses(
        (status = 200, description = "The manufacturer", body = NamedRef),
        (status = 404, description = "No such manufacturer in the tenant's catalog", body = ErrorBody),
    )
)]
async fn manufacturer_detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<NamedRef>> {
    let found = tenant_record(&state, &caller, "manufacturer", id, find_manufacturer).await?;
    Ok(Json(render::manufacturer(&links, found)))
}
