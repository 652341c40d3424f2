//! The token endpoint, `POST /as/token.oauth2`, and the token and code rows
//! it shares with the authorization endpoint.

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use mobproc_types::TokenResponse;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

use super::clients::{load_client, Client};
use super::pkce::{challenge_of, is_valid_verifier};
use super::users::check_credentials;
use super::{asks_for_mobproc, non_empty, Refusal, SCOPE};
use crate::error::ApiError;
use crate::ids::random_token;
use crate::state::AppState;

/// How long a refresh token lasts, in seconds.
const REFRESH_LIFETIME: i64 = 24 * 3600;

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
/// token, or answers an RFC 6749 error (401 for `invalid_client`, else 400).
pub async fn exchange(
    State(app): State<AppState>,
    form: Result<Form<TokenParams>, FormRejection>,
) -> Response {
    let params = match form {
        Ok(Form(params)) => params,
        Err(rejection) => {
            return refused(Refusal::new(
                "invalid_request",
                format!(
                    "Send the parameters as an application/x-www-form-urlencoded body: {}",
                    rejection.body_text()
                ),
            ))
        }
    };
    let now = app.clock.now();
    let lifetime = app.config.token_lifetime;
    let outcome = app
        .db
        .run(move |connection| Ok(grant(connection, params, now, lifetime)))
        .await;
    match outcome {
        Ok(Ok(issued)) => token_response(issued),
        Ok(Err(Failure::Refused(refusal))) => refused(refusal),
        Err(error) | Ok(Err(Failure::Internal(error))) => error.into_response(),
    }
}

