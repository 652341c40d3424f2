//! Step 4 (optional): a new plan, its included features and its optional
//! features with prices. A plan on another network than the current device
//! says so and asks for a compatible new device; a plan-only upgrade is fine.

use leptos::prelude::*;
use mobproc_types::rules::{Presence, RequestField};
use mobproc_types::sort::sort_by_key;
use mobproc_types::{AccessMethod, Plan};

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{Busy, ErrorPanel, StepHeading, StepNav};
use crate::draft::{compatibility, Compatibility, Step};
use crate::flows::{carrier_after_order, plan_fits, CarrierRole};
use crate::format;
use crate::i18n::fill;
use crate::steps::previous_step;

/// Whether the device after the order fits the network after the order,
/// from what is loaded (fits while anything is still loading).
pub fn use_compatibility() -> Signal<Compatibility> {
    let ctx = use_ctx();
    let data = use_data();
    let order = use_order_data();
    let draft = ctx.draft;
    Signal::derive(move || {
        let (service_id, device_id, plan_id) =
            draft.with(|d| (d.service_id.clone(), d.device_id.clone(), d.plan_id.clone()));
        let vendors = order.vendors.get().and_then(Result::ok).unwrap_or_default();
        let method_of = |vendor_id: &str| -> Option<AccessMethod> {
            vendors
                .iter()
                .find(|v| v.id == vendor_id)
                .and_then(|v| v.access_method.clone())
        };
        let line = data.lines.get().and_then(Result::ok).and_then(|lines| {
            lines
                .into_iter()
                .find(|s| Some(&s.id) == service_id.as_ref())
        });
        let line_network = line
            .as_ref()
            .and_then(|l| l.vendor.as_ref())
            .and_then(|v| method_of(&v.id));
        let current = line
            .as_ref()
            .and_then(|l| l.device.as_ref())
            .and_then(|d| d.access_method.clone())
            .or(line_network.clone());
        let new_device = device_id.and_then(|id| {
            order
                .catalog
                .get()
                .and_then(Result::ok)
                .and_then(|catalog| {
                    catalog
                        .iter()
                        .find(|d| d.id == id)
                        .and_then(|d| d.access_method.clone())
                })
        });
        let plan_vendor = plan_id.as_ref().and_then(|id| {
            order
                .plans
                .get()
                .and_then(Result::ok)
                .and_then(|plans| plans.into_iter().find(|p| &p.id == id))
                .and_then(|p| p.vendor)
                .map(|v| v.id)
        });
        // The network after the order: the carrier the line moves to (a
        // port, a transfer in), else the new plan's, else the line's.
        let (role, carrier) = draft.with(|d| (d.flow.flow().carrier, d.carrier_id.clone()));
        let line_vendor = line
            .as_ref()
            .and_then(|l| l.vendor.as_ref())
            .map(|v| v.id.as_str());
        let network = carrier_after_order(role, &carrier, plan_vendor.as_deref(), line_vendor)
            .and_then(|id| method_of(&id));
        let moves = plan_id.is_some() || role == Some(CarrierRole::NewForLine);
        compatibility(
            current.as_ref(),
            new_device.as_ref(),
            network.as_ref(),
            moves,
        )
    })
}

/// Says when the device and the network don't fit, with a way to fix it.
#[component]
pub fn CompatibilityNote() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let fit = use_compatibility();
    let message = move || match fit.get() {
        Compatibility::Fits => None,
        Compatibility::NeedsNewDevice { network } => {
            Some(fill(t.needs_new_device, &[&t.network_name(&network)]))
        }
        Compatibility::DeviceMismatch { device, network } => Some(fill(
            t.device_mismatch,
            &[&t.network_name(&device), &t.network_name(&network)],
        )),
    };
    let on_device_step = ctx.step.get_untracked() == Step::Device;
    view! {
        <Show when=move || message().is_some()>
            <div class="mobproc-notice mobproc-notice-warning" role="alert" data-testid="compatibility">
                <p>{message}</p>
                {(!on_device_step).then(|| {
                    let ctx = ctx.clone();
                    view! {
                        <button type="button" class="mobproc-button" on:click=move |_| ctx.go(Step::Device)>
                            {t.choose_device}
                        </button>
                    }
                })}
            </div>
        </Show>
    }
}

