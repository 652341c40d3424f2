//! Signing in: the OAuth implicit grant (or authorization code with PKCE)
//! by full-page redirect or popup. The token lives in memory (in
//! sessionStorage only when configured), never in localStorage or a URL the
//! widget builds; the answer's fragment leaves the address bar at once.

pub mod oauth;

use std::cell::RefCell;

use mobproc_types::TokenResponse;
use oauth::{Attempt, Callback, StateProblem};
use serde::{Deserialize, Serialize};

use crate::browser;
use crate::config::{Config, Grant};

/// Where attempts are kept in sessionStorage, by state.
const ATTEMPT_PREFIX: &str = "mobproc.oauth.attempt.";
/// Where the token is kept when `tokenStorage` is `session`.
const TOKEN_KEY: &str = "mobproc.session";
/// What the popup's callback page posts to the widget.
pub const POPUP_MESSAGE_SOURCE: &str = "mobproc-oauth";

/// A signed-in session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub token: String,
    /// When the token stops working, in milliseconds since the epoch.
    pub expires_at_ms: f64,
}

impl Session {
    /// Seconds left at `now_ms` (0 when expired).
    pub fn seconds_left(&self, now_ms: f64) -> u64 {
        ((self.expires_at_ms - now_ms) / 1000.0).max(0.0) as u64
    }
}

/// Why signing in did not work.
#[derive(Debug, Clone, PartialEq)]
pub enum SignInError {
    /// The user (or the authorization server) said no: `access_denied`...
    Denied {
        error: String,
        description: Option<String>,
    },
    /// The answer's `state` did not match an attempt of this tab: nothing
    /// from it was used.
    Refused(StateProblem),
    /// The code could not be exchanged, or the popup was blocked or closed.
    Failed(String),
}

thread_local! {
    /// The OAuth answer found in the address bar at start-up, before it was removed.
    static ARRIVED: RefCell<Option<Callback>> = const { RefCell::new(None) };
}

/// At start-up, before anything else: takes an OAuth answer out of the
/// address bar (fragment, or query for the code grant) and keeps it for
/// [`take_arrived`]. The URL is rewritten without it at once.
pub fn capture_answer_from_address_bar() {
    let hash = browser::location_hash();
    if let Some(callback) = oauth::parse_callback(&hash) {
        browser::replace_url(oauth::without_fragment(&browser::location_href()));
        ARRIVED.with(|slot| *slot.borrow_mut() = Some(callback));
        return;
    }
    let search = browser::location_search();
    if let Some(callback @ (Callback::Code { .. } | Callback::Error { .. })) =
        oauth::parse_callback(&search)
    {
        let href = browser::location_href();
        let clean = href.split('?').next().unwrap_or(&href).to_owned();
        browser::replace_url(&clean);
        ARRIVED.with(|slot| *slot.borrow_mut() = Some(callback));
    }
}

/// The answer captured at start-up, once.
pub fn take_arrived() -> Option<Callback> {
    ARRIVED.with(|slot| slot.borrow_mut().take())
}

/// The session kept from earlier in this tab, when configured to keep one.
pub fn stored_session(config: &Config) -> Option<Session> {
    if !config.keep_token_in_session_storage {
        return None;
    }
    let session: Session = serde_json::from_str(&browser::session_get(TOKEN_KEY)?).ok()?;
    (session.expires_at_ms > browser::now_ms()).then_some(session)
}

/// Keeps (or forgets) the session in sessionStorage, when configured to.
pub fn store_session(config: &Config, session: Option<&Session>) {
    if !config.keep_token_in_session_storage {
        browser::session_remove(TOKEN_KEY);
        return;
    }
    match session {
        Some(session) => browser::session_set(
            TOKEN_KEY,
            &serde_json::to_string(session).unwrap_or_default(),
        ),
        None => browser::session_remove(TOKEN_KEY),
    }
}

