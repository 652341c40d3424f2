//! End-to-end harness: the sandbox in this process on a free loopback
//! port serving the built widget (`dist/`), and a headless Debian Chromium
//! driven through chromedriver with fantoccini.
#![allow(dead_code)] // each test binary uses its own share of the harness

mod actions;
mod orders;
mod page;
mod sandbox;
mod sign_in;
mod site;
mod start;
mod waiting;

pub use site::{config_for, dist_dir, site_with_config};

use std::sync::Mutex;

use fantoccini::Client;
use mobproc_sandbox::AppState;
use tokio::process::Child;

/// A running sandbox with the widget, and a browser pointed at it.
pub struct Demo {
    pub base: String,
    pub state: AppState,
    pub browser: Client,
    /// Where the widget helpers look: `None` for the page itself, or the
    /// CSS selector of the element whose (open) shadow root holds the widget.
    shadow_host: Mutex<Option<String>>,
    /// chromedriver, leader of a process group of its own that its
    /// Chromium joins (see `Drop`).
    driver: Child,
    _dir: tempfile::TempDir,
    _browser_profile: tempfile::TempDir,
    _site: Option<tempfile::TempDir>,
}

/// The value a stored order holds for property `id`: its text, date or
/// choice id.
#[allow(dead_code)] // Not every test binary reads properties.
pub fn property(order: &serde_json::Value, id: &str) -> Option<String> {
    order["properties"]
        .as_array()?
        .iter()
        .flat_map(|group| group["fields"].as_array().cloned().unwrap_or_default())
        .find(|field| field["id"] == id)
        .and_then(|field| {
            field["text"]
                .as_str()
                .or(field["date"].as_str())
                .or(field["choice"]["id"].as_str())
                .map(str::to_owned)
        })
}
