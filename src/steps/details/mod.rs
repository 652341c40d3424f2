//! Step 5: the vendor's order properties, as a form built from
//! `/orders/properties`: TEXT (long free text as a text area), DATE (a
//! date picker), CHOICE (the "other" choice reveals a text box), required
//! marks, what is already known filled in, and the same checks as the API
//! (lengths, regEx) before anything is sent, summed up above the form.

mod form;
mod matcher;
mod prefill;

use leptos::prelude::*;
use mobproc_types::expected_format::{expected_format, Expected};
use mobproc_types::validation::{check_property, Problem};
use mobproc_types::{ChoiceValue, FieldValue, PropertyField, PropertyGroup, PropertyType};

use crate::app::context::{use_ctx, use_data, Data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{focus_first_issue, Busy, ErrorSummary, FieldIssue, StepHeading, StepNav};
use crate::draft::{Draft, PropertyDraft, Step};
use crate::i18n::{fill, Texts};
use crate::steps::previous_step;
use form::Group;
pub use matcher::BrowserRegex;
use prefill::{known_values, prefills};

/// A TEXT property allowed more than this many characters is long free
/// text (instructions, comments), shown as a text area; up to it (names,
/// numbers, codes), a one-line input.
pub const LONG_TEXT_OVER: u32 = 100;

/// Whether `field` is long free text: TEXT with a `maxLength` over
/// [`LONG_TEXT_OVER`] (no `maxLength`: not known to be long).
pub fn is_long_text(field: &PropertyField) -> bool {
    field.kind == PropertyType::Text && field.max_length.is_some_and(|max| max > LONG_TEXT_OVER)
}

/// The id of a property's control.
pub fn property_input_id(field_id: &str) -> String {
    format!("mobproc-property-{field_id}")
}

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

/// Every property with a problem, in the form's order, as the error
/// summary lists them.
pub fn property_issues(t: &Texts, groups: &[PropertyGroup], draft: &Draft) -> Vec<FieldIssue> {
    groups
        .iter()
        .flat_map(|group| {
            group.fields.iter().filter_map(|field| {
                let problem = property_problem(field, draft, &group.group_id)?;
                Some(FieldIssue {
                    field_id: property_input_id(&field.id),
                    label: field.label.clone(),
                    problem: problem_text(t, &problem),
                })
            })
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

/// Fills what is known (the line's number, the phone, the vendor's
/// defaults) into the properties without an entry, once the people and
/// lines it comes from are in (an effect: it runs again as they arrive).
fn apply_prefills(groups: &[PropertyGroup], data: Data, draft: RwSignal<Draft>) {
    let (has_line, for_someone) =
        draft.with_untracked(|d| (d.service_id.is_some(), d.on_behalf_of.is_some()));
    let Some(me) = data.me.get() else { return };
    let lines = match data.lines.get() {
        None if has_line => return,
        lines => lines.and_then(Result::ok).unwrap_or_default(),
    };
    let team = match data.team.get() {
        None if for_someone => return,
        team => team.and_then(Result::ok).unwrap_or_default(),
    };
    let fills = draft.with_untracked(|d| {
        let known = known_values(me.as_ref().ok(), &team, &lines, d);
        prefills(groups, &known, d)
    });
    if !fills.is_empty() {
        draft.update(|d| fills.into_iter().for_each(|fill| d.set_property(fill)));
    }
}

/// Step 5.
#[component]
pub fn DetailsStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
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
            let Some(groups) = order.properties.get_untracked().and_then(Result::ok) else {
                return;
            };
            let issues = draft.with_untracked(|d| property_issues(t, &groups, d));
            if issues.is_empty() {
                ctx.go_on_from(Step::Details);
            } else {
                focus_first_issue(section, &issues);
            }
        })
    };
    let issues = Signal::derive(move || {
        if !shown.get() {
            return Vec::new();
        }
        order
            .properties
            .get()
            .and_then(Result::ok)
            .map(|groups| draft.with(|d| property_issues(t, &groups, d)))
            .unwrap_or_default()
    });
    view! {
        <section class="mobproc-details" node_ref=section>
            <StepHeading text=t.step_names[4]/>
            <p>{t.details_intro}</p>
            <ErrorSummary issues=issues/>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match order.properties.await {
                        Ok(groups) => {
                            let known = groups.clone();
                            Effect::new(move |_| apply_prefills(&known, data, draft));
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
    fn text_allowed_over_a_hundred_characters_is_long() {
        let field = |kind, max_length| PropertyField {
            id: "F".into(),
            label: "F".into(),
            kind,
            validation: mobproc_types::Validation::Optional,
            min_length: None,
            max_length,
            pattern: None,
            reg_ex: None,
            text: None,
            choices: None,
        };
        assert!(is_long_text(&field(PropertyType::Text, Some(4000))));
        assert!(is_long_text(&field(PropertyType::Text, Some(101))));
        assert!(!is_long_text(&field(PropertyType::Text, Some(100))));
        assert!(!is_long_text(&field(PropertyType::Text, Some(20))));
        assert!(!is_long_text(&field(PropertyType::Text, None)));
        assert!(!is_long_text(&field(PropertyType::Date, Some(4000))));
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
