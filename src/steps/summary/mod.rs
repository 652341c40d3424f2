//! The order summary beside the steps: what is chosen so far and what it
//! costs. A column of its own where the widget is wide, a panel at the top
//! that opens and closes where it is narrow (its button says the total).
//!
//! It reads the later steps' data, so it is built with their code (in their
//! chunk: `crate::app::order_data::OrderData::summary`), never in the main
//! module.

mod contents;

use leptos::prelude::*;
use mobproc_types::{Amount, Recurrence};

use crate::app::context::{use_ctx, use_data};
use crate::app::order_data::use_order_data;
use crate::format;
use contents::{contents, rows, Sources};

crate::stylesheet! {
    /// The styles of the order summary (applied when it is first built).
    pub static STYLE = include_str!("summary.css");
}

/// The order summary.
#[component]
pub fn OrderSummary() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let order = use_order_data();
    let lines = use_data().lines;
    let draft = ctx.draft;
    let summary = Memo::new(move |_| {
        let learnt = order.learnt;
        let confirmed = learnt.confirmed.get();
        let cart = confirmed.as_ref().and_then(|c| c.cart.clone());
        let mut plan_details: Vec<_> = learnt.plan.get().into_iter().collect();
        plan_details.extend(cart.as_ref().and_then(|c| c.plan.clone()));
        let mut accessories = learnt.accessories.get();
        accessories.extend(cart.and_then(|c| c.accessories).unwrap_or_default());
        lines.with(|lines| {
            order.catalog.with(|catalog| {
                order.plans.with(|plans| {
                    order.vendors.with(|vendors| {
                        let sources = Sources {
                            lines: loaded(lines),
                            catalog: match catalog {
                                Some(Ok(devices)) => devices.as_slice(),
                                _ => &[],
                            },
                            plans: loaded(plans),
                            vendors: loaded(vendors),
                            plan_details: &plan_details,
                            accessories: &accessories,
                        };
                        draft.with(|d| contents(d, sources, confirmed.as_ref()))
                    })
                })
            })
        })
    });
    let kind = move || t.flow_names[draft.with(|d| d.flow.index())];
    let open = RwSignal::new(false);
    let money = move |amount: &Amount| format::money(amount, locale);
    let rows = Memo::new(move |_| rows(summary.get(), t, money));
    let total_line = move || summary.with(|s| totals_in_words(&s.totals, t, locale));
    let note = move || {
        summary.with(|s| match (s.confirmed, s.totals.is_empty()) {
            (true, true) => t.no_charge,
            (true, false) => t.summary_confirmed,
            (false, _) if s.is_empty() => t.summary_nothing,
            (false, _) => t.summary_estimate,
        })
    };
    view! {
        <aside class="mobproc-order-summary" aria-labelledby="mobproc-order-summary-title" data-testid="order-summary">
            <button
                type="button"
                class="mobproc-order-summary-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="mobproc-order-summary-body"
                data-testid="order-summary-toggle"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="mobproc-order-summary-toggle-label">{t.summary_title}</span>
                <span data-testid="order-summary-toggle-total">{total_line}</span>
            </button>
            <div
                id="mobproc-order-summary-body"
                class="mobproc-order-summary-body"
                class:mobproc-order-summary-open=move || open.get()
                data-testid="order-summary-body"
            >
                <h2 id="mobproc-order-summary-title">{t.summary_title}</h2>
                <p class="mobproc-hint" data-testid="summary-kind">{kind}</p>
                <ul>
                    {move || rows.get().into_iter().map(|row| {
                        let total = row.name.is_empty();
                        view! {
                        <li data-testid=row.id class:mobproc-order-summary-total=total>
                            <span class="mobproc-hint">{row.label}</span>
                            <span class="mobproc-order-summary-name">{row.name}</span>
                            <span class="mobproc-order-summary-price">{row.price}</span>
                        </li>
                    }}).collect_view()}
                </ul>
                <p
                    class="mobproc-hint"
                    data-testid="summary-note"
                    data-confirmed=move || summary.with(|s| s.confirmed.then_some("true"))
                >
                    {note}
                </p>
            </div>
        </aside>
    }
}

/// What a list answer holds so far (nothing while loading or failed).
fn loaded<T, E>(answer: &Option<Result<Vec<T>, E>>) -> &[T] {
    match answer {
        Some(Ok(items)) => items,
        _ => &[],
    }
}

/// The totals on one line, for the narrow panel's button: "$239.99 ·
/// $50.00/month".
fn totals_in_words(totals: &[Amount], t: &crate::i18n::Texts, locale: &str) -> String {
    totals
        .iter()
        .map(|total| match total.recurrence {
            Recurrence::Monthly => format!("{}{}", format::money(total, locale), t.per_month),
            _ => format::money(total, locale),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
