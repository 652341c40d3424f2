//! The password grant: a confidential client signs a user in with their
//! login and password.

use rusqlite::Connection;

use super::store::{issue_pair, new_grant_id};
use super::{required, Failure, Issued, TokenParams};
use crate::oauth::clients::Client;
use crate::oauth::users::check_credentials;
use crate::oauth::{asks_for_mobproc, Refusal, SCOPE};

pub(super) fn password_grant(
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
pub(in crate::oauth) fn invalid_scope() -> Refusal {
    Refusal::new(
        "invalid_scope",
        format!("The scope must include '{SCOPE}'."),
    )
}
