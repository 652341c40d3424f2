//! What every part of the widget shares: settings, texts, the API client,
//! the session, the draft, and the data cached for the session.

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::{Employee, EmployeesPage, Me, ServiceAsset, ServicesPage};
use send_wrapper::SendWrapper;

use crate::api::{Api, ApiError};
use crate::app::chunks::StepChunks;
use crate::app::order_data::OrderData;
use crate::auth::Session;
use crate::browser::{self, EventDetail};
use crate::config::Config;
use crate::draft::{Draft, SourceSystem, Step};
use crate::i18n::{Locale, Texts};

/// Where the draft's head is kept in sessionStorage, per tenant.
pub fn draft_key(config: &Config) -> String {
    format!("mobproc.draft.{}", config.tenant)
}

/// Where the whole draft is kept, by the later steps' code.
pub fn order_draft_key(config: &Config) -> String {
    format!("{}.order", draft_key(config))
}

/// Forgets the order in progress stored in this tab.
pub fn forget_stored_draft(config: &Config) {
    browser::session_remove(&draft_key(config));
    browser::session_remove(&order_draft_key(config));
}

/// The widget's shared state.
#[derive(Clone)]
pub struct Ctx {
    pub config: Arc<Config>,
    /// The language of the texts.
    pub locale: Locale,
    /// The locale dates and money are formatted for (`en-GB`, `fr-CA`).
    pub format_locale: &'static str,
    pub api: Api,
    pub session: RwSignal<Option<Session>>,
    /// The employee the order is for, when not the signed-in user.
    pub acting_for: RwSignal<Option<String>>,
    pub draft: RwSignal<Draft>,
    /// The step shown. Kept apart from the draft: a step change then never
    /// wakes the fields of the step it removes.
    pub step: RwSignal<Step>,
    /// The tenant's backend, once `/ping` has named it.
    pub source: RwSignal<Option<SourceSystem>>,
    /// Which steps' code is loaded (release builds load later steps lazily).
    pub chunks: StepChunks,
    /// The later steps' data, once their chunk has started loading it.
    pub order_data: RwSignal<Option<OrderData>>,
    /// Whether the first screen (the sign-in panel, the lines, or a
    /// restored step) is shown: the later steps' code and data are fetched
    /// only then, never in competition with it ([`Ctx::first_screen_shown`]).
    pub first_screen: RwSignal<bool>,
    /// The element host-page events are sent from.
    host: Arc<SendWrapper<web_sys::EventTarget>>,
}

impl Ctx {
    /// Builds the shared state for a mounted widget.
    pub fn new(config: Arc<Config>, locale: Locale, host: web_sys::EventTarget) -> Ctx {
        let session = RwSignal::new(None);
        let acting_for = RwSignal::new(config.on_behalf_of.clone());
        let api = Api::new(config.clone(), session, acting_for);
        let preferred: Vec<String> = config
            .locale
            .iter()
            .cloned()
            .chain(browser::languages())
            .collect();
        Ctx {
            format_locale: crate::i18n::format_locale(locale, &preferred),
            config,
            locale,
            api,
            session,
            acting_for,
            draft: RwSignal::new(Draft::default()),
            step: RwSignal::new(Step::Line),
            source: RwSignal::new(None),
            chunks: StepChunks::default(),
            order_data: RwSignal::new(None),
            first_screen: RwSignal::new(false),
            host: Arc::new(SendWrapper::new(host)),
        }
    }

    /// The catalogue of the widget's language.
    pub fn t(&self) -> &'static Texts {
        self.locale.texts()
    }

    /// The backend, Premium Mobile until `/ping` says otherwise.
    pub fn source_now(&self) -> SourceSystem {
        self.source.get().unwrap_or(SourceSystem::PremiumMobile)
    }

    /// Moves to a step, and tells the host page. The step's code is loaded
    /// first (when it is not, the user is told, with a retry, and stays where
    /// they are). The move then waits for the current task's updates to
    /// settle, so the step being left sees them through before it goes.
    pub fn go(&self, step: Step) {
        let ctx = self.clone();
        leptos::task::spawn_local(async move {
            if ctx.chunks.ensure(step).await.is_err() {
                ctx.chunks.failed.set(Some(step));
                return;
            }
            ctx.chunks.failed.set(None);
            set_timeout(
                move || {
                    ctx.step.set(step);
                    ctx.emit("step", EventDetail::new().with("step", step.id()));
                },
                std::time::Duration::ZERO,
            );
        });
    }

    /// Moves on from `from` to the next step the draft and backend call for.
    pub fn go_on_from(&self, from: Step) {
        let next = self
            .draft
            .with_untracked(|d| crate::steps::next_step(d, self.source_now(), from));
        self.go(next);
    }

    /// Says the first screen is shown: [`Ctx::first_screen`], for the
    /// prefetching that waits for it, and a performance `mark` for the
    /// benchmark (`benches/widget.rs`) when given.
    pub fn first_screen_shown(&self, mark: Option<&str>) {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let (Some(mark), Some(performance)) = (mark, performance) {
            let _ = performance.mark(mark);
        }
        if !self.first_screen.get_untracked() {
            self.first_screen.set(true);
        }
    }

    /// Sends `mobproc:<name>` to the host page.
    pub fn emit(&self, name: &str, detail: EventDetail) {
        browser::dispatch(&self.host, name, detail);
    }
}

/// The shared state, from context.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A list answer of the API.
pub type Loaded<T> = LocalResource<Result<T, ApiError>>;

/// Data the first step shows, fetched once for the session (the lines
/// again when the employee ordered for changes). What the later steps read
/// is [`crate::app::order_data::OrderData`], in their chunk.
#[derive(Clone, Copy)]
pub struct Data {
    pub me: Loaded<Me>,
    pub team: Loaded<Vec<Employee>>,
    pub lines: Loaded<Vec<ServiceAsset>>,
}

impl Data {
    /// Starts every request of the first step at once.
    pub fn load(ctx: &Ctx) -> Data {
        let api = ctx.api.clone();
        let acting_for = ctx.acting_for;
        let me = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                async move { api.get::<Me>("/me").await }
            })
        };
        let team = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                async move { api.get_all::<EmployeesPage>("/employees?limit=200").await }
            })
        };
        let lines = LocalResource::new(move || {
            let api = api.clone();
            let employee = acting_for.get();
            async move {
                let filter = employee
                    .map(|id| format!("&employee={}", crate::auth::oauth::encode(&id)))
                    .unwrap_or_default();
                api.get_all::<ServicesPage>(&format!("/assets/services?limit=100{filter}"))
                    .await
            }
        });
        Data { me, team, lines }
    }
}

/// The data, from context.
pub fn use_data() -> Data {
    expect_context::<Data>()
}
