//! The line step's list: the lines as radio cards, with what each offers,
//! and the orders the chosen line offers.

use leptos::prelude::*;
use mobproc_types::{EntityStatus, ServiceAsset, TransactionType};

use super::{closed_line_badge, contract_end_text, existing_device_of};
use crate::app::context::use_ctx;
use crate::browser;
use crate::contact;
use crate::flows::{line_flows, FlowId};
use crate::format;
use crate::i18n::fill;

/// The lines, as radio cards; lines that offer nothing can't be chosen.
/// The chosen line's orders follow the list, and, for users who may move
/// lines (`can_move`), a button that opens the move panel (`open_move`).
#[component]
pub fn LineList(
    lines: Vec<ServiceAsset>,
    allowed: Vec<TransactionType>,
    can_move: bool,
    open_move: Callback<ServiceAsset>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let draft = ctx.draft;
    let now = browser::now_ms();
    // "First step interactive": the later steps' code may come now.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| ctx.first_screen_shown(Some("mobproc:lines-shown")));
    }
    let offers = {
        let lines = lines.clone();
        StoredValue::new(
            lines
                .iter()
                .map(|line| {
                    let eligible =
                        format::is_eligible(line.upgrade_eligibility_date.as_deref(), now);
                    (line.id.clone(), line_flows(&allowed, line, eligible))
                })
                .collect::<Vec<_>>(),
        )
    };
    let flows_of = move |id: &str| {
        offers.with_value(|all| {
            all.iter()
                .find(|(line, _)| line == id)
                .map(|(_, f)| f.clone())
                .unwrap_or_default()
        })
    };
    let chosen_line = {
        let lines = lines.clone();
        Memo::new(move |_| {
            let id = draft.with(|d| d.service_id.clone())?;
            lines.iter().find(|l| l.id == id).cloned()
        })
    };
    view! {
        <fieldset class="mobproc-choices">
            <legend class="mobproc-visually-hidden">{t.lines_heading}</legend>
            {lines
                .into_iter()
                .map(|line| {
                    let eligible = format::is_eligible(line.upgrade_eligibility_date.as_deref(), now);
                    let suspended = line.status == EntityStatus::Suspended;
                    let offers_any = !flows_of(&line.id).is_empty();
                    let eligibility = if eligible {
                        t.eligible_now.to_owned()
                    } else {
                        fill(t.eligible_on, &[&format::date(line.upgrade_eligibility_date.as_deref().unwrap_or(""), locale)])
                    };
                    let id = line.id.clone();
                    let input_id = format!("mobproc-line-{}", line.id);
                    let checked = {
                        let id = id.clone();
                        move || draft.with(|d| d.service_id.as_deref() == Some(id.as_str()))
                    };
                    let device = line
                        .device
                        .as_ref()
                        .map(|d| format!("{} {}", d.manufacturer.as_ref().and_then(|m| m.name.clone()).unwrap_or_default(), d.model.clone().unwrap_or_default()))
                        .unwrap_or_else(|| t.none.to_owned());
                    let carrier = line.vendor.as_ref().and_then(|v| v.name.clone()).unwrap_or_default();
                    let logo = format::safe_image_url(line.vendor.as_ref().and_then(|v| v.logo_url.as_deref()));
                    let contract_end = contract_end_text(t, line.contract_dates.as_ref().and_then(|c| c.end.as_deref()), locale);
                    let existing = existing_device_of(&line);
                    let choose = {
                        let id = id.clone();
                        move |_| {
                            let flows = flows_of(&id);
                            // Keep what the user was doing when the line offers it.
                            let current = draft.with_untracked(|d| d.flow);
                            let Some(&first) = flows.first() else { return };
                            let flow = if flows.contains(&current) { current } else { first };
                            draft.update(|d| d.choose(id.clone(), flow, existing.clone()));
                        }
                    };
                    view! {
                        <div class="mobproc-card" class:mobproc-card-disabled=!offers_any data-testid="line">
                            <input
                                type="radio"
                                name="mobproc-line"
                                id=input_id.clone()
                                value=id.clone()
                                disabled=!offers_any
                                prop:checked=checked
                                on:change=choose
                            />
                            <label for=input_id>
                                <span class="mobproc-card-title">{contact::phone_number(&line.service_number)}</span>
                                <span class="mobproc-card-meta">
                                    {logo.map(|src| view! { <img src=src alt="" width="20" height="20"/> })}
                                    {format!("{}: {carrier}", t.line_carrier)}
                                </span>
                                <span class="mobproc-card-meta">{format!("{}: {device}", t.line_device)}</span>
                                <span class="mobproc-card-meta" data-testid="contract-end">{contract_end}</span>
                                {if suspended {
                                    view! { <span class="mobproc-badge" data-testid="line-suspended">{t.line_suspended}</span> }.into_any()
                                } else if let Some(why) = closed_line_badge(t, &line.status, offers_any) {
                                    view! { <span class="mobproc-badge" data-testid="line-closed">{why}</span> }.into_any()
                                } else {
                                    view! { <span class="mobproc-badge" class:mobproc-badge-ok=eligible data-testid="eligibility">{eligibility}</span> }.into_any()
                                }}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
        {move || chosen_line.get().map(|line| {
            let flows = flows_of(&line.id);
            let mover = line.clone();
            view! {
                <FlowChoice line=line flows=flows/>
                {can_move.then(|| view! {
                    <button type="button" class="mobproc-button mobproc-move-open" data-testid="move-line"
                        on:click=move |_| open_move.run(mover.clone())>
                        {t.move_line}
                    </button>
                })}
            }
        })}
    }
}

/// What to do with the chosen line, when it offers more than one order.
#[component]
fn FlowChoice(line: ServiceAsset, flows: Vec<FlowId>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    if flows.len() < 2 {
        return ().into_any();
    }
    let existing = existing_device_of(&line);
    view! {
        <fieldset class="mobproc-choices mobproc-flow-choice" data-testid="flow-choice">
            <legend>{fill(t.what_to_do, &[&contact::phone_number(&line.service_number)])}</legend>
            {flows
                .into_iter()
                .map(|flow| {
                    let name = t.flow_names[flow.index()];
                    let input_id = format!("mobproc-flow-{}", flow.id());
                    let (service, existing) = (line.id.clone(), existing.clone());
                    view! {
                        <div class="mobproc-choice">
                            <input
                                type="radio"
                                name="mobproc-flow"
                                id=input_id.clone()
                                value=flow.id()
                                prop:checked=move || draft.with(|d| d.flow == flow)
                                on:change=move |_| draft.update(|d| d.choose(service.clone(), flow, existing.clone()))
                            />
                            <label for=input_id>{name}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}
