//! Unit tests of the validation rules: text, dates, choices, property
//! groups and addresses.

use super::*;
use crate::orders::{AddressValue, ChoiceValue, FieldValue, PropertyGroupValue};
use crate::properties::{PropertyChoice, PropertyField, PropertyGroup, PropertyType, Validation};
use crate::regions::AddressField;

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
