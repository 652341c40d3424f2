//! The OAuth 2 authorization server (being written).
use axum::Router;
use crate::state::AppState;
pub fn router() -> Router<AppState> {
    Router::new()
}
