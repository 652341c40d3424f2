//! The MOBPROC upgrade-order widget: a Leptos client-side app, embedded in
//! an intranet portal, through which an employee upgrades a device and/or
//! plan. `main.rs` only calls [`start`].

pub mod app;
pub mod config;

pub use app::App;

/// Mounts the widget on the page's `#mobproc-widget` element (or the body).
pub fn start() {
    app::mount();
}
