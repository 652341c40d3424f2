//! Checks of order property values and shipping addresses against their
//! definitions, shared by the widget (before anything is sent) and the
//! sandbox (when an order arrives), so both find the same problems.
//!
//! Regular expressions are matched through [`PatternMatcher`]: the sandbox
//! uses the `regex` crate, the widget the browser's `RegExp`. The API's
//! `regEx` values are unanchored; they must match the whole value.

use crate::date::{days_in_month, parse_timestamp};
use crate::expected_format::bad_format_message;
use crate::orders::{AddressValue, FieldValue, PropertyGroupValue};
use crate::properties::{PropertyField, PropertyGroup, PropertyType, Validation};
use crate::regions::AddressField;

/// Matches a whole text against a regular expression.
pub trait PatternMatcher {
    /// Whether `pattern` matches all of `text`; `None` when the pattern
    /// itself cannot be compiled (then it constrains nothing).
    fn full_match(&self, pattern: &str, text: &str) -> Option<bool>;
}

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required value is missing or blank.
    Required,
    /// Fewer characters than `min`.
    TooShort { min: u32 },
    /// More characters than `max`.
    TooLong { max: u32 },
    /// The value does not match the field's `regEx`; `hint` is its `pattern`.
    BadFormat {
        hint: Option<String>,
        reg_ex: String,
    },
    /// A DATE that is not a real calendar date in the field's pattern, or a
    /// `date` that is not an ISO 8601 date-time.
    NotADate { hint: Option<String> },
    /// A DATE sent both as `date` and as `text`.
    DateAndText,
    /// A CHOICE id that is not one of the field's choices.
    UnknownChoice,
    /// A value that is not one of an address field's options.
    NotAnOption,
    /// `otherText` sent with a choice that is not the "other" choice.
    OtherTextNotAllowed,
    /// The "other" choice chosen with no text.
    OtherTextRequired,
    /// A value of another type than the field's.
    WrongType { expected: PropertyType },
    /// No field (or group) with that id is defined.
    UnknownField,
    /// The same field sent twice.
    Duplicate,
}

impl Problem {
    /// A stable code for the problem (the sandbox prefixes `400-property-`
    /// or `400-address-`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooShort { .. } => "too-short",
            Problem::TooLong { .. } => "too-long",
            Problem::BadFormat { .. } => "bad-format",
            Problem::NotADate { .. } => "invalid-date",
            Problem::DateAndText => "date-and-text",
            Problem::UnknownChoice => "invalid-choice",
            Problem::NotAnOption => "invalid-option",
            Problem::OtherTextNotAllowed => "other-text-not-allowed",
            Problem::OtherTextRequired => "other-text-required",
            Problem::WrongType { .. } => "type-mismatch",
            Problem::UnknownField => "unknown-field",
            Problem::Duplicate => "duplicate-field",
        }
    }

    /// An English sentence about the field labelled `label`.
    pub fn message(&self, label: &str) -> String {
        match self {
            Problem::Required => format!("{label} is required."),
            Problem::TooShort { min } => format!("{label} must be at least {min} characters long."),
            Problem::TooLong { max } => format!("{label} must be at most {max} characters long."),
            Problem::BadFormat { hint, reg_ex } => {
                bad_format_message(label, reg_ex, hint.as_deref())
            }
            Problem::NotADate { hint: Some(hint) } => {
                format!("{label} must be a real date written {hint}.")
            }
            Problem::NotADate { hint: None } => format!("{label} must be a real date."),
            Problem::DateAndText => format!("{label}: give the date once, as date or as text."),
            Problem::UnknownChoice => format!("{label}: choose one of the listed options."),
            Problem::NotAnOption => format!("{label}: choose one of the listed values."),
            Problem::OtherTextNotAllowed => {
                format!("{label}: text may only be given with the \"other\" choice.")
            }
            Problem::OtherTextRequired => format!("{label}: describe your \"other\" choice."),
            Problem::WrongType { expected } => format!("{label} must be a {expected} value."),
            Problem::UnknownField => format!("{label} is not a field of this order."),
            Problem::Duplicate => format!("{label} was given more than once."),
        }
    }
}

/// A problem with the field `field_id` (in `group_id` for properties).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub group_id: Option<String>,
    pub field_id: String,
    /// The field's label, or its id when it has none.
    pub label: String,
    pub problem: Problem,
}

