//! Giving a line to another employee (`POST /assets/services/{id}/move`):
//! not an order (no confirmation, order number or approval), offered only
//! to users whose `/me.canMoveService` is true. The new owner is one of the
//! employees the user may see (`/employees`), found by a search; the
//! charges that go with the line are said in plain words; the move is said
//! back before it is made. Its code comes with the side panels' chunk, as
//! the approvals panel's.

use leptos::html;
use leptos::prelude::*;
use mobproc_types::json::FromJson;
use mobproc_types::{
    Employee, EntityStatus, MoveCharges, MoveServiceRequest, NamedRef, ServiceAsset,
};

use crate::api::ApiError;
use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::auth::oauth::encode;
use crate::components::{Busy, ErrorPanel, FieldError, RequiredMark};
use crate::contact;
use crate::i18n::{fill, Texts};

/// The most employees listed at once (a search narrows the rest down).
pub const MAX_LISTED: usize = 50;

/// What the charges choice means, in plain words.
pub fn charges_words(t: &Texts, charges: &MoveCharges) -> &'static str {
    match charges {
        MoveCharges::NoCharges => t.move_no_charges,
        MoveCharges::LastMonthOnly => t.move_last_month,
        _ => t.move_all_charges,
    }
}

/// What the move still lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveProblem {
    /// No new owner chosen.
    Owner,
    /// No charges choice made.
    Charges,
}

/// What is missing before the move can be said back.
pub fn move_problems(owner_id: &str, charges: Option<&MoveCharges>) -> Vec<MoveProblem> {
    let mut problems = Vec::new();
    if owner_id.trim().is_empty() {
        problems.push(MoveProblem::Owner);
    }
    if charges.is_none() {
        problems.push(MoveProblem::Charges);
    }
    problems
}

/// The move's body: the new owner by employee id, and the charges.
pub fn move_request(owner_id: &str, charges: Option<&MoveCharges>) -> Option<MoveServiceRequest> {
    if !move_problems(owner_id, charges).is_empty() {
        return None;
    }
    Some(MoveServiceRequest {
        new_owner_employee_id: Some(owner_id.trim().to_owned()),
        new_owner_company_employee_id: None,
        move_charges: charges?.clone(),
    })
}

/// The employees the line may go to: active, not its owner now, matching
/// every word of `query` (name, e-mail or company id); the one already
/// chosen is always kept. At most [`MAX_LISTED`].
pub fn candidates<'a>(
    team: &'a [Employee],
    query: &str,
    owner_now: Option<&str>,
    chosen: &str,
) -> Vec<&'a Employee> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let matches = |employee: &Employee| {
        let text = format!(
            "{} {} {}",
            employee.full_name(),
            employee.email.as_deref().unwrap_or(""),
            employee.company_employee_id.as_deref().unwrap_or("")
        )
        .to_lowercase();
        words.iter().all(|word| text.contains(word.as_str()))
    };
    team.iter()
        .filter(|e| e.status == EntityStatus::Active && Some(e.id.as_str()) != owner_now)
        .filter(|e| e.id == chosen || matches(e))
        .take(MAX_LISTED)
        .collect()
}

/// What the panel reads of the answer (the line's updated detail,
/// `mobproc_types::MovedService`): its number and its owner now. Reading
/// only these keeps the panel's chunk small.
#[derive(Debug, Clone, PartialEq, FromJson)]
#[serde(rename_all = "camelCase")]
pub struct MovedLine {
    pub service_number: String,
    #[serde(default)]
    pub employee: Option<NamedRef>,
}

/// Where the move stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// Choosing the owner and the charges (again after a failure).
    Choosing,
    /// The move said back, waiting for the user's yes.
    Confirming,
    Sending,
    Done(Box<MovedLine>),
}

crate::stylesheet! {
    /// The styles of the move panel (applied when it is first built).
    pub static STYLE = include_str!("move_line.css");
}

