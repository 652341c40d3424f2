//! Command-line and environment configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// A faithful sandbox of the Tangoe MOBPROC v1 API, with its own OAuth 2
/// authorization server, seeded data in an SQLite file, and the widget's
/// static files. Every flag can also be set by the environment variable
/// named in its help.
#[derive(Debug, Clone, Parser)]
#[command(name = "mobproc-sandbox", version)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "MOBPROC_SANDBOX_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// The SQLite file; created and seeded on first start, kept across restarts.
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_DB",
        default_value = "mobproc-sandbox.sqlite3"
    )]
    pub db: PathBuf,

    /// Delete all data (orders, sessions, tokens) and seed afresh before starting.
    #[arg(long, env = "MOBPROC_SANDBOX_RESET")]
    pub reset: bool,

    /// Read-only SQLite connections for calls that only read, beside the
    /// one that writes; 0 makes every call use the writer.
    #[arg(long, env = "MOBPROC_SANDBOX_READ_CONNECTIONS", default_value_t = 4)]
    pub read_connections: usize,

    /// A directory served at `/` (the widget's `dist/`); nothing is served there without it.
    #[arg(long, env = "MOBPROC_SANDBOX_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// The URL clients reach the sandbox at, for the links it writes
    /// (`_meta`, images). Without it, links use the request's Host header.
    #[arg(long, env = "MOBPROC_SANDBOX_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Origins allowed to call the API from a browser (CORS), comma-separated.
    /// The sandbox's own origin needs no entry.
    #[arg(long, env = "MOBPROC_SANDBOX_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Extra redirect URIs allowed for the widget's OAuth client, comma-separated,
    /// matched exactly. `http://<addr>/`, `/index.html`, `/oauth-callback.html`
    /// and `/portal.html` on the sandbox's own address are always allowed.
    #[arg(long, env = "MOBPROC_SANDBOX_REDIRECT_URIS", value_delimiter = ',')]
    pub redirect_uris: Vec<String>,

    /// Lifetime of access tokens, in seconds.
    #[arg(long, env = "MOBPROC_SANDBOX_TOKEN_LIFETIME", default_value_t = 3600)]
    pub token_lifetime: u64,

    /// Seconds between two steps of an order's life (submitted, awaiting
    /// approval, approved, shipped, complete). 0 makes every step immediate.
    #[arg(long, env = "MOBPROC_SANDBOX_ORDER_STEP_SECONDS", default_value_t = 60)]
    pub order_step_seconds: u64,

    /// Key that `/sandbox/admin/*` requires in the `X-Sandbox-Admin-Key` header.
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_ADMIN_KEY",
        default_value = "sandbox-admin"
    )]
    pub admin_key: String,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MOBPROC_SANDBOX_BODY_LIMIT", default_value_t = 64 * 1024)]
    pub body_limit: usize,

    /// Fault: milliseconds added to every API call.
    #[arg(long, env = "MOBPROC_SANDBOX_FAULT_LATENCY_MS", default_value_t = 0)]
    pub fault_latency_ms: u64,

    /// Fault: answer 500 to a share of calls, as `SHARE:ROUTE[,SHARE:ROUTE...]`,
    /// e.g. `0.5:POST /orders` or `1:GET /catalog/*`.
    #[arg(long, env = "MOBPROC_SANDBOX_FAULT_FAIL", value_delimiter = ',')]
    pub fault_fail: Vec<String>,

    /// Fault: after an order is stored, lose the answer: `close` (drop the
    /// connection mid-answer) or `500`.
    #[arg(long, env = "MOBPROC_SANDBOX_FAULT_DROP_AFTER_STORE")]
    pub fault_drop_after_store: Option<String>,

    /// Fault: tokens stop working this many seconds after they are issued,
    /// whatever `expires_in` said.
    #[arg(long, env = "MOBPROC_SANDBOX_FAULT_TOKEN_MAX_AGE")]
    pub fault_token_max_age: Option<u64>,
}

impl Config {
    /// The configuration with every default, for tests: an in-memory-like
    /// database path must still be given.
    pub fn for_tests(db: PathBuf) -> Self {
        let mut config = Config::parse_from(["mobproc-sandbox"]);
        config.db = db;
        config
    }
}
