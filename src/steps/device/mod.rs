//! Step 3 (optional): a new device from the catalog: search, filter by
//! manufacturer and price, sort, and a list that draws only the rows in
//! view, so thousands of devices stay fast. Atlas devices show their
//! feature choices (colour, storage) with prices.

pub mod filter;

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::{CatalogDevice, DeviceFeatureSelection, Money};

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::browser;
use crate::components::{Busy, ErrorPanel, RequiredMark, StepHeading, StepNav};
use crate::draft::Step;
use crate::format;
use crate::i18n::fill;
use crate::steps::plan::CompatibilityNote;
use crate::steps::previous_step;
use filter::{manufacturers, visible_rows, Filter, Index, Sort};

/// Height of one row of the list, in pixels (the CSS uses the same).
const ROW_HEIGHT: f64 = 88.0;
/// Height of the list's viewport, in pixels (the CSS uses the same).
const VIEWPORT_HEIGHT: f64 = 440.0;
/// Rows drawn beyond the viewport on each side.
const OVERSCAN: usize = 4;

/// Price ceilings offered, in whole currency units.
const PRICE_CEILINGS: [i64; 5] = [100, 250, 500, 750, 1000];

/// Step 3.
#[component]
pub fn DeviceStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
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
    // Continue waits for every required choice of the chosen device.
    let ready = Signal::derive(move || match device_id.get() {
        None => true,
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
            <div class="mobproc-card mobproc-card-inline">
                <input
                    type="radio"
                    id="mobproc-keep-device"
                    name="mobproc-device"
                    prop:checked=move || draft.with(|d| d.device_id.is_none())
                    on:change=move |_| draft.update(|d| {
                        d.device_id = None;
                        d.device_choices.clear();
                    })
                />
                <label for="mobproc-keep-device">{keep_label}</label>
            </div>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match order.catalog.await {
                        Ok(devices) => view! { <Catalog devices=devices/> }.into_any(),
                        Err(error) => load_error(error, order.catalog),
                    }
                })}
            </Transition>
            <ChosenDevice detail=detail/>
            <CompatibilityNote/>
            <StepNav back=back on_next=on_next next_enabled=ready/>
        </section>
    }
}