/// Checks a free text against length and format rules. Blank optional
/// values are fine; blank required ones are [`Problem::Required`].
pub fn check_text(
    text: &str,
    required: bool,
    min: Option<u32>,
    max: Option<u32>,
    reg_ex: Option<&str>,
    hint: Option<&str>,
    matcher: &dyn PatternMatcher,
) -> Option<Problem> {
    if text.trim().is_empty() {
        return required.then_some(Problem::Required);
    }
    let length = text.chars().count() as u32;
    if let Some(min) = min.filter(|min| length < *min) {
        return Some(Problem::TooShort { min });
    }
    if let Some(max) = max.filter(|max| length > *max) {
        return Some(Problem::TooLong { max });
    }
    let reg_ex = reg_ex?;
    match matcher.full_match(reg_ex, text) {
        Some(false) => Some(Problem::BadFormat {
            hint: hint.map(str::to_owned),
            reg_ex: reg_ex.to_owned(),
        }),
        _ => None,
    }
}

/// Whether `text` is a real calendar date written in `pattern` (such as
/// `mm/dd/yyyy`, `dd/mm/yyyy` or `yyyy-mm-dd`). Patterns without `dd`,
/// `mm` and `yyyy` are not checked.
pub fn is_calendar_date(text: &str, pattern: &str) -> bool {
    let pattern = pattern.to_ascii_lowercase();
    let (Some(d), Some(m), Some(y)) =
        (pattern.find("dd"), pattern.find("mm"), pattern.find("yyyy"))
    else {
        return true;
    };
    if text.len() != pattern.len() || !text.is_ascii() {
        return false;
    }
    let number = |at: usize, len: usize| text.get(at..at + len).and_then(|s| s.parse::<u32>().ok());
    match (number(d, 2), number(m, 2), number(y, 4)) {
        (Some(day), Some(month), Some(year)) => {
            (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year as i64, month)
        }
        _ => false,
    }
}

/// Checks one property value (`None` when not sent) against its definition.
pub fn check_property(
    field: &PropertyField,
    value: Option<&FieldValue>,
    matcher: &dyn PatternMatcher,
) -> Option<Problem> {
    let required = field.validation == Validation::Required;
    let Some(value) = value else {
        return required.then_some(Problem::Required);
    };
    if value.kind != field.kind {
        return Some(Problem::WrongType {
            expected: field.kind.clone(),
        });
    }
    match field.kind {
        PropertyType::Choice => check_choice(field, value, required),
        PropertyType::Date if value.date.is_some() => check_date_time(value),
        _ if value.date.is_some() => Some(Problem::WrongType {
            expected: field.kind.clone(),
        }),
        _ => {
            let text = value.text.as_deref().unwrap_or("");
            let problem = check_text(
                text,
                required,
                field.min_length,
                field.max_length,
                field.reg_ex.as_deref(),
                field.pattern.as_deref(),
                matcher,
            );
            let is_date = field.kind == PropertyType::Date && !text.trim().is_empty();
            match (problem, is_date, field.pattern.as_deref()) {
                (None, true, Some(pattern)) if !is_calendar_date(text, pattern) => {
                    Some(Problem::NotADate {
                        hint: Some(pattern.to_owned()),
                    })
                }
                (problem, _, _) => problem,
            }
        }
    }
}

/// A DATE value sent in `date`: an ISO 8601 date-time, and no `text` too.
fn check_date_time(value: &FieldValue) -> Option<Problem> {
    if value.text.is_some() {
        return Some(Problem::DateAndText);
    }
    let date = value.date.as_deref().unwrap_or("");
    parse_timestamp(date)
        .is_none()
        .then_some(Problem::NotADate {
            hint: Some("YYYY-MM-DDT00:00:00Z".into()),
        })
}

fn check_choice(field: &PropertyField, value: &FieldValue, required: bool) -> Option<Problem> {
    let Some(chosen) = &value.choice else {
        return required.then_some(Problem::Required);
    };
    let choices = field.choices.as_deref().unwrap_or(&[]);
    let Some(choice) = choices.iter().find(|c| c.id == chosen.id) else {
        return Some(Problem::UnknownChoice);
    };
    let other_text = chosen
        .other_text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match (choice.is_other, other_text) {
        (false, Some(_)) => Some(Problem::OtherTextNotAllowed),
        (true, None) => Some(Problem::OtherTextRequired),
        _ => None,
    }
}

