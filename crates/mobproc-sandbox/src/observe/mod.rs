//! What the sandbox saw, for tests and benchmarks: every API request
//! (method, path, context ids, answer status; never a token) and every
//! Content-Security-Policy violation a browser reported.
//!
//! Both are bounded by entries and by bytes, and every text they keep is
//! capped, so what strangers send cannot grow the process without end.

mod bounded;
mod csp;

use std::sync::Mutex;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

pub use bounded::{capped, Bounded, Weigh, CUT_MARKER};
pub use csp::{CspReport, CSP_TEXT_CAP};

use crate::auth::{ACTIVITY_HEADER, CORRELATION_HEADER};
use crate::state::AppState;

/// Most requests kept (the oldest go first).
pub const REQUEST_LOG_ENTRIES: usize = 10_000;
/// Most bytes the request log holds, counted as [`Weigh`] does.
pub const REQUEST_LOG_BYTES: usize = 4 * 1024 * 1024;
/// Longest method, path (with query) or context id kept, in bytes; longer
/// ones are cut and end with [`CUT_MARKER`].
pub const REQUEST_TEXT_CAP: usize = 512;
/// Most CSP reports kept.
pub const CSP_REPORT_ENTRIES: usize = 1_000;
/// Most bytes the CSP reports hold.
pub const CSP_REPORT_BYTES: usize = 1024 * 1024;

/// One API request as seen.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeenRequest {
    pub method: String,
    /// Path and query under `/mobproc/v1`.
    pub path: String,
    pub status: u16,
    /// Whether an `Authorization` header came (its value is never kept).
    pub authorized: bool,
    pub activity_id: Option<String>,
    pub correlation_id: Option<String>,
    /// Milliseconds the sandbox took, fault latency included.
    pub millis: u64,
}

impl SeenRequest {
    /// The same request with every text capped at [`REQUEST_TEXT_CAP`].
    fn capped(self) -> SeenRequest {
        let cap = |text: String| {
            if text.len() <= REQUEST_TEXT_CAP {
                text
            } else {
                capped(&text, REQUEST_TEXT_CAP)
            }
        };
        SeenRequest {
            method: cap(self.method),
            path: cap(self.path),
            activity_id: self.activity_id.map(cap),
            correlation_id: self.correlation_id.map(cap),
            ..self
        }
    }
}

impl Weigh for SeenRequest {
    fn weight(&self) -> usize {
        std::mem::size_of::<Self>()
            + self.method.len()
            + self.path.len()
            + self.activity_id.weight()
            + self.correlation_id.weight()
    }
}

/// The sandbox's memory of requests and CSP reports.
#[derive(Debug)]
pub struct Observed {
    requests: Mutex<Bounded<SeenRequest>>,
    csp_reports: Mutex<Bounded<CspReport>>,
}

impl Default for Observed {
    fn default() -> Self {
        Observed {
            requests: Mutex::new(Bounded::new(REQUEST_LOG_ENTRIES, REQUEST_LOG_BYTES)),
            csp_reports: Mutex::new(Bounded::new(CSP_REPORT_ENTRIES, CSP_REPORT_BYTES)),
        }
    }
}

fn locked<T>(store: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    store.lock().unwrap_or_else(|p| p.into_inner())
}

impl Observed {
    /// Notes a request, its texts capped.
    pub fn note_request(&self, seen: SeenRequest) {
        locked(&self.requests).push(seen.capped());
    }

    /// Notes a CSP report.
    pub fn note_csp_report(&self, report: CspReport) {
        locked(&self.csp_reports).push(report);
    }

    /// The requests seen, oldest first.
    pub fn requests(&self) -> Vec<SeenRequest> {
        locked(&self.requests).iter().cloned().collect()
    }

    /// The CSP violation reports received, oldest first.
    pub fn csp_reports(&self) -> Vec<CspReport> {
        locked(&self.csp_reports).iter().cloned().collect()
    }

    /// Bytes the request log and the CSP reports hold, as counted against
    /// [`REQUEST_LOG_BYTES`] and [`CSP_REPORT_BYTES`].
    pub fn retained_bytes(&self) -> (usize, usize) {
        (
            locked(&self.requests).bytes(),
            locked(&self.csp_reports).bytes(),
        )
    }

    /// Forgets everything seen.
    pub fn clear(&self) {
        locked(&self.requests).clear();
        locked(&self.csp_reports).clear();
    }
}

/// Middleware on the API: notes each request and its answer.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (method, path, authorized, activity_id, correlation_id) = {
        let headers = request.headers();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| capped(v, REQUEST_TEXT_CAP))
        };
        let path = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let path = path.strip_prefix(crate::API_PREFIX).unwrap_or(path);
        (
            capped(request.method().as_str(), REQUEST_TEXT_CAP),
            capped(path, REQUEST_TEXT_CAP),
            headers.contains_key("authorization"),
            header(ACTIVITY_HEADER),
            header(CORRELATION_HEADER),
        )
    };
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    state.observed.note_request(SeenRequest {
        method,
        path,
        status: response.status().as_u16(),
        authorized,
        activity_id,
        correlation_id,
        millis: started.elapsed().as_millis() as u64,
    });
    response
}

/// `POST /sandbox/csp-reports`: where browsers report CSP violations
/// (`report-uri` of the site's policy). Keeps the reports it can read, in
/// either format; anything else is dropped.
pub async fn csp_report(State(state): State<AppState>, body: Bytes) -> axum::http::StatusCode {
    for report in CspReport::parse(&body) {
        state.observed.note_csp_report(report);
    }
    axum::http::StatusCode::NO_CONTENT
}
