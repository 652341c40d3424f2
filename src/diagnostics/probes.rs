//! What the diagnostics ask the browser and the servers, turned into the
//! report by [`super::report`]'s functions. Every request gives up after
//! [`PROBE_TIMEOUT_MS`].

use gloo_net::http::{Request as Http, RequestBuilder, Response};
use mobproc_types::json::FromJson;
use mobproc_types::{ErrorBody, Ping};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{RequestCredentials, RequestRedirect, ResponseType};

use super::csp::{Need, Policy};
use super::environment::{clock_check, clock_skew_ms, ping_check, storage_check, PingAnswer};
use super::report::{
    config_checks, csp_checks, redirect_check, AuthorizeAnswer, Check, CspNeed, FileFailure, Report,
};
use super::settings::review;
use super::{without_diagnose_parameter, DiagnoseRequest};
use crate::auth::oauth::authorize_url;
use crate::browser;
use crate::config::{Config, Grant, SignInMode};
use crate::i18n::{fill, Texts};

/// How long a probe waits for an answer.
const PROBE_TIMEOUT_MS: i32 = 10_000;

/// A JavaScript error's name and message.
fn js_reason(value: &JsValue) -> String {
    let get = |key: &str| {
        js_sys::Reflect::get(value, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    format!("{}: {}", get("name"), get("message"))
}

/// Sends `request`, aborted after [`PROBE_TIMEOUT_MS`]; `Err` says why
/// there is no answer.
async fn send(request: RequestBuilder) -> Result<Response, String> {
    let controller = web_sys::AbortController::new().ok();
    if let (Some(controller), Some(window)) = (controller.clone(), web_sys::window()) {
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            PROBE_TIMEOUT_MS,
        );
    }
    let signal = controller.map(|c| c.signal());
    request
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|error| error.to_string())
}

/// Whether the browser lets the page use a storage (`session` or `local`).
fn try_storage(session: bool) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let storage = if session {
        window.session_storage()
    } else {
        window.local_storage()
    }
    .map_err(|e| js_reason(&e))?
    .ok_or("not offered by this browser")?;
    let key = "mobproc-diagnose";
    storage.set_item(key, "1").map_err(|e| js_reason(&e))?;
    storage.remove_item(key).map_err(|e| js_reason(&e))
}

/// The config file's text, or why there is none.
async fn load_config(url: &str) -> Result<String, FileFailure> {
    let response = send(Http::get(url))
        .await
        .map_err(FileFailure::Unreachable)?;
    if !response.ok() {
        return Err(FileFailure::Status(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| FileFailure::Unreachable(e.to_string()))
}

/// The page's policies: its `<meta http-equiv>` ones and its own HTTP
/// header (the page's address fetched again, same origin).
async fn page_policies(page_url: &str) -> Vec<Policy> {
    let mut policies = Vec::new();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(metas) = document.query_selector_all("meta[http-equiv]") {
            for index in 0..metas.length() {
                let Some(meta) = metas
                    .get(index)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let is_csp = meta
                    .get_attribute("http-equiv")
                    .is_some_and(|name| name.eq_ignore_ascii_case("content-security-policy"));
                if let (true, Some(content)) = (is_csp, meta.get_attribute("content")) {
                    policies.extend(Policy::parse_header(&content));
                }
            }
        }
    }
    let page = crate::auth::oauth::without_fragment(page_url);
    if let Ok(response) = send(Http::get(page).credentials(RequestCredentials::SameOrigin)).await {
        if let Some(header) = response.headers().get("content-security-policy") {
            policies.extend(Policy::parse_header(&header));
        }
    }
    policies
}

/// Asks the authorization endpoint, without cookies and with `prompt=none`,
/// whether it takes the redirect URI: a redirect (to it) says yes, an
/// error page says no.
async fn probe_authorization(url: &str) -> AuthorizeAnswer {
    let request = Http::get(url)
        .redirect(RequestRedirect::Manual)
        .credentials(RequestCredentials::Omit);
    match send(request).await {
        Ok(response) if response.type_() == ResponseType::Opaqueredirect => {
            AuthorizeAnswer::Redirect
        }
        Ok(response) if (300..400).contains(&response.status()) => AuthorizeAnswer::Redirect,
        Ok(response) if (400..500).contains(&response.status()) => {
            AuthorizeAnswer::ErrorPage(response.status())
        }
        Ok(response) => AuthorizeAnswer::Other(response.status()),
        Err(reason) => AuthorizeAnswer::Unknown(reason),
    }
}

/// Asks `/ping` for the tenant; also gives the API's `Date` against ours.
async fn probe_ping(api: &str, config: &Config) -> (PingAnswer, Option<f64>) {
    let request = Http::get(&format!("{api}/ping"))
        .header("X-TNGO-TENANT", &config.tenant)
        .header("client_id", &config.client_id);
    let sent = browser::now_ms();
    let response = match send(request).await {
        Ok(response) => response,
        Err(reason) => return (PingAnswer::Unreachable(reason), None),
    };
    let received = browser::now_ms();
    let skew = response
        .headers()
        .get("date")
        .map(|date| js_sys::Date::parse(&date))
        .filter(|ms| ms.is_finite())
        .map(|server| clock_skew_ms(server, sent, received));
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let answer = if response.ok() {
        match Ping::from_json_text(&text) {
            Ok(ping) => PingAnswer::Backend(ping.backend),
            Err(error) => PingAnswer::Refused(status, error.to_string()),
        }
    } else {
        let message = ErrorBody::from_json_text(&text)
            .map(|body| body.message)
            .unwrap_or_default();
        PingAnswer::Refused(status, message)
    };
    (answer, skew)
}

/// The redirect URI sign-in will use: the configured one, or the page
/// (popup: `oauth-callback.html` beside the widget), without the
/// diagnostics' own parameter.
fn redirect_uri(config: &Config, page_url: &str) -> String {
    match config.sign_in {
        SignInMode::Popup => crate::auth::popup_redirect_uri(config),
        SignInMode::Redirect => config.redirect_uri.clone().unwrap_or_else(|| {
            without_diagnose_parameter(crate::auth::oauth::without_fragment(page_url))
        }),
    }
}

/// The policy's name for running WebAssembly: the same in every language.
const NEED_WASM: &str = "WebAssembly ('wasm-unsafe-eval')";

/// What the widget needs of the page's policies.
fn csp_needs<'a>(t: &Texts, urls: &'a NeedUrls, config: Option<&Config>) -> Vec<CspNeed<'a>> {
    let mut needs = vec![
        (
            "csp-script",
            fill(t.diag_need_script, &[&urls.loader]),
            Need::Script(&urls.loader),
        ),
        ("csp-wasm", NEED_WASM.to_owned(), Need::Wasm),
        (
            "csp-files",
            fill(t.diag_need_files, &[&urls.files]),
            Need::Connect(&urls.files),
        ),
    ];
    if config.is_some() {
        needs.push((
            "csp-api",
            fill(t.diag_need_api, &[&urls.api]),
            Need::Connect(&urls.api),
        ));
        needs.push((
            "csp-images",
            fill(t.diag_need_images, &[&urls.api]),
            Need::Image(&urls.api),
        ));
    }
    if let (Some(token), Some(Grant::AuthorizationCode)) = (&urls.token, config.map(|c| c.grant)) {
        needs.push((
            "csp-auth",
            fill(t.diag_need_auth, &[token]),
            Need::Connect(token),
        ));
    }
    needs
}

