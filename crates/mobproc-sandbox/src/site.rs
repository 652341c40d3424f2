//! Static site (being written).
use axum::Router;
use crate::{config::Config, state::AppState};
pub fn router(_config: &Config) -> Router<AppState> {
    Router::new()
}
