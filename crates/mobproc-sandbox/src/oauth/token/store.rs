//! The token rows: issuing a pair of tokens in a grant, and revoking a
//! whole grant.

use rusqlite::{params, Connection};

use super::Issued;
use crate::ids::random_token;
use crate::oauth::SCOPE;

/// How long a refresh token lasts, in seconds.
const REFRESH_LIFETIME: i64 = 24 * 3600;

/// Revokes every token of a grant, access and refresh.
pub(super) fn revoke_grant(connection: &Connection, grant_id: &str) -> rusqlite::Result<()> {
    connection.execute(
        "UPDATE oauth_tokens SET revoked = 1 WHERE grant_id = ?1",
        [grant_id],
    )?;
    Ok(())
}

/// A new grant id, for the tokens of one sign-in.
pub(in crate::oauth) fn new_grant_id() -> String {
    random_token(16)
}

/// Stores a new access token (`kind` 'access') or refresh token ('refresh')
/// of grant `grant_id`, valid for `lifetime` seconds; returns it.
pub(in crate::oauth) fn store_token(
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

pub(super) fn issue_pair(
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
