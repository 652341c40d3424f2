//! The token endpoint, `POST /as/token.oauth2`, and the token and code rows
//! it shares with the authorization endpoint.
//!
//! Every token belongs to a grant (its `grant_id`): one sign-in's tokens,
//! from the password grant, an implicit answer, or an authorization code
//! (the code carries the id), and every token rotated from them. Presenting
//! a used refresh token revokes its whole grant (RFC 9700 section 4.14.2),
//! and so does replaying a used code with the right client and verifier.

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use mobproc_types::TokenResponse;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

use super::client_auth::{authenticate_client, basic_credentials, BasicCredentials};
use super::clients::Client;
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
    let issued = issue_pair(&tx, &client.id, &username, &new_grant_id(), now, lifetime)?;
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

/// Rotates a refresh token: the old one is revoked, a new pair issued in
/// the same grant. A used (or revoked) one revokes its whole grant.
fn refresh_grant(
    connection: &mut Connection,
    client: &Client,
    params: &TokenParams,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let token = required(&params.refresh_token, "refresh_token")?;
    // A reuse revokes the grant: commit unless the database itself failed.
    let tx = connection.transaction()?;
    let outcome = rotate(&tx, client, token, now, lifetime);
    if !matches!(outcome, Err(Failure::Internal(_))) {
        tx.commit()?;
    }
    outcome
}

fn rotate(
    tx: &Connection,
    client: &Client,
    token: &str,
    now: i64,
    lifetime: u64,
) -> Result<Issued, Failure> {
    let row = tx
        .query_row(
            "SELECT client_id, username, expires_at, revoked, grant_id FROM oauth_tokens
             WHERE token = ?1 AND kind = 'refresh'",
            [token],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, bool>(3)?,
                    row.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((client_id, username, expires_at, revoked, grant_id)) = row else {
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
        return Err(reused(tx, grant_id.as_deref())?);
    }
    if now >= expires_at {
        return Err(invalid_grant(
            "The refresh token has expired. Sign in again.",
        ));
    }
    // Only one rotation of a token can win, even if two raced here.
    let rotated = tx.execute(
        "UPDATE oauth_tokens SET revoked = 1 WHERE token = ?1 AND kind = 'refresh' AND revoked = 0",
        [token],
    )?;
    if rotated != 1 {
        return Err(reused(tx, grant_id.as_deref())?);
    }
    let grant_id = grant_id.unwrap_or_else(new_grant_id);
    Ok(issue_pair(
        tx, &client.id, &username, &grant_id, now, lifetime,
    )?)
}

/// A used refresh token presented again (RFC 9700 section 4.14.2), by its
/// client or by a thief: either way the grant is compromised, so every
/// token of it is revoked.
fn reused(tx: &Connection, grant_id: Option<&str>) -> rusqlite::Result<Failure> {
    if let Some(grant_id) = grant_id {
        revoke_grant(tx, grant_id)?;
    }
    Ok(invalid_grant(
        "The refresh token was already used or revoked; refresh tokens are single-use, \
         and presenting a used one revokes every token of its sign-in. Sign in again.",
    ))
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
    grant_id: String,
}

impl StoredCode {
    /// Whether the request is the one the code was made for: same client,
    /// same redirect URI, and a verifier that matches the challenge.
    fn binds(&self, client: &Client, redirect_uri: &str, verifier: &str) -> bool {
        self.client_id == client.id
            && self.redirect_uri == redirect_uri
            && challenge_of(verifier) == self.challenge
    }
}

/// Marks the code used (it is single-use even when refused) and issues
/// tokens when everything matches. A second use with the code's client,
/// redirect URI and verifier revokes the tokens issued from the code (and
/// rotated from them); any other second use revokes nothing.
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
        if !stored.binds(client, redirect_uri, verifier) {
            return Err(invalid_grant("The authorization code was already used."));
        }
        revoke_grant(tx, &stored.grant_id)?;
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
    Ok(issue_pair(
        tx,
        &client.id,
        &stored.username,
        &stored.grant_id,
        now,
        lifetime,
    )?)
}

/// Revokes every token of a grant, access and refresh.
fn revoke_grant(connection: &Connection, grant_id: &str) -> rusqlite::Result<()> {
    connection.execute(
        "UPDATE oauth_tokens SET revoked = 1 WHERE grant_id = ?1",
        [grant_id],
    )?;
    Ok(())
}

/// A new grant id, for the tokens of one sign-in.
pub(super) fn new_grant_id() -> String {
    random_token(16)
}

fn load_code(connection: &Connection, code: &str) -> rusqlite::Result<Option<StoredCode>> {
    connection
        .query_row(
            "SELECT client_id, redirect_uri, code_challenge, username, expires_at, grant_id
             FROM oauth_codes WHERE code = ?1",
            [code],
            |row| {
                Ok(StoredCode {
                    client_id: row.get(0)?,
                    redirect_uri: row.get(1)?,
                    challenge: row.get(2)?,
                    username: row.get(3)?,
                    expires_at: row.get(4)?,
                    grant_id: row.get(5)?,
                })
            },
        )
        .optional()
}

fn invalid_grant(description: impl Into<String>) -> Failure {
    Refusal::new("invalid_grant", description).into()
}

/// Stores a new authorization code, valid for a minute, with a new grant
/// id for the tokens it will be exchanged for; returns it.
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
        "INSERT INTO oauth_codes
             (code, client_id, redirect_uri, code_challenge, username, scope, expires_at, grant_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            code,
            client_id,
            redirect_uri,
            challenge,
            username,
            SCOPE,
            now + CODE_LIFETIME,
            new_grant_id()
        ],
    )?;
    Ok(code)
}

/// Stores a new access token (`kind` 'access') or refresh token ('refresh')
/// of grant `grant_id`, valid for `lifetime` seconds; returns it.
pub(super) fn store_token(
    connection: &Connection,
    kind: &str,
    client_id: &str,
    username: &str,
    grant_id: &str,
    now: i64,
    lifetime: i64,
) -> rusqlite::Result<String> {
    let token = random_token(32);
    connection.execute(
        "INSERT INTO oauth_tokens
             (token, kind, client_id, username, scope, issued_at, expires_at, grant_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            token,
            kind,
            client_id,
            username,
            SCOPE,
            now,
            now + lifetime,
            grant_id
        ],
    )?;
    Ok(token)
}

fn issue_pair(
    connection: &Connection,
    client_id: &str,
    username: &str,
    grant_id: &str,
    now: i64,
    lifetime: u64,
) -> rusqlite::Result<Issued> {
    Ok(Issued {
        access_token: store_token(
            connection,
            "access",
            client_id,
            username,
            grant_id,
            now,
            lifetime as i64,
        )?,
        refresh_token: store_token(
            connection,
            "refresh",
            client_id,
            username,
            grant_id,
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
