//! Embedding diagnostics: with `data-diagnose` on the mount element or
//! `?mobproc-diagnose` in the page's address, the widget shows a report of
//! what it needs from the page instead of itself: the config file and each
//! setting, the API's `/ping` for the tenant, the clock against the API's,
//! the redirect URI at the authorization server, the page's
//! Content-Security-Policy, and storage. It works with a broken
//! configuration, which is when it is needed.
//!
//! The checks and their panel are a chunk of their own in the release
//! wasm (as the later steps are, see `app::chunks`): a normal load carries
//! only this module's switch and texts.

pub mod csp;
pub mod environment;
pub mod panel;
mod probes;
pub mod report;
pub mod settings;

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::FutureExt;
use leptos::prelude::{AnyView, IntoAny};
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
use leptos::wasm_split::wasm_split;
use wasm_bindgen::JsCast;

use crate::app::chunks::ChunkError;
use crate::i18n::Locale;

/// The mount element's attribute that asks for diagnostics.
pub const DIAGNOSE_ATTRIBUTE: &str = "data-diagnose";
/// The page address's parameter that asks for diagnostics.
pub const DIAGNOSE_PARAMETER: &str = "mobproc-diagnose";

/// Whether a query string (`?a=1&mobproc-diagnose`) asks for diagnostics.
pub fn asked_in_query(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(DIAGNOSE_PARAMETER))
}

/// `url` without the `mobproc-diagnose` parameter (the address sign-in
/// comes back to when the diagnostics are off).
pub fn without_diagnose_parameter(url: &str) -> String {
    let Some((page, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| pair.split('=').next() != Some(DIAGNOSE_PARAMETER))
        .collect();
    if kept.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{}", kept.join("&"))
    }
}

/// Whether the page asks for diagnostics on `host`.
pub fn is_requested(host: &web_sys::Element) -> bool {
    host.has_attribute(DIAGNOSE_ATTRIBUTE) || asked_in_query(&crate::browser::location_search())
}

/// The violations of the page's Content-Security-Policy the browser
/// reported since the diagnostics started (`directive blocked-url`).
#[derive(Clone, Default)]
pub struct ViolationLog(Rc<RefCell<Vec<String>>>);

