//! The SQLite store: one file, created with its schema and seeded on first
//! start. Reference data is kept as JSON documents of the API types (with
//! no host in any link) beside the columns that filters need; orders and
//! OAuth state are plain rows. Every write that belongs together happens in
//! one transaction, so nothing is ever left half-written.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiResult};

/// The version of the schema and seed; a file with another one is re-seeded.
pub const SCHEMA_VERSION: &str = "3";

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, platform TEXT NOT NULL,
    currency TEXT NOT NULL, country_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_clients (
    client_id TEXT PRIMARY KEY, name TEXT NOT NULL, secret TEXT,
    redirect_uris TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY, password TEXT NOT NULL, tenant TEXT NOT NULL,
    employee_id TEXT NOT NULL, description TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS employees (
    tenant TEXT NOT NULL, id TEXT NOT NULL, company_employee_id TEXT,
    manager_id TEXT, is_approver INTEGER NOT NULL, can_move_service INTEGER NOT NULL,
    seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS services (
    tenant TEXT NOT NULL, id TEXT NOT NULL, employee_id TEXT NOT NULL,
    vendor_id TEXT NOT NULL, device_id TEXT, seq INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS device_assets (
    tenant TEXT NOT NULL, id TEXT NOT NULL, employee_id TEXT NOT NULL,
    service_id TEXT, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS vendors (
    tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS manufacturers (
    tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS catalog_devices (
    tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
    manufacturer_id TEXT NOT NULL, vendor_id TEXT NOT NULL, price_cents INTEGER NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (tenant, id));
CREATE INDEX IF NOT EXISTS catalog_devices_order ON catalog_devices (tenant, seq);
CREATE TABLE IF NOT EXISTS plans (
    tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, vendor_id TEXT NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS accessories (
    tenant TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
    compatible_manufacturer_id TEXT, body TEXT NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE IF NOT EXISTS regions (
    id TEXT PRIMARY KEY, parent_id TEXT, seq INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_properties (
    tenant TEXT NOT NULL, vendor_id TEXT NOT NULL, transaction_type TEXT NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (tenant, vendor_id, transaction_type));
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, tenant TEXT NOT NULL, external_order_number TEXT,
    request_hash TEXT NOT NULL, account_holder_id TEXT NOT NULL,
    requested_by_id TEXT NOT NULL, submitted_at INTEGER NOT NULL,
    needs_approval INTEGER NOT NULL, decided_at INTEGER, decision TEXT,
    body TEXT NOT NULL, UNIQUE (tenant, external_order_number));
CREATE TABLE IF NOT EXISTS order_history (
    order_id TEXT NOT NULL, seq INTEGER NOT NULL, segment_id TEXT NOT NULL,
    status TEXT NOT NULL, at INTEGER NOT NULL, comment TEXT,
    PRIMARY KEY (order_id, seq));
CREATE TABLE IF NOT EXISTS shipments (
    shipment_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, segment_id TEXT NOT NULL,
    carrier TEXT NOT NULL, tracking_number TEXT NOT NULL, shipped_at INTEGER NOT NULL,
    items TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_sessions (
    id TEXT PRIMARY KEY, username TEXT NOT NULL, created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_codes (
    code TEXT PRIMARY KEY, client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL, username TEXT NOT NULL, scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0, grant_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_tokens (
    token TEXT PRIMARY KEY, kind TEXT NOT NULL, client_id TEXT NOT NULL,
    username TEXT NOT NULL, scope TEXT NOT NULL, issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, grant_id TEXT);
CREATE INDEX IF NOT EXISTS oauth_tokens_grant ON oauth_tokens (grant_id);
"#;

const TABLES: &[&str] = &[
    "meta",
    "tenants",
    "oauth_clients",
    "users",
    "employees",
    "services",
    "device_assets",
    "vendors",
    "manufacturers",
    "catalog_devices",
    "plans",
    "accessories",
    "regions",
    "order_properties",
    "orders",
    "order_history",
    "shipments",
    "oauth_sessions",
    "oauth_codes",
    "oauth_tokens",
];

/// A shared handle on the database. Calls run on the blocking pool, one at
/// a time (SQLite has one writer anyway).
#[derive(Clone)]
pub struct Db {
    connection: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) the file at `path`; seeds it when it is new,
    /// of another schema version, or when `reset` is set.
    pub fn open(path: &Path, reset: bool, now: i64) -> Result<Db, rusqlite::Error> {
        let mut connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: Option<String> = connection
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |row| row.get(0),
            )
            .optional()
            .unwrap_or(None);
        if reset || version.as_deref() != Some(SCHEMA_VERSION) {
            let tx = connection.transaction()?;
            for table in TABLES {
                tx.execute_batch(&format!("DROP TABLE IF EXISTS {table}"))?;
            }
            tx.execute_batch(SCHEMA)?;
            crate::seed::seed(&tx, now)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
                [SCHEMA_VERSION],
            )?;
            tx.commit()?;
        }
        Ok(Db {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Runs `work` with the connection on the blocking pool.
    pub async fn run<T, F>(&self, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
    {
        let connection = self.connection.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = connection
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut guard)
        })
        .await
        .map_err(|e| ApiError::internal(format!("A database task failed: {e}")))?
    }
}

/// Reads one JSON `body` column by key; `None` when there is no such row.
pub fn find_body<T: DeserializeOwned>(
    connection: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> ApiResult<Option<T>> {
    let body: Option<String> = connection
        .query_row(sql, params, |row| row.get(0))
        .optional()?;
    Ok(match body {
        Some(text) => Some(serde_json::from_str(&text)?),
        None => None,
    })
}

/// Reads every JSON `body` a query returns.
pub fn all_bodies<T: DeserializeOwned>(
    connection: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> ApiResult<Vec<T>> {
    let mut statement = connection.prepare_cached(sql)?;
    let rows = statement.query_map(params, |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?)?);
    }
    Ok(out)
}
