//! `GET /regions` (countries, or a country's states with `parentRegion`)
//! and `GET /regions/{id}` (a country's detail carries its address format).

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{ErrorBody, Meta, Region, RegionsPage};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::render::segment;
use crate::auth::Caller;
use crate::db::{all_bodies, find_body};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(detail))
}

/// A region by id.
pub fn find_region(connection: &Connection, id: &str) -> ApiResult<Option<Region>> {
    find_body(connection, "SELECT body FROM regions WHERE id = ?1", [id])
}

fn linked(links: &Links, mut region: Region, detail: bool) -> Region {
    let id = segment(&region.id);
    let is_country = region.parent_id.is_none();
    region.meta = Some(Meta {
        href: Some(links.api(&format!("/regions/{id}"))),
        href_children: is_country.then(|| links.api(&format!("/regions?parentRegion={id}"))),
        href_parent: region
            .parent_id
            .as_ref()
            .map(|parent| links.api(&format!("/regions/{}", segment(parent)))),
        ..Meta::default()
    });
    if !detail {
        region.address_format = None;
    }
    region
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct RegionsQuery {
    /// A country's id: list its states instead of the countries.
    parent_region: Option<String>,
    /// Items per page, from 1 to 5000 (default 100: a country's states fit).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// The countries, or a country's states (one page of 100 by default).
#[utoipa::path(
    get,
    path = "/regions",
    operation_id = "list_regions",
    tag = "regions",
    params(RegionsQuery),
    responses(
        (status = 200, description = "A page of regions", body = RegionsPage),
        (status = 404, description = "No region is `parentRegion`", body = ErrorBody),
    )
)]
async fn list(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<RegionsQuery>,
) -> ApiResult<Json<RegionsPage>> {
    // A whole country's states fit in one page unless the caller asks otherwise.
    let limit = query.limit.clone().or(Some("100".into()));
    let paging = Paging::parse(
        limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let parent = query.parent_region.clone();
    let regions: Vec<Region> = state
        .db
        .read(move |c| {
            if let Some(parent) = &parent {
                if find_region(c, parent)?.is_none() {
                    return Err(ApiError::not_found("region", parent));
                }
            }
            all_bodies(
                c,
                "SELECT body FROM regions WHERE parent_id IS ?1 ORDER BY seq",
                [parent],
            )
        })
        .await?;
    Ok(Json(RegionsPage {
        meta: Some(paging.meta(&links, &uri, regions.len() as u32)),
        regions: paging
            .slice(regions)
            .into_iter()
            .map(|r| linked(&links, r, false))
            .collect(),
    }))
}

/// A region; a country's carries its address format.
#[utoipa::path(
    get,
    path = "/regions/{id}",
    operation_id = "region_detail",
    tag = "regions",
    params(("id" = String, Path, description = "The region's id")),
    responses(
        (status = 200, description = "The region", body = Region),
        (status = 404, description = "No such region", body = ErrorBody),
    )
)]
async fn detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    _caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Region>> {
    let lookup = id.clone();
    let region = state
        .db
        .read(move |c| find_region(c, &lookup))
        .await?
        .ok_or_else(|| ApiError::not_found("region", &id))?;
    Ok(Json(linked(&links, region, true)))
}
