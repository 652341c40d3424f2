//! The token endpoint, `POST /as/token.oauth2`, and the token and code rows
//! it shares with the authorization endpoint.
//!
//! Every token belongs to a grant (its `grant_id`): one sign-in's tokens,
//! from the password grant, an implicit answer, or an authorization code
//! (the code carries the id), and every token rotated from them. Presenting
//! a used refresh token revokes its whole grant (RFC 9700 section 4.14.2),
//! and so does replaying a used code with the right client and verifier.

mod code;
mod password;
mod refresh;
mod store;

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use mobproc_types::TokenResponse;
use rusqlite::Connection;
use serde::Deserialize;

use super::client_auth::{authenticate_client, basic_credentials, BasicCredentials};
use super::{non_empty, Refusal, SCOPE};
use crate::error::ApiError;
use crate::state::AppState;
use code::code_grant;
use password::password_grant;
use refresh::refresh_grant;

pub(super) use code::store_code;
pub(super) use password::invalid_scope;
pub(super) use store::{new_grant_id, store_token};

/// How long an authorization code lasts, in seconds.
const CODE_LIFETIME: i64 = 60;

/// The token endpoint's form; which fields matter depends on `grant_type`.
#[derive(Debug, Default, Deserialize)]
pub struct TokenParams {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    username: Option<String>,
    password: Option<String>,
    scope: Option<String>,
    refresh_token: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
}

/// The grants the endpoint knows.
enum GrantType {
    Password,
    RefreshToken,
    AuthorizationCode,
}

/// Tokens just issued.
struct Issued {
    access_token: String,
    refresh_token: String,
    expires_in: u64,
}

/// Why a token request fails: refused by the protocol, or broken inside.
enum Failure {
    Refused(Refusal),
    Internal(ApiError),
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Self {
        Failure::Refused(refusal)
    }
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        Failure::Internal(error)
    }
}

impl From<rusqlite::Error> for Failure {
    fn from(error: rusqlite::Error) -> Self {
        Failure::Internal(error.into())
    }
}

/// `POST /as/token.oauth2`: exchanges a grant for an access and a refresh
/// token, or answers an RFC 6749 error (401 for `invalid_client`, with
/// `WWW-Authenticate: Basic` when the client used HTTP Basic; else 400).
pub async fn exchange(
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<TokenParams>, FormRejection>,
) -> Response {
    let basic = match basic_credentials(&headers) {
        Ok(basic) => basic,
        Err(refusal) => return refused(refusal, false),
    };
    let used_basic = basic.is_some();
    let params = match form {
        Ok(Form(params)) => params,
        Err(rejection) => {
            return refused(
                Refusal::new(
                    "invalid_request",
                    format!(
                        "Send the parameters as an application/x-www-form-urlencoded body: {}",
                        rejection.body_text()
                    ),
                ),
                used_basic,
            )
        }
    };
    let now = app.clock.now();
    let lifetime = app.config.token_lifetime;
    let outcome = app
        .db
        .run(move |connection| Ok(grant(connection, basic, params, now, lifetime)))
        .await;
    match outcome {
        Ok(Ok(issued)) => token_response(issued),
        Ok(Err(Failure::Refused(refusal))) => refused(refusal, used_basic),
        Err(error) | Ok(Err(Failure::Internal(error))) => error.into_response(),
    }
}

fn grant(
    connection: &mut Connection,
    basic: Option<BasicCredentials>,
    params: TokenParams,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let grant_type = match required(&params.grant_type, "grant_type")? {
        "password" => GrantType::Password,
        "refresh_token" => GrantType::RefreshToken,
        "authorization_code" => GrantType::AuthorizationCode,
        other => {
            return Err(Refusal::new(
                "unsupported_grant_type",
                format!(
                    "The grant type '{other}' is not supported: use password, refresh_token or authorization_code."
                ),
            )
            .into())
        }
    };
    let client = authenticate_client(
        connection,
        basic.as_ref(),
        non_empty(params.client_id.clone()).as_deref(),
        non_empty(params.client_secret.clone()).as_deref(),
    )??;
    match grant_type {
        GrantType::Password => password_grant(connection, &client, &params, now, lifetime),
        GrantType::RefreshToken => refresh_grant(connection, &client, &params, now, lifetime),
        GrantType::AuthorizationCode => code_grant(connection, &client, &params, now, lifetime),
    }
}

/// A parameter that must be sent.
fn required<'a>(value: &'a Option<String>, name: &str) -> Result<&'a str, Refusal> {
    value
        .as_deref()
        .filter(|value| !value.is_empty())
        .ok_or_else(|| {
            Refusal::new(
                "invalid_request",
                format!("The parameter '{name}' is required."),
            )
        })
}

fn invalid_grant(description: impl Into<String>) -> Failure {
    Refusal::new("invalid_grant", description).into()
}

fn token_response(issued: Issued) -> Response {
    let body = TokenResponse {
        token_type: "Bearer".into(),
        expires_in: issued.expires_in,
        access_token: issued.access_token,
        refresh_token: Some(issued.refresh_token),
        scope: Some(SCOPE.into()),
    };
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// The JSON error answer: 401 for `invalid_client` (with a Basic challenge
/// when the client tried HTTP Basic, as RFC 6749 section 5.2 requires), 400
/// for the others.
fn refused(refusal: Refusal, used_basic: bool) -> Response {
    if refusal.error != "invalid_client" {
        return refusal.into_json(StatusCode::BAD_REQUEST);
    }
    let mut response = refusal.into_json(StatusCode::UNAUTHORIZED);
    if used_basic {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"MOBPROC sandbox\", charset=\"UTF-8\""),
        );
    }
    response
}
