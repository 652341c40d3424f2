//! The sign-in panel (redirect or popup), and the banner that warns before
//! the session ends.

use leptos::ev;
use leptos::prelude::*;

use crate::app::context::{use_ctx, Ctx};
use crate::auth::{self, oauth, SignInError, POPUP_MESSAGE_SOURCE};
use crate::browser;
use crate::components::Busy;
use crate::config::SignInMode;
use crate::i18n::fill;

/// Seconds before expiry at which the banner appears.
const WARN_BEFORE_SECONDS: u64 = 120;

/// A refused token is renewed silently at most once in this long: a new
/// token refused at once again means asking the user.
const SILENT_RENEWAL_SPACING_MS: f64 = 30_000.0;

/// Whether a silent renewal may start at `now_ms`, the last one having
/// succeeded at `last_ms` (if ever).
fn may_renew_silently(last_ms: Option<f64>, now_ms: f64) -> bool {
    last_ms.is_none_or(|last| now_ms - last >= SILENT_RENEWAL_SPACING_MS)
}

/// Where signing in stands: shared by the panel, the banner and the popup listener.
#[derive(Clone, Copy)]
pub struct SignInState {
    /// Why the last attempt failed.
    pub error: RwSignal<Option<SignInError>>,
    /// Whether an attempt is under way (a popup open, an answer being completed).
    pub waiting: RwSignal<bool>,
    /// Whether a silent sign-in (`prompt=none`) is under way: nothing is
    /// asked of the user meanwhile.
    pub checking: RwSignal<bool>,
    /// Whether the user signed out (the panel then says so, not "expired").
    pub signed_out: RwSignal<bool>,
    /// When the last silent sign-in succeeded.
    last_silent_ms: StoredValue<Option<f64>>,
}

impl SignInState {
    /// No attempt yet.
    pub fn new() -> SignInState {
        SignInState {
            error: RwSignal::new(None),
            waiting: RwSignal::new(false),
            checking: RwSignal::new(false),
            signed_out: RwSignal::new(false),
            last_silent_ms: StoredValue::new(None),
        }
    }

    /// Signs in again without asking (the authorization server's session
    /// answers `prompt=none`); when it cannot, the session ends and the
    /// sign-in panel shows, without an error: the draft stays either way.
    pub fn renew_silently(self, ctx: Ctx) {
        let now = browser::now_ms();
        if self.checking.get_untracked() {
            return;
        }
        if !may_renew_silently(self.last_silent_ms.get_value(), now) {
            end_session(&ctx);
            return;
        }
        self.checking.set(true);
        leptos::task::spawn_local(async move {
            match auth::account::sign_in_silently(&ctx.config).await {
                Ok(session) => {
                    self.last_silent_ms.set_value(Some(browser::now_ms()));
                    adopt(&ctx, session);
                }
                Err(_) => end_session(&ctx),
            }
            self.checking.set(false);
        });
    }

    /// Completes a sign-in answer (from the page's address or the popup)
    /// and adopts the session, or keeps why it failed.
    pub fn complete(self, ctx: Ctx, callback: oauth::Callback) {
        self.waiting.set(true);
        leptos::task::spawn_local(async move {
            match auth::complete(&ctx.config, callback).await {
                Ok(session) => adopt(&ctx, session),
                Err(problem) => self.error.set(Some(problem)),
            }
            self.waiting.set(false);
        });
    }
}

/// Adopts a new session (kept in sessionStorage when configured).
fn adopt(ctx: &Ctx, session: auth::Session) {
    auth::store_session(&ctx.config, Some(&session));
    ctx.api.unauthorized.set(false);
    ctx.session.set(Some(session));
}

/// Forgets the session; the sign-in panel shows.
pub fn end_session(ctx: &Ctx) {
    ctx.session.set(None);
    auth::store_session(&ctx.config, None);
}

/// Starts signing in, by redirect or in a popup; `prompt=login` to sign
/// in as someone else.
pub fn start(popup: bool, prompt: Option<&'static str>) {
    let ctx = use_ctx();
    let SignInState { error, waiting, .. } = expect_context::<SignInState>();
    error.set(None);
    waiting.set(true);
    leptos::task::spawn_local(async move {
        match auth::begin(&ctx.config, popup, prompt).await {
            Ok(url) if popup => {
                if browser::open_popup(&url).is_none() {
                    waiting.set(false);
                    error.set(Some(SignInError::PopupBlocked));
                }
            }
            Ok(url) => browser::navigate(&url),
            Err(problem) => {
                waiting.set(false);
                error.set(Some(problem));
            }
        }
    });
}

