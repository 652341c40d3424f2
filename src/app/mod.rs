//! The widget's frame: configuration, sign-in, the step indicator and the
//! current step.

pub mod context;
mod sign_in;
mod stepper;

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::Ping;

use crate::auth;
use crate::browser;
use crate::components::{Busy, ErrorPanel};
use crate::config::{Config, RawConfig};
use crate::draft::{external_order_number, Draft, SourceSystem, Step};
use crate::i18n::Locale;
use crate::steps;
use context::{draft_key, use_ctx, Ctx, Data};
use sign_in::{listen_for_popup, SessionBanner, SignInPanel, SignInState};
use stepper::Stepper;

/// Loads the configuration file and applies the mount element's overrides.
async fn load_config(url: String, overrides: Vec<(String, String)>) -> Result<Config, String> {
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
    let text = response.text().await.map_err(|e| e.to_string())?;
    let mut raw = RawConfig::from_json(&text).map_err(|e| e.to_string())?;
    for (name, value) in overrides {
        raw.set(&name, value);
    }
    raw.check().map_err(|e| e.to_string())
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
                        Ok(config) => view! { <Widget config=Arc::new(config) host=(*host).clone()/> }.into_any(),
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

/// Restores the draft of this tab, or starts one.
fn restore_draft(config: &Config) -> (Draft, bool) {
    match browser::session_get(&draft_key(config)).and_then(|text| Draft::from_storage(&text)) {
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
fn Widget(config: Arc<Config>, host: web_sys::EventTarget) -> impl IntoView {
    let locale = pick_locale(&config);
    let ctx = Ctx::new(config.clone(), locale, host);
    provide_context(ctx.clone());
    let t = ctx.t();

    // The order in progress comes back after a reload or a sign-in.
    let (draft, restored) = restore_draft(&config);
    if draft.on_behalf_of.is_some() {
        ctx.acting_for.set(draft.on_behalf_of.clone());
    }
    ctx.step.set(draft.step);
    ctx.draft.set(draft);
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
            draft.with(|d| {
                let mut stored = d.clone();
                stored.step = step;
                browser::session_set(&key, &stored.to_storage());
            })
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

    // Signing in: an answer that arrived with the page, or a kept session.
    let sign_in = SignInState::new();
    provide_context(sign_in);
    listen_for_popup();
    match auth::take_arrived() {
        Some(callback) => sign_in.complete(ctx.clone(), callback),
        None => ctx.session.set(auth::stored_session(&config)),
    }

    // A refused token ends the session; the draft stays.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if ctx.api.unauthorized.get() {
                ctx.session.set(None);
                auth::store_session(&ctx.config, None);
            }
        });
    }

    ctx.emit("ready", serde_json::json!({ "tenant": config.tenant }));
    let signed_in = {
        let session = ctx.session;
        Memo::new(move |_| session.with(Option::is_some))
    };
    let theme = config.theme.clone().unwrap_or_else(|| "light".into());
    view! {
        <div class="mobproc" lang=locale.lang() data-theme=theme>
            <header class="mobproc-header">
                <h1 class="mobproc-title">{t.title}</h1>
            </header>
            {restored.then(|| view! { <p class="mobproc-notice" role="status" data-testid="draft-restored">{t.draft_restored}</p> })}
            <SessionBanner/>
            <Show
                when=move || signed_in.get()
                fallback=move || view! { <SignInPanel/> }
            >
                <Wizard/>
            </Show>
        </div>
    }
}

/// The steps, once signed in.
#[component]
fn Wizard() -> impl IntoView {
    let ctx = use_ctx();
    let data = Data::load(&ctx);
    provide_context(data);
    let step = ctx.step;
    view! {
        <Stepper/>
        <div class="mobproc-step" data-step=move || step.get().id()>
            {move || match step.get() {
                Step::Line => view! { <steps::line::LineStep/> }.into_any(),
                Step::CurrentDevice => view! { <steps::current_device::CurrentDeviceStep/> }.into_any(),
                Step::Device => view! { <steps::device::DeviceStep/> }.into_any(),
                Step::Plan => view! { <steps::plan::PlanStep/> }.into_any(),
                Step::Details => view! { <steps::details::DetailsStep/> }.into_any(),
                Step::Shipping => view! { <steps::shipping::ShippingStep/> }.into_any(),
                Step::Review => view! { <steps::review::ReviewStep/> }.into_any(),
                Step::Status => view! { <steps::status::StatusStep/> }.into_any(),
            }}
        </div>
    }
}

/// Shows an error panel for a failed load with a retry that refetches.
pub fn load_error<T: 'static>(error: crate::api::ApiError, resource: LocalResource<T>) -> AnyView {
    view! { <ErrorPanel error=error retry=Callback::new(move |_| resource.refetch())/> }.into_any()
}
