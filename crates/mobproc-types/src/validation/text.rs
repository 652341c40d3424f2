//! Rules for free text: required, length and format, and calendar dates
//! written in a field's pattern.

use super::{PatternMatcher, Problem};
use crate::date::days_in_month;

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
