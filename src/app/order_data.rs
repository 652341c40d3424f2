//! What the later steps read: the catalog, plans, carriers, countries and
//! the order's properties. Built by code in the later steps' chunk
//! ([`crate::app::chunks::order_data`]), so that reading these answers is
//! not part of the first load; fetched once per sign-in and kept for the
//! session (again when the employee ordered for changes).

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::{
    Accessory, Amount, CatalogDevice, CatalogDevicesPage, Plan, PlansPage, PropertiesResponse,
    PropertyGroup, Region, RegionsPage, ServiceAsset, ShoppingCart, Vendor, VendorsPage,
};

use crate::api::{Api, ApiError};
use crate::app::context::{order_draft_key, use_ctx, Ctx, Loaded};
use crate::browser;
use crate::draft::{Draft, Step};

/// The later steps' data.
#[derive(Clone, Copy)]
pub struct OrderData {
    pub catalog: Loaded<Arc<Vec<CatalogDevice>>>,
    pub plans: Loaded<Vec<Plan>>,
    pub vendors: Loaded<Vec<Vendor>>,
    pub countries: Loaded<Vec<Region>>,
    /// The vendor's order properties for the order as it stands.
    pub properties: Loaded<Vec<PropertyGroup>>,
    /// What the steps learnt on the way that the lists above lack, for the
    /// order summary: the chosen plan's detail (its features), the
    /// accessories offered, the review's confirmation.
    pub learnt: Learnt,
    /// Builds the order summary beside the steps: its code comes with this
    /// data's, in the later steps' chunk (callable once the data is here).
    pub summary: fn() -> leptos::prelude::AnyView,
}

/// What the steps learnt on the way (see [`OrderData::learnt`]).
#[derive(Clone, Copy)]
pub struct Learnt {
    /// The last plan whose detail the plan step loaded.
    pub plan: RwSignal<Option<Plan>>,
    /// The accessories the accessories step offered.
    pub accessories: RwSignal<Vec<Accessory>>,
    /// The review's last confirmation.
    pub confirmed: RwSignal<Option<ConfirmedOrder>>,
}

/// Restores the order's part of the draft stored in this tab (the first
/// screen restored its head), then keeps the whole draft stored as it
/// changes, for as long as this data lives.
fn keep_order_part(ctx: &Ctx) {
    let key = order_draft_key(&ctx.config);
    if let Some(stored) = browser::session_get(&key).and_then(|text| Draft::from_storage(&text)) {
        ctx.draft.update(|draft| {
            draft.take_order_part(stored);
        });
    }
    let draft = ctx.draft;
    Effect::new(move |_| draft.with(|d| browser::session_set(&key, &d.to_storage())));
}

/// A confirmation of the review, with the draft it confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfirmedOrder {
    /// The draft as it was confirmed.
    pub draft: Draft,
    /// The API's one-time and monthly totals.
    pub costs: Vec<Amount>,
    /// The cart as the API expanded it (names and prices).
    pub cart: Option<ShoppingCart>,
}

impl OrderData {
    /// Starts every independent request the order's flow needs at once (the
    /// catalog and carriers only for flows that buy a device or plan, the
    /// plans for those and for flows that ship, the countries only for
    /// flows that ship; the properties once the cart
    /// is settled, from the details step on).
    pub fn load(ctx: &Ctx, lines: Loaded<Vec<ServiceAsset>>) -> OrderData {
        keep_order_part(ctx);
        let api = ctx.api.clone();
        let acting_for = ctx.acting_for;
        let draft = ctx.draft;
        let needs = move |step: Step| draft.with(|d| d.flow.flow().steps.contains(&step));
        let buys = Memo::new(move |_| needs(Step::Device) || needs(Step::Plan));
        let ships = Memo::new(move |_| needs(Step::Shipping));
        let catalog = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                acting_for.track();
                let wanted = buys.get();
                async move {
                    if !wanted {
                        return Ok(Arc::new(Vec::new()));
                    }
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
                // Also for what ships: the plans' currency says the
                // company's own country, where an address starts.
                let wanted = buys.get() || ships.get();
                async move {
                    if !wanted {
                        return Ok(Vec::new());
                    }
                    api.get_all::<PlansPage>("/catalog/plans?limit=500").await
                }
            })
        };
        let vendors = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                let wanted = buys.get();
                async move {
                    if !wanted {
                        return Ok(Vec::new());
                    }
                    load_vendors(&api).await
                }
            })
        };
        let countries = {
            let api = api.clone();
            LocalResource::new(move || {
                let api = api.clone();
                acting_for.track();
                let wanted = ships.get();
                async move {
                    if !wanted {
                        return Ok(Vec::new());
                    }
                    api.get_all::<RegionsPage>("/regions?limit=500").await
                }
            })
        };
        // Asked for only once the cart is settled (from the details step on).
        let step = ctx.step;
        let properties_query = Memo::new(move |_| {
            let steps = draft.with(|d| d.flow.flow().steps);
            if !crate::flows::has_reached(steps, step.get(), Step::Details) {
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
        OrderData {
            catalog,
            plans,
            vendors,
            countries,
            properties,
            learnt: Learnt {
                plan: RwSignal::new(None),
                accessories: RwSignal::new(Vec::new()),
                confirmed: RwSignal::new(None),
            },
            summary: || view! { <crate::steps::summary::OrderSummary/> }.into_any(),
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

/// The later steps' data: present whenever a later step is shown.
pub fn use_order_data() -> OrderData {
    use_ctx()
        .order_data
        .get_untracked()
        .expect("later steps are shown once their data is loading")
}
