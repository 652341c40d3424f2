//! Step 5: the vendor's order properties, as a form built from
//! `/orders/properties`: TEXT, DATE (its pattern as hint), CHOICE (the
//! "other" choice reveals a text box), required marks, and the same checks
//! as the API (lengths, regEx) before anything is sent.

mod matcher;

use leptos::prelude::*;
use mobproc_types::expected_format::{expected_format, Expected};
use mobproc_types::validation::{check_property, Problem};
use mobproc_types::{ChoiceValue, FieldValue, PropertyField, PropertyGroup, PropertyType};

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{Busy, FieldError, RequiredMark, StepHeading, StepNav, TextField};
use crate::draft::{Draft, PropertyDraft, Step};
use crate::i18n::{fill, Texts};
use crate::steps::previous_step;
pub use matcher::BrowserRegex;

/// The value of a property as the API would receive it (`None` when empty).
pub fn field_value(field: &PropertyField, value: &PropertyDraft) -> Option<FieldValue> {
    match field.kind {
        PropertyType::Choice => (!value.choice_id.is_empty()).then(|| FieldValue {
            id: field.id.clone(),
            kind: PropertyType::Choice,
            text: None,
            date: None,
            choice: Some(ChoiceValue {
                id: value.choice_id.clone(),
                other_text: Some(value.other_text.clone()).filter(|t| !t.is_empty()),
            }),
        }),
        // A calendar day from the date picker; the API's form comes from
        // the request builder.
        PropertyType::Date => crate::draft::property_value(field, value),
        _ => (!value.text.trim().is_empty()).then(|| FieldValue {
            id: field.id.clone(),
            kind: field.kind.clone(),
            text: Some(value.text.clone()),
            date: None,
            choice: None,
        }),
    }
}

/// The problem with one property's value, if any.
pub fn property_problem(field: &PropertyField, draft: &Draft, group_id: &str) -> Option<Problem> {
    let value = draft.property(group_id, &field.id);
    check_property(field, field_value(field, &value).as_ref(), &BrowserRegex)
}

/// Every property with a problem, as (group, field).
pub fn invalid_properties(groups: &[PropertyGroup], draft: &Draft) -> Vec<(String, String)> {
    groups
        .iter()
        .flat_map(|group| {
            group
                .fields
                .iter()
                .filter(|field| property_problem(field, draft, &group.group_id).is_some())
                .map(|field| (group.group_id.clone(), field.id.clone()))
        })
        .collect()
}

/// A problem in words, next to its field.
pub fn problem_text(t: &Texts, problem: &Problem) -> String {
    match problem {
        Problem::Required => t.problem_required.to_owned(),
        Problem::TooShort { min } => fill(t.problem_too_short, &[&min.to_string()]),
        Problem::TooLong { max } => fill(t.problem_too_long, &[&max.to_string()]),
        Problem::BadFormat { hint, reg_ex } => format_problem_text(t, reg_ex, hint.as_deref()),
        Problem::WrongType { .. } => t.problem_format_unknown.to_owned(),
        Problem::NotADate { .. } | Problem::DateAndText => t.problem_date.to_owned(),
        Problem::UnknownChoice
        | Problem::NotAnOption
        | Problem::UnknownField
        | Problem::Duplicate => t.problem_choice.to_owned(),
        Problem::OtherTextNotAllowed | Problem::OtherTextRequired => t.problem_other.to_owned(),
    }
}

/// What a value breaking the rule `reg_ex` should look like, in words or
/// by example, never the rule itself.
fn format_problem_text(t: &Texts, reg_ex: &str, hint: Option<&str>) -> String {
    let expected = expected_format(reg_ex, hint);
    let template = match expected {
        Expected::Date(_) => t.problem_format_date,
        Expected::Shapes(_) => t.problem_format,
        Expected::Example(_) => t.problem_format_example,
        Expected::Unknown => t.problem_format_unknown,
    };
    match expected.phrase(t.language) {
        Some(phrase) => fill(template, &[&phrase]),
        None => template.to_owned(),
    }
}

