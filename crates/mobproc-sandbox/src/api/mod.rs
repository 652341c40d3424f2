//! The MOBPROC v1 API, one router per resource.

mod acknowledgements;
mod assets;
mod catalog;
mod employees;
mod features;
mod me;
mod moves;
pub mod openapi;
mod order_actions;
mod orders;
mod ping;
mod properties;
mod regions;
pub mod render;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::{ACTIVITY_HEADER, CORRELATION_HEADER};
use crate::error::ApiError;
use crate::state::AppState;

pub use orders::lifecycle;
pub use orders::validate;

/// Every API route with its OpenAPI path, from one list: each resource's
/// `router()` registers its handlers with `utoipa_axum::routes!`, which
/// adds a handler's axum route and its `#[utoipa::path]` together, so the
/// document cannot drift from what is served.
fn documented_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(ping::router())
        .merge(me::router())
        .merge(employees::router())
        .merge(assets::router())
        .merge(moves::router())
        .merge(catalog::router())
        .merge(regions::router())
        .merge(properties::router())
        .merge(acknowledgements::router())
        .merge(features::router())
        .merge(orders::router())
        .merge(openapi::router())
}

/// The OpenAPI 3.1 description of every API route, as served at
/// `/mobproc/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    openapi::complete(documented_routes().into_openapi())
}

/// Every API route, with fault injection, the body limit, the MOBPROC
/// error body for unknown routes and methods, and [`set_answer_headers`]
/// on every answer.
pub fn router(state: AppState) -> Router<AppState> {
    let (routes, _) = documented_routes().split_for_parts();
    routes
        .fallback(unknown_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(echo_context_headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::faults::inject,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::observe::record,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(
            state.config.body_limit,
        ))
        .layer(middleware::map_response(answer_headers))
}

/// Headers every API answer carries: not to be sniffed as another type,
/// nor stored by caches (answers are per user and change).
pub fn set_answer_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

async fn answer_headers(mut response: Response) -> Response {
    set_answer_headers(response.headers_mut());
    response
}

async fn unknown_route(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "404-resource-not-found",
        format!("There is no resource at '{}'.", request.uri().path()),
    )
}

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "405-method-not-allowed",
        format!(
            "'{}' does not take {}.",
            request.uri().path(),
            request.method()
        ),
    )
}

/// Echoes the activity and correlation ids, so callers can match answers
/// to their logs.
async fn echo_context_headers(request: Request, next: Next) -> Response {
    let echoed: Vec<_> = [ACTIVITY_HEADER, CORRELATION_HEADER]
        .into_iter()
        .filter_map(|name| {
            Some((
                HeaderName::from_static(name),
                request.headers().get(name)?.clone(),
            ))
        })
        .collect();
    let mut response = next.run(request).await.into_response();
    for (name, value) in echoed {
        response.headers_mut().insert(name, value);
    }
    response
}
