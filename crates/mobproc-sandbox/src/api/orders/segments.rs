//! An order's history and shipments (`GET /orders/{id}/history`,
//! `GET /orders/{id}/shipments`), of all its segments or one.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc_types::{ErrorBody, HistoryResponse, Items, Meta, Order, ShipmentsResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{store, visible_order};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(history))
        .routes(routes!(shipments))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct SegmentQuery {
    /// Only this segment's entries.
    order_segment: Option<String>,
}

fn check_segment(order: &Order, segment: Option<&str>) -> ApiResult<()> {
    match segment {
        Some(id) if !order.segments().iter().any(|s| s.order_segment_id == id) => {
            Err(ApiError::not_found("order segment", id))
        }
        _ => Ok(()),
    }
}

/// The items of one kind of an order (all segments, or one), with a `_meta.href`.
async fn segment_items<T: Send + 'static>(
    state: &AppState,
    caller: Caller,
    id: String,
    segment: Option<String>,
    read: fn(&rusqlite::Connection, &str, Option<&str>) -> ApiResult<Vec<T>>,
) -> ApiResult<Vec<T>> {
    let order = visible_order(state, caller, id).await?;
    check_segment(&order, segment.as_deref())?;
    let order_id = order.order_id.clone();
    state
        .db
        .run(move |c| read(c, &order_id, segment.as_deref()))
        .await
}

/// The order's status history, newest last.
#[utoipa::path(
    get,
    path = "/orders/{id}/history",
    operation_id = "order_history",
    tag = "orders",
    params(("id" = String, Path, description = "The order's id"), SegmentQuery),
    responses(
        (status = 200, description = "The order's history", body = HistoryResponse),
        (status = 404, description = "No such order (or segment), or not one the user may see", body = ErrorBody),
    )
)]
async fn history(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<SegmentQuery>,
) -> ApiResult<Json<HistoryResponse>> {
    let items = segment_items(&state, caller, id, query.order_segment, store::history).await?;
    Ok(Json(HistoryResponse {
        history: Items {
            meta: Some(Meta::href(links.absolute(&uri.to_string()))),
            items,
        },
    }))
}

/// The order's shipments.
#[utoipa::path(
    get,
    path = "/orders/{id}/shipments",
    operation_id = "order_shipments",
    tag = "orders",
    params(("id" = String, Path, description = "The order's id"), SegmentQuery),
    responses(
        (status = 200, description = "The order's shipments", body = ShipmentsResponse),
        (status = 404, description = "No such order (or segment), or not one the user may see", body = ErrorBody),
    )
)]
async fn shipments(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<SegmentQuery>,
) -> ApiResult<Json<ShipmentsResponse>> {
    let items = segment_items(&state, caller, id, query.order_segment, store::shipments).await?;
    Ok(Json(ShipmentsResponse {
        shipments: Items {
            meta: Some(Meta::href(links.absolute(&uri.to_string()))),
            items,
        },
    }))
}
