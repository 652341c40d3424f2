//! What the sandbox saw, for tests and benchmarks: every API request
//! (method, path, context ids, answer status; never a token) and every
//! Content-Security-Policy violation a browser reported.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::auth::{ACTIVITY_HEADER, CORRELATION_HEADER};
use crate::state::AppState;

/// How many requests and reports are kept (the oldest go first).
const KEEP: usize = 10_000;

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

/// The sandbox's memory of requests and CSP reports.
#[derive(Debug, Default)]
pub struct Observed {
    requests: Mutex<VecDeque<SeenRequest>>,
    csp_reports: Mutex<VecDeque<serde_json::Value>>,
}

fn push<T>(queue: &Mutex<VecDeque<T>>, item: T) {
    let mut queue = queue.lock().unwrap_or_else(|p| p.into_inner());
    if queue.len() == KEEP {
        queue.pop_front();
    }
    queue.push_back(item);
}

impl Observed {
    /// The requests seen, oldest first.
    pub fn requests(&self) -> Vec<SeenRequest> {
        self.requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    /// The CSP violation reports received, oldest first.
    pub fn csp_reports(&self) -> Vec<serde_json::Value> {
        self.csp_reports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    /// Forgets everything seen.
    pub fn clear(&self) {
        self.requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        self.csp_reports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
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
                .map(str::to_owned)
        };
        let path = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        (
            request.method().to_string(),
            path.strip_prefix(crate::API_PREFIX)
                .unwrap_or(path)
                .to_owned(),
            headers.contains_key("authorization"),
            header(ACTIVITY_HEADER),
            header(CORRELATION_HEADER),
        )
    };
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    push(
        &state.observed.requests,
        SeenRequest {
            method,
            path,
            status: response.status().as_u16(),
            authorized,
            activity_id,
            correlation_id,
            millis: started.elapsed().as_millis() as u64,
        },
    );
    response
}

/// `POST /sandbox/csp-reports`: where browsers report CSP violations
/// (`report-uri` of the site's policy). Keeps the report's JSON.
pub async fn csp_report(State(state): State<AppState>, body: Bytes) -> axum::http::StatusCode {
    let report = serde_json::from_slice(&body)
        .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&body).into_owned()));
    push(&state.observed.csp_reports, report);
    axum::http::StatusCode::NO_CONTENT
}
