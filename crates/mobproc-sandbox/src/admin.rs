//! Admin API (being written).
use axum::Router;
use crate::state::AppState;
pub fn router(_state: AppState) -> Router<AppState> {
    Router::new()
}
