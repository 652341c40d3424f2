//! Carrier notices and consents (`/acknowledgements`): the notices to
//! read, then one box per consent; the required ones must be ticked.

use leptos::prelude::*;
use mobproc_types::{Acknowledgement, AcknowledgementValidation, AcknowledgementsResponse};

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::auth::oauth::encode;
use crate::components::{
    focus_first_issue, Busy, ErrorSummary, FieldIssue, RequiredMark, StepHeading, StepNav,
};
use crate::draft::Step;
use crate::flows::acknowledgement_vendor;
use crate::steps::previous_step;

/// The consents required but not given.
pub fn missing_consents(asked: &[Acknowledgement], given: &[String]) -> Vec<String> {
    asked
        .iter()
        .filter(|a| a.validation == AcknowledgementValidation::Required)
        .filter(|a| !given.contains(&a.id))
        .map(|a| a.id.clone())
        .collect()
}

/// The id of a consent's box.
fn consent_input_id(id: &str) -> String {
    format!("mobproc-ack-{id}")
}

crate::stylesheet! {
    /// The styles of the carrier notices step (applied when it is first built).
    pub static STYLE = include_str!("acknowledgements.css");
}

/// The acknowledgements step, for the carrier that takes the number
/// (`flows::acknowledgement_vendor`).
#[component]
pub fn AcknowledgementsStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let draft = ctx.draft;
    let order = use_order_data();
    let asked = {
        let api = ctx.api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            let (flow, service, carrier, plan) = draft.with_untracked(|d| {
                (
                    d.flow,
                    d.service_id.clone(),
                    d.carrier_id.clone(),
                    d.plan_id.clone(),
                )
            });
            async move {
                let lines = data.lines.await?;
                let line_vendor = lines
                    .into_iter()
                    .find(|l| Some(&l.id) == service.as_ref())
                    .and_then(|l| l.vendor)
                    .map(|v| v.id);
                let plan_vendor = match plan {
                    Some(plan) => order
                        .plans
                        .await?
                        .into_iter()
                        .find(|p| p.id == plan)
                        .and_then(|p| p.vendor)
                        .map(|v| v.id),
                    None => None,
                };
                let vendor = acknowledgement_vendor(
                    flow,
                    line_vendor.as_deref(),
                    &carrier,
                    plan_vendor.as_deref(),
                )
                .unwrap_or_default();
                let path = format!(
                    "/acknowledgements?transactionType={}&vendor={}",
                    flow.transaction_type(),
                    encode(&vendor)
                );
                api.get::<AcknowledgementsResponse>(&path).await
            }
        })
    };
    let shown = RwSignal::new(false);
    let missing = Memo::new(move |_| {
        let asked = asked.get().and_then(Result::ok).map(|a| a.acknowledgements);
        draft.with(|d| missing_consents(&asked.unwrap_or_default(), &d.acknowledged))
    });
    let loaded = Memo::new(move |_| matches!(asked.get(), Some(Ok(_))));
    let issues = move || -> Vec<FieldIssue> {
        let asked = asked.get().and_then(Result::ok).map(|a| a.acknowledgements);
        let missing = missing.get();
        asked
            .unwrap_or_default()
            .into_iter()
            .filter(|ack| missing.contains(&ack.id))
            .map(|ack| FieldIssue {
                field_id: consent_input_id(&ack.id),
                label: ack.label,
                problem: t.acknowledgement_required.to_owned(),
            })
            .collect()
    };
    let section = NodeRef::<leptos::html::Section>::new();
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Acknowledgements));
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            if !loaded.get_untracked() {
                return;
            }
            let wrong = untrack(issues);
            if wrong.is_empty() {
                ctx.go_on_from(Step::Acknowledgements);
            } else {
                focus_first_issue(section, &wrong);
            }
        })
    };
    view! {
        <section class="mobproc-acknowledgements" node_ref=section>
            <StepHeading text=t.step_names[Step::Acknowledgements.index()]/>
            <ErrorSummary issues=Signal::derive(move || if shown.get() { issues() } else { Vec::new() })/>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match asked.await {
                        Ok(answer) if answer.acknowledgements.is_empty() && answer.infoblocks.is_empty() => {
                            view! { <p data-testid="no-acknowledgements">{t.acknowledgements_none}</p> }.into_any()
                        }
                        Ok(answer) => view! { <Consents answer=answer shown=shown missing=missing/> }.into_any(),
                        Err(error) => load_error(error, asked),
                    }
                })}
            </Transition>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// The notices, then the boxes.
#[component]
fn Consents(
    answer: AcknowledgementsResponse,
    shown: RwSignal<bool>,
    missing: Memo<Vec<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    view! {
        <p>{t.acknowledgements_intro}</p>
        {answer
            .infoblocks
            .into_iter()
            .map(|block| view! {
                <div class="mobproc-infoblock" data-testid="infoblock">
                    <h3>{block.header}</h3>
                    {block.paragraphs.into_iter().map(|p| view! { <p>{p.text}</p> }).collect_view()}
                </div>
            })
            .collect_view()}
        <div class="mobproc-consents">
            {answer
                .acknowledgements
                .into_iter()
                .map(|ack| {
                    let input_id = consent_input_id(&ack.id);
                    let error_id = format!("{input_id}-error");
                    let required = ack.validation == AcknowledgementValidation::Required;
                    let id = ack.id.clone();
                    let wrong = {
                        let id = id.clone();
                        Signal::derive(move || shown.get() && missing.get().contains(&id))
                    };
                    let checked = {
                        let id = id.clone();
                        move || draft.with(|d| d.acknowledged.contains(&id))
                    };
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| {
                            d.acknowledged.retain(|a| *a != id);
                            if on {
                                d.acknowledged.push(id.clone());
                            }
                        })
                    };
                    view! {
                        <div class="mobproc-choice mobproc-consent" class:mobproc-field-invalid=move || wrong.get()>
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle
                                aria-required=if required { "true" } else { "false" }
                                aria-invalid=move || if wrong.get() { "true" } else { "false" }
                                aria-describedby=error_id.clone()/>
                            <label for=input_id>{ack.label}{required.then(|| view! { <RequiredMark/> })}</label>
                        </div>
                        <Show when=move || wrong.get()>
                            <p class="mobproc-field-error" id=error_id.clone()>{t.acknowledgement_required}</p>
                        </Show>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::AcknowledgementType;

    #[test]
    fn only_required_consents_must_be_given() {
        let ack = |id: &str, validation| Acknowledgement {
            id: id.into(),
            label: id.into(),
            kind: AcknowledgementType::Boolean,
            validation,
        };
        let asked = [
            ack("SHARED_PLAN", AcknowledgementValidation::Required),
            ack("NEWSLETTER", AcknowledgementValidation::Optional),
            ack("TERMINATION_FEE", AcknowledgementValidation::Required),
        ];
        assert_eq!(
            missing_consents(&asked, &["SHARED_PLAN".into()]),
            ["TERMINATION_FEE"]
        );
        assert!(
            missing_consents(&asked, &["TERMINATION_FEE".into(), "SHARED_PLAN".into()]).is_empty()
        );
    }
}
