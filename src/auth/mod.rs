//! Signing in: the OAuth implicit grant (or authorization code with PKCE)
//! by full-page redirect or popup. The token lives in memory (in
//! sessionStorage only when configured), never in localStorage or a URL the
//! widget builds; the answer's fragment leaves the address bar at once.

pub mod account;
pub mod oauth;

use std::cell::RefCell;

use mobproc_types::json::{object_text, FromJson, Json, JsonError};
use mobproc_types::TokenResponse;
use oauth::{milliseconds, Attempt, Callback, StateProblem};

use crate::browser;
use crate::config::{Config, Grant};
use crate::i18n::{fill, Texts};

/// Where attempts are kept in sessionStorage, by state.
const ATTEMPT_PREFIX: &str = "mobproc.oauth.attempt.";
/// Where the token is kept when `tokenStorage` is `session`.
const TOKEN_KEY: &str = "mobproc.session";
/// What the popup's callback page posts to the widget.
pub const POPUP_MESSAGE_SOURCE: &str = "mobproc-oauth";

/// A signed-in session.
#[derive(Debug, Clone, PartialEq)]
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

    /// The session as kept in sessionStorage.
    pub fn to_storage(&self) -> String {
        object_text(|o| {
            o.field("token", &self.token);
            o.field("expiresAtMs", &(self.expires_at_ms as u64));
        })
    }
}

impl FromJson for Session {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Session {
            token: o.field("token")?,
            expires_at_ms: milliseconds(&o, "expiresAtMs")?,
        })
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
    /// The sign-in window could not be opened.
    PopupBlocked,
    /// The code could not be exchanged (the widget's own account of why).
    Failed(String),
}

/// What the widget tells the user about a failed sign-in: one sentence of
/// its own, and, on a line of its own, the details when there are any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInMessage {
    pub summary: String,
    /// The authorization server's explanation or the widget's, labelled.
    pub detail: Option<String>,
}

impl SignInError {
    /// The message for this problem in `t`'s language. A refusal by the
    /// user (`access_denied`) needs no explanation from the server; other
    /// OAuth errors carry its description (or its error code) as the detail.
    pub fn message(&self, t: &Texts) -> SignInMessage {
        let (summary, detail) = match self {
            SignInError::Denied { error, .. } if error == "access_denied" => {
                (t.sign_in_denied, None)
            }
            SignInError::Denied { error, description } => {
                let explanation = description
                    .as_deref()
                    .map(str::trim)
                    .filter(|text| !text.is_empty())
                    .map_or_else(|| format!("{}: {error}", t.error_code), str::to_owned);
                (
                    t.sign_in_failed,
                    Some(fill(t.sign_in_server_says, &[&explanation])),
                )
            }
            SignInError::Refused(_) => (t.sign_in_refused, None),
            SignInError::PopupBlocked => (t.popup_blocked, None),
            SignInError::Failed(why) => (t.sign_in_failed, Some(fill(t.sign_in_details, &[why]))),
        };
        SignInMessage {
            summary: summary.to_owned(),
            detail,
        }
    }
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
        browser::replace_url(&oauth::without_answer(&browser::location_href()));
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
    let session = Session::from_json_text(&browser::session_get(TOKEN_KEY)?).ok()?;
    (session.expires_at_ms > browser::now_ms()).then_some(session)
}

/// Keeps (or forgets) the session in sessionStorage, when configured to.
pub fn store_session(config: &Config, session: Option<&Session>) {
    if !config.keep_token_in_session_storage {
        browser::session_remove(TOKEN_KEY);
        return;
    }
    match session {
        Some(session) => browser::session_set(TOKEN_KEY, &session.to_storage()),
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
    browser::session_set(&format!("{ATTEMPT_PREFIX}{state}"), &attempt.to_storage());
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
        .and_then(|text| Attempt::from_json_text(&text).ok());
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
        .map_err(|e| SignInError::Failed(crate::api::request_failure(&e)))?
        .send()
        .await
        .map_err(|_| SignInError::Failed("the token endpoint could not be reached".into()))?;
    if !response.ok() {
        return Err(SignInError::Failed(format!(
            "the token endpoint answered {}",
            response.status()
        )));
    }
    let text = response
        .text()
        .await
        .map_err(|_| SignInError::Failed("the token endpoint's answer was cut off".into()))?;
    let token = TokenResponse::from_json_text(&text).map_err(|e| {
        SignInError::Failed(format!("the token endpoint's answer is unreadable: {e}"))
    })?;
    Ok(Session {
        token: token.access_token,
        expires_at_ms: browser::now_ms() + token.expires_in as f64 * 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn denied(error: &str, description: Option<&str>) -> SignInError {
        SignInError::Denied {
            error: error.to_owned(),
            description: description.map(str::to_owned),
        }
    }

    #[test]
    fn a_cancelled_sign_in_is_one_sentence_of_ours() {
        let problem = denied("access_denied", Some("The user cancelled sign-in"));
        let english = problem.message(Locale::En.texts());
        assert_eq!(english.summary, "Sign-in was cancelled or refused.");
        assert_eq!(english.detail, None);
        let french = problem.message(Locale::FrCa.texts());
        assert_eq!(french.summary, "La connexion a été annulée ou refusée.");
        assert_eq!(french.detail, None);
    }

    #[test]
    fn other_oauth_errors_show_the_server_explanation_on_its_own_line() {
        let problem = denied("login_required", Some("The user is not signed in."));
        let english = problem.message(Locale::En.texts());
        assert_eq!(english.summary, "Sign-in did not complete.");
        assert_eq!(
            english.detail.as_deref(),
            Some("The sign-in service says: The user is not signed in.")
        );
        let french = problem.message(Locale::FrCa.texts());
        assert_eq!(french.summary, "La connexion n'a pas abouti.");
        assert_eq!(
            french.detail.as_deref(),
            Some("Le service de connexion indique\u{a0}: The user is not signed in.")
        );
    }

    #[test]
    fn an_oauth_error_without_description_names_its_code() {
        for description in [None, Some("  ")] {
            let message = denied("server_error", description).message(Locale::En.texts());
            assert_eq!(
                message.detail.as_deref(),
                Some("The sign-in service says: Error code: server_error")
            );
        }
    }

    #[test]
    fn a_blocked_popup_and_a_failed_exchange_read_as_sentences() {
        let blocked = SignInError::PopupBlocked.message(Locale::En.texts());
        assert_eq!(blocked.summary, Locale::En.texts().popup_blocked);
        assert_eq!(blocked.detail, None);
        let failed = SignInError::Failed("the token endpoint could not be reached".into())
            .message(Locale::FrCa.texts());
        assert_eq!(failed.summary, "La connexion n'a pas abouti.");
        assert_eq!(
            failed.detail.as_deref(),
            Some("Détails\u{a0}: the token endpoint could not be reached")
        );
    }

    #[test]
    fn a_kept_session_reads_back_and_one_kept_before_too() {
        let session = Session {
            token: "eyJ\"tok\\en".into(),
            expires_at_ms: 1_733_245_678_901.0,
        };
        assert_eq!(Session::from_json_text(&session.to_storage()), Ok(session));
        // As the widget wrote it before (with serde).
        let before = r#"{"token":"t","expiresAtMs":1733245678901.0}"#;
        assert_eq!(
            Session::from_json_text(before).map(|s| s.expires_at_ms),
            Ok(1_733_245_678_901.0)
        );
        assert!(Session::from_json_text(r#"{"token":"t"}"#).is_err());
        assert!(Session::from_json_text("not json").is_err());
    }
}
