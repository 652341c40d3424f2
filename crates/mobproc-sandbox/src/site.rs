//! The static site (the widget's `dist/`) at `/`, with security headers,
//! and CORS for the configured origins.

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Config;
use crate::state::AppState;

/// The Content-Security-Policy of the widget's pages: its own scripts and
/// WebAssembly only, no inline script, API calls to this origin; browsers
/// report violations to `/sandbox/csp-reports`.
pub const SITE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; report-uri /sandbox/csp-reports";

/// Serves `config.static_dir` at `/` when set.
pub fn router(config: &Config) -> Router<AppState> {
    let Some(dir) = &config.static_dir else {
        return Router::new();
    };
    let headers = [
        (header::CONTENT_SECURITY_POLICY, SITE_CSP),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    let mut router =
        Router::new().fallback_service(ServeDir::new(dir).append_index_html_on_directories(true));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// CORS for browsers on other origins (a portal page served elsewhere):
/// the API's headers allowed, the echoed context headers exposed.
pub fn cors(config: &Config) -> CorsLayer {
    let origins: Vec<HeaderValue> = config
        .cors_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin.trim()).ok())
        .collect();
    let allowed_headers = [
        header::AUTHORIZATION,
        header::CONTENT_TYPE,
        HeaderName::from_static("x-tngo-tenant"),
        HeaderName::from_static("client_id"),
        HeaderName::from_static("x-tngo-context-employeeid"),
        HeaderName::from_static("x-tngo-context-companyemployeeid"),
        HeaderName::from_static("x-tngo-context-hierarchyid"),
        HeaderName::from_static("x-tngo-context-activityid"),
        HeaderName::from_static("x-tngo-context-correlationid"),
    ];
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(allowed_headers)
        .expose_headers([
            HeaderName::from_static("x-tngo-context-activityid"),
            HeaderName::from_static("x-tngo-context-correlationid"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}