/// Fills empty fields with the defaults the vendor gives (`text`).
fn apply_defaults(groups: &[PropertyGroup], draft: RwSignal<Draft>) {
    for group in groups {
        for field in &group.fields {
            let Some(default) = field.text.clone().filter(|t| !t.is_empty()) else {
                continue;
            };
            if field.kind == PropertyType::Choice {
                continue;
            }
            let current = draft.with_untracked(|d| {
                d.properties
                    .iter()
                    .any(|p| p.group_id == group.group_id && p.field_id == field.id)
            });
            if !current {
                draft.update(|d| {
                    d.set_property(PropertyDraft {
                        group_id: group.group_id.clone(),
                        field_id: field.id.clone(),
                        text: default.clone(),
                        ..PropertyDraft::default()
                    })
                });
            }
        }
    }
}

/// Step 5.
#[component]
pub fn DetailsStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
    let draft = ctx.draft;
    let shown = RwSignal::new(false);
    let source = ctx.source_now();
    let back = draft.with_untracked(|d| previous_step(d, source, Step::Details));
    let section = NodeRef::<leptos::html::Section>::new();
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            let groups = order.properties.get().and_then(Result::ok);
            let Some(groups) = groups else { return };
            if draft
                .with_untracked(|d| invalid_properties(&groups, d))
                .is_empty()
            {
                ctx.go_on_from(Step::Details);
            } else if let Some(element) = section.get_untracked() {
                if let Ok(Some(first)) = element.query_selector("[aria-invalid='true']") {
                    if let Some(input) = crate::browser::html_element(first) {
                        let _ = input.focus();
                    }
                }
            }
        })
    };
    let has_errors = Signal::derive(move || {
        shown.get()
            && order
                .properties
                .get()
                .and_then(Result::ok)
                .is_some_and(|groups| draft.with(|d| !invalid_properties(&groups, d).is_empty()))
    });
    view! {
        <section class="mobproc-details" node_ref=section>
            <StepHeading text=t.step_names[4]/>
            <p>{t.details_intro}</p>
            <Show when=move || has_errors.get()>
                <p class="mobproc-error" role="alert" data-testid="details-errors">{t.fix_errors}</p>
            </Show>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match order.properties.await {
                        Ok(groups) => {
                            let defaults = groups.clone();
                            Effect::new(move |_| apply_defaults(&defaults, draft));
                            groups
                                .into_iter()
                                .map(|group| view! { <Group group=group shown=shown/> })
                                .collect_view()
                                .into_any()
                        }
                        Err(error) => load_error(error, order.properties),
                    }
                })}
            </Transition>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// One group of fields.
#[component]
fn Group(group: PropertyGroup, shown: RwSignal<bool>) -> impl IntoView {
    let group_id = group.group_id.clone();
    view! {
        <div class="mobproc-form-grid" data-testid=format!("group-{}", group.group_id)>
            {group
                .fields
                .into_iter()
                .map(|field| view! { <Property field=field group_id=group_id.clone() shown=shown/> })
                .collect_view()}
        </div>
    }
}