/// Checks every property value sent against the groups that apply to the
/// order: unknown groups and fields, duplicates, and each definition
/// (required ones included when not sent). Problems come in definition order.
pub fn check_properties(
    groups: &[PropertyGroup],
    values: &[PropertyGroupValue],
    matcher: &dyn PatternMatcher,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for group_value in values {
        let group = groups.iter().find(|g| g.group_id == group_value.group_id);
        for value in &group_value.fields {
            let known = group.is_some_and(|g| g.fields.iter().any(|f| f.id == value.id));
            let key = (group_value.group_id.as_str(), value.id.as_str());
            let problem = if !known {
                Some(Problem::UnknownField)
            } else if seen.contains(&key) {
                Some(Problem::Duplicate)
            } else {
                seen.push(key);
                None
            };
            if let Some(problem) = problem {
                problems.push(FieldProblem {
                    group_id: Some(group_value.group_id.clone()),
                    field_id: value.id.clone(),
                    label: value.id.clone(),
                    problem,
                });
            }
        }
    }
    for group in groups {
        for field in &group.fields {
            let value = values
                .iter()
                .filter(|g| g.group_id == group.group_id)
                .flat_map(|g| &g.fields)
                .find(|v| v.id == field.id);
            if let Some(problem) = check_property(field, value, matcher) {
                problems.push(FieldProblem {
                    group_id: Some(group.group_id.clone()),
                    field_id: field.id.clone(),
                    label: field.label.clone(),
                    problem,
                });
            }
        }
    }
    problems
}

/// Checks one address value against its field of the country's format.
pub fn check_address_field(
    field: &AddressField,
    value: &str,
    matcher: &dyn PatternMatcher,
) -> Option<Problem> {
    let required = field.validation == Validation::Required;
    if let Some(options) = &field.options {
        if value.trim().is_empty() {
            return required.then_some(Problem::Required);
        }
        if !options.iter().any(|o| o.value == value) {
            return Some(Problem::NotAnOption);
        }
        return None;
    }
    check_text(
        value,
        required,
        field.min_length,
        field.max_length,
        field.reg_ex.as_deref(),
        field.pattern.as_deref(),
        matcher,
    )
}

