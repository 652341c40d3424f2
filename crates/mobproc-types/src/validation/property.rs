//! Checks of order property values (text, date and choice fields) against
//! their definitions, one at a time and for a whole order.

use super::{check_text, is_calendar_date, FieldProblem, PatternMatcher, Problem};
use crate::date::parse_timestamp;
use crate::orders::{FieldValue, PropertyGroupValue};
use crate::properties::{PropertyField, PropertyGroup, PropertyType, Validation};

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