/// One property: its control, hint, required mark and message.
#[component]
fn Property(field: PropertyField, group_id: String, shown: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let id = format!("mobproc-property-{}", field.id);
    let required = field.validation == mobproc_types::Validation::Required;
    let error = {
        let (field, group_id) = (field.clone(), group_id.clone());
        Signal::derive(move || {
            if !shown.get() {
                return None;
            }
            draft
                .with(|d| property_problem(&field, d, &group_id))
                .map(|p| problem_text(t, &p))
        })
    };
    let value = {
        let (field_id, group_id) = (field.id.clone(), group_id.clone());
        move || draft.with(|d| d.property(&group_id, &field_id))
    };
    let update = {
        let (field_id, group_id) = (field.id.clone(), group_id.clone());
        move |change: &dyn Fn(&mut PropertyDraft)| {
            let mut current = draft.with_untracked(|d| d.property(&group_id, &field_id));
            change(&mut current);
            draft.update(|d| d.set_property(current));
        }
    };
    match field.kind {
        PropertyType::Choice => {
            let choices = field.choices.clone().unwrap_or_default();
            let other = choices.iter().find(|c| c.is_other).map(|c| c.id.clone());
            let picks_other = {
                let value = value.clone();
                let other = other.clone();
                move || other.as_ref().is_some_and(|o| value().choice_id == *o)
            };
            let error_id = format!("{id}-error");
            let on_change = {
                let update = update.clone();
                move |ev| {
                    let choice = event_target_value(&ev);
                    update(&|p: &mut PropertyDraft| p.choice_id = choice.clone());
                }
            };
            let other_value = {
                let value = value.clone();
                Signal::derive(move || value().other_text)
            };
            let on_other = {
                let update = update.clone();
                Callback::new(move |text: String| {
                    update(&|p: &mut PropertyDraft| p.other_text = text.clone())
                })
            };
            let other_id = format!("{id}-other");
            view! {
                <div class="mobproc-field" class:mobproc-field-invalid=move || error.get().is_some()>
                    <label for=id.clone()>
                        {field.label.clone()}
                        {required.then(|| view! { <RequiredMark/> })}
                    </label>
                    <select
                        id=id.clone()
                        aria-required=if required { "true" } else { "false" }
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        aria-describedby=error_id.clone()
                        on:change=on_change
                    >
                        <option value="">{t.choose}</option>
                        {choices
                            .into_iter()
                            .map(|choice| {
                                let selected = {
                                    let value = value.clone();
                                    let choice_id = choice.id.clone();
                                    move || value().choice_id == choice_id
                                };
                                view! { <option value=choice.id.clone() selected=selected>{choice.label.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                    <Show when=picks_other.clone()>
                        // Its problem shows under the choice, with the field's other messages.
                        <TextField
                            id=other_id.clone()
                            label=t.other_text
                            value=other_value
                            on_input=on_other
                            error=Signal::derive(|| None::<String>)
                            required=true
                        />
                    </Show>
                    <FieldError field_id=id.clone() error=error/>
                </div>
            }
            .into_any()
        }
        _ => {
            let text = {
                let value = value.clone();
                Signal::derive(move || value().text)
            };
            let on_input = Callback::new(move |new: String| {
                update(&|p: &mut PropertyDraft| p.text = new.clone())
            });
            // DATE fields get the browser's date picker (a calendar day);
            // their pattern is the API's wire form, not for people.
            let is_date = field.kind == PropertyType::Date;
            let hint = if is_date {
                String::new()
            } else {
                field.pattern.clone().unwrap_or_default()
            };
            view! {
                <TextField
                    id=id
                    label=field.label.clone()
                    value=text
                    on_input=on_input
                    error=error
                    required=required
                    hint=hint
                    max_length=field.max_length.unwrap_or(4000)
                    input_type=if is_date { "date" } else { "text" }
                />
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn bad_format(reg_ex: &str, hint: Option<&str>) -> Problem {
        Problem::BadFormat {
            hint: hint.map(str::to_owned),
            reg_ex: reg_ex.to_owned(),
        }
    }

    #[test]
    fn format_problems_say_what_is_expected_in_words() {
        let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
        let ten = bad_format("[0-9]{10}", None);
        assert_eq!(problem_text(en, &ten), "Enter 10 digits.");
        assert_eq!(problem_text(fr, &ten), "Saisissez 10 chiffres.");
        let zip = bad_format("[0-9]{5}(-[0-9]{4})?", Some("[99999] or [99999-9999]"));
        assert_eq!(
            problem_text(en, &zip),
            "Enter 5 digits, or 5 digits, a hyphen and 4 digits."
        );
        assert_eq!(
            problem_text(fr, &zip),
            "Saisissez 5 chiffres, ou 5 chiffres, un trait d’union et 4 chiffres."
        );
    }

    #[test]
    fn format_problems_fall_back_to_an_example_then_to_a_generic_sentence() {
        let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
        let postal = bad_format(r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$", None);
        assert_eq!(problem_text(en, &postal), "Enter a value like A1A 1A1.");
        assert_eq!(
            problem_text(fr, &postal),
            "Saisissez une valeur de la forme A1A 1A1."
        );
        let date = bad_format("[0-9]{2}/[0-9]{2}/[0-9]{4}", Some("mm/dd/yyyy"));
        assert_eq!(problem_text(en, &date), "Enter a date written mm/dd/yyyy.");
        assert_eq!(
            problem_text(fr, &date),
            "Saisissez une date au format mm/jj/aaaa."
        );
        let unreadable = bad_format(r"(?=\d)\w+\b", Some(r"(?=\d)\w+\b"));
        assert_eq!(
            problem_text(en, &unreadable),
            "This is not in the expected format."
        );
        assert_eq!(
            problem_text(fr, &unreadable),
            "Cette valeur n'est pas au format attendu."
        );
        let wrong_type = Problem::WrongType {
            expected: PropertyType::Date,
        };
        assert_eq!(
            problem_text(en, &wrong_type),
            "This is not in the expected format."
        );
    }
}
