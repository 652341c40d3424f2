//! `GET /catalog/features?service=`: the optional features of a line's
//! plan, each `active` when on the line now (TRANSACTIONS.md section 4,
//! UPDATE_FEATURES). A line's plan and active features live in
//! `line_features`; COMPLETE orders change them.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc_types::{ErrorBody, FeaturesPage, LineFeature, Meta};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::assets::load_service;
use crate::api::catalog::find_plan;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::links::Links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_features))
}

/// A line's plan and the ids of its active optional features.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinePlan {
    pub plan_id: Option<String>,
    pub active: Vec<String>,
}

/// The plan of line `service_id` and its active features (none stored: no plan).
pub fn line_plan(connection: &Connection, tenant: &str, service_id: &str) -> ApiResult<LinePlan> {
    let row: Option<(Option<String>, String)> = connection
        .query_row(
            "SELECT plan_id, active FROM line_features WHERE tenant = ?1 AND service_id = ?2",
            [tenant, service_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((plan_id, active)) => LinePlan {
            plan_id,
            active: serde_json::from_str(&active)?,
        },
        None => LinePlan::default(),
    })
}

/// Stores the plan and active features of line `service_id`.
pub fn save_line_plan(
    connection: &Connection,
    tenant: &str,
    service_id: &str,
    plan: &LinePlan,
) -> ApiResult<()> {
    connection.execute(
        "INSERT OR REPLACE INTO line_features (tenant, service_id, plan_id, active) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![tenant, service_id, plan.plan_id, serde_json::to_string(&plan.active)?],
    )?;
    Ok(())
}

/// The optional features of line `service_id`'s plan, with `active` set.
pub fn line_features(
    connection: &Connection,
    tenant: &str,
    service_id: &str,
) -> ApiResult<Vec<LineFeature>> {
    let line = line_plan(connection, tenant, service_id)?;
    let plan = match &line.plan_id {
        Some(id) => find_plan(connection, tenant, id)?,
        None => None,
    };
    let Some(plan) = plan else {
        return Ok(Vec::new());
    };
    Ok(plan
        .optional_features
        .unwrap_or_default()
        .into_iter()
        .filter_map(|feature| {
            let id = feature.id?;
            Some(LineFeature {
                active: line.active.contains(&id),
                id,
                description: feature.description,
                price: feature.price,
            })
        })
        .collect())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct FeaturesQuery {
    /// The line whose plan's features to list.
    #[param(required = true)]
    service: Option<String>,
}

/// The optional features of a line's plan, `active` when on the line now.
#[utoipa::path(
    get,
    path = "/catalog/features",
    tag = "catalog",
    params(FeaturesQuery),
    responses(
        (status = 200, description = "The line's optional features", body = FeaturesPage),
        (status = 400, description = "`service` is missing", body = ErrorBody),
        (status = 404, description = "No such line, or not one the user may see", body = ErrorBody),
    )
)]
async fn list_features(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<FeaturesQuery>,
) -> ApiResult<Json<FeaturesPage>> {
    let Some(service) = query.service.filter(|s| !s.trim().is_empty()) else {
        return Err(ApiError::bad_request(
            "service-required",
            "service is required: the line whose features to list (service=...).",
        ));
    };
    let features = state
        .db
        .read(move |c| {
            let row = load_service(c, &caller, &service)?
                .ok_or_else(|| ApiError::not_found("service", &service))?;
            line_features(c, &caller.tenant.code, &row.service.id)
        })
        .await?;
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Ok(Json(FeaturesPage {
        meta: Some(Meta::href(links.absolute(path_and_query))),
        features,
    }))
}
