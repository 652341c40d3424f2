//! A carrier: where a ported line goes, or where a personal number is now
//! (`flows::CarrierRole`). One card per carrier the order allows, with its
//! logo and network; the plans and devices of the next steps follow it.

use leptos::prelude::*;
use mobproc_types::Vendor;

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{Busy, StepHeading, StepNav};
use crate::contact;
use crate::draft::Step;
use crate::flows::{carrier_choices, CarrierRole, FlowId};
use crate::format;
use crate::i18n::fill;
use crate::steps::previous_step;

crate::stylesheet! {
    /// The styles of the carrier step (applied when it is first built).
    pub static STYLE = include_str!("carrier.css");
}

/// The carrier step.
#[component]
pub fn CarrierStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let order = use_order_data();
    let draft = ctx.draft;
    let role = draft
        .with_untracked(|d| d.flow.flow().carrier)
        .unwrap_or(CarrierRole::NewForLine);
    let shown = RwSignal::new(false);
    let chosen = Memo::new(move |_| draft.with(|d| !d.carrier_id.is_empty()));
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Carrier));
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            if chosen.get_untracked() {
                ctx.go_on_from(Step::Carrier);
            }
        })
    };
    view! {
        <section class="mobproc-carrier">
            <StepHeading text=t.step_names[Step::Carrier.index()]/>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    let service = draft.with_untracked(|d| d.service_id.clone());
                    let line = match data.lines.await {
                        Ok(lines) => lines.into_iter().find(|l| Some(&l.id) == service.as_ref()),
                        Err(error) => return load_error(error, data.lines),
                    };
                    let plans = match order.plans.await {
                        Ok(plans) => plans,
                        Err(error) => return load_error(error, order.plans),
                    };
                    let vendors = match order.vendors.await {
                        Ok(vendors) => vendors,
                        Err(error) => return load_error(error, order.vendors),
                    };
                    let line_vendor = line.as_ref().and_then(|l| l.vendor.as_ref()).map(|v| v.id.clone());
                    let intro = match role {
                        CarrierRole::NewForLine => fill(
                            t.carrier_intro_port,
                            &[&line.map(|l| contact::phone_number(&l.service_number)).unwrap_or_default()],
                        ),
                        CarrierRole::Personal { stays: true } => t.carrier_intro_stays.to_owned(),
                        CarrierRole::Personal { stays: false } => t.carrier_intro_ported.to_owned(),
                    };
                    let offered = carrier_choices(role, &vendors, &plans, line_vendor.as_deref());
                    view! {
                        <p>{intro}</p>
                        <CarrierList carriers=offered/>
                    }
                    .into_any()
                })}
            </Transition>
            {(role == CarrierRole::Personal { stays: true }).then(|| {
                let ported = t.flow_names[FlowId::XferServiceInAndPort.index()];
                view! { <p class="mobproc-hint" data-testid="carrier-not-listed">{fill(t.carrier_not_listed, &[ported])}</p> }
            })}
            <Show when=move || shown.get() && !chosen.get()>
                <p class="mobproc-field-error" role="alert" data-testid="carrier-error">{t.choose_carrier}</p>
            </Show>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// One radio card per carrier, with its network.
#[component]
fn CarrierList(carriers: Vec<Vendor>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    if carriers.is_empty() {
        return view! { <p class="mobproc-notice" role="status" data-testid="no-carriers">{t.carrier_none}</p> }
            .into_any();
    }
    view! {
        <fieldset class="mobproc-choices mobproc-carriers">
            <legend class="mobproc-visually-hidden">{t.step_names[Step::Carrier.index()]}</legend>
            {carriers
                .into_iter()
                .map(|carrier| {
                    let id = carrier.id.clone();
                    let input_id = format!("mobproc-carrier-{}", carrier.id);
                    let checked = {
                        let id = id.clone();
                        move || draft.with(|d| d.carrier_id == id)
                    };
                    let network = carrier.access_method.as_ref().map(|m| t.network_name(m)).unwrap_or_default();
                    let logo = format::safe_image_url(carrier.logo_url.as_deref());
                    view! {
                        <div class="mobproc-card" data-testid="carrier">
                            <input
                                type="radio"
                                name="mobproc-carrier"
                                id=input_id.clone()
                                prop:checked=checked
                                on:change=move |_| draft.update(|d| d.choose_carrier(id.clone()))
                            />
                            <label for=input_id>
                                <span class="mobproc-card-title">
                                    {logo.map(|src| view! { <img src=src alt="" width="20" height="20"/> })}
                                    {carrier.name.clone()}
                                </span>
                                <span class="mobproc-card-meta">{network}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}
