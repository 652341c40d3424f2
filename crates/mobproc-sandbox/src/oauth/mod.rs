//! The OAuth 2 authorization server, on PingFederate's paths (nested at `/as`):
//!
//! - `GET|POST /as/authorization.oauth2`: the implicit grant
//!   (`response_type=token`) and the authorization code grant with PKCE
//!   (`response_type=code`, S256 only), behind a sign-in page and a `PF`
//!   session cookie;
//! - `POST /as/token.oauth2`: the `password`, `refresh_token` and
//!   `authorization_code` grants, with client secrets in the body or with
//!   HTTP Basic;
//! - `GET /as/introspect.oauth2`: what MOBPROC's token validation says
//!   about an access token;
//! - `GET /as/logout.oauth2`: ends the sign-in session.
//!
//! The only scope is `MOBPROC`. Times come from the sandbox's clock, so
//! tests can age tokens, codes and sessions.

mod authorize;
mod client_auth;
mod clients;
mod csrf;
mod encoding;
mod html;
mod introspect;
mod logout;
mod page_text;
mod pkce;
mod session;
mod token;
mod users;

#[cfg(test)]
mod tests;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mobproc_types::OAuthError;

use crate::state::AppState;

/// The one scope the sandbox grants.
pub const SCOPE: &str = "MOBPROC";

/// The authorization server's routes, to nest at `/as`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/authorization.oauth2",
            get(authorize::show).post(authorize::submit),
        )
        .route("/token.oauth2", post(token::exchange))
        .route("/introspect.oauth2", get(introspect::introspect))
        .route("/logout.oauth2", get(logout::logout))
}

/// An OAuth 2 error (RFC 6749 sections 4.1.2.1, 4.2.2.1 and 5.2): its
/// code and a description a developer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Refusal {
    error: &'static str,
    description: String,
}

impl Refusal {
    fn new(error: &'static str, description: impl Into<String>) -> Self {
        Refusal {
            error,
            description: description.into(),
        }
    }

    /// The refusal as a JSON `OAuthError` answer with `status`, never cached.
    fn into_json(self, status: StatusCode) -> Response {
        let body = OAuthError {
            error: self.error.to_owned(),
            error_description: Some(self.description),
        };
        let mut response = (status, Json(body)).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// Whether a space-separated scope list asks for [`SCOPE`].
fn asks_for_mobproc(scope: Option<&str>) -> bool {
    scope.is_some_and(|scope| scope.split(' ').any(|item| item == SCOPE))
}

/// Whether two secrets are equal, in a time that depends only on their
/// lengths (not on where they first differ).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// `Some` of a parameter that was sent and is not empty.
fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|value| !value.is_empty())
}

#[cfg(test)]
mod unit_tests {
    use super::constant_time_eq;

    #[test]
    fn compares_secrets_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(constant_time_eq(b"", b""));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"", b"x"));
    }
}
