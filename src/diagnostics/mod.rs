//! Embedding diagnostics: with `data-diagnose` on the mount element or
//! `?mobproc-diagnose` in the page's address, the widget shows a report of
//! what it needs from the page instead of itself: the config file and each
//! setting, the API's `/ping` for the tenant, the clock against the API's,
//! the redirect URI at the authorization server, the page's
//! Content-Security-Policy, and storage. It works with a broken
//! configuration, which is when it is needed.
//!
//! The checks' code is a chunk of its own in the release wasm (as the
//! later steps are, see `app::chunks`): a normal load carries only this
//! module's switch and panel.

pub mod csp;
mod panel;
mod probes;
pub mod report;
pub mod settings;

use std::cell::RefCell;
use std::rc::Rc;

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
use leptos::wasm_split::wasm_split;
use wasm_bindgen::JsCast;

use crate::app::chunks::ChunkError;
use crate::i18n::Locale;
use report::Report;

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

type Diagnosis = futures_util::future::LocalBoxFuture<'static, Report>;

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[wasm_split(diagnostics, wasm_split_path = leptos::wasm_split, fallible)]
fn diagnose(request: DiagnoseRequest) -> Result<Diagnosis, ChunkError> {
    Ok(Box::pin(probes::run(request)))
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn diagnose(request: DiagnoseRequest) -> Result<Diagnosis, ChunkError> {
    Ok(Box::pin(probes::run(request)))
}

/// Runs the checks (after fetching their chunk).
async fn run(request: DiagnoseRequest) -> Result<Report, ChunkError> {
    Ok(diagnose(request).await?.await)
}

/// Shows the diagnostics on `target` in place of the widget.
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
    leptos::mount::mount_to(target, move || panel::panel(request.clone())).forget();
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
            diag_need_wasm,
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
            diag_ping_unreachable_advice
        );
        for (name, english, french) in pairs {
            assert_eq!(placeholders(english), placeholders(french), "{name}");
            assert!(
                name == "diag_need_wasm" || french != english,
                "{name} is not translated"
            );
        }
    }
}
