//! The static site (the widget's `dist/`) at `/`, with security headers,
//! precompressed files and cache rules, and CORS for the configured origins.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
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

/// How long a browser may keep a file of the site: for good when its name
/// carries a hash of its content (a new build has new names), else only
/// after asking again (`index.html`, `loader.js`, `config.json`...).
pub fn cache_control(path: &str) -> &'static str {
    if is_content_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Whether a file name ends in `-<16 hex digits>` before its extension
/// (`_bg` allowed after it), as trunk and `scripts/split-wasm.sh` name them.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

async fn set_cache_control(request: Request, next: Next) -> Response {
    let policy = cache_control(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// Serves `config.static_dir` at `/` when set: the `.br` or `.gz` copy
/// beside a file when the browser accepts it (`Content-Encoding`, `Vary:
/// Accept-Encoding`), cached as [`cache_control`] says.
pub fn router(config: &Config) -> Router<AppState> {
    let Some(dir) = &config.static_dir else {
        return Router::new();
    };
    let headers = [
        (header::CONTENT_SECURITY_POLICY, SITE_CSP),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::VARY, "accept-encoding"),
    ];
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip();
    let mut router = Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(set_cache_control));
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// CORS for browsers on other origins (a portal page served elsewhere):
/// the API's headers allowed, the echoed context headers exposed, and
/// `Date` (the widget's diagnostics measure the clock skew with it).
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
            header::DATE,
            HeaderName::from_static("x-tngo-context-activityid"),
            HeaderName::from_static("x-tngo-context-correlationid"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::cache_control;

    #[test]
    fn hashed_files_are_kept_for_good_and_the_rest_revalidated() {
        for hashed in [
            "/mobproc-widget-0123456789abcdef_bg.wasm",
            "/mobproc-widget-0123456789abcdef.js",
            "/step_device-fedcba9876543210.wasm",
            "/__wasm_split-0123456789abcdef.js",
            "/page-0123456789abcdef.css",
        ] {
            assert_eq!(
                cache_control(hashed),
                "public, max-age=31536000, immutable",
                "{hashed}"
            );
        }
        for revalidated in [
            "/",
            "/index.html",
            "/loader.js",
            "/config.json",
            "/oauth-callback.js",
            "/portal.html",
            "/mobproc-widget-0123456789abcdeg.js",
            "/mobproc-widget-0123456789abcde.js",
        ] {
            assert_eq!(cache_control(revalidated), "no-cache", "{revalidated}");
        }
    }
}