crate::stylesheet! {
    /// The styles of the plan step (applied when it is first built).
    pub static STYLE = include_str!("plan.css");
}

/// Step 4.
#[component]
pub fn PlanStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let order = use_order_data();
    let draft = ctx.draft;
    let fit = use_compatibility();
    let source = ctx.source_now();
    let back = draft.with_untracked(|d| previous_step(d, source, Step::Plan));
    let plan_required = draft
        .with_untracked(|d| d.flow.rules().presence(RequestField::PlanId) == Presence::Required);
    let something = Signal::derive(move || {
        draft.with(|d| d.plan_id.is_some() || (!plan_required && d.device_id.is_some()))
    });
    let ready = Signal::derive(move || something.get() && fit.get() == Compatibility::Fits);
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| ctx.go_on_from(Step::Plan))
    };
    view! {
        <section class="mobproc-plan">
            <StepHeading text=t.step_names[3]/>
            <p>{t.plan_intro}</p>
            {(!plan_required).then(|| view! {
                <div class="mobproc-card mobproc-card-inline">
                    <input
                        type="radio"
                        id="mobproc-keep-plan"
                        name="mobproc-keep-plan"
                        prop:checked=move || draft.with(|d| d.plan_id.is_none())
                        on:change=move |_| draft.update(|d| {
                            d.plan_id = None;
                            d.feature_ids.clear();
                        })
                    />
                    <label for="mobproc-keep-plan">{t.keep_plan}</label>
                </div>
            })}
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    let line_vendor = data.lines.await.ok().and_then(|lines| {
                        let service = draft.with_untracked(|d| d.service_id.clone());
                        lines.into_iter().find(|s| Some(&s.id) == service.as_ref()).and_then(|s| s.vendor).map(|v| v.id)
                    });
                    let plans = match order.plans.await {
                        Ok(plans) => plans,
                        Err(error) => return load_error(error, order.plans),
                    };
                    let (role, carrier) = draft.with_untracked(|d| (d.flow.flow().carrier, d.carrier_id.clone()));
                    let plans: Vec<Plan> = plans
                        .into_iter()
                        .filter(|p| plan_fits(role, &carrier, p.vendor.as_ref().map(|v| v.id.as_str())))
                        .collect();
                    let carrier_name = order.vendors.await.ok().and_then(|vendors| {
                        vendors.into_iter().find(|v| v.id == carrier).map(|v| v.name)
                    });
                    let caption = carrier_name.map(|name| match role {
                        Some(CarrierRole::Personal { stays: false }) => fill(t.plans_not_of_carrier, &[&name]),
                        _ => fill(t.plans_of_carrier, &[&name]),
                    });
                    view! {
                        {caption.map(|text| view! { <h3 data-testid="plans-caption">{text}</h3> })}
                        <PlanList plans=plans line_vendor=line_vendor/>
                    }
                    .into_any()
                })}
            </Transition>
            <CompatibilityNote/>
            <Show when=move || !something.get()>
                <p class="mobproc-hint" data-testid="nothing-chosen">
                    {if plan_required { t.plan_required } else { t.nothing_chosen }}
                </p>
            </Show>
            <StepNav back=back on_next=on_next next_enabled=ready/>
        </section>
    }
}

