//! The step indicator: where the user is, where they have been (a way back).

use leptos::prelude::*;

use crate::app::context::use_ctx;
use crate::draft::Step;
use crate::i18n::fill;

/// The steps of this order, the current one marked.
#[component]
pub fn Stepper() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let (draft, step, source) = (ctx.draft, ctx.step, ctx.source);
    let steps = Memo::new(move |_| {
        let source = source
            .get()
            .unwrap_or(crate::draft::SourceSystem::PremiumMobile);
        draft.with(|d| (d.steps(source), step.get(), d.order_id.is_some()))
    });
    let position = move || {
        let (steps, current, _) = steps.get();
        let index = steps
            .iter()
            .position(|s| *s == current)
            .map_or(1, |i| i + 1);
        fill(t.step_of, &[&index.to_string(), &steps.len().to_string()])
    };
    view! {
        <nav class="mobproc-stepper" aria-label=t.steps_label>
            <p class="mobproc-visually-hidden" aria-live="polite" data-testid="step-position">{position}</p>
            <ol>
                {move || {
                    let (steps, current, submitted) = steps.get();
                    steps
                        .clone()
                        .into_iter()
                        .enumerate()
                        .map(|(index, step)| {
                            let name = t.step_names[step.index()];
                            let done = steps.iter().position(|s| *s == current).is_some_and(|at| index < at);
                            let here = step == current;
                            // After submitting, the order can't be changed: no way back.
                            let reachable = done && !submitted && step != Step::Status;
                            let ctx = ctx.clone();
                            view! {
                                <li
                                    class="mobproc-stepper-item"
                                    class:mobproc-stepper-done=done
                                    class:mobproc-stepper-current=here
                                    aria-current=here.then_some("step")
                                >
                                    <span class="mobproc-stepper-number" aria-hidden="true">{index + 1}</span>
                                    {if reachable {
                                        view! {
                                            <button type="button" class="mobproc-link" on:click=move |_| ctx.go(step)>
                                                {name}
                                            </button>
                                        }
                                        .into_any()
                                    } else {
                                        view! { <span class="mobproc-stepper-name">{name}</span> }.into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}
