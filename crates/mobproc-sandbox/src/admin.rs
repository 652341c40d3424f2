//! The admin API for tests and demos: fault switches, the clock, and token
//! expiry. Every call needs the `X-Sandbox-Admin-Key` header.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::faults::Faults;
use crate::state::AppState;

/// The header carrying the admin key.
pub const ADMIN_KEY_HEADER: &str = "x-sandbox-admin-key";

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/faults",
            get(get_faults).put(put_faults).delete(clear_faults),
        )
        .route("/clock", get(get_clock).post(advance_clock))
        .route("/expire-tokens", post(expire_tokens))
        .route("/requests", get(requests).delete(forget_requests))
        .route("/csp-reports", get(csp_reports))
        .fallback(|| async {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "404-resource-not-found",
                "No such admin resource.",
            )
        })
        .layer(middleware::from_fn_with_state(state, require_key))
}

async fn require_key(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let given = request
        .headers()
        .get(ADMIN_KEY_HEADER)
        .and_then(|v| v.to_str().ok());
    if given != Some(state.config.admin_key.as_str()) {
        return Err(ApiError::forbidden(
            "admin-key-required",
            "Send the sandbox's admin key in the X-Sandbox-Admin-Key header.",
        ));
    }
    Ok(next.run(request).await)
}

async fn get_faults(State(state): State<AppState>) -> Json<Faults> {
    Json(state.faults())
}

/// Replaces every fault setting at once.
async fn put_faults(
    State(state): State<AppState>,
    ApiJson(faults): ApiJson<Faults>,
) -> ApiResult<Json<Faults>> {
    let faults = faults
        .validated()
        .map_err(|message| ApiError::bad_request("invalid-faults", message))?;
    *state.faults.write().unwrap_or_else(|p| p.into_inner()) = faults.clone();
    Ok(Json(faults))
}

async fn clear_faults(State(state): State<AppState>) -> Json<Faults> {
    *state.faults.write().unwrap_or_else(|p| p.into_inner()) = Faults::default();
    Json(Faults::default())
}

/// The sandbox clock.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClockState {
    /// Unix seconds, as the sandbox sees them.
    pub now: i64,
    /// How far it has been moved forward.
    pub offset_seconds: i64,
}

/// `{ "advanceSeconds": N }`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdvanceClock {
    pub advance_seconds: u32,
}

async fn get_clock(State(state): State<AppState>) -> Json<ClockState> {
    Json(ClockState {
        now: state.clock.now(),
        offset_seconds: state.clock.offset(),
    })
}

/// Moves the clock forward: tokens and orders age without waiting.
async fn advance_clock(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<AdvanceClock>,
) -> Json<ClockState> {
    state.clock.advance(body.advance_seconds as i64);
    get_clock(State(state)).await
}

/// The API requests seen, oldest first (no tokens in them).
async fn requests(State(state): State<AppState>) -> Json<Vec<crate::observe::SeenRequest>> {
    Json(state.observed.requests())
}

/// Forgets the requests and CSP reports seen.
async fn forget_requests(State(state): State<AppState>) -> StatusCode {
    state.observed.clear();
    StatusCode::NO_CONTENT
}

/// The CSP violation reports browsers sent.
async fn csp_reports(State(state): State<AppState>) -> Json<Vec<crate::observe::CspReport>> {
    Json(state.observed.csp_reports())
}

/// How many tokens were expired.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expired {
    pub expired: usize,
}

/// Expires every access token now (refresh tokens and sessions stay).
async fn expire_tokens(State(state): State<AppState>) -> ApiResult<Json<Expired>> {
    let expired = state
        .db
        .run(|c| {
            Ok(c.execute(
                "UPDATE oauth_tokens SET revoked = 1 WHERE kind = 'access' AND revoked = 0",
                [],
            )?)
        })
        .await?;
    Ok(Json(Expired { expired }))
}
