//! Where a new number will be used: the country (`/regions`) and, in the
//! United States, the ZIP code (checked against the country's
//! `postalCodeRegEx`); the carrier picks the number's market from them.

use leptos::prelude::*;
use mobproc_types::validation::{check_text, PatternMatcher, Problem};
use mobproc_types::Region;

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{
    focus_first_issue, Busy, ErrorSummary, FieldIssue, StepHeading, StepNav, TextField,
};
use crate::draft::Step;
use crate::steps::details::{problem_text, BrowserRegex};
use crate::steps::previous_step;

/// Whether the postal code is required in `region`: only in the United
/// States (the region whose abbreviation is `US`, never a fixed id).
pub fn postal_code_required(region: &Region) -> bool {
    region.abbreviation.as_deref() == Some("US")
}

/// What is wrong with `code` for `region`: required in the US, and checked
/// against the region's pattern wherever one is given.
pub fn postal_code_problem(
    region: &Region,
    code: &str,
    matcher: &dyn PatternMatcher,
) -> Option<Problem> {
    check_text(
        code,
        postal_code_required(region),
        None,
        Some(20),
        region.postal_code_reg_ex.as_deref(),
        region.postal_code_pattern.as_deref(),
        matcher,
    )
}

/// The id of the postal code's input.
const POSTAL_CODE_ID: &str = "mobproc-postal-code";

/// The region step.
#[component]
pub fn RegionStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
    let draft = ctx.draft;
    let shown = RwSignal::new(false);
    let chosen = Memo::new(move |_| {
        let id = draft.with(|d| d.region_id.clone());
        order
            .countries
            .get()
            .and_then(Result::ok)
            .and_then(|countries| countries.into_iter().find(|c| c.id == id))
    });
    let problem = Memo::new(move |_| {
        let region = chosen.get()?;
        draft.with(|d| postal_code_problem(&region, &d.postal_code, &BrowserRegex))
    });
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Region));
    let issues = Memo::new(move |_| {
        let region = chosen.get()?;
        let label = if postal_code_required(&region) {
            t.zip_code
        } else {
            t.postal_code
        };
        Some(
            problem
                .get()
                .map(|p| FieldIssue {
                    field_id: POSTAL_CODE_ID.to_owned(),
                    label: label.to_owned(),
                    problem: problem_text(t, &p),
                })
                .into_iter()
                .collect::<Vec<_>>(),
        )
    });
    let section = NodeRef::<leptos::html::Section>::new();
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            match issues.get_untracked() {
                Some(issues) if issues.is_empty() => ctx.go_on_from(Step::Region),
                Some(issues) => focus_first_issue(section, &issues),
                None => {}
            }
        })
    };
    let shown_issues = Signal::derive(move || {
        shown
            .get()
            .then(|| issues.get())
            .flatten()
            .unwrap_or_default()
    });
    let error = Signal::derive(move || {
        shown
            .get()
            .then(|| problem.get().map(|p| problem_text(t, &p)))
            .flatten()
    });
    view! {
        <section class="mobproc-region" node_ref=section>
            <StepHeading text=t.step_names[Step::Region.index()]/>
            <p>{t.region_intro}</p>
            <ErrorSummary issues=shown_issues/>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match order.countries.await {
                        Ok(countries) => view! { <CountryOfUse countries=countries/> }.into_any(),
                        Err(error) => load_error(error, order.countries),
                    }
                })}
            </Transition>
            {move || chosen.get().map(|region| {
                let required = postal_code_required(&region);
                let label = if required { t.zip_code } else { t.postal_code };
                view! {
                    <TextField
                        id=POSTAL_CODE_ID
                        label=label
                        value=Signal::derive(move || draft.with(|d| d.postal_code.clone()))
                        on_input=Callback::new(move |code: String| draft.update(|d| d.postal_code = code))
                        error=error
                        required=required
                        hint=region.postal_code_pattern.clone().unwrap_or_default()
                        max_length=20
                        autocomplete="postal-code"
                    />
                }
            })}
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// The country select, the home country first chosen.
#[component]
fn CountryOfUse(countries: Vec<Region>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    if draft.with_untracked(|d| d.region_id.is_empty()) {
        if let Some(first) = countries.first() {
            let id = first.id.clone();
            draft.update(|d| d.region_id = id);
        }
    }
    view! {
        <div class="mobproc-field">
            <label for="mobproc-country-of-use">{t.country_of_use}</label>
            <select
                id="mobproc-country-of-use"
                on:change=move |ev| draft.update(|d| d.region_id = event_target_value(&ev))
            >
                {countries
                    .into_iter()
                    .map(|country| {
                        let id = country.id.clone();
                        let selected = move || draft.with(|d| d.region_id == id);
                        view! { <option value=country.id.clone() selected=selected>{country.name.clone()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::RegionType;

    struct Digits;
    impl PatternMatcher for Digits {
        fn full_match(&self, pattern: &str, text: &str) -> Option<bool> {
            (pattern == "[0-9]{5}")
                .then(|| text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit()))
        }
    }

    fn region(abbreviation: &str, reg_ex: Option<&str>) -> Region {
        Region {
            meta: None,
            id: "1".into(),
            name: abbreviation.into(),
            abbreviation: Some(abbreviation.into()),
            kind: RegionType::Country,
            parent_id: None,
            country_code: None,
            currency: None,
            address_format: None,
            postal_code_pattern: None,
            postal_code_reg_ex: reg_ex.map(Into::into),
        }
    }

    #[test]
    fn zip_codes_are_required_in_the_us_only_and_follow_the_pattern() {
        let us = region("US", Some("[0-9]{5}"));
        assert_eq!(
            postal_code_problem(&us, "", &Digits),
            Some(Problem::Required)
        );
        assert_eq!(postal_code_problem(&us, "06477", &Digits), None);
        assert!(matches!(
            postal_code_problem(&us, "0647", &Digits),
            Some(Problem::BadFormat { .. })
        ));
        let canada = region("CA", None);
        assert_eq!(postal_code_problem(&canada, "", &Digits), None);
    }
}
