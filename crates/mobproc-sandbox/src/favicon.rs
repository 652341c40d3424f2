//! The site's icon (a phone with an upgrade arrow), at `/favicon.svg` for
//! the pages that link it and at `/favicon.ico` for browsers that ask for
//! it unprompted. The drawing is the widget's own `public/favicon.svg`.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::AppState;

/// Where the pages link the icon.
pub const FAVICON_PATH: &str = "/favicon.svg";

/// The icon's SVG.
pub const FAVICON_SVG: &str = include_str!("../../../public/favicon.svg");

/// `GET /favicon.svg` and `GET /favicon.ico`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(FAVICON_PATH, get(favicon))
        .route("/favicon.ico", get(favicon))
}

async fn favicon() -> Response {
    let mut response = FAVICON_SVG.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
