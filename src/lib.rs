//! The MOBPROC upgrade-order widget: a Leptos client-side app, embedded in
//! an intranet portal, through which an employee upgrades a device and/or
//! plan. `main.rs` only calls [`start`].
//!
//! Two ways in: the page's `#mobproc-widget` element (the static site, or
//! an iframe of it), and any `[data-mobproc-widget]` element of a host page,
//! mounted inside a shadow root so the host's CSS can't reach in.

pub mod api;
pub mod app;
pub mod approvals;
pub mod auth;
pub mod browser;
pub mod components;
pub mod config;
pub mod contact;
pub mod diagnostics;
pub mod draft;
pub mod flows;
pub mod format;
pub mod i18n;
pub mod move_line;
pub mod steps;
pub mod style;

pub use app::App;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the static site mounts on.
pub const PAGE_MOUNT_ID: &str = "mobproc-widget";
/// The attribute that marks a host page's element to mount on (in a shadow root).
pub const EMBED_ATTRIBUTE: &str = "data-mobproc-widget";

/// The URL the widget's own files are under: set by `loader.js` when the
/// widget is embedded from another origin, else the page itself.
pub fn widget_base() -> String {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"mobprocWidgetBase".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(browser::location_href)
}

/// The `data-*` settings of a mount element (`data-tenant` → `tenant`).
fn data_attributes(element: &web_sys::Element) -> Vec<(String, String)> {
    let names = element.get_attribute_names();
    (0..names.length())
        .filter_map(|i| names.get(i).as_string())
        .filter_map(|name| {
            let setting = name.strip_prefix("data-")?.to_owned();
            Some((setting, element.get_attribute(&name)?))
        })
        .collect()
}

fn mount_on(target: web_sys::HtmlElement, host: &web_sys::Element) {
    let overrides = data_attributes(host);
    let config_url = host
        .get_attribute("data-config")
        .map(|url| browser::resolve_url(&url, &browser::location_href()))
        .unwrap_or_else(|| browser::resolve_url("config.json", &widget_base()));
    if diagnostics::is_requested(host) {
        diagnostics::mount(target, config_url, overrides);
        return;
    }
    let host: web_sys::EventTarget = host.clone().into();
    leptos::mount::mount_to(target, move || {
        view! { <App config_url=config_url.clone() overrides=overrides.clone() host=host.clone()/> }
    })
    .forget();
}

/// Mounts the widget everywhere the page asks for it.
pub fn start() {
    console_error_panic_hook::set_once();
    auth::capture_answer_from_address_bar();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(element) = document.get_element_by_id(PAGE_MOUNT_ID) {
        style::adopt_into_document(&document);
        if let Some(target) = browser::html_element(element.clone()) {
            mount_on(target, &element);
        }
    }
    let Ok(hosts) = document.query_selector_all(&format!("[{EMBED_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .get(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
        let Ok(shadow) = host.attach_shadow(&init) else {
            continue;
        };
        style::adopt_into_shadow(&shadow);
        let Ok(container) = document.create_element("div") else {
            continue;
        };
        let _ = shadow.append_child(&container);
        if let Some(target) = browser::html_element(container) {
            mount_on(target, &host);
        }
    }
}
