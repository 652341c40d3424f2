//! Token validation, `GET /as/introspect.oauth2`: MOBPROC documents "a GET
//! that returns scope, expires_in, client_id and an access_token object".

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use mobproc_types::{TokenSubject, TokenValidation};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;

use super::{non_empty, Refusal};
use crate::auth::{check_access_token, load_tenant};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The token to validate, when sent in the query.
#[derive(Debug, Default, Deserialize)]
pub struct IntrospectParams {
    token: Option<String>,
}

/// `GET /as/introspect.oauth2?token=...` (or with `Authorization: Bearer`):
/// 200 with what the token grants, 401 `invalid_token` when it is unknown,
/// revoked or expired, 400 `invalid_request` when no token was sent.
pub async fn introspect(
    State(app): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<IntrospectParams>, QueryRejection>,
) -> Response {
    let from_query = query.ok().and_then(|Query(params)| non_empty(params.token));
    let Some(token) = from_query.or_else(|| bearer_token(&headers)) else {
        return Refusal::new(
            "invalid_request",
            "Send the token as the 'token' parameter or as 'Authorization: Bearer <token>'.",
        )
        .into_json(StatusCode::BAD_REQUEST);
    };
    let now = app.clock.now();
    let max_age = app.faults().token_max_age_seconds;
    let outcome = app
        .db
        .run(move |connection| validate(connection, &token, now, max_age))
        .await;
    match outcome {
        Ok(Ok(validation)) => {
            let mut response = Json(validation).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Ok(Err(refusal)) => {
            let mut response = refusal.into_json(StatusCode::UNAUTHORIZED);
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"MOBPROC\", error=\"invalid_token\""),
            );
            response
        }
        Err(error) => error.into_response(),
    }
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

/// Validates an access token the way the API does (the `token_max_age`
/// fault included) and describes it.
fn validate(
    connection: &Connection,
    token: &str,
    now: i64,
    max_age: Option<u64>,
) -> ApiResult<Result<TokenValidation, Refusal>> {
    let grant = match check_access_token(connection, token, now, max_age) {
        Ok(grant) => grant,
        Err(error) if error.status == StatusCode::UNAUTHORIZED => {
            return Ok(Err(Refusal::new("invalid_token", error.message)))
        }
        Err(error) => return Err(error),
    };
    let row = connection
        .query_row(
            "SELECT t.scope, u.tenant FROM oauth_tokens t JOIN users u ON u.username = t.username
             WHERE t.token = ?1",
            [token],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )
        .optional()?;
    let Some((scope, tenant_code)) = row else {
        return Ok(Err(Refusal::new(
            "invalid_token",
            "The token's user no longer exists.",
        )));
    };
    let tenant = load_tenant(connection, &tenant_code)?
        .ok_or_else(|| ApiError::internal("The user's tenant is missing from the seed."))?;
    let ends_at = match max_age {
        Some(age) => grant.expires_at.min(grant.issued_at + age as i64),
        None => grant.expires_at,
    };
    Ok(Ok(TokenValidation {
        scope,
        expires_in: (ends_at - now).max(0) as u64,
        client_id: grant.client_id,
        access_token: TokenSubject {
            platform: tenant.platform.as_str().to_owned(),
            tenant: tenant.code,
            multitenant: "false".into(),
            domain: Some("*".into()),
            identity_provider: "sandbox".into(),
            identifier: grant.username,
        },
    }))
}
