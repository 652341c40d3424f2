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
    /// The default is public: the sandbox refuses to start with it on an
    /// address other than the loopback.
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_ADMIN_KEY",
        default_value = DEFAULT_ADMIN_KEY
    )]
    pub admin_key: String,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MOBPROC_SANDBOX_BODY_LIMIT", default_value_t = 64 * 1024)]
    pub body_limit: usize,

    /// Largest total size of a request's header fields (names and values),
    /// in bytes; larger requests are answered 431.
    #[arg(long, env = "MOBPROC_SANDBOX_HEADER_LIMIT", default_value_t = 16 * 1024)]
    pub header_limit: usize,

    /// Largest single header value, in bytes; larger requests are answered 431.
    #[arg(long, env = "MOBPROC_SANDBOX_HEADER_VALUE_LIMIT", default_value_t = 8 * 1024)]
    pub header_value_limit: usize,

    /// Milliseconds a client has to send a whole request head once it has
    /// started one (the connection is closed after that), and then as long
    /// again for its body (reading it fails after that).
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_HEADER_READ_TIMEOUT_MS",
        default_value_t = 10_000
    )]
    pub header_read_timeout_ms: u64,

    /// Milliseconds a connection may stay open with no request under way
    /// (a kept-alive connection waiting for the next request).
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_IDLE_TIMEOUT_MS",
        default_value_t = 30_000
    )]
    pub idle_timeout_ms: u64,

    /// Most connections served at once; when they are all taken, new ones
    /// wait (in the listen backlog) until one closes.
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_MAX_CONNECTIONS",
        default_value_t = 512,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub max_connections: u32,

    /// On Ctrl-C or SIGTERM, milliseconds that requests under way may take
    /// to finish before the sandbox exits anyway.
    #[arg(
        long,
        env = "MOBPROC_SANDBOX_SHUTDOWN_GRACE_MS",
        default_value_t = 10_000
    )]
    pub shutdown_grace_ms: u64,

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

/// The admin key everyone knows (it is in the documentation).
pub const DEFAULT_ADMIN_KEY: &str = "sandbox-admin";

impl Config {
    /// Refuses a configuration that exposes the admin API with the public
    /// default key: listening on an address other than the loopback needs
    /// `--admin-key`. The error says what to do.
    pub fn check_admin_key(&self) -> Result<(), String> {
        if self.addr.ip().is_loopback() || self.admin_key != DEFAULT_ADMIN_KEY {
            return Ok(());
        }
        Err(format!(
            "refusing to listen on {} with the public default admin key; \
             set --admin-key (MOBPROC_SANDBOX_ADMIN_KEY) to a secret, or listen on 127.0.0.1",
            self.addr
        ))
    }

    /// The configuration with every default, for tests: an in-memory-like
    /// database path must still be given.
    pub fn for_tests(db: PathBuf) -> Self {
        let mut config = Config::parse_from(["mobproc-sandbox"]);
        config.db = db;
        config
    }
}