/// Listens for the popup's answer: only from the callback page's origin,
/// only with the widget's message shape.
pub fn listen_for_popup() {
    let ctx = use_ctx();
    let state = expect_context::<SignInState>();
    let expected_origin = browser::origin_of(&auth::popup_redirect_uri(&ctx.config));
    let handle = window_event_listener(ev::message, move |event: web_sys::MessageEvent| {
        if event.origin() != expected_origin {
            return;
        }
        let data = event.data();
        let source = js_sys::Reflect::get(&data, &"source".into())
            .ok()
            .and_then(|v| v.as_string());
        let answer = js_sys::Reflect::get(&data, &"answer".into())
            .ok()
            .and_then(|v| v.as_string());
        let (Some(source), Some(answer)) = (source, answer) else {
            return;
        };
        if source != POPUP_MESSAGE_SOURCE {
            return;
        }
        if let Some(callback) = oauth::parse_callback(&answer) {
            state.complete(ctx.clone(), callback);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Asks the user to sign in; says why the last attempt failed, with a way
/// to try again (never an automatic loop).
#[component]
pub fn SignInPanel() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let SignInState {
        error,
        waiting,
        signed_out,
        ..
    } = expect_context::<SignInState>();
    let popup_first = ctx.config.sign_in == SignInMode::Popup;
    let expired =
        !signed_out.get_untracked() && ctx.draft.with_untracked(|d| d.service_id.is_some());
    let message = move || error.get().map(|problem| problem.message(t));
    // The later steps' code comes while the user signs in (not while an
    // answer that came with the page is completed, nor once it has been,
    // before this panel goes: the lines come next).
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if !waiting.get() && ctx.session.with(Option::is_none) {
                ctx.first_screen_shown(Some("mobproc:sign-in-shown"));
            }
        });
    }
    view! {
        <section class="mobproc-sign-in" aria-labelledby="mobproc-sign-in-title">
            <h2 id="mobproc-sign-in-title" tabindex="-1" data-testid="sign-in-title">
                {if expired { t.sign_in_again } else { t.sign_in_title }}
            </h2>
            <p>{if expired { t.session_expired } else { t.sign_in_intro }}</p>
            {signed_out.get_untracked().then(|| view! { <p role="status" data-testid="signed-out">{t.signed_out}</p> })}
            {move || message().map(|message| view! {
                <div class="mobproc-error mobproc-sign-in-error" role="alert" data-testid="sign-in-error">
                    <p>{message.summary}</p>
                    {message.detail.map(|detail| view! {
                        <p class="mobproc-sign-in-error-detail" data-testid="sign-in-error-detail">{detail}</p>
                    })}
                </div>
            })}
            <Show
                when=move || !waiting.get()
                fallback=move || view! { <Busy label=t.signing_in/> }
            >
                <div class="mobproc-nav">
                    <button
                        type="button"
                        class="mobproc-button"
                        class:mobproc-button-primary=!popup_first
                        data-testid="sign-in"
                        on:click=move |_| start(false, None)
                    >
                        {if error.get_untracked().is_some() { t.retry } else { t.sign_in }}
                    </button>
                    <button
                        type="button"
                        class="mobproc-button"
                        class:mobproc-button-primary=popup_first
                        data-testid="sign-in-popup"
                        on:click=move |_| start(true, None)
                    >
                        {t.sign_in_popup}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// Warns before the session ends, and ends it when the token expires.
#[component]
pub fn SessionBanner() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let now = RwSignal::new(browser::now_ms());
    let handle = set_interval_with_handle(
        move || now.set(browser::now_ms()),
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    let session = ctx.session;
    let state = expect_context::<SignInState>();
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            let expired =
                session.with(|s| s.as_ref().is_some_and(|s| s.seconds_left(now.get()) == 0));
            if expired {
                state.renew_silently(ctx.clone());
            }
        });
    }
    let minutes_left = move || {
        session.with(|s| {
            s.as_ref()
                .map(|s| s.seconds_left(now.get()))
                .filter(|left| *left > 0 && *left <= WARN_BEFORE_SECONDS)
                .map(|left| left.div_ceil(60))
        })
    };
    view! {
        <Show when=move || minutes_left().is_some()>
            <div class="mobproc-notice mobproc-notice-warning" role="status" aria-live="polite" data-testid="session-warning">
                <p>{move || fill(t.session_ends_soon, &[&minutes_left().unwrap_or(1).to_string()])}</p>
                <button type="button" class="mobproc-button" on:click=move |_| start(true, None)>
                    {t.sign_in_again}
                </button>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_token_is_renewed_silently_once_in_a_while() {
        assert!(may_renew_silently(None, 1_000.0));
        assert!(!may_renew_silently(Some(1_000.0), 20_000.0));
        assert!(may_renew_silently(Some(1_000.0), 31_000.0));
    }
}
