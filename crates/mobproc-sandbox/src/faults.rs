//! Faults on demand: latency, injected 500s, lost answers after an order is
//! stored, tokens that die early. Off by default; set by flags or through
//! `PUT /sandbox/admin/faults`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::error::ApiError;
use crate::state::AppState;

/// How the answer to a stored order is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DropMode {
    /// The connection is dropped in the middle of the answer.
    #[serde(rename = "close")]
    Close,
    /// A 500 error body is sent instead of the order.
    #[serde(rename = "500")]
    ServerError,
}

/// Fail a share of the calls that match a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailRule {
    /// `METHOD /path` under `/mobproc/v1`; `*` matches any method, and a path
    /// ending in `*` matches any path that starts with what precedes it.
    pub route: String,
    /// From 0 (never) to 1 (always). Failures are spread evenly and
    /// deterministically: with 0.5, every second matching call fails.
    pub share: f64,
}

impl FailRule {
    fn matches(&self, method: &str, path: &str) -> bool {
        let (want_method, want_path) = self.route.split_once(' ').unwrap_or(("*", &self.route));
        let method_ok = want_method == "*" || want_method.eq_ignore_ascii_case(method);
        let path_ok = match want_path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == want_path,
        };
        method_ok && path_ok
    }
}

/// The faults in force.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Faults {
    /// Milliseconds added to every API call.
    #[serde(default)]
    pub latency_ms: u64,
    /// Routes that fail with 500, and how often.
    #[serde(default)]
    pub fail: Vec<FailRule>,
    /// Lose the answer after an order is stored.
    #[serde(default)]
    pub drop_after_store: Option<DropMode>,
    /// Tokens stop working this many seconds after they were issued.
    #[serde(default)]
    pub token_max_age_seconds: Option<u64>,
    /// How many matching calls each rule has seen.
    #[serde(skip)]
    counters: Arc<Vec<AtomicU64>>,
}

impl Faults {
    /// The faults that the flags and environment ask for.
    pub fn from_config(config: &Config) -> Result<Faults, String> {
        let fail = config
            .fault_fail
            .iter()
            .map(|rule| {
                let (share, route) = rule
                    .split_once(':')
                    .ok_or_else(|| format!("'{rule}' is not SHARE:ROUTE"))?;
                let share: f64 = share
                    .trim()
                    .parse()
                    .map_err(|_| format!("'{share}' in '{rule}' is not a number"))?;
                Ok(FailRule {
                    route: route.trim().to_owned(),
                    share,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let drop_after_store = match config.fault_drop_after_store.as_deref() {
            None | Some("") | Some("off") => None,
            Some("close") => Some(DropMode::Close),
            Some("500") => Some(DropMode::ServerError),
            Some(other) => return Err(format!("drop-after-store '{other}' is not close or 500")),
        };
        Faults {
            latency_ms: config.fault_latency_ms,
            fail,
            drop_after_store,
            token_max_age_seconds: config.fault_token_max_age,
            counters: Arc::default(),
        }
        .validated()
    }

    /// Checks the values and gives each rule a fresh counter.
    pub fn validated(mut self) -> Result<Faults, String> {
        if let Some(rule) = self.fail.iter().find(|r| !(0.0..=1.0).contains(&r.share)) {
            return Err(format!(
                "share {} for '{}' is not between 0 and 1",
                rule.share, rule.route
            ));
        }
        if self.latency_ms > 60_000 {
            return Err("latencyMs is over 60000".into());
        }
        self.counters = Arc::new(self.fail.iter().map(|_| AtomicU64::new(0)).collect());
        Ok(self)
    }

    /// Whether this call (`path` relative to `/mobproc/v1`) is one to fail.
    /// Counts the call against every rule it matches.
    pub fn should_fail(&self, method: &str, path: &str) -> bool {
        let mut fail = false;
        for (rule, counter) in self.fail.iter().zip(self.counters.iter()) {
            if rule.matches(method, path) {
                let call = counter.fetch_add(1, Ordering::SeqCst) + 1;
                let before = ((call - 1) as f64 * rule.share).floor();
                let after = (call as f64 * rule.share).floor();
                fail |= after > before;
            }
        }
        fail
    }
}

/// Middleware on the API: adds the latency, then fails the chosen calls.
pub async fn inject(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let faults = state.faults();
    if faults.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(faults.latency_ms)).await;
    }
    let path = request.uri().path().to_owned();
    let path = path.strip_prefix(crate::API_PREFIX).unwrap_or(&path);
    if faults.should_fail(request.method().as_str(), path) {
        return ApiError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "500-injected-fault",
            "The sandbox failed this call on purpose (fault injection is on).",
        )
        .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults(rules: &[(&str, f64)]) -> Faults {
        Faults {
            fail: rules
                .iter()
                .map(|(route, share)| FailRule {
                    route: route.to_string(),
                    share: *share,
                })
                .collect(),
            ..Faults::default()
        }
        .validated()
        .unwrap()
    }

    #[test]
    fn half_share_fails_every_second_matching_call() {
        let faults = faults(&[("POST /orders", 0.5)]);
        let outcomes: Vec<bool> = (0..6)
            .map(|_| faults.should_fail("POST", "/orders"))
            .collect();
        assert_eq!(outcomes, [false, true, false, true, false, true]);
        assert!(!faults.should_fail("GET", "/orders"));
    }

    #[test]
    fn wildcards_match_methods_and_path_prefixes() {
        let faults = faults(&[("* /catalog/*", 1.0)]);
        assert!(faults.should_fail("GET", "/catalog/devices/1"));
        assert!(!faults.should_fail("GET", "/regions"));
    }

    #[test]
    fn shares_outside_zero_to_one_are_refused() {
        let bad = Faults {
            fail: vec![FailRule {
                route: "GET /me".into(),
                share: 1.5,
            }],
            ..Faults::default()
        };
        assert!(bad.validated().is_err());
    }
}
