//! The catalog as a searchable, windowed list: search, filters by
//! manufacturer, carrier and price, a sort, and only the rows in view drawn.

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::{AccessMethod, CatalogDevice};
use wasm_bindgen::JsCast;

use super::filter::{carriers, manufacturers, visible_rows, Filter, Index, Sort};
use crate::app::context::use_ctx;
use crate::browser;
use crate::format;
use crate::i18n::fill;

/// Height of one row of the list, in pixels (the CSS uses the same).
const ROW_HEIGHT: f64 = 88.0;
/// Height of one row in a narrow list, where names and carriers wrap and
/// the price goes under them (the CSS uses the same).
const NARROW_ROW_HEIGHT: f64 = 132.0;
/// Below this width, in pixels, the list is narrow.
const NARROW_LIST: i32 = 480;
/// Height of the list's viewport, in pixels (the CSS uses the same).
const VIEWPORT_HEIGHT: f64 = 440.0;
/// Rows drawn beyond the viewport on each side.
const OVERSCAN: usize = 4;

/// Price ceilings offered, in whole currency units.
const PRICE_CEILINGS: [i64; 5] = [100, 250, 500, 750, 1000];

/// The searchable, windowed list. With a `network`, it starts with only
/// the devices that work on it, and marks the others once shown.
#[component]
pub fn Catalog(
    devices: Arc<Vec<CatalogDevice>>,
    /// The network the line will be on after the order, when known.
    #[prop(optional_no_strip)]
    network: Option<AccessMethod>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    let index = Arc::new(Index::new(&devices, browser::fold_for_search));
    let makers = manufacturers(&devices);
    let vendors = carriers(&devices);
    let network_id = network.as_ref().map(|m| m.as_str().to_owned());
    let filter = RwSignal::new(Filter {
        network: network_id.clone().unwrap_or_default(),
        ..Filter::default()
    });
    let rows = {
        let index = index.clone();
        Memo::new(move |_| filter.with(|f| index.filter(f)))
    };
    // When the network filter leaves nothing, how many other networks'
    // devices match (offered rather than a dead end).
    let elsewhere = {
        let index = index.clone();
        Memo::new(move |_| {
            if !rows.with(Vec::is_empty) {
                return 0;
            }
            filter.with(|f| {
                if f.network.is_empty() {
                    return 0;
                }
                let everywhere = Filter {
                    network: String::new(),
                    ..f.clone()
                };
                index.filter(&everywhere).len()
            })
        })
    };
    let scroll_top = RwSignal::new(0.0);
    let list = NodeRef::<leptos::html::Div>::new();
    // Narrow (a phone, or a narrow column of a portal): measured on the
    // list itself once drawn, and again when the window is resized.
    let narrow = RwSignal::new(false);
    // (From a frame that may come after the step is gone: then nothing.)
    let measure = move || {
        if let Some(Some(element)) = list.try_get_untracked() {
            let width = element.client_width();
            narrow.set(width > 0 && width < NARROW_LIST);
        }
    };
    Effect::new(move |_| {
        if list.get().is_some() {
            // Once laid out: the next frame.
            request_animation_frame(measure);
        }
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());
    let row_height = move || {
        if narrow.get() {
            NARROW_ROW_HEIGHT
        } else {
            ROW_HEIGHT
        }
    };
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
            row_height(),
            OVERSCAN,
        )
    });
    let visible = move || {
        let range = window.get();
        let height = row_height();
        rows.with(|rows| {
            rows[range.clone()]
                .iter()
                .enumerate()
                .map(|(offset, i)| (range.start + offset, *i, height as u32))
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
                        on:keydown=move |ev| {
                            // Down from the search goes to the results.
                            if ev.key() == "ArrowDown" {
                                if let Some(first) = list
                                    .get_untracked()
                                    .and_then(|l| l.query_selector("input[type=radio]").ok().flatten())
                                {
                                    ev.prevent_default();
                                    let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
                                }
                            }
                        }
                    />
                </div>
                <div class="mobproc-field">
                    <label for="mobproc-device-maker">{t.manufacturer}</label>
                    <select id="mobproc-device-maker" on:change=move |ev| filter.update(|f| f.manufacturer = event_target_value(&ev))>
                        <option value="">{t.all_manufacturers}</option>
                        {makers.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                // One carrier (the order decides it): nothing to filter.
                {(vendors.len() > 1).then(|| view! {
                    <div class="mobproc-field">
                        <label for="mobproc-device-carrier">{t.carrier}</label>
                        <select id="mobproc-device-carrier" data-testid="device-carrier" on:change=move |ev| filter.update(|f| f.carrier = event_target_value(&ev))>
                            <option value="">{t.all_carriers}</option>
                            {vendors.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                })}
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
            {network.clone().map(|method| {
                let only = network_id.clone().unwrap_or_default();
                view! {
                    <div class="mobproc-choice mobproc-network-only">
                        <input
                            type="checkbox"
                            id="mobproc-device-network-only"
                            prop:checked=move || filter.with(|f| !f.network.is_empty())
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let only = only.clone();
                                filter.update(|f| f.network = if on { only } else { String::new() });
                            }
                        />
                        <label for="mobproc-device-network-only">{fill(t.only_network_devices, &[&t.network_name(&method)])}</label>
                    </div>
                }
            })}
            <p class="mobproc-count" role="status" aria-live="polite" data-testid="device-count">
                {move || {
                    let count = rows.with(Vec::len);
                    match count {
                        0 => t.no_devices.to_owned(),
                        1 => t.one_device_found.to_owned(),
                        _ => fill(t.devices_found, &[&count.to_string()]),
                    }
                }}
            </p>
            <Show when=move || { elsewhere.get() > 0 }>
                <p class="mobproc-elsewhere" data-testid="devices-elsewhere">
                    {move || fill(t.devices_elsewhere, &[&elsewhere.get().to_string()])} " "
                    <button type="button" class="mobproc-link" data-testid="show-other-networks"
                        on:click=move |_| filter.update(|f| f.network.clear())
                    >
                        {t.show_other_networks}
                    </button>
                </p>
            </Show>
            <div
                class="mobproc-device-list"
                class:mobproc-device-list-narrow=move || narrow.get()
                node_ref=list
                role="radiogroup"
                aria-label=t.step_names[2]
                data-testid="device-list"
                on:scroll=move |ev| {
                    let target: web_sys::Element = event_target(&ev);
                    scroll_top.set(target.scroll_top() as f64);
                }
            >
                <div class="mobproc-device-list-inner" style:height=move || format!("{}px", rows.with(Vec::len) as f64 * row_height())>
                    // Keyed by place, device and row height: a row's `top` is
                    // fixed when it is drawn, so a device that moves (a new
                    // search ranks it elsewhere) or a list that turns narrow
                    // is drawn anew; scrolling keeps rows.
                    <For each=visible key=|row| *row let((position, i, height))>
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
                            let device_network = device.access_method.as_ref().map(|m| t.network_name(m)).unwrap_or_default();
                            // Shown beyond the line's network: it needs a plan on its own.
                            let needs_plan = match (&network, &device.access_method) {
                                (Some(line), Some(own)) if line != own => Some(fill(t.needs_plan_on, &[&device_network])),
                                _ => None,
                            };
                            view! {
                                <div class="mobproc-device-row" style:top=format!("{}px", position * height as usize) data-testid="device-row">
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
                                        <span class="mobproc-device-name" data-testid="device-name">{device.name.clone()}</span>
                                        <span class="mobproc-device-meta" data-testid="device-meta">
                                            {format!("{maker} · {vendor} · {device_network}")}
                                            {needs_plan.map(|text| view! { " · " <strong class="mobproc-needs-plan" data-testid="device-needs-plan">{text}</strong> })}
                                        </span>
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