/// The plans, the line's carrier first.
#[component]
fn PlanList(plans: Vec<Plan>, line_vendor: Option<String>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    let mut plans = plans;
    sort_by_key(&mut plans, |p| {
        p.vendor
            .as_ref()
            .map(|v| Some(&v.id) != line_vendor.as_ref())
            .unwrap_or(true)
    });
    view! {
        <fieldset class="mobproc-choices mobproc-plans">
            <legend class="mobproc-visually-hidden">{t.step_names[3]}</legend>
            {plans
                .into_iter()
                .map(|plan| {
                    let id = plan.id.clone();
                    let input_id = format!("mobproc-plan-{}", plan.id);
                    let chosen = {
                        let id = id.clone();
                        Memo::new(move |_| draft.with(|d| d.plan_id.as_deref() == Some(id.as_str())))
                    };
                    let price = plan.price.as_ref().map(|p| format!("{}{}", format::money(p, locale), t.per_month)).unwrap_or_default();
                    let vendor = plan.vendor.as_ref().and_then(|v| v.name.clone()).unwrap_or_default();
                    let logo = format::safe_image_url(plan.vendor.as_ref().and_then(|v| v.logo_url.as_deref()));
                    view! {
                        <div class="mobproc-card mobproc-plan" data-testid="plan">
                            <input
                                type="radio"
                                name="mobproc-plan"
                                id=input_id.clone()
                                prop:checked=move || chosen.get()
                                on:change=move |_| draft.update(|d| {
                                    if d.plan_id.as_deref() != Some(id.as_str()) {
                                        d.plan_id = Some(id.clone());
                                        d.feature_ids.clear();
                                    }
                                })
                            />
                            <label for=input_id>
                                <span class="mobproc-card-title">{plan.name.clone()}</span>
                                <span class="mobproc-card-meta">
                                    {logo.map(|src| view! { <img src=src alt="" width="20" height="20"/> })}
                                    {vendor}
                                </span>
                                <span class="mobproc-card-price">{price}</span>
                            </label>
                            // The chosen plan's features, with it.
                            <Show when=move || chosen.get()>
                                <PlanFeatures/>
                            </Show>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The chosen plan's features: included ones listed, optional ones to tick.
#[component]
fn PlanFeatures() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    let plan_id = Memo::new(move |_| draft.with(|d| d.plan_id.clone()));
    let api = ctx.api.clone();
    let detail = LocalResource::new(move || {
        let api = api.clone();
        let id = plan_id.get();
        async move {
            match id {
                Some(id) => api
                    .get::<Plan>(&format!(
                        "/catalog/plans/{}",
                        crate::auth::oauth::encode(&id)
                    ))
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    // The order summary names the chosen features from it.
    let learnt = crate::app::order_data::use_order_data().learnt;
    Effect::new(move |_| {
        if let Some(Ok(Some(plan))) = detail.get() {
            learnt.plan.set(Some(plan));
        }
    });
    view! {
        <Transition fallback=move || view! { <Busy label=t.loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(None) => ().into_any(),
                    Ok(Some(plan)) => view! {
                        <div class="mobproc-plan-features" data-testid="plan-features">
                            <h4>{t.included_features}</h4>
                            <ul class="mobproc-included">
                                {plan.included_features.clone().unwrap_or_default().into_iter().map(|f| view! { <li>{f.description}</li> }).collect_view()}
                            </ul>
                            <fieldset class="mobproc-choices">
                                <legend>{t.optional_features}</legend>
                                {plan
                                    .optional_features
                                    .clone()
                                    .unwrap_or_default()
                                    .into_iter()
                                    .filter_map(|feature| {
                                        let id = feature.id.clone()?;
                                        let input_id = format!("mobproc-feature-{id}");
                                        let price = feature.price.as_ref().map(|p| format!("{}{}", format::money(p, locale), t.per_month)).unwrap_or_default();
                                        let checked = {
                                            let id = id.clone();
                                            move || draft.with(|d| d.feature_ids.contains(&id))
                                        };
                                        Some(view! {
                                            <div class="mobproc-choice">
                                                <input
                                                    type="checkbox"
                                                    id=input_id.clone()
                                                    prop:checked=checked
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        draft.update(|d| {
                                                            d.feature_ids.retain(|f| f != &id);
                                                            if on {
                                                                d.feature_ids.push(id.clone());
                                                            }
                                                        });
                                                    }
                                                />
                                                <label for=input_id>{format!("{} ({price})", feature.description)}</label>
                                            </div>
                                        })
                                    })
                                    .collect_view()}
                            </fieldset>
                        </div>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| detail.refetch())/> }.into_any(),
                }
            })}
        </Transition>
    }
}
