//! Checks of shipping address values against a country's `addressFormat`.

use super::{check_text, FieldProblem, PatternMatcher, Problem};
use crate::orders::AddressValue;
use crate::properties::Validation;
use crate::regions::AddressField;

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