/// The move panel for `line`; `close` dismisses it.
#[component]
pub fn MoveLine(line: ServiceAsset, close: Callback<()>) -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let number = contact::phone_number(&line.service_number);
    let owner_now = line.employee.as_ref().map(|e| e.id.clone());
    let (query, owner) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let charges = RwSignal::new(None::<MoveCharges>);
    let stage = RwSignal::new(Stage::Choosing);
    let failed = RwSignal::new(None::<ApiError>);
    let shown = RwSignal::new(false);
    let problems = Memo::new(move |_| charges.with(|c| move_problems(&owner.get(), c.as_ref())));
    let owner_name = move || {
        let id = owner.get();
        data.team
            .get()
            .and_then(Result::ok)
            .and_then(|team| team.into_iter().find(|e| e.id == id))
            .map(|e| e.full_name())
            .unwrap_or(id)
    };
    let heading = NodeRef::<html::H3>::new();
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            request_animation_frame(move || {
                let _ = element.focus();
            });
        }
    });
    let draft = ctx.draft;
    let send = {
        let (api, service_id) = (ctx.api.as_signed_in_user(), line.id.clone());
        move |_| {
            let Some(request) =
                charges.with_untracked(|c| move_request(&owner.get_untracked(), c.as_ref()))
            else {
                return;
            };
            stage.set(Stage::Sending);
            failed.set(None);
            let (api, service_id) = (api.clone(), service_id.clone());
            leptos::task::spawn_local(async move {
                let path = format!("/assets/services/{}/move", encode(&service_id));
                match api.post::<_, MovedLine>(&path, &request).await {
                    Ok(moved) => {
                        stage.set(Stage::Done(Box::new(moved)));
                        if draft.with_untracked(|d| {
                            d.service_id.as_deref() == Some(service_id.as_str())
                        }) {
                            draft.update(|d| d.service_id = None);
                        }
                        data.lines.refetch();
                    }
                    Err(error) => {
                        failed.set(Some(error));
                        stage.set(Stage::Choosing);
                    }
                }
            });
        }
    };
    let review = move |_| {
        shown.set(true);
        if problems.get_untracked().is_empty() {
            stage.set(Stage::Confirming);
        }
    };
    let number_said = number.clone();
    view! {
        <section class="mobproc-move" aria-labelledby="mobproc-move-title" data-testid="move-panel">
            <h3 id="mobproc-move-title" tabindex="-1" node_ref=heading>{fill(t.move_title, &[&number])}</h3>
            <p>{t.move_intro}</p>
            {move || match stage.get() {
                Stage::Choosing => view! {
                    <MoveForm query=query owner=owner charges=charges owner_now=owner_now.clone() shown=shown problems=problems/>
                    {move || failed.get().map(|error| view! { <ErrorPanel error=error/> })}
                    <div class="mobproc-nav">
                        <button type="button" class="mobproc-button mobproc-button-quiet" on:click=move |_| close.run(())>{t.move_cancel}</button>
                        <button type="button" class="mobproc-button mobproc-button-primary" data-testid="move-review" on:click=review>{t.next}</button>
                    </div>
                }.into_any(),
                Stage::Confirming => {
                    let send = send.clone();
                    let words = charges.get().map(|c| charges_words(t, &c)).unwrap_or_default();
                    view! {
                        <div class="mobproc-notice" role="note" data-testid="move-summary">
                            <p>{fill(t.move_review, &[&number_said, &owner_name()])}</p>
                            <p>{words}</p>
                        </div>
                        <div class="mobproc-nav">
                            <button type="button" class="mobproc-button mobproc-button-quiet" on:click=move |_| stage.set(Stage::Choosing)>{t.move_change}</button>
                            <button type="button" class="mobproc-button mobproc-button-primary" data-testid="move-confirm" on:click=send>{t.move_confirm}</button>
                        </div>
                    }.into_any()
                }
                Stage::Sending => view! { <Busy label=t.moving/> }.into_any(),
                Stage::Done(moved) => {
                    let name = moved.employee.as_ref().and_then(|e| e.name.clone()).unwrap_or_else(owner_name);
                    view! {
                        <p class="mobproc-notice" role="status" data-testid="move-result">
                            {fill(t.move_done, &[&contact::phone_number(&moved.service_number), &name])}
                        </p>
                        <div class="mobproc-nav">
                            <button type="button" class="mobproc-button" data-testid="move-close" on:click=move |_| close.run(())>{t.move_close}</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The search, the new owner and the charges.
#[component]
fn MoveForm(
    query: RwSignal<String>,
    owner: RwSignal<String>,
    charges: RwSignal<Option<MoveCharges>>,
    owner_now: Option<String>,
    shown: RwSignal<bool>,
    problems: Memo<Vec<MoveProblem>>,
) -> impl IntoView {
    let t = use_ctx().t();
    let team = use_data().team;
    let error = move |problem, message: &'static str| {
        Signal::derive(move || {
            (shown.get() && problems.get().contains(&problem)).then(|| message.to_owned())
        })
    };
    let owner_error = error(MoveProblem::Owner, t.move_owner_required);
    let charges_error = error(MoveProblem::Charges, t.move_charges_required);
    view! {
        <div class="mobproc-field">
            <label for="mobproc-move-search">{t.move_search}</label>
            <input
                type="search"
                id="mobproc-move-search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        // The team was read for the first step; shown as it stands.
        {move || match team.get() {
            Some(Ok(team)) => view! { <OwnerSelect team=team query=query owner=owner owner_now=owner_now.clone() error=owner_error/> }.into_any(),
            Some(Err(error)) => load_error(error, team),
            None => view! { <Busy label=t.loading/> }.into_any(),
        }}
        <fieldset class="mobproc-choices mobproc-move-charges" aria-describedby="mobproc-move-charges-error">
            <legend>{t.move_charges} <RequiredMark/></legend>
            {MoveCharges::KNOWN
                .iter()
                .map(|choice| {
                    let input_id = format!("mobproc-move-charges-{}", choice.as_str());
                    let (checked, pick) = (choice.clone(), choice.clone());
                    view! {
                        <div class="mobproc-choice">
                            <input
                                type="radio"
                                name="mobproc-move-charges"
                                id=input_id.clone()
                                value=choice.as_str()
                                prop:checked=move || charges.with(|c| c.as_ref() == Some(&checked))
                                on:change=move |_| charges.set(Some(pick.clone()))
                            />
                            <label for=input_id>{charges_words(t, choice)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
        <FieldError field_id="mobproc-move-charges" error=charges_error/>
    }
}

/// The employees the search finds, in a list to pick the new owner from.
#[component]
fn OwnerSelect(
    team: Vec<Employee>,
    query: RwSignal<String>,
    owner: RwSignal<String>,
    owner_now: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let t = use_ctx().t();
    let listed = Memo::new(move |_| {
        let (query, chosen) = (query.get(), owner.get());
        candidates(&team, &query, owner_now.as_deref(), &chosen)
            .into_iter()
            .map(|e| (e.id.clone(), e.full_name()))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="mobproc-field" class:mobproc-field-invalid=move || error.get().is_some()>
            <label for="mobproc-move-owner">{t.move_owner} <RequiredMark/></label>
            <select
                id="mobproc-move-owner"
                aria-required="true"
                aria-describedby="mobproc-move-owner-error"
                on:change=move |ev| owner.set(event_target_value(&ev))
            >
                <option value="" selected=move || owner.with(String::is_empty)>{t.choose}</option>
                {move || {
                    listed
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let value = id.clone();
                            view! { <option value=value selected=move || owner.with(|o| *o == id)>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <Show when=move || listed.with(Vec::is_empty)>
                <p class="mobproc-hint" data-testid="move-no-match">{t.move_no_match}</p>
            </Show>
            <FieldError field_id="mobproc-move-owner" error=error/>
        </div>
    }
}

#[cfg(test)]
mod tests;
