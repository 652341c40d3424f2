//! Step 1: who orders, for which line, and what to do with it. A manager
//! picks the employee; every line shows its number, carrier, device,
//! contract end and whether it may be upgraded now; the chosen line shows
//! the orders it offers (`flows::line_flows`).

use leptos::prelude::*;
use mobproc_types::{Employee, EntityStatus, Me, ServiceAsset, TransactionType};

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::components::{Busy, StepHeading, StepNav};
use crate::draft::{ExistingDeviceDraft, Step};
use crate::flows::employee_flows;
use crate::format;
use crate::i18n::Texts;

mod list;

use list::LineList;

/// What the existing-device block starts from: the line's device asset.
pub fn existing_device_of(line: &ServiceAsset) -> ExistingDeviceDraft {
    let device = line.device.as_ref();
    let serial = device.and_then(|d| d.serial_number.as_ref());
    ExistingDeviceDraft {
        manufacturer_id: device
            .and_then(|d| d.manufacturer.as_ref())
            .map(|m| m.id.clone())
            .unwrap_or_default(),
        model_id: device.and_then(|d| d.model.clone()).unwrap_or_default(),
        serial_type: serial
            .map(|s| s.kind.to_string())
            .unwrap_or_else(|| "IMEI".into()),
        serial_value: serial.map(|s| s.value.clone()).unwrap_or_default(),
        sim_id: device.and_then(|d| d.sim_id.clone()).unwrap_or_default(),
    }
}

/// The badge of a line that offers no order (never "eligible for
/// upgrade"): why, when the line is inactive or the user may order nothing
/// for it; `None` for a line that offers an order.
pub fn closed_line_badge(
    t: &Texts,
    status: &EntityStatus,
    offers_any: bool,
) -> Option<&'static str> {
    match (offers_any, status) {
        (true, _) => None,
        (false, EntityStatus::Inactive) => Some(t.line_inactive),
        (false, _) => Some(t.line_nothing_to_order),
    }
}

/// What a line says of its contract's end: the date, or that it has none.
pub fn contract_end_text(t: &Texts, end: Option<&str>, locale: &str) -> String {
    match end.map(str::trim).filter(|end| !end.is_empty()) {
        Some(end) => format!("{}: {}", t.line_contract_end, format::date(end, locale)),
        None => t.no_contract_end.to_owned(),
    }
}

/// Step 1.
#[component]
pub fn LineStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let chosen = Memo::new(move |_| ctx.draft.with(|d| d.service_id.clone()));
    // What the actor may order; the lines' actions follow from it.
    let source = ctx.source;
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| ctx.go_on_from(Step::Line))
    };
    // The line being moved to another employee (`crate::move_line`).
    let moving = RwSignal::new(None::<ServiceAsset>);
    let close_move = Callback::new(move |_| moving.set(None));
    let open_move = Callback::new(move |line| moving.set(Some(line)));
    // With no line, only the new orders below can be started: no line to
    // choose, so no hint to choose one and no Continue.
    let no_lines = Memo::new(move |_| {
        data.lines
            .with(|lines| matches!(lines, Some(Ok(lines)) if lines.is_empty()))
    });
    view! {
        <section class="mobproc-line" aria-labelledby="mobproc-step-title">
            <StepHeading text=t.lines_heading/>
            // Approvers first see what awaits them (the panel's code is a chunk).
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let me = data.me.await.ok().filter(|me| me.is_approver)?;
                    Some(match crate::app::chunks::approvals(me.user.id).await {
                        Ok(view) => view,
                        Err(_) => view! { <p class="mobproc-error" role="alert">{t.chunk_failed}</p> }.into_any(),
                    })
                })}
            </Transition>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    let me = data.me.await;
                    let team = data.team.await;
                    match (me, team) {
                        (Ok(me), Ok(team)) => view! { <EmployeePicker me=me team=team/> }.into_any(),
                        (Err(error), _) => load_error(error, data.me),
                        (_, Err(error)) => load_error(error, data.team),
                    }
                })}
            </Transition>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                // What each line offers follows from what the actor may
                // order (`/me`; its error shows above, once).
                {move || Suspend::new(async move {
                    match (data.lines.await, data.me.await) {
                        (Ok(lines), _) if lines.is_empty() => view! { <p data-testid="no-lines">{t.no_lines}</p> }.into_any(),
                        (Ok(lines), Ok(me)) => view! { <LineList lines=lines allowed=me.transaction_types can_move=me.can_move_service open_move=open_move/> }.into_any(),
                        // One error panel at a time: /me's, above.
                        (_, Err(_)) => ().into_any(),
                        (Err(error), Ok(_)) => load_error(error, data.lines),
                    }
                })}
            </Transition>
            // Moving a line: its panel's code is a chunk.
            <Transition fallback=|| ()>
                {move || {
                    let line = moving.get();
                    Suspend::new(async move {
                        Some(match crate::app::chunks::move_line(line?, close_move).await {
                            Ok(view) => view,
                            Err(_) => view! { <p class="mobproc-error" role="alert">{t.chunk_failed}</p> }.into_any(),
                        })
                    })
                }}
            </Transition>
            <Show when=move || !no_lines.get()>
                <Show when=move || chosen.get().is_none()>
                    <p class="mobproc-hint">{t.choose_line}</p>
                </Show>
                // The backend (from `/ping`) decides the next steps: wait for it.
                <StepNav on_next=on_next next_enabled=Signal::derive(move || chosen.get().is_some() && source.get().is_some())/>
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    data.me.await.ok().map(|me| view! { <NewOrders allowed=me.transaction_types/> })
                })}
            </Transition>
        </section>
    }
}

