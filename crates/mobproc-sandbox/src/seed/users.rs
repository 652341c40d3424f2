//! OAuth clients and the users who sign in.

use rusqlite::{params, Transaction};

use super::acme::{API_ACCOUNT_ID, MARIA_ID, PETER_ID};
use super::globex::{CHLOE_ID, MARC_ID};
use super::initech::{AMELIA_ID, OLIVER_ID};

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

/// (username, tenant, employee id, description).
pub(super) const USERS: &[(&str, &str, &str, &str)] = &[
    (
        "peter.edwards",
        "ACME",
        PETER_ID,
        "Employee: one line eligible for upgrade, one not yet eligible",
    ),
    (
        "maria.lopez",
        "ACME",
        MARIA_ID,
        "Manager: may order for her reports and approve their orders",
    ),
    (
        "api.account.acme",
        "ACME",
        API_ACCOUNT_ID,
        "Service account for server-to-server calls",
    ),
    (
        "chloe.tremblay",
        "GLOBEX",
        CHLOE_ID,
        "Employee (Rivermine, Canada): one line eligible on Bell, one not yet eligible on Rogers",
    ),
    (
        "marc.gagnon",
        "GLOBEX",
        MARC_ID,
        "Manager (Rivermine, Canada): may order for his reports and approve their orders",
    ),
    (
        "oliver.bennett",
        "INITECH",
        OLIVER_ID,
        "Employee (Atlas, UK): one line eligible on Vodafone; devices have colour and storage choices",
    ),
    (
        "amelia.clarke",
        "INITECH",
        AMELIA_ID,
        "Manager (Atlas, UK): may order for her reports and approve their orders",
    ),
];

pub(super) fn insert_users(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO users (username, password, tenant, employee_id, description, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, (username, tenant, employee_id, description)) in USERS.iter().enumerate() {
        insert.execute(params![
            username,
            PASSWORD,
            tenant,
            employee_id,
            description,
            seq
        ])?;
    }
    Ok(())
}
