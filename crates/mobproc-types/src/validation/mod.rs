//! Checks of order property values and shipping addresses against their
//! definitions, shared by the widget (before anything is sent) and the
//! sandbox (when an order arrives), so both find the same problems.
//!
//! Regular expressions are matched through [`PatternMatcher`]: the sandbox
//! uses the `regex` crate, the widget the browser's `RegExp`. The API's
//! `regEx` values are unanchored; they must match the whole value.

mod address;
mod property;
#[cfg(test)]
mod tests;
mod text;

pub use address::{check_address, check_address_field};
pub use property::{check_properties, check_property};
pub use text::{check_text, is_calendar_date};

use crate::expected_format::bad_format_message;
use crate::properties::PropertyType;

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
