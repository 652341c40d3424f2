//! Refuses requests whose header fields are too large with 431, before
//! any handler (or the request log) sees them: the MOBPROC error body
//! under the API, plain text elsewhere.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::state::AppState;

/// What is wrong with a request's header fields, if anything, given the
/// limits on their total size (names and values) and on one value.
pub fn oversized(headers: &HeaderMap, total_limit: usize, value_limit: usize) -> Option<String> {
    let mut total = 0usize;
    for (name, value) in headers {
        if value.len() > value_limit {
            return Some(format!(
                "The '{name}' header is {} bytes; the sandbox accepts {value_limit} at most.",
                value.len()
            ));
        }
        total += name.as_str().len() + value.len();
    }
    (total > total_limit).then(|| {
        format!("The header fields take {total} bytes; the sandbox accepts {total_limit} at most.")
    })
}

/// Middleware on the whole sandbox: 431 for oversized header fields
/// (`--header-limit`, `--header-value-limit`).
pub async fn refuse_oversized(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let config = &state.config;
    let Some(message) = oversized(
        request.headers(),
        config.header_limit,
        config.header_value_limit,
    ) else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    let is_api = path
        .strip_prefix(crate::API_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if is_api {
        let mut response = ApiError::headers_too_large(message).into_response();
        crate::api::set_answer_headers(response.headers_mut());
        response
    } else {
        (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, message).into_response()
    }
}