/// The searchable, windowed list.
#[component]
fn Catalog(devices: Arc<Vec<CatalogDevice>>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.locale.tag();
    let draft = ctx.draft;
    let index = Arc::new(Index::new(&devices, browser::fold_for_search));
    let makers = manufacturers(&devices);
    let filter = RwSignal::new(Filter::default());
    let rows = {
        let index = index.clone();
        Memo::new(move |_| filter.with(|f| index.filter(f)))
    };
    let scroll_top = RwSignal::new(0.0);
    let list = NodeRef::<leptos::html::Div>::new();
    // A new filter starts at the top of the list. Setting scrollTop forces
    // a layout: only when the list is not at the top already.
    Effect::new(move |_| {
        rows.track();
        if scroll_top.get_untracked() != 0.0 {
            if let Some(element) = list.get_untracked() {
                element.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });
    let window = Memo::new(move |_| {
        let total = rows.with(Vec::len);
        visible_rows(
            total,
            scroll_top.get(),
            VIEWPORT_HEIGHT,
            ROW_HEIGHT,
            OVERSCAN,
        )
    });
    let visible = move || {
        let range = window.get();
        rows.with(|rows| {
            rows[range.clone()]
                .iter()
                .enumerate()
                .map(|(offset, i)| (range.start + offset, *i))
                .collect::<Vec<_>>()
        })
    };
    let currency = devices
        .iter()
        .find_map(|d| d.price.as_ref().map(|p| p.currency_code.clone()))
        .unwrap_or_else(|| "USD".into());
    view! {
        <div class="mobproc-catalog">
            <div class="mobproc-filters" role="search">
                <div class="mobproc-field">
                    <label for="mobproc-device-search">{t.search}</label>
                    <input
                        type="search"
                        id="mobproc-device-search"
                        data-testid="device-search"
                        autocomplete="off"
                        prop:value=move || filter.with(|f| f.search.clone())
                        on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))
                    />
                </div>
                <div class="mobproc-field">
                    <label for="mobproc-device-maker">{t.manufacturer}</label>
                    <select id="mobproc-device-maker" on:change=move |ev| filter.update(|f| f.manufacturer = event_target_value(&ev))>
                        <option value="">{t.all_manufacturers}</option>
                        {makers.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="mobproc-field">
                    <label for="mobproc-device-price">{t.max_price}</label>
                    <select
                        id="mobproc-device-price"
                        on:change=move |ev| filter.update(|f| f.max_price_cents = event_target_value(&ev).parse::<i64>().ok().map(|units| units * 100))
                    >
                        <option value="">{t.any_price}</option>
                        {PRICE_CEILINGS
                            .iter()
                            .map(|units| {
                                let label = format::money(&mobproc_types::Amount::one_time(units * 100, &currency), locale);
                                view! { <option value=units.to_string()>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="mobproc-field">
                    <label for="mobproc-device-sort">{t.sort_by}</label>
                    <select id="mobproc-device-sort" on:change=move |ev| filter.update(|f| f.sort = Sort::from_id(&event_target_value(&ev)))>
                        <option value=Sort::Name.id()>{t.sort_name}</option>
                        <option value=Sort::PriceLow.id()>{t.sort_price_low}</option>
                        <option value=Sort::PriceHigh.id()>{t.sort_price_high}</option>
                    </select>
                </div>
            </div>
            <p class="mobproc-count" role="status" aria-live="polite" data-testid="device-count">
                {move || {
                    let count = rows.with(Vec::len);
                    if count == 0 { t.no_devices.to_owned() } else { fill(t.devices_found, &[&count.to_string()]) }
                }}
            </p>
            <div
                class="mobproc-device-list"
                node_ref=list
                role="radiogroup"
                aria-label=t.step_names[2]
                data-testid="device-list"
                on:scroll=move |ev| {
                    let target: web_sys::Element = event_target(&ev);
                    scroll_top.set(target.scroll_top() as f64);
                }
            >
                <div class="mobproc-device-list-inner" style:height=move || format!("{}px", rows.with(Vec::len) as f64 * ROW_HEIGHT)>
                    <For each=visible key=|(_, i)| *i let((position, i))>
                        {
                            let device = devices[i as usize].clone();
                            let id = device.id.clone();
                            let input_id = format!("mobproc-device-{}", device.id);
                            let checked = {
                                let id = id.clone();
                                move || draft.with(|d| d.device_id.as_deref() == Some(id.as_str()))
                            };
                            let price = device.price.as_ref().map(|p| format::money(p, locale)).unwrap_or_default();
                            let maker = device.manufacturer.as_ref().and_then(|m| m.name.clone()).unwrap_or_default();
                            let vendor = device.vendor.as_ref().and_then(|v| v.name.clone()).unwrap_or_default();
                            let network = device.access_method.as_ref().map(|m| m.to_string()).unwrap_or_default();
                            view! {
                                <div class="mobproc-device-row" style:top=format!("{}px", position as f64 * ROW_HEIGHT) data-testid="device-row">
                                    <input
                                        type="radio"
                                        name="mobproc-device"
                                        id=input_id.clone()
                                        prop:checked=checked
                                        on:change=move |_| draft.update(|d| {
                                            if d.device_id.as_deref() != Some(id.as_str()) {
                                                d.device_id = Some(id.clone());
                                                d.device_choices.clear();
                                            }
                                        })
                                    />
                                    <label for=input_id>
                                        {format::safe_image_url(device.image_url.as_deref()).map(|src| view! { <img src=src alt="" width="48" height="64" loading="lazy"/> })}
                                        <span class="mobproc-device-name">{device.name.clone()}</span>
                                        <span class="mobproc-device-meta">{format!("{maker} · {vendor} · {network}")}</span>
                                        <span class="mobproc-device-price">{price}</span>
                                    </label>
                                </div>
                            }
                        }
                    </For>
                </div>
            </div>
        </div>
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
    let locale = ctx.locale.tag();
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
    let locale = ctx.locale.tag();
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
