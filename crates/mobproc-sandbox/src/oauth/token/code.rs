//! The authorization code grant with PKCE: redeeming a single-use code,
//! and storing the codes the authorization endpoint hands out.

use rusqlite::{params, Connection, OptionalExtension};

use super::store::{issue_pair, new_grant_id, revoke_grant};
use super::{invalid_grant, required, Failure, Issued, TokenParams, CODE_LIFETIME};
use crate::ids::random_token;
use crate::oauth::clients::Client;
use crate::oauth::pkce::{challenge_of, is_valid_verifier};
use crate::oauth::{Refusal, SCOPE};

pub(super) fn code_grant(
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

/// Stores a new authorization code, valid for a minute, with a new grant
/// id for the tokens it will be exchanged for; returns it.
pub(in crate::oauth) fn store_code(
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
