//! The SQLite store: one file, created with its schema and seeded on first
//! start. Reference data is kept as JSON documents of the API types (with
//! no host in any link) beside the columns that filters need; orders and
//! OAuth state are plain rows. Every write that belongs together happens in
//! one transaction, so nothing is ever left half-written.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiResult};

/// The version of the schema and seed; a file with another one is re-seeded.
pub const SCHEMA_VERSION: &str = "5";

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
    move_charges TEXT, PRIMARY KEY (tenant, id));
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
    decision_reason TEXT, body TEXT NOT NULL, ships INTEGER NOT NULL DEFAULT 1, request TEXT,
    settled INTEGER NOT NULL DEFAULT 0, UNIQUE (tenant, external_order_number));
CREATE TABLE IF NOT EXISTS acknowledgements (
    tenant TEXT NOT NULL, vendor_id TEXT NOT NULL, transaction_type TEXT NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (tenant, vendor_id, transaction_type));
CREATE TABLE IF NOT EXISTS line_features (
    tenant TEXT NOT NULL, service_id TEXT NOT NULL, plan_id TEXT, active TEXT NOT NULL,
    PRIMARY KEY (tenant, service_id));
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
    "acknowledgements",
    "line_features",
    "orders",
    "order_history",
    "shipments",
    "oauth_sessions",
    "oauth_codes",
    "oauth_tokens",
];

/// Indexes that queries rely on, created on every start (not only at
/// seeding) so that files seeded before them get them too.
const INDEXES: &str = "
CREATE INDEX IF NOT EXISTS orders_by_holder
    ON orders (tenant, account_holder_id, submitted_at DESC, CAST(order_id AS INTEGER) DESC);
CREATE INDEX IF NOT EXISTS catalog_devices_by_name ON catalog_devices (tenant, name, id);
CREATE INDEX IF NOT EXISTS catalog_devices_by_name_desc ON catalog_devices (tenant, name DESC, id);
CREATE INDEX IF NOT EXISTS catalog_devices_by_price ON catalog_devices (tenant, price_cents, name);
CREATE INDEX IF NOT EXISTS catalog_devices_by_price_desc
    ON catalog_devices (tenant, price_cents DESC, name);
CREATE INDEX IF NOT EXISTS catalog_devices_by_id ON catalog_devices (id);
";

/// A shared handle on the database: one connection that writes, and a few
/// read-only ones for calls that only read. In WAL mode those read a
/// committed snapshot while the writer writes, so reads neither wait for
/// writes nor for each other. Calls run on the blocking pool.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<[Mutex<Connection>]>,
    next_reader: Arc<AtomicUsize>,
}

/// What every connection needs: waiting on a busy file, and the SQL
/// functions of the order lifecycle.
fn prepare(connection: &Connection) -> Result<(), rusqlite::Error> {
    connection.busy_timeout(std::time::Duration::from_secs(5))?;
    crate::api::lifecycle::register_sql_functions(connection)
}

fn lock(connection: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    connection
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Db {
    /// Opens (creating if needed) the file at `path`; seeds it when it is new,
    /// of another schema version, or when `reset` is set. `read_connections`
    /// read-only connections serve [`Db::read`]; with none, reads use the writer.
    pub fn open(
        path: &Path,
        reset: bool,
        now: i64,
        read_connections: usize,
    ) -> Result<Db, rusqlite::Error> {
        let mut connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        prepare(&connection)?;
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
        connection.execute_batch(INDEXES)?;
        let readers = (0..read_connections)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                prepare(&reader)?;
                Ok(Mutex::new(reader))
            })
            .collect::<Result<Arc<[_]>, rusqlite::Error>>()?;
        Ok(Db {
            writer: Arc::new(Mutex::new(connection)),
            readers,
            next_reader: Arc::default(),
        })
    }

    /// Runs `work` with the writer connection on the blocking pool: for
    /// everything that writes (or may write), one call at a time.
    pub async fn run<T, F>(&self, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
    {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || work(&mut lock(&writer)))
            .await
            .map_err(|e| ApiError::internal(format!("A database task failed: {e}")))?
    }

    /// Runs `work`, which only reads, on a read-only connection (a free one
    /// if there is one) in one read transaction, so it sees one committed
    /// snapshot. Without read connections it runs on the writer.
    pub async fn read<T, F>(&self, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> ApiResult<T> + Send + 'static,
    {
        if self.readers.is_empty() {
            return self.run(move |connection| work(connection)).await;
        }
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut reader = db.free_reader();
            let snapshot = reader.transaction()?;
            work(&snapshot)
        })
        .await
        .map_err(|e| ApiError::internal(format!("A database task failed: {e}")))?
    }

    /// A read connection nobody is using, or (all busy) the next in turn.
    fn free_reader(&self) -> MutexGuard<'_, Connection> {
        let count = self.readers.len();
        let first = self.next_reader.fetch_add(1, Ordering::Relaxed) % count;
        for index in (0..count).map(|i| (first + i) % count) {
            match self.readers[index].try_lock() {
                Ok(reader) => return reader,
                Err(TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        lock(&self.readers[first])
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

/// The plan SQLite picks for `sql` (every parameter NULL) on a freshly
/// seeded file, one line per step: for tests of the indexes queries use.
#[cfg(test)]
pub async fn query_plan(sql: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("plan.sqlite3"), false, 0, 0).unwrap();
    let sql = format!("EXPLAIN QUERY PLAN {sql}");
    db.run(move |c| {
        let mut statement = c.prepare(&sql)?;
        let nulls = vec![rusqlite::types::Null; statement.parameter_count()];
        let rows = statement.query_map(rusqlite::params_from_iter(nulls), |row| row.get(3))?;
        Ok(rows.collect::<Result<Vec<String>, _>>()?)
    })
    .await
    .unwrap()
}
