//! The step indicator: where the user is, where they have been (a way back).
//!
//! It lists [`crate::flows::indicated_steps`]: one length for the whole
//! order, a step the cart skips (shipping, when nothing ships) shown as not
//! needed rather than dropped. On one row however wide the widget; where the
//! widget is narrow (a container query on its root), only "Step 3 of 8 ·
//! New device". Before a line is chosen, the order is not known yet: only
//! the line step, and that the next steps depend on the choice.

use leptos::prelude::*;

use crate::app::context::use_ctx;
use crate::draft::{SourceSystem, Step};
use crate::flows::{indicated_steps, step_position};
use crate::i18n::fill;

/// The steps of this order, the current one marked.
#[component]
pub fn Stepper() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let (draft, step, source) = (ctx.draft, ctx.step, ctx.source);
    let steps = Memo::new(move |_| {
        let source = source.get().unwrap_or(SourceSystem::PremiumMobile);
        let current = step.get();
        draft.with(|d| {
            let undecided = current == Step::Line && d.service_id.is_none();
            let indicated = if undecided {
                vec![Step::Line]
            } else {
                indicated_steps(d.flow, source)
            };
            (
                indicated,
                d.steps(source),
                current,
                d.order_id.is_some(),
                undecided,
            )
        })
    });
    let undecided = move || steps.with(|(.., undecided)| *undecided);
    let position = move || {
        let (indicated, _, current, _, undecided) = steps.get();
        let name = t.step_names[current.index()];
        if undecided {
            return fill(t.step_first_undecided, &[name]);
        }
        let (at, of) = step_position(&indicated, current);
        let where_ = fill(t.step_of, &[&at.to_string(), &of.to_string()]);
        format!("{where_} · {name}")
    };
    view! {
        <nav class="mobproc-stepper" aria-label=t.steps_label>
            <p class="mobproc-visually-hidden mobproc-stepper-position" aria-live="polite" data-testid="step-position">{position}</p>
            <ol>
                {move || {
                    let (indicated, taken, current, submitted, _) = steps.get();
                    let (at, _) = step_position(&indicated, current);
                    indicated
                        .into_iter()
                        .enumerate()
                        .map(|(index, step)| {
                            let name = t.step_names[step.index()];
                            let skipped = !taken.contains(&step);
                            let done = index + 1 < at && !skipped;
                            let here = step == current;
                            // After submitting, the order can't be changed: no way back.
                            let reachable = done && !submitted && step != Step::Status;
                            let ctx = ctx.clone();
                            view! {
                                <li
                                    class="mobproc-stepper-item"
                                    class:mobproc-stepper-done=done
                                    class:mobproc-stepper-current=here
                                    class:mobproc-stepper-skipped=skipped
                                    aria-current=here.then_some("step")
                                    data-testid="stepper-item"
                                >
                                    <span class="mobproc-stepper-number" aria-hidden="true">{index + 1}</span>
                                    {if reachable {
                                        view! {
                                            <button type="button" class="mobproc-link mobproc-stepper-name" on:click=move |_| ctx.go(step)>
                                                {name}
                                            </button>
                                        }
                                        .into_any()
                                    } else {
                                        view! { <span class="mobproc-stepper-name">{name}</span> }.into_any()
                                    }}
                                    {skipped.then(|| view! { <span class="mobproc-stepper-note">{t.step_not_needed}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <Show when=undecided>
                    <li class="mobproc-stepper-item mobproc-stepper-later" data-testid="stepper-later">
                        <span class="mobproc-stepper-number" aria-hidden="true">"…"</span>
                        <span class="mobproc-stepper-name">{t.steps_follow}</span>
                    </li>
                </Show>
            </ol>
        </nav>
    }
}
