//! Step 3 (optional): a new device from the catalog: search, filter by
//! manufacturer, carrier and price, sort, and a list that draws only the rows in
//! view, so thousands of devices stay fast. Atlas devices show their
//! feature choices (colour, storage) with prices.

pub mod catalog;
pub mod filter;
mod ranking;

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::rules::{Presence, RequestField};
use mobproc_types::{CatalogDevice, DeviceFeatureSelection, Money};

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{Busy, ErrorPanel, RequiredMark, StepHeading, StepNav};
use crate::draft::Step;
use crate::flows::{carrier_after_order, device_carrier};
use crate::format;
use crate::i18n::fill;
use crate::steps::plan::CompatibilityNote;
use crate::steps::previous_step;
use catalog::Catalog;

crate::stylesheet! {
    /// The styles of the device step (applied when it is first built).
    pub static STYLE = include_str!("device.css");
}

/// Step 3.
#[component]
pub fn DeviceStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
    let data = use_data();
    let draft = ctx.draft;
    let source = ctx.source_now();
    let back = draft.with_untracked(|d| previous_step(d, source, Step::Device));
    // A new line has no device to keep: the user may bring their own.
    let keep_label = if draft.with_untracked(|d| d.flow.rules().is_line_based()) {
        t.keep_device
    } else {
        t.use_own_device
    };
    let device_id = Memo::new(move |_| draft.with(|d| d.device_id.clone()));
    let api = ctx.api.clone();
    let detail: Detail = LocalResource::new(move || {
        let api = api.clone();
        let id = device_id.get();
        async move {
            match id {
                Some(id) => api
                    .get::<CatalogDevice>(&format!(
                        "/catalog/devices/{}",
                        crate::auth::oauth::encode(&id)
                    ))
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let device_required = draft
        .with_untracked(|d| d.flow.rules().presence(RequestField::DeviceId) == Presence::Required);
    // Continue waits for a device where one is required, and for every
    // required choice of the chosen device.
    let ready = Signal::derive(move || match device_id.get() {
        None => !device_required,
        Some(_) => match detail.get() {
            Some(Ok(Some(device))) => {
                draft.with(|d| missing_choices(&device, &d.device_choices).is_empty())
            }
            _ => false,
        },
    });
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| ctx.go_on_from(Step::Device))
    };
    view! {
        <section class="mobproc-device">
            <StepHeading text=t.step_names[2]/>
            <p>{t.device_intro}</p>
            {(!device_required).then(|| view! {
                <div class="mobproc-card mobproc-card-inline">
                    <input
                        type="radio"
                        id="mobproc-keep-device"
                        name="mobproc-keep-device"
                        prop:checked=move || draft.with(|d| d.device_id.is_none())
                        on:change=move |_| draft.update(|d| {
                            d.device_id = None;
                            d.device_choices.clear();
                        })
                    />
                    <label for="mobproc-keep-device">{keep_label}</label>
                </div>
            })}
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    let devices = match order.catalog.await {
                        Ok(devices) => devices,
                        Err(error) => return load_error(error, order.catalog),
                    };
                    let (role, carrier, plan) = draft.with_untracked(|d| {
                        (d.flow.flow().carrier, d.carrier_id.clone(), d.plan_id.clone())
                    });
                    let plans = order.plans.await.unwrap_or_default();
                    let plan_vendor = plans
                        .into_iter()
                        .find(|p| Some(&p.id) == plan.as_ref())
                        .and_then(|p| p.vendor)
                        .map(|v| v.id);
                    match device_carrier(role, &carrier, plan_vendor.as_deref()) {
                        None => {
                            let service = draft.with_untracked(|d| d.service_id.clone());
                            let line_vendor = data.lines.await.ok().and_then(|lines| {
                                lines.into_iter().find(|l| Some(&l.id) == service.as_ref())
                            }).and_then(|l| l.vendor).map(|v| v.id);
                            let network = match carrier_after_order(role, &carrier, plan_vendor.as_deref(), line_vendor.as_deref()) {
                                Some(id) => order.vendors.await.ok().and_then(|all| {
                                    all.into_iter().find(|v| v.id == id)
                                }).and_then(|v| v.access_method),
                                None => None,
                            };
                            view! { <Catalog devices=devices network=network/> }.into_any()
                        }
                        Some(vendor) => {
                            let name = order.vendors.await.ok().and_then(|all| all.into_iter().find(|v| v.id == vendor)).map(|v| v.name);
                            let devices: Arc<Vec<CatalogDevice>> = Arc::new(
                                devices.iter().filter(|d| d.vendor.as_ref().is_some_and(|v| v.id == vendor)).cloned().collect(),
                            );
                            view! {
                                {name.map(|name| view! { <h3 data-testid="devices-caption">{fill(t.devices_of_carrier, &[&name])}</h3> })}
                                <Catalog devices=devices/>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
            <ChosenDevice detail=detail/>
            <CompatibilityNote/>
            <Show when=move || device_required && device_id.get().is_none()>
                <p class="mobproc-hint" data-testid="device-required">{t.device_required}</p>
            </Show>
            <StepNav back=back on_next=on_next next_enabled=ready/>
        </section>
    }
}

/// The chosen device's detail (with Atlas feature choices), `None` when
/// keeping the current device.
type Detail = LocalResource<Result<Option<CatalogDevice>, crate::api::ApiError>>;

/// The required features of `device` that have no choice yet.
pub fn missing_choices(device: &CatalogDevice, chosen: &[DeviceFeatureSelection]) -> Vec<String> {
    device
        .device_features
        .iter()
        .flatten()
        .filter(|f| f.validation == mobproc_types::Validation::Required)
        .filter(|f| {
            !chosen
                .iter()
                .any(|c| c.feature_id == f.id && f.choices.iter().any(|o| o.id == c.choice_id))
        })
        .map(|f| f.id.clone())
        .collect()
}

/// The prices of the chosen choices.
pub fn chosen_prices(device: &CatalogDevice, chosen: &[DeviceFeatureSelection]) -> Vec<Money> {
    chosen
        .iter()
        .filter_map(|selection| {
            device
                .device_features
                .iter()
                .flatten()
                .find(|f| f.id == selection.feature_id)?
                .choices
                .iter()
                .find(|c| c.id == selection.choice_id)?
                .price
                .as_ref()
                .map(|p| p.amount)
        })
        .collect()
}

/// The chosen device: its picture and price (with its choices), and on
/// Atlas its feature choices, each required, with their prices.
#[component]
fn ChosenDevice(detail: Detail) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    view! {
        <Transition fallback=move || view! { <Busy label=t.loading/> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(None) => ().into_any(),
                    Ok(Some(device)) => {
                        let features = device.device_features.clone().unwrap_or_default();
                        let priced = device.clone();
                        let total = move || {
                            let base = priced.price.clone()?;
                            let extra = draft.with(|d| chosen_prices(&priced, &d.device_choices));
                            Some(format::money(&format::add(&base, extra), locale))
                        };
                        view! {
                            <div class="mobproc-chosen" data-testid="chosen-device">
                                <h3>{t.chosen_device}</h3>
                                {format::safe_image_url(device.image_url.as_deref()).map(|src| view! { <img src=src alt="" width="90" height="120"/> })}
                                <p class="mobproc-chosen-name">{device.name.clone()}</p>
                                <p class="mobproc-chosen-price" data-testid="chosen-device-price">{total}</p>
                                {(!features.is_empty()).then(|| view! {
                                    <div class="mobproc-device-features">
                                        <h4>{t.device_options}</h4>
                                        {features.into_iter().map(|feature| view! { <FeatureChoice feature=feature/> }).collect_view()}
                                    </div>
                                })}
                            </div>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| detail.refetch())/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One feature (colour, storage): a radio group of its priced choices.
#[component]
fn FeatureChoice(feature: mobproc_types::DeviceFeature) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    let feature_id = feature.id.clone();
    view! {
        <fieldset class="mobproc-choices mobproc-choices-inline" data-testid=format!("feature-{}", feature.id)>
            <legend>
                {feature.label.clone()}
                <RequiredMark/>
            </legend>
            {feature
                .choices
                .iter()
                .map(|choice| {
                    let input_id = format!("mobproc-feature-{}-{}", feature_id, choice.id);
                    let (fid, cid) = (feature_id.clone(), choice.id.clone());
                    let checked = {
                        let (fid, cid) = (fid.clone(), cid.clone());
                        move || draft.with(|d| d.device_choices.iter().any(|c| c.feature_id == fid && c.choice_id == cid))
                    };
                    let price = match &choice.price {
                        Some(p) if p.amount.cents > 0 => format!("+{}", format::money(p, locale)),
                        _ => t.included.to_owned(),
                    };
                    view! {
                        <span class="mobproc-choice">
                            <input
                                type="radio"
                                name=format!("mobproc-feature-{fid}")
                                id=input_id.clone()
                                prop:checked=checked
                                on:change=move |_| draft.update(|d| {
                                    d.device_choices.retain(|c| c.feature_id != fid);
                                    d.device_choices.push(DeviceFeatureSelection { feature_id: fid.clone(), choice_id: cid.clone() });
                                })
                            />
                            <label for=input_id>{format!("{} ({price})", choice.label)}</label>
                        </span>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::{Amount, DeviceFeature, DeviceFeatureChoice, PropertyType, Validation};

    fn atlas_phone() -> CatalogDevice {
        let choice = |id: &str, cents: i64| DeviceFeatureChoice {
            id: id.into(),
            label: id.into(),
            price: Some(Amount::one_time(cents, "GBP")),
        };
        CatalogDevice {
            meta: None,
            id: "300100_7778001".into(),
            name: "Phone".into(),
            image_url: None,
            manufacturer: None,
            vendor: None,
            price: Some(Amount::one_time(69900, "GBP")),
            access_method: None,
            device_features: Some(vec![
                DeviceFeature {
                    id: "COLOUR".into(),
                    label: "Colour".into(),
                    kind: PropertyType::Choice,
                    validation: Validation::Required,
                    choices: vec![choice("COL_BLACK", 0)],
                },
                DeviceFeature {
                    id: "STORAGE".into(),
                    label: "Storage".into(),
                    kind: PropertyType::Choice,
                    validation: Validation::Required,
                    choices: vec![choice("STO_128", 0), choice("STO_256", 10000)],
                },
            ]),
        }
    }

    fn pick(feature: &str, choice: &str) -> DeviceFeatureSelection {
        DeviceFeatureSelection {
            feature_id: feature.into(),
            choice_id: choice.into(),
        }
    }

    #[test]
    fn every_required_feature_needs_a_valid_choice() {
        let phone = atlas_phone();
        assert_eq!(missing_choices(&phone, &[]), ["COLOUR", "STORAGE"]);
        assert_eq!(
            missing_choices(
                &phone,
                &[pick("COLOUR", "COL_BLACK"), pick("STORAGE", "STO_999")]
            ),
            ["STORAGE"]
        );
        assert!(missing_choices(
            &phone,
            &[pick("COLOUR", "COL_BLACK"), pick("STORAGE", "STO_256")]
        )
        .is_empty());
    }

    #[test]
    fn choices_add_their_prices() {
        let prices = chosen_prices(
            &atlas_phone(),
            &[pick("COLOUR", "COL_BLACK"), pick("STORAGE", "STO_256")],
        );
        assert_eq!(prices, [Money::from_cents(0), Money::from_cents(10000)]);
    }
}
