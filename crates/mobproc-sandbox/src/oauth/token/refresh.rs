//! The refresh token grant: single-use refresh tokens, rotated within
//! their grant, and the whole grant revoked when a used one comes back.

use rusqlite::{Connection, OptionalExtension};

use super::store::{issue_pair, new_grant_id, revoke_grant};
use super::{invalid_grant, required, Failure, Issued, TokenParams};
use crate::oauth::clients::Client;

/// Rotates a refresh token: the old one is revoked, a new pair issued in
/// the same grant. A used (or revoked) one revokes its whole grant.
pub(super) fn refresh_grant(
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
