//! Update features: the optional features of the line's plan
//! (`/catalog/features?service=`), each ticked when it will be on the line,
//! and a free-text request for the carrier.

use leptos::prelude::*;
use mobproc_types::{FeaturesPage, LineFeature};

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::auth::oauth::encode;
use crate::components::{Busy, StepHeading, StepNav};
use crate::draft::Step;
use crate::format;
use crate::steps::previous_step;

crate::stylesheet! {
    /// The styles of the features step (applied when it is first built).
    pub static STYLE = include_str!("features.css");
}

/// The features step.
#[component]
pub fn FeaturesStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let features = {
        let api = ctx.api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            let service = draft.with_untracked(|d| d.service_id.clone().unwrap_or_default());
            async move {
                api.get::<FeaturesPage>(&format!("/catalog/features?service={}", encode(&service)))
                    .await
                    .map(|page| page.features)
            }
        })
    };
    let shown = RwSignal::new(false);
    let nothing = Memo::new(move |_| {
        draft.with(|d| d.feature_changes.is_empty() && d.feature_comment.trim().is_empty())
    });
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Features));
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            if !nothing.get_untracked() {
                ctx.go_on_from(Step::Features);
            }
        })
    };
    view! {
        <section class="mobproc-features">
            <StepHeading text=t.step_names[Step::Features.index()]/>
            <p>{t.features_intro}</p>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match features.await {
                        Ok(list) if list.is_empty() => view! { <p data-testid="no-features">{t.features_empty}</p> }.into_any(),
                        Ok(list) => view! { <FeatureList features=list/> }.into_any(),
                        Err(error) => load_error(error, features),
                    }
                })}
            </Transition>
            <div class="mobproc-field">
                <label for="mobproc-feature-comment">{t.feature_comment}</label>
                <textarea
                    id="mobproc-feature-comment"
                    rows="3"
                    maxlength="500"
                    prop:value=move || draft.with(|d| d.feature_comment.clone())
                    on:input=move |ev| draft.update(|d| d.feature_comment = event_target_value(&ev))
                ></textarea>
            </div>
            <Show when=move || shown.get() && nothing.get()>
                <p class="mobproc-error" role="alert" data-testid="features-nothing">{t.features_nothing}</p>
            </Show>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// One checkbox per feature, with its monthly price.
#[component]
fn FeatureList(features: Vec<LineFeature>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.locale.tag();
    let draft = ctx.draft;
    view! {
        <fieldset class="mobproc-choices" data-testid="features">
            <legend class="mobproc-visually-hidden">{t.step_names[Step::Features.index()]}</legend>
            {features
                .into_iter()
                .map(|feature| {
                    let id = format!("mobproc-feature-{}", feature.id);
                    let price = feature.price.as_ref().map(|p| format!("{}{}", format::money(p, locale), t.per_month));
                    let active = feature.active;
                    let checked = {
                        let feature = feature.clone();
                        move || draft.with(|d| d.feature_on(&feature))
                    };
                    let toggle = {
                        let feature = feature.clone();
                        move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.set_feature(&feature, on));
                        }
                    };
                    view! {
                        <div class="mobproc-choice mobproc-feature">
                            <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle/>
                            <label for=id>
                                {feature.description.clone()}
                                {price.map(|p| view! { <span class="mobproc-feature-price">{p}</span> })}
                                {active.then(|| view! { <span class="mobproc-badge">{t.feature_on_line}</span> })}
                                // What the order will change, said beside the box.
                                {
                                    let feature = feature.clone();
                                    move || {
                                        let on = draft.with(|d| d.feature_on(&feature));
                                        let change = match (feature.active, on) {
                                            (true, false) => Some(t.feature_will_go),
                                            (false, true) => Some(t.feature_will_come),
                                            _ => None,
                                        };
                                        change.map(|text| view! {
                                            <span class="mobproc-badge mobproc-badge-change" data-testid=format!("feature-change-{}", feature.id)>{text}</span>
                                        })
                                    }
                                }
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
