//! OAuth clients, and the users who sign in (each tenant lists its own in
//! `seed/tenants/<code>.json`).

use rusqlite::{params, Transaction};

use super::TENANTS;

/// (client id, name, secret; `None` for a public client). Redirect URIs are
/// stored empty: the server adds its own origin's at run time.
const OAUTH_CLIENTS: &[(&str, &str, Option<&str>)] = &[
    ("mobproc-widget", "MOBPROC ordering widget", None),
    (
        "acme-integration",
        "Acme back-office integration",
        Some("acme-integration-secret"),
    ),
];

pub(super) fn insert_oauth_clients(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO oauth_clients (client_id, name, secret, redirect_uris) VALUES (?1, ?2, ?3, '[]')",
    )?;
    for (client_id, name, secret) in OAUTH_CLIENTS {
        insert.execute(params![client_id, name, secret])?;
    }
    Ok(())
}

/// Every seeded user's password.
pub(super) const PASSWORD: &str = "sandbox";

pub(super) fn insert_users(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO users (username, password, tenant, employee_id, description, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let users = TENANTS.iter().flat_map(|tenant| {
        tenant
            .data
            .users
            .iter()
            .map(|user| (&tenant.data.code, user))
    });
    for (seq, (tenant, user)) in users.enumerate() {
        insert.execute(params![
            user.username,
            PASSWORD,
            tenant,
            user.employee_id,
            user.description,
            seq
        ])?;
    }
    Ok(())
}