/// The absolute URLs the page's policies are checked against.
struct NeedUrls {
    loader: String,
    files: String,
    api: String,
    token: Option<String>,
}

/// Runs every check.
pub async fn run(request: DiagnoseRequest) -> Report {
    let t = request.locale.texts();
    let page_url = browser::location_href();
    let base = crate::widget_base();
    let mut checks: Vec<Check> = Vec::new();

    let reviewed = match load_config(&request.config_url).await {
        Ok(text) => {
            let reviewed = review(&text, &request.overrides);
            checks.extend(config_checks(t, &request.config_url, Ok(&reviewed)));
            Some(reviewed)
        }
        Err(failure) => {
            checks.extend(config_checks(t, &request.config_url, Err(failure)));
            None
        }
    };
    let config = reviewed.and_then(|r| r.usable);

    let api = config
        .as_ref()
        .map(|c| browser::resolve_url(&c.api_base_url, &page_url))
        .unwrap_or_default();
    match &config {
        Some(config) => {
            let (mut answer, skew) = probe_ping(&api, config).await;
            if let PingAnswer::Unreachable(reason) = &mut answer {
                // (The browser reports a violation a moment after it blocks.)
                browser::sleep(100).await;
                let ping = format!("{api}/ping");
                if let Some(block) = request
                    .violations
                    .entries()
                    .into_iter()
                    .find(|v| v.ends_with(&ping))
                {
                    *reason = fill(t.diag_blocked_by_policy, &[&block]);
                }
            }
            checks.push(ping_check(t, &api, &config.tenant, answer));
            checks.push(clock_check(t, skew));
            let redirect = redirect_uri(config, &page_url);
            let probe = browser::resolve_url(
                &authorize_url(config, &redirect, "mobproc-diagnose", Some("none"), None),
                &page_url,
            );
            let answer = probe_authorization(&probe).await;
            checks.push(redirect_check(
                t,
                &redirect,
                &config.client_id,
                &probe,
                answer,
            ));
        }
        None => {
            for id in ["ping", "clock", "redirect-uri"] {
                checks.push(Check::skipped(t, id));
            }
        }
    }

    let urls = NeedUrls {
        loader: browser::resolve_url("loader.js", &base),
        files: browser::resolve_url(".", &base),
        api,
        token: config
            .as_ref()
            .and_then(|c| c.token_url.as_ref())
            .map(|url| browser::resolve_url(url, &page_url)),
    };
    let policies = page_policies(&page_url).await;
    // (The browser reports violations a moment after it blocks.)
    browser::sleep(200).await;
    let needs = csp_needs(t, &urls, config.as_ref());
    checks.extend(csp_checks(
        t,
        &policies,
        &page_url,
        &needs,
        &request.violations.entries(),
    ));

    let redirect_sign_in = config
        .as_ref()
        .is_none_or(|c| c.sign_in == SignInMode::Redirect);
    checks.push(storage_check(
        t,
        try_storage(true),
        try_storage(false),
        redirect_sign_in,
    ));
    Report { checks }
}