/// The orders not tied to a line (a new line), each a button that starts it.
#[component]
fn NewOrders(allowed: Vec<TransactionType>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let flows = employee_flows(&allowed);
    if flows.is_empty() {
        return ().into_any();
    }
    let source = ctx.source;
    view! {
        <div class="mobproc-new-orders" data-testid="new-orders">
            <h3>{t.something_new}</h3>
            {flows
                .into_iter()
                .map(|flow| {
                    let ctx = ctx.clone();
                    let name = t.flow_names[flow.index()];
                    view! {
                        <button
                            type="button"
                            class="mobproc-button"
                            data-testid=format!("start-{}", flow.id())
                            disabled=move || source.get().is_none()
                            on:click=move |_| {
                                ctx.draft.update(|d| d.start_new(flow));
                                ctx.go_on_from(Step::Line);
                            }
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

/// The employee to order for, when the user may order for others.
#[component]
fn EmployeePicker(me: Me, team: Vec<Employee>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let others: Vec<_> = team.into_iter().filter(|e| e.id != me.user.id).collect();
    if others.is_empty() {
        return ().into_any();
    }
    let acting_for = ctx.acting_for;
    let draft = ctx.draft;
    view! {
        <div class="mobproc-field">
            <label for="mobproc-ordering-for">{t.ordering_for}</label>
            <select
                id="mobproc-ordering-for"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let employee = (!value.is_empty()).then_some(value);
                    acting_for.set(employee.clone());
                    draft.update(|d| {
                        d.on_behalf_of = employee;
                        d.service_id = None;
                    });
                }
            >
                <option value="" selected=move || acting_for.get().is_none()>
                    {format!("{} ({})", t.myself, me.user.full_name())}
                </option>
                {others
                    .into_iter()
                    .map(|employee| {
                        let id = employee.id.clone();
                        let selected = move || acting_for.get().as_deref() == Some(id.as_str());
                        view! { <option value=employee.id.clone() selected=selected>{employee.full_name()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_line_that_offers_nothing_says_why_instead_of_its_eligibility() {
        let en = Locale::En.texts();
        assert_eq!(closed_line_badge(en, &EntityStatus::Active, true), None);
        assert_eq!(
            closed_line_badge(en, &EntityStatus::Inactive, false),
            Some("Inactive: nothing can be ordered for this line")
        );
        assert_eq!(
            closed_line_badge(en, &EntityStatus::Active, false),
            Some("Nothing you may order for this line")
        );
    }

    #[test]
    fn a_line_without_a_contract_end_says_so() {
        let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
        assert_eq!(
            contract_end_text(en, Some("2027-03-27T00:00:00Z"), "en-US"),
            format!(
                "Contract ends: {}",
                format::date("2027-03-27T00:00:00Z", "en-US")
            )
        );
        assert_eq!(contract_end_text(en, None, "en-US"), "No contract end date");
        assert_eq!(
            contract_end_text(en, Some(" "), "en-US"),
            "No contract end date"
        );
        assert_eq!(
            contract_end_text(fr, None, "fr-CA"),
            "Aucune date de fin de contrat"
        );
    }
}
