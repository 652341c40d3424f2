//! The widget's frame: configuration, sign-in, the step indicator and the
//! current step.

mod account;
pub mod chunks;
pub mod context;
pub mod order_data;
mod sign_in;
mod stepper;

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::Ping;

use crate::auth;
use crate::browser::{self, EventDetail};
use crate::components::{Busy, ChunkErrorPanel, ErrorPanel};
use crate::config::{Config, RawConfig};
use crate::draft::{external_order_number, Draft, SourceSystem, Step};
use crate::i18n::Locale;
use account::{is_wrong_account, AccountBar, AccountInfo, TenantChooser, WrongAccountPanel};
use context::{draft_key, use_ctx, Ctx, Data};
use sign_in::{listen_for_popup, SessionBanner, SignInPanel, SignInState};
use stepper::Stepper;

/// Loads the configuration file and applies the mount element's overrides,
/// then the texts of the language the widget will speak.
async fn load_config(
    url: String,
    overrides: Vec<(String, String)>,
) -> Result<(Config, Locale), String> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| format!("The configuration file {url} could not be loaded."))?;
    if !response.ok() {
        return Err(format!(
            "The configuration file {url} could not be loaded (HTTP {}).",
            response.status()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| crate::api::request_failure(&e))?;
    let mut raw = RawConfig::from_json(&text).map_err(|e| e.to_string())?;
    for (name, value) in overrides {
        raw.set(&name, value);
    }
    raw.address_tenant = crate::config::tenant_in_query(&browser::location_search());
    let config = raw.check().map_err(|e| e.to_string())?;
    let locale = crate::i18n::prepare(pick_locale(&config)).await;
    Ok((config, locale))
}

/// The widget: loads its configuration, then shows [`Widget`], or names
/// the setting that is wrong.
#[component]
pub fn App(
    /// Where the configuration file is.
    config_url: String,
    /// Settings from the mount element's `data-*` attributes.
    overrides: Vec<(String, String)>,
    /// The element host-page events are sent from.
    host: web_sys::EventTarget,
) -> impl IntoView {
    let host = send_wrapper::SendWrapper::new(host);
    let config = LocalResource::new(move || load_config(config_url.clone(), overrides.clone()));
    view! {
        <Suspense fallback=|| view! { <div class="mobproc"><Busy label="…"/></div> }>
            {move || {
                let host = host.clone();
                Suspend::new(async move {
                    match config.await {
                        Ok((config, locale)) => view! { <Widget config=Arc::new(config) locale host=(*host).clone()/> }.into_any(),
                        Err(message) => view! {
                            <div class="mobproc">
                                <div class="mobproc-error" role="alert" data-testid="config-error">{message}</div>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn pick_locale(config: &Config) -> Locale {
    let tag = config.locale.clone().unwrap_or_else(browser::language);
    Locale::from_tag(&tag)
}

/// Restores the head of this tab's draft (its order's part comes with the
/// later steps' code: [`order_data::OrderData::load`]), or starts one.
fn restore_draft(config: &Config) -> (Draft, bool) {
    match browser::session_get(&draft_key(config)).and_then(|text| Draft::from_head_storage(&text))
    {
        Some(draft) => {
            let worth_saying = draft.service_id.is_some();
            (draft, worth_saying)
        }
        None => (
            Draft::new(external_order_number(&browser::random_bytes(5))),
            false,
        ),
    }
}

/// The configured widget.
#[component]
fn Widget(config: Arc<Config>, locale: Locale, host: web_sys::EventTarget) -> impl IntoView {
    let ctx = Ctx::new(config.clone(), locale, host);
    provide_context(ctx.clone());
    let t = ctx.t();

    // The order in progress comes back after a reload or a sign-in.
    let (draft, restored) = restore_draft(&config);
    if draft.on_behalf_of.is_some() {
        ctx.acting_for.set(draft.on_behalf_of.clone());
    }
    let restored_at = draft.step;
    ctx.step.set(restored_at);
    ctx.draft.set(draft);
    // Said once: gone when the user moves to another step, or closes it.
    let restored = RwSignal::new(restored);
    {
        let step = ctx.step;
        Effect::new(move |_| {
            if step.get() != restored_at {
                restored.set(false);
            }
        });
    }
    // Every call made for one order shares its activity id.
    {
        let (api, draft) = (ctx.api.clone(), ctx.draft);
        Effect::new(move |_| api.set_activity(draft.with(|d| d.external_order_number.clone())));
    }
    {
        let key = draft_key(&config);
        let (draft, step) = (ctx.draft, ctx.step);
        Effect::new(move |_| {
            let step = step.get();
            draft.with(|d| browser::session_set(&key, &d.head_to_storage(step)))
        });
    }

    // The backend decides which steps there are: asked until it answers
    // (the line step waits for it).
    {
        let api = ctx.api.clone();
        let source = ctx.source;
        leptos::task::spawn_local(async move {
            loop {
                if let Ok(ping) = api.get::<Ping>("/ping").await {
                    source.set(Some(SourceSystem::from_backend(&ping.backend)));
                    break;
                }
                browser::sleep(3000).await;
            }
        });
    }

    // Signing in: an answer that arrived with the page, a kept session, or
    // the authorization server's session, asked silently (the sign-in panel
    // shows only when it has none).
    let sign_in = SignInState::new();
    provide_context(sign_in);
    provide_context(AccountInfo::load(&ctx));
    listen_for_popup();
    match auth::take_arrived() {
        Some(callback) => sign_in.complete(ctx.clone(), callback),
        None => match auth::stored_session(&config) {
            Some(session) => ctx.session.set(Some(session)),
            None => sign_in.renew_silently(ctx.clone()),
        },
    }

    // A refused token is renewed silently first; only then does the
    // session end. The draft stays either way.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if ctx.api.unauthorized.get() {
                sign_in.renew_silently(ctx.clone());
            }
        });
    }

    // The later steps' code comes while the user reads (or signs in): once
    // the first screen is shown, never in competition with it.
    if config.prefetch {
        let ctx = ctx.clone();
        let (step, chunks, draft) = (ctx.step, ctx.chunks, ctx.draft);
        Effect::new(move |_| {
            if !ctx.first_screen.get() {
                return;
            }
            let current = step.get();
            let source = ctx.source.get().unwrap_or(SourceSystem::PremiumMobile);
            let steps = draft.with(|d| d.steps(source));
            chunks.prefetch(crate::flows::steps_after(&steps, current));
        });
    }

    ctx.emit(
        "ready",
        EventDetail::new().with("tenant", config.tenant.as_str()),
    );
    let signed_in = {
        let session = ctx.session;
        Memo::new(move |_| session.with(Option::is_some))
    };
    let checking = sign_in.checking;
    let theme = config.theme.clone().unwrap_or_else(|| "light".into());
    view! {
        <div class="mobproc" lang=locale.lang() data-theme=theme data-testid="widget">
            <header class="mobproc-header">
                <h1 class="mobproc-title">{t.title}</h1>
                <TenantChooser/>
                <Show when=move || signed_in.get() && !checking.get()>
                    <AccountBar restored=restored/>
                </Show>
            </header>
            <Show when=move || restored.get()>
                <div class="mobproc-notice mobproc-notice-dismissible" role="status" data-testid="draft-restored">
                    <p>{t.draft_restored}</p>
                    <button type="button" class="mobproc-notice-close" aria-label=t.dismiss_notice on:click=move |_| restored.set(false)>
                        "×"
                    </button>
                </div>
            </Show>
            <SessionBanner/>
            {move || match (checking.get(), signed_in.get()) {
                (true, _) => view! { <Busy label=t.signing_in/> }.into_any(),
                (false, true) => view! { <Wizard/> }.into_any(),
                (false, false) => view! { <SignInPanel/> }.into_any(),
            }}
        </div>
    }
}

/// The steps, once signed in.
#[component]
fn Wizard() -> impl IntoView {
    let ctx = use_ctx();
    let data = Data::load(&ctx);
    provide_context(data);
    let (step, chunks) = (ctx.step, ctx.chunks);
    // A step restored from the draft may still need its code.
    Effect::new(move |_| {
        let step = step.get();
        if !chunks.is_loaded(step) {
            leptos::task::spawn_local(async move {
                if chunks.ensure(step).await.is_err() {
                    chunks.failed.set(Some(step));
                }
            });
        }
    });
    // The later steps' data, built by their chunk's code once the first
    // step is shown and the browser is idle (at once when a later step is
    // restored; again on the next step change if that failed).
    let order_data = ctx.order_data;
    let building = StoredValue::new(false);
    {
        let owner = Owner::current().expect("the wizard has a reactive owner");
        let (ctx, lines) = (ctx.clone(), data.lines);
        let first_screen = ctx.first_screen;
        Effect::new(move |_| {
            let step = step.get();
            let waiting = step == Step::Line && !first_screen.get();
            if waiting || order_data.with_untracked(Option::is_some) || building.get_value() {
                return;
            }
            building.set_value(true);
            let (owner, ctx) = (owner.clone(), ctx.clone());
            let build = move || {
                leptos::task::spawn_local(async move {
                    // Not for a wizard that went before the browser was idle.
                    if building.try_get_value().is_none() {
                        return;
                    }
                    let built = chunks::order_data(owner, ctx.clone(), lines).await;
                    // The wizard may be gone meanwhile (signed out).
                    if building.try_set_value(false).is_some() {
                        return;
                    }
                    match built {
                        Ok(built) => order_data.set(Some(built)),
                        Err(_) if step != Step::Line => ctx.chunks.failed.set(Some(step)),
                        Err(_) => {}
                    }
                })
            };
            if step == Step::Line {
                browser::when_idle(build);
            } else {
                build();
            }
        });
    }
    on_cleanup(move || order_data.set(None));
    // Rebuilt only when the step changes or its code and data arrive (not
    // when another chunk is prefetched).
    let shown = Memo::new(move |_| {
        let step = step.get();
        let ready =
            chunks.is_loaded(step) && (step == Step::Line || order_data.with(Option::is_some));
        (step, ready)
    });
    // A restored later step is the first screen.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if let (step, true) = shown.get() {
                if step != Step::Line {
                    ctx.first_screen_shown(None);
                }
            }
        });
    }
    // The order summary: nothing is chosen on the first step, and the
    // status says what was ordered.
    let summarized = Memo::new(move |_| {
        !matches!(step.get(), Step::Line | Step::Status) && order_data.with(Option::is_some)
    });
    let t = ctx.t();
    // An account of another tenant gets one panel, instead of the steps'
    // error panels and their retries that cannot help. Read inside the
    // transition: a resource read in this component's body would suspend
    // the whole frame (and take the step heading's focus) whenever it loads.
    let account = expect_context::<AccountInfo>();
    view! {
        <Transition fallback=move || view! { <Busy label=t.loading/> }>
            {
                let ctx = ctx.clone();
                move || {
                    let wrong_account = is_wrong_account(&ctx, account);
                    view! {
                        <Show when=move || !wrong_account.get() fallback=|| view! { <WrongAccountPanel/> }>
                            <Stepper/>
                            <ChunkErrorPanel/>
                            <div class="mobproc-layout" class:mobproc-layout-with-summary=move || summarized.get()>
                                {move || summarized.get().then(|| order_data.with_untracked(|d| d.map(|d| (d.summary)())))}
                                <div class="mobproc-step" data-step=move || step.get().id()>
                                    {move || match shown.get() {
                                        (step, true) => chunks::step_view(step),
                                        (_, false) => view! { <Busy label=t.loading/> }.into_any(),
                                    }}
                                </div>
                            </div>
                        </Show>
                    }
                }
            }
        </Transition>
    }
}

/// Shows an error panel for a failed load with a retry that refetches.
pub fn load_error<T: 'static>(error: crate::api::ApiError, resource: LocalResource<T>) -> AnyView {
    view! { <ErrorPanel error=error retry=Callback::new(move |_| resource.refetch())/> }.into_any()
}
