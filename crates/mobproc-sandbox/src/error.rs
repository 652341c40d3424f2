//! The one error type of the API: every failure renders the MOBPROC error
//! body `{ "status", "id", "errorCode", "message" }`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use mobproc_types::{ErrorBody, ErrorDetail, ErrorStatus};

/// An API failure with its HTTP status, a stable `errorCode` and a message
/// a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    /// Every problem, when a request has several (order validation).
    pub details: Vec<ErrorDetail>,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
        }
    }

    /// 400: bad or missing data.
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, format!("400-{code}"), message)
    }

    /// 401: no usable access token.
    pub fn unauthorized(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, format!("401-{code}"), message)
    }

    /// 403: authenticated, but not allowed.
    pub fn forbidden(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, format!("403-{code}"), message)
    }

    /// 404: no such thing (or not one the caller may see).
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            format!("404-{}-not-found", what.replace(' ', "-")),
            format!("No {what} with id '{id}' was found."),
        )
    }

    /// 431: the request's header fields are larger than the sandbox accepts.
    pub fn headers_too_large(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "431-headers-too-large",
            message,
        )
    }

    /// 500: something broke in the sandbox itself.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500-internal-error",
            message,
        )
    }

    /// 400 for an order with one or more validation problems; the first
    /// gives the code and message, all are listed in `errors`.
    pub fn invalid_order(details: Vec<ErrorDetail>) -> Self {
        let first = details.first().cloned().unwrap_or(ErrorDetail {
            error_code: "400-invalid-order".into(),
            message: "The order is not valid.".into(),
            field: None,
        });
        let message = if details.len() > 1 {
            format!(
                "{} ({} more problems listed in errors.)",
                first.message,
                details.len() - 1
            )
        } else {
            first.message.clone()
        };
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: first.error_code,
            message,
            details,
        }
    }

    /// The error body this error renders, with a fresh occurrence id.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            status: ErrorStatus::Code(self.status.as_u16()),
            id: crate::ids::error_id(),
            error_code: self.code.clone(),
            message: self.message.clone(),
            errors: self.details.clone(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"MOBPROC\", error=\"invalid_token\""),
            );
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        ApiError::internal(format!("The sandbox's database failed: {error}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(error: serde_json::Error) -> Self {
        ApiError::internal(format!(
            "The sandbox's stored data could not be read: {error}"
        ))
    }
}

/// The result of an API handler.
pub type ApiResult<T> = Result<T, ApiError>;