/// Checks an address against a country's `addressFormat`: unknown and
/// repeated fields, then every field of the format in order.
pub fn check_address(
    format: &[AddressField],
    values: &[AddressValue],
    matcher: &dyn PatternMatcher,
) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let problem = if !format.iter().any(|f| f.id == value.id) {
            Some(Problem::UnknownField)
        } else if values[..index].iter().any(|v| v.id == value.id) {
            Some(Problem::Duplicate)
        } else {
            None
        };
        if let Some(problem) = problem {
            problems.push(FieldProblem {
                group_id: None,
                field_id: value.id.clone(),
                label: value.id.clone(),
                problem,
            });
        }
    }
    for field in format {
        let value = values
            .iter()
            .find(|v| v.id == field.id)
            .map(|v| v.value.as_str())
            .unwrap_or("");
        if let Some(problem) = check_address_field(field, value, matcher) {
            problems.push(FieldProblem {
                group_id: None,
                field_id: field.id.clone(),
                label: field.label.clone(),
                problem,
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::ChoiceValue;
    use crate::properties::PropertyChoice;

    /// A matcher for tests: a few literal patterns, anything else unknown.
    struct Digits;
    impl PatternMatcher for Digits {
        fn full_match(&self, pattern: &str, text: &str) -> Option<bool> {
            match pattern {
                "[0-9]+" => Some(!text.is_empty() && text.chars().all(|c| c.is_ascii_digit())),
                "[0-9]{2}/[0-9]{2}/[0-9]{4}" => Some(
                    text.len() == 10
                        && text.chars().enumerate().all(|(i, c)| {
                            if i == 2 || i == 5 {
                                c == '/'
                            } else {
                                c.is_ascii_digit()
                            }
                        }),
                ),
                _ => None,
            }
        }
    }

    fn field(id: &str, kind: PropertyType, required: bool) -> PropertyField {
        PropertyField {
            id: id.into(),
            label: format!("{id} label"),
            kind,
            validation: if required {
                Validation::Required
            } else {
                Validation::Optional
            },
            min_length: None,
            max_length: None,
            pattern: None,
            reg_ex: None,
            text: None,
            choices: None,
        }
    }

    fn text_value(id: &str, text: &str) -> FieldValue {
        FieldValue {
            id: id.into(),
            kind: PropertyType::Text,
            text: Some(text.into()),
            date: None,
            choice: None,
        }
    }

    fn choice_value(id: &str, choice: &str, other: Option<&str>) -> FieldValue {
        FieldValue {
            id: id.into(),
            kind: PropertyType::Choice,
            text: None,
            date: None,
            choice: Some(ChoiceValue {
                id: choice.into(),
                other_text: other.map(Into::into),
            }),
        }
    }

    fn reason() -> PropertyField {
        PropertyField {
            choices: Some(vec![
                PropertyChoice {
                    id: "19".into(),
                    label: "Broken".into(),
                    is_other: false,
                },
                PropertyChoice {
                    id: "99".into(),
                    label: "Other".into(),
                    is_other: true,
                },
            ]),
            ..field("Reason", PropertyType::Choice, true)
        }
    }

    #[test]
    fn text_rules_in_order_required_length_format() {
        let m = &Digits;
        assert_eq!(
            check_text(" ", true, None, None, None, None, m),
            Some(Problem::Required)
        );
        assert_eq!(check_text("", false, Some(3), None, None, None, m), None);
        assert_eq!(
            check_text("12", true, Some(3), None, None, None, m),
            Some(Problem::TooShort { min: 3 })
        );
        assert_eq!(
            check_text("1234", true, None, Some(3), None, None, m),
            Some(Problem::TooLong { max: 3 })
        );
        assert_eq!(
            check_text("12a", true, None, None, Some("[0-9]+"), Some("999"), m),
            Some(Problem::BadFormat {
                hint: Some("999".into()),
                reg_ex: "[0-9]+".into(),
            })
        );
        assert_eq!(
            check_text("123", true, None, None, Some("[0-9]+"), None, m),
            None
        );
        assert_eq!(
            check_text("x", true, None, None, Some("(unknown"), None, m),
            None
        );
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert_eq!(
            check_text("ééé", true, None, Some(3), None, None, &Digits),
            None
        );
    }

    #[test]
    fn calendar_dates_follow_the_pattern() {
        assert!(is_calendar_date("02/29/2024", "mm/dd/yyyy"));
        assert!(!is_calendar_date("02/30/2024", "mm/dd/yyyy"));
        assert!(!is_calendar_date("13/01/2024", "mm/dd/yyyy"));
        assert!(is_calendar_date("31/12/2024", "dd/mm/yyyy"));
        assert!(is_calendar_date("2024-12-31", "yyyy-mm-dd"));
        assert!(!is_calendar_date("2024-1-31", "yyyy-mm-dd"));
        assert!(is_calendar_date("anything", "a hint"));
    }

    #[test]
    fn date_properties_must_be_real_dates() {
        let date = PropertyField {
            pattern: Some("mm/dd/yyyy".into()),
            reg_ex: Some("[0-9]{2}/[0-9]{2}/[0-9]{4}".into()),
            ..field("WHEN", PropertyType::Date, false)
        };
        let value = |t: &str| FieldValue {
            id: "WHEN".into(),
            kind: PropertyType::Date,
            text: Some(t.into()),
            date: None,
            choice: None,
        };
        assert_eq!(
            check_property(&date, Some(&value("12/25/2026")), &Digits),
            None
        );
        assert_eq!(
            check_property(&date, Some(&value("02/31/2026")), &Digits),
            Some(Problem::NotADate {
                hint: Some("mm/dd/yyyy".into())
            })
        );
        assert_eq!(
            check_property(&date, Some(&value("2026-12-25")), &Digits),
            Some(Problem::BadFormat {
                hint: Some("mm/dd/yyyy".into()),
                reg_ex: "[0-9]{2}/[0-9]{2}/[0-9]{4}".into(),
            })
        );
    }

    #[test]
    fn date_values_are_iso_date_times_given_once() {
        let definition = PropertyField {
            pattern: Some("mm/dd/yyyy".into()),
            ..field("WHEN", PropertyType::Date, true)
        };
        let value = |date: &str, text: Option<&str>| FieldValue {
            id: "WHEN".into(),
            kind: PropertyType::Date,
            text: text.map(Into::into),
            date: Some(date.into()),
            choice: None,
        };
        for good in ["2016-12-22T00:00:00+00:00", "2016-12-22T00:00:00Z"] {
            assert_eq!(
                check_property(&definition, Some(&value(good, None)), &Digits),
                None
            );
        }
        let problem = check_property(&definition, Some(&value("12/22/2016", None)), &Digits);
        assert_eq!(problem.as_ref().map(Problem::code), Some("invalid-date"));
        let both = check_property(
            &definition,
            Some(&value("2016-12-22T00:00:00Z", Some("12/22/2016"))),
            &Digits,
        );
        assert_eq!(both, Some(Problem::DateAndText));
        let text_field = field("NOTE", PropertyType::Text, false);
        let on_text = FieldValue {
            id: "NOTE".into(),
            kind: PropertyType::Text,
            ..value("2016-12-22T00:00:00Z", None)
        };
        assert!(matches!(
            check_property(&text_field, Some(&on_text), &Digits),
            Some(Problem::WrongType { .. })
        ));
    }

    #[test]
    fn choices_check_ids_and_other_text() {
        let m = &Digits;
        assert_eq!(
            check_property(&reason(), Some(&choice_value("Reason", "19", None)), m),
            None
        );
        assert_eq!(
            check_property(&reason(), Some(&choice_value("Reason", "7", None)), m),
            Some(Problem::UnknownChoice)
        );
        assert_eq!(
            check_property(
                &reason(),
                Some(&choice_value("Reason", "19", Some("why"))),
                m
            ),
            Some(Problem::OtherTextNotAllowed)
        );
        assert_eq!(
            check_property(&reason(), Some(&choice_value("Reason", "99", Some(" "))), m),
            Some(Problem::OtherTextRequired)
        );
        assert_eq!(
            check_property(
                &reason(),
                Some(&choice_value("Reason", "99", Some("Lost"))),
                m
            ),
            None
        );
        assert_eq!(check_property(&reason(), None, m), Some(Problem::Required));
        assert_eq!(
            check_property(&reason(), Some(&text_value("Reason", "19")), m),
            Some(Problem::WrongType {
                expected: PropertyType::Choice
            })
        );
    }

    #[test]
    fn properties_report_unknown_duplicate_and_missing_fields() {
        let groups = vec![PropertyGroup {
            group_id: "MISC".into(),
            fields: vec![field("A", PropertyType::Text, true), reason()],
        }];
        let values = vec![
            PropertyGroupValue {
                group_id: "MISC".into(),
                fields: vec![
                    text_value("A", "x"),
                    text_value("A", "y"),
                    text_value("Z", "?"),
                ],
            },
            PropertyGroupValue {
                group_id: "NOPE".into(),
                fields: vec![text_value("B", "x")],
            },
        ];
        let problems = check_properties(&groups, &values, &Digits);
        let summary: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field_id.as_str(), p.problem.code()))
            .collect();
        assert_eq!(
            summary,
            [
                ("A", "duplicate-field"),
                ("Z", "unknown-field"),
                ("B", "unknown-field"),
                ("Reason", "required")
            ]
        );
    }

    #[test]
    fn addresses_check_options_required_and_unknown_fields() {
        use crate::regions::AddressOption;
        let format = vec![
            AddressField {
                id: "CITY".into(),
                label: "City".into(),
                min_length: Some(1),
                max_length: Some(50),
                validation: Validation::Required,
                options: None,
                pattern: None,
                reg_ex: None,
            },
            AddressField {
                id: "STATE".into(),
                label: "State".into(),
                min_length: Some(2),
                max_length: Some(2),
                validation: Validation::Required,
                options: Some(vec![AddressOption {
                    label: "Connecticut".into(),
                    value: "CT".into(),
                }]),
                pattern: None,
                reg_ex: None,
            },
        ];
        let value = |id: &str, v: &str| AddressValue {
            id: id.into(),
            label: None,
            value: v.into(),
        };
        assert!(check_address(
            &format,
            &[value("CITY", "Orange"), value("STATE", "CT")],
            &Digits
        )
        .is_empty());
        let problems = check_address(
            &format,
            &[value("STATE", "XX"), value("PLANET", "Mars")],
            &Digits,
        );
        let summary: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field_id.as_str(), p.problem.code()))
            .collect();
        assert_eq!(
            summary,
            [
                ("PLANET", "unknown-field"),
                ("CITY", "required"),
                ("STATE", "invalid-option")
            ]
        );
        assert_eq!(
            problems[1].problem.message(&problems[1].label),
            "City is required."
        );
    }
}