/// The URL of the popup's callback page, beside the widget's files.
pub fn popup_redirect_uri(config: &Config) -> String {
    config
        .popup_redirect_uri
        .clone()
        .unwrap_or_else(|| browser::resolve_url("oauth-callback.html", &crate::widget_base()))
}

/// The page itself, without fragment, as the full-page redirect URI.
pub fn page_redirect_uri(config: &Config) -> String {
    config
        .redirect_uri
        .clone()
        .unwrap_or_else(|| oauth::without_fragment(&browser::location_href()).to_owned())
}

/// Starts a sign-in attempt and returns the authorization URL to visit.
pub async fn begin(
    config: &Config,
    popup: bool,
    prompt: Option<&str>,
) -> Result<String, SignInError> {
    let state = oauth::base64_url(&browser::random_bytes(24));
    let redirect_uri = if popup {
        popup_redirect_uri(config)
    } else {
        page_redirect_uri(config)
    };
    let (code_verifier, challenge) = match config.grant {
        Grant::Implicit => (None, None),
        Grant::AuthorizationCode => {
            let verifier = oauth::base64_url(&browser::random_bytes(32));
            let digest = browser::sha256(&verifier)
                .await
                .ok_or_else(|| SignInError::Failed("this browser cannot compute SHA-256".into()))?;
            (Some(verifier), Some(oauth::base64_url(&digest)))
        }
    };
    let attempt = Attempt {
        state: state.clone(),
        started_ms: browser::now_ms(),
        redirect_uri: redirect_uri.clone(),
        code_verifier,
        popup,
    };
    browser::session_set(
        &format!("{ATTEMPT_PREFIX}{state}"),
        &serde_json::to_string(&attempt).unwrap_or_default(),
    );
    Ok(oauth::authorize_url(
        config,
        &redirect_uri,
        &state,
        prompt,
        challenge.as_deref(),
    ))
}

/// Finishes an attempt with the answer that came back: checks its `state`
/// (once: the attempt is discarded), then reads the token or exchanges the code.
pub async fn complete(config: &Config, callback: Callback) -> Result<Session, SignInError> {
    let stored = callback
        .state()
        .and_then(|state| browser::session_take(&format!("{ATTEMPT_PREFIX}{state}")))
        .and_then(|text| serde_json::from_str::<Attempt>(&text).ok());
    let attempt = oauth::check_state(callback.state(), stored, browser::now_ms())
        .map_err(SignInError::Refused)?;
    match callback {
        Callback::Error {
            error, description, ..
        } => Err(SignInError::Denied { error, description }),
        Callback::Token {
            access_token,
            expires_in,
            ..
        } => Ok(Session {
            token: access_token,
            expires_at_ms: browser::now_ms() + expires_in as f64 * 1000.0,
        }),
        Callback::Code { code, .. } => exchange_code(config, &attempt, &code).await,
    }
}

async fn exchange_code(
    config: &Config,
    attempt: &Attempt,
    code: &str,
) -> Result<Session, SignInError> {
    let token_url = config
        .token_url
        .clone()
        .ok_or_else(|| SignInError::Failed("no tokenUrl is configured".into()))?;
    let verifier = attempt.code_verifier.clone().unwrap_or_default();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", attempt.redirect_uri.as_str()),
        ("client_id", config.client_id.as_str()),
        ("code_verifier", verifier.as_str()),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", oauth::encode(v)))
    .collect::<Vec<_>>()
    .join("&");
    let response = gloo_net::http::Request::post(&token_url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form)
        .map_err(|e| SignInError::Failed(e.to_string()))?
        .send()
        .await
        .map_err(|_| SignInError::Failed("the token endpoint could not be reached".into()))?;
    if !response.ok() {
        return Err(SignInError::Failed(format!(
            "the token endpoint answered {}",
            response.status()
        )));
    }
    let token: TokenResponse = response
        .json()
        .await
        .map_err(|e| SignInError::Failed(e.to_string()))?;
    Ok(Session {
        token: token.access_token,
        expires_at_ms: browser::now_ms() + token.expires_in as f64 * 1000.0,
    })
}
