//! Shared state of the running sandbox.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::config::Config;
use crate::db::Db;
use crate::faults::Faults;
use crate::observe::Observed;

/// Everything a handler may need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub faults: Arc<RwLock<Faults>>,
    pub clock: Clock,
    /// Requests and CSP reports seen (for tests and benchmarks).
    pub observed: Arc<Observed>,
}

impl AppState {
    /// Opens the database named in `config` and builds the state.
    pub fn open(config: Config) -> Result<AppState, rusqlite::Error> {
        let clock = Clock::default();
        let db = Db::open(
            &config.db,
            config.reset,
            clock.now(),
            config.read_connections,
        )?;
        let faults = Faults::from_config(&config).map_err(|message| {
            rusqlite::Error::InvalidParameterName(format!("bad fault setting: {message}"))
        })?;
        Ok(AppState {
            db,
            config: Arc::new(config),
            faults: Arc::new(RwLock::new(faults)),
            clock,
            observed: Arc::default(),
        })
    }

    /// The faults in force now.
    pub fn faults(&self) -> Faults {
        self.faults
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

/// The sandbox's clock: the system's, plus an offset that tests move
/// forward through the admin API to age tokens and orders without waiting.
#[derive(Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
    /// The second the clock was stopped at ([`Clock::freeze`]), or 0.
    frozen_at: Arc<AtomicI64>,
}

fn system_seconds() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Clock {
    /// Unix seconds, now.
    pub fn now(&self) -> i64 {
        let base = match self.frozen_at.load(Ordering::SeqCst) {
            0 => system_seconds(),
            frozen => frozen,
        };
        base + self.offset_seconds.load(Ordering::SeqCst)
    }

    /// Stops the clock at the current second: from then on only
    /// [`Clock::advance`] moves it. For tests that check a lifetime to the
    /// second, which the system's clock ticking meanwhile would move.
    pub fn freeze(&self) {
        self.frozen_at.store(system_seconds(), Ordering::SeqCst);
    }

    /// Moves the clock forward by `seconds`.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::SeqCst);
    }

    /// How far the clock has been moved.
    pub fn offset(&self) -> i64 {
        self.offset_seconds.load(Ordering::SeqCst)
    }
}
