//! The MOBPROC sandbox: a faithful stand-in for the Tangoe Mobile
//! Procurement v1 API, with its own OAuth 2 authorization server, seeded
//! data in SQLite, fault switches, and the widget's static files.
//!
//! [`app`] builds the whole service and [`serve::serve`] serves it with
//! the transport limits; `main.rs` only parses flags and calls them.

pub mod admin;
pub mod api;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod faults;
pub mod favicon;
pub mod header_limit;
pub mod ids;
pub mod images;
pub mod links;
pub mod model;
pub mod oauth;
pub mod observe;
pub mod paging;
pub mod seed;
pub mod seed_orders;
pub mod serve;
pub mod site;
pub mod state;

use axum::Router;

pub use config::Config;
pub use state::AppState;

/// Where the API lives, as on the real service.
pub const API_PREFIX: &str = "/mobproc/v1";

/// The whole sandbox: the API under [`API_PREFIX`], the OAuth server under
/// `/as`, generated images and the admin API under `/sandbox`, the icon at
/// `/favicon.svg` and `/favicon.ico`, and the static site at `/`; requests with oversized header fields are answered
/// 431 before any of them.
pub fn app(state: AppState) -> Router {
    Router::new()
        .nest(API_PREFIX, api::router(state.clone()))
        .nest("/as", oauth::router())
        .nest("/sandbox/images", images::router())
        .nest("/sandbox/admin", admin::router(state.clone()))
        .route(
            "/sandbox/csp-reports",
            axum::routing::post(observe::csp_report)
                .layer(axum::extract::DefaultBodyLimit::max(16 * 1024)),
        )
        .merge(favicon::router())
        .merge(site::router(&state.config))
        .layer(site::cors(&state.config))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            header_limit::refuse_oversized,
        ))
        .with_state(state)
}
