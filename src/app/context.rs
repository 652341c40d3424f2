//! What every part of the widget shares: settings, texts, the API client,
//! the session, the draft, and the data cached for the session.

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::{
    CatalogDevice, CatalogDevicesPage, Employee, EmployeesPage, Me, Plan, PlansPage,
    PropertiesResponse, PropertyGroup, Region, RegionsPage, ServiceAsset, ServicesPage, Vendor,
    VendorsPage,
};
use send_wrapper::SendWrapper;

use crate::api::{Api, ApiError};
use crate::auth::Session;
use crate::browser;
use crate::config::Config;
use crate::draft::{Draft, SourceSystem, Step};
use crate::i18n::{Locale, Texts};

/// Where the draft is kept in sessionStorage, per tenant.
pub fn draft_key(config: &Config) -> String {
    format!("mobproc.draft.{}", config.tenant)
}

/// The widget's shared state.
#[derive(Clone)]
pub struct Ctx {
    pub config: Arc<Config>,
    pub locale: Locale,
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
    /// The element host-page events are sent from.
    host: Arc<SendWrapper<web_sys::EventTarget>>,
}

impl Ctx {
    /// Builds the shared state for a mounted widget.
    pub fn new(config: Arc<Config>, locale: Locale, host: web_sys::EventTarget) -> Ctx {
        let session = RwSignal::new(None);
        let acting_for = RwSignal::new(config.on_behalf_of.clone());
        let api = Api::new(config.clone(), session, acting_for);
        Ctx {
            config,
            locale,
            api,
            session,
            acting_for,
            draft: RwSignal::new(Draft::default()),
            step: RwSignal::new(Step::Line),
            source: RwSignal::new(None),
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

    /// Moves to a step, and tells the host page. The move waits for the
    /// current task's updates to settle, so the step being left sees them
    /// through before it goes.
    pub fn go(&self, step: Step) {
        let ctx = self.clone();
        set_timeout(
            move || {
                ctx.step.set(step);
                ctx.emit("step", serde_json::json!({ "step": step.id() }));
            },
            std::time::Duration::ZERO,
        );
    }

    /// Moves on from `from` to the next step the draft and backend call for.
    pub fn go_on_from(&self, from: Step) {
        let next = self
            .draft
            .with_untracked(|d| crate::steps::next_step(d, self.source_now(), from));
        self.go(next);
    }

    /// Sends `mobproc:<name>` to the host page.
    pub fn emit(&self, name: &str, detail: serde_json::Value) {
        browser::dispatch(&self.host, name, &detail);
    }
}

/// The shared state, from context.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A list answer of the API.
pub type Loaded<T> = LocalResource<Result<T, ApiError>>;

/// Data fetched once for the session and shared by the steps (re-fetched
/// only when the employee ordered for changes).
#[derive(Clone, Copy)]
pub struct Data {
    pub me: Loaded<Me>,
    pub team: Loaded<Vec<Employee>>,
    pub lines: Loaded<Vec<ServiceAsset>>,
    pub catalog: Loaded<Arc<Vec<CatalogDevice>>>,
    pub plans: Loaded<Vec<Plan>>,
    pub vendors: Loaded<Vec<Vendor>>,
    pub countries: Loaded<Vec<Region>>,
    /// The vendor's order properties for the order as it stands.
    pub properties: Loaded<Vec<PropertyGroup>>,
}

impl Data {
    /// Starts every independent request at once.
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
        let lines = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                let employee = acting_for.get();
                async move {
                    let filter = employee
                        .map(|id| format!("&employee={}", crate::auth::oauth::encode(&id)))
                        .unwrap_or_default();
                    api.get_all::<ServicesPage>(&format!("/assets/services?limit=100{filter}"))
                        .await
                }
            })
        };
        let catalog = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                acting_for.track();
                async move {
                    api.get_all::<CatalogDevicesPage>("/catalog/devices?limit=5000&sort=name")
                        .await
                        .map(Arc::new)
                }
            })
        };
        let plans = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                acting_for.track();
                async move { api.get_all::<PlansPage>("/catalog/plans?limit=500").await }
            })
        };
        let vendors = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                async move { load_vendors(&api).await }
            })
        };
        let countries = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                acting_for.track();
                async move { api.get_all::<RegionsPage>("/regions?limit=500").await }
            })
        };
        let draft = ctx.draft;
        // Asked for only once the cart is settled (from the details step on).
        let step = ctx.step;
        let properties_query = Memo::new(move |_| {
            if step.get() < Step::Details {
                return None;
            }
            let (service, plan) = draft.with(|d| (d.service_id.clone(), d.plan_id.clone()));
            let line_vendor = service.and_then(|id| {
                lines
                    .get()?
                    .ok()?
                    .into_iter()
                    .find(|s| s.id == id)?
                    .vendor
                    .map(|v| v.id)
            });
            let plan_vendor = plan.and_then(|id| {
                plans
                    .get()?
                    .ok()?
                    .into_iter()
                    .find(|p| p.id == id)?
                    .vendor
                    .map(|v| v.id)
            });
            draft.with(|d| {
                crate::draft::properties_path(d, line_vendor.as_deref(), plan_vendor.as_deref())
            })
        });
        let properties = LocalResource::new(move || {
            let api = api.clone();
            let query = properties_query.get();
            async move {
                match query {
                    Some(path) => api
                        .get::<PropertiesResponse>(&path)
                        .await
                        .map(|r| r.properties.items),
                    None => Ok(Vec::new()),
                }
            }
        });
        Data {
            me,
            team,
            lines,
            catalog,
            plans,
            vendors,
            countries,
            properties,
        }
    }
}

/// The carriers with their access methods (the list has none: each detail
/// is fetched, all at once).
async fn load_vendors(api: &Api) -> Result<Vec<Vendor>, ApiError> {
    let list = api.get_all::<VendorsPage>("/vendors?limit=100").await?;
    let details = futures_util::future::join_all(list.iter().map(|vendor| {
        let path = format!("/vendors/{}", crate::auth::oauth::encode(&vendor.id));
        async move { api.get::<Vendor>(&path).await }
    }))
    .await;
    details.into_iter().collect()
}

/// The data, from context.
pub fn use_data() -> Data {
    expect_context::<Data>()
}