fn grant(
    connection: &mut Connection,
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
    let client = authenticate_client(connection, &params)?;
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

/// The client, when it exists and (for a confidential client) sent its secret.
fn authenticate_client(connection: &Connection, params: &TokenParams) -> Result<Client, Failure> {
    let client_id = required(&params.client_id, "client_id")?;
    let client = load_client(connection, client_id)?.ok_or_else(|| {
        Refusal::new(
            "invalid_client",
            format!("There is no client '{client_id}'."),
        )
    })?;
    let Some(secret) = &client.secret else {
        return Ok(client);
    };
    match non_empty(params.client_secret.clone()) {
        Some(sent) if &sent == secret => Ok(client),
        Some(_) => Err(Refusal::new("invalid_client", "The client_secret is wrong.").into()),
        None => Err(Refusal::new(
            "invalid_client",
            format!("'{client_id}' is a confidential client: send its client_secret."),
        )
        .into()),
    }
}

fn password_grant(
    connection: &mut Connection,
    client: &Client,
    params: &TokenParams,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    if client.secret.is_none() {
        return Err(Refusal::new(
            "unauthorized_client",
            format!(
                "'{}' is a public client; the password grant is only for confidential clients.",
                client.id
            ),
        )
        .into());
    }
    let login = required(&params.username, "username")?;
    let password = required(&params.password, "password")?;
    if !asks_for_mobproc(params.scope.as_deref()) {
        return Err(invalid_scope().into());
    }
    let username = check_credentials(connection, login, password)?
        .map_err(|description| Refusal::new("invalid_grant", description))?;
    let tx = connection.transaction()?;
    let issued = issue_pair(&tx, &client.id, &username, now, lifetime)?;
    tx.commit()?;
    Ok(issued)
}

/// The refusal for a scope without `MOBPROC`.
pub(super) fn invalid_scope() -> Refusal {
    Refusal::new(
        "invalid_scope",
        format!("The scope must include '{SCOPE}'."),
    )
}

/// Rotates a refresh token: the old one is revoked, a new pair issued.
fn refresh_grant(
    connection: &mut Connection,
    client: &Client,
    params: &TokenParams,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let token = required(&params.refresh_token, "refresh_token")?;
    let tx = connection.transaction()?;
    let row = tx
        .query_row(
            "SELECT client_id, username, expires_at, revoked FROM oauth_tokens
             WHERE token = ?1 AND kind = 'refresh'",
            [token],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, bool>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((client_id, username, expires_at, revoked)) = row else {
        return Err(invalid_grant(
            "The refresh token is not one the sandbox issued.",
        ));
    };
    if client_id != client.id {
        return Err(invalid_grant(
            "The refresh token was issued to another client.",
        ));
    }
    if revoked {
        return Err(invalid_grant(
            "The refresh token was already used or revoked; refresh tokens are single-use.",
        ));
    }
    if now >= expires_at {
        return Err(invalid_grant(
            "The refresh token has expired. Sign in again.",
        ));
    }
    tx.execute(
        "UPDATE oauth_tokens SET revoked = 1 WHERE token = ?1 AND kind = 'refresh'",
        [token],
    )?;
    let issued = issue_pair(&tx, &client.id, &username, now, lifetime)?;
    tx.commit()?;
    Ok(issued)
}

fn code_grant(
    connection: &mut Connection,
    client: &Client,
    params: &TokenParams,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let code = required(&params.code, "code")?;
    let redirect_uri = required(&params.redirect_uri, "redirect_uri")?;
    let verifier = required(&params.code_verifier, "code_verifier")?;
    if !is_valid_verifier(verifier) {
        return Err(Refusal::new(
            "invalid_request",
            "The code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.",
        )
        .into());
    }
    // A refused code stays used: commit unless the database itself failed.
    let tx = connection.transaction()?;
    let outcome = redeem_code(&tx, client, code, redirect_uri, verifier, now, lifetime);
    if !matches!(outcome, Err(Failure::Internal(_))) {
        tx.commit()?;
    }
    outcome
}

/// The stored side of an authorization code.
struct StoredCode {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    username: String,
    expires_at: i64,
}

/// Marks the code used (it is single-use even when refused) and issues
/// tokens when everything matches. A second use revokes every token issued
/// to the client for the user since the code was made, which includes
/// those issued from the code.
fn redeem_code(
    tx: &Connection,
    client: &Client,
    code: &str,
    redirect_uri: &str,
    verifier: &str,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let first_use = tx.execute(
        "UPDATE oauth_codes SET used = 1 WHERE code = ?1 AND used = 0",
        [code],
    )? == 1;
    let Some(stored) = load_code(tx, code)? else {
        return Err(invalid_grant(
            "The authorization code is not one the sandbox issued.",
        ));
    };
    if !first_use {
        tx.execute(
            "UPDATE oauth_tokens SET revoked = 1
             WHERE client_id = ?1 AND username = ?2 AND issued_at >= ?3",
            params![
                stored.client_id,
                stored.username,
                stored.expires_at - CODE_LIFETIME
            ],
        )?;
        return Err(invalid_grant(
            "The authorization code was already used; the tokens issued from it are revoked.",
        ));
    }
    if now >= stored.expires_at {
        return Err(invalid_grant(format!(
            "The authorization code has expired; codes last {CODE_LIFETIME} seconds."
        )));
    }
    if stored.client_id != client.id {
        return Err(invalid_grant(
            "The authorization code was issued to another client.",
        ));
    }
    if stored.redirect_uri != redirect_uri {
        return Err(invalid_grant(
            "The redirect_uri differs from the one the authorization code was requested with.",
        ));
    }
    if challenge_of(verifier) != stored.challenge {
        return Err(invalid_grant(
            "The code_verifier does not match the code_challenge.",
        ));
    }
    Ok(issue_pair(tx, &client.id, &stored.username, now, lifetime)?)
}

fn load_code(connection: &Connection, code: &str) -> rusqlite::Result<Option<StoredCode>> {
    connection
        .query_row(
            "SELECT client_id, redirect_uri, code_challenge, username, expires_at
             FROM oauth_codes WHERE code = ?1",
            [code],
            |row| {
                Ok(StoredCode {
                    client_id: row.get(0)?,
                    redirect_uri: row.get(1)?,
                    challenge: row.get(2)?,
                    username: row.get(3)?,
                    expires_at: row.get(4)?,
                })
            },
        )
        .optional()
}

fn invalid_grant(description: impl Into<String>) -> Failure {
    Refusal::new("invalid_grant", description).into()
}

/// Stores a new authorization code, valid for a minute; returns it.
pub(super) fn store_code(
    connection: &Connection,
    client_id: &str,
    redirect_uri: &str,
    challenge: &str,
    username: &str,
    now: i64,
) -> rusqlite::Result<String> {
    let code = random_token(32);
    connection.execute(
        "INSERT INTO oauth_codes (code, client_id, redirect_uri, code_challenge, username, scope, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![code, client_id, redirect_uri, challenge, username, SCOPE, now + CODE_LIFETIME],
    )?;
    Ok(code)
}

/// Stores a new access token (`kind` 'access') or refresh token ('refresh')
/// valid for `lifetime` seconds; returns it.
pub(super) fn store_token(
    connection: &Connection,
    kind: &str,
    client_id: &str,
    username: &str,
    now: i64,
    lifetime: i64,
) -> rusqlite::Result<String> {
    let token = random_token(32);
    connection.execute(
        "INSERT INTO oauth_tokens (token, kind, client_id, username, scope, issued_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![token, kind, client_id, username, SCOPE, now, now + lifetime],
    )?;
    Ok(token)
}

fn issue_pair(
    connection: &Connection,
    client_id: &str,
    username: &str,
    now: i64,
    lifetime: u64,
) -> rusqlite::Result<Issued> {
    Ok(Issued {
        access_token: store_token(
            connection,
            "access",
            client_id,
            username,
            now,
            lifetime as i64,
        )?,
        refresh_token: store_token(
            connection,
            "refresh",
            client_id,
            username,
            now,
            REFRESH_LIFETIME,
        )?,
        expires_in: lifetime,
    })
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

fn refused(refusal: Refusal) -> Response {
    let status = if refusal.error == "invalid_client" {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    refusal.into_json(status)
}