impl ViolationLog {
    /// Starts listening to the document's `securitypolicyviolation` events.
    fn listen() -> ViolationLog {
        let log = ViolationLog::default();
        let entries = log.0.clone();
        let record = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
            move |event: wasm_bindgen::JsValue| {
                let get = |key: &str| {
                    js_sys::Reflect::get(&event, &key.into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                let entry = format!("{} {}", get("effectiveDirective"), get("blockedURI"));
                let mut entries = entries.borrow_mut();
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            },
        );
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "securitypolicyviolation",
                record.as_ref().unchecked_ref(),
            );
        }
        record.forget();
        log
    }

    /// What was reported so far.
    pub fn entries(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// What the checks need to know.
#[derive(Clone)]
pub struct DiagnoseRequest {
    pub config_url: String,
    pub overrides: Vec<(String, String)>,
    pub locale: Locale,
    pub violations: ViolationLog,
}

/// The panel, from the side panels' chunk; built once the chunk is in
/// (`preload_panel`), synchronously, in the mount's reactive owner.
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[wasm_split(side_panels, wasm_split_path = leptos::wasm_split, preload(preload_panel), fallible)]
fn panel_view(request: DiagnoseRequest) -> Result<AnyView, ChunkError> {
    Ok(panel::panel(request).into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn panel_view(request: DiagnoseRequest) -> Result<AnyView, ChunkError> {
    Ok(panel::panel(request).into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn preload_panel() -> Result<(), ChunkError> {
    Ok(())
}

/// Shows the diagnostics on `target` in place of the widget, once their
/// chunk is in (else says it could not be fetched).
pub fn mount(target: web_sys::HtmlElement, config_url: String, overrides: Vec<(String, String)>) {
    let violations = ViolationLog::listen();
    let locale = overrides
        .iter()
        .find(|(name, _)| name == "locale")
        .map(|(_, tag)| tag.clone())
        .unwrap_or_else(crate::browser::language);
    let request = DiagnoseRequest {
        config_url,
        overrides,
        locale: Locale::from_tag(&locale),
        violations,
    };
    // (Not leptos's spawn_local: nothing is mounted yet, so its executor
    // is not started.)
    wasm_bindgen_futures::spawn_local(async move {
        let mut request = request;
        request.locale = crate::i18n::prepare(request.locale).await;
        // (A `SplitLoaderError` in the release wasm, already ours elsewhere.)
        #[allow(clippy::useless_conversion)]
        let loaded = preload_panel().await.map_err(ChunkError::from);
        if loaded.is_err() {
            let _ = target.set_attribute("role", "alert");
            let _ = target.set_attribute("data-testid", "diagnostics-error");
            target.set_text_content(Some(request.locale.texts().diag_chunk_failed));
            return;
        }
        leptos::mount::mount_to(target, move || {
            panel_view(request.clone())
                .now_or_never()
                .and_then(Result::ok)
                .unwrap_or_else(|| ().into_any())
        })
        .forget();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_parameter_is_found_with_or_without_a_value() {
        assert!(asked_in_query("?mobproc-diagnose"));
        assert!(asked_in_query("?a=1&mobproc-diagnose=1"));
        assert!(!asked_in_query("?mobproc-diagnosed"));
        assert!(!asked_in_query("?a=mobproc-diagnose"));
        assert!(!asked_in_query(""));
    }

    #[test]
    fn the_parameter_is_left_out_of_the_page_address() {
        assert_eq!(
            without_diagnose_parameter("https://p/portal.html?mobproc-diagnose"),
            "https://p/portal.html"
        );
        assert_eq!(
            without_diagnose_parameter("https://p/portal.html?a=1&mobproc-diagnose=1&b=2"),
            "https://p/portal.html?a=1&b=2"
        );
        assert_eq!(without_diagnose_parameter("https://p/x"), "https://p/x");
    }

    #[test]
    fn both_catalogues_give_the_diagnostics_texts_the_same_placeholders() {
        fn placeholders(text: &str) -> Vec<usize> {
            (0..4)
                .filter(|i| text.contains(&format!("{{{i}}}")))
                .collect()
        }
        let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
        macro_rules! pairs {
            ($($field:ident),*) => { [$((stringify!($field), en.$field, fr.$field)),*] };
        }
        let pairs = pairs!(
            diag_title,
            diag_intro,
            diag_running,
            diag_summary,
            diag_status_pass,
            diag_status_warn,
            diag_status_fail,
            diag_what_to_do,
            diag_chunk_failed,
            diag_skipped,
            diag_skipped_advice,
            diag_config_loaded,
            diag_config_unreachable,
            diag_config_unreachable_advice,
            diag_config_unreadable,
            diag_config_unreadable_advice,
            diag_config_unknown,
            diag_config_unknown_advice,
            diag_setting_value,
            diag_setting_default,
            diag_setting_fix,
            diag_redirect_ok,
            diag_redirect_refused,
            diag_redirect_refused_advice,
            diag_redirect_unclear,
            diag_redirect_by_hand,
            diag_need_script,
            diag_need_files,
            diag_need_api,
            diag_need_images,
            diag_need_auth,
            diag_csp_allows,
            diag_csp_blocks,
            diag_csp_blocks_advice,
            diag_csp_violations,
            diag_csp_violations_advice,
            diag_storage_ok,
            diag_storage_no_session,
            diag_storage_no_local,
            diag_storage_advice,
            diag_clock_ahead,
            diag_clock_behind,
            diag_clock_advice,
            diag_clock_unknown,
            diag_clock_unknown_advice,
            diag_ping_ok,
            diag_ping_refused,
            diag_ping_refused_advice,
            diag_ping_unreachable,
            diag_ping_unreachable_advice,
            diag_blocked_by_policy
        );
        for (name, english, french) in pairs {
            assert_eq!(placeholders(english), placeholders(french), "{name}");
            assert_ne!(french, english, "{name} is not translated");
        }
    }
}
