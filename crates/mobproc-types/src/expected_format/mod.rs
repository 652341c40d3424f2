//! What a value with a `regEx` rule should look like, for people: "5
//! digits, or 5 digits, a hyphen and 4 digits", "like A1A 1A1", "a date
//! written mm/dd/yyyy" — never the regular expression itself.
//!
//! The rule is read with [`pattern`]; simple shapes (runs of digits or
//! letters with separators, and alternatives of such) are described in
//! words, other ones shown through an example (the API's `pattern` hint
//! when it is one, else one made from the rule), and a rule that can't be
//! read gets a generic wording from the caller.

mod matching;
pub mod pattern;
mod words;

use pattern::{Kind, Node};
pub use words::Language;

/// At most this many alternatives are described in words.
const MAX_ALTERNATIVES: usize = 4;
/// At most this many runs of digits or letters in one alternative.
const MAX_RUNS: usize = 3;
/// At most this many parts (runs and separators) in one alternative.
const MAX_PARTS: usize = 5;

/// What is expected, in a form each language can word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A date written in this pattern (`mm/dd/yyyy`).
    Date(String),
    /// One of these shapes ("5 digits", "2 capital letters, a hyphen and 4 digits").
    Shapes(Vec<Vec<Part>>),
    /// A value like this one.
    Example(String),
    /// Nothing better than "in the expected format".
    Unknown,
}

/// One part of a shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Between `min` and `max` characters of a kind (no `max`: any number).
    Run {
        kind: Kind,
        min: u32,
        max: Option<u32>,
    },
    /// These letters or digits, as written ("CC").
    Text(String),
    /// One separator character (a hyphen, a space...).
    Separator(char),
}

/// What a value checked by the rule `reg_ex` should look like; `hint` is
/// the API's `pattern` (a date pattern, an example, or a notation such as
/// `[99999] or [99999-9999]`).
pub fn expected_format(reg_ex: &str, hint: Option<&str>) -> Expected {
    let hint = hint.map(str::trim).filter(|h| !h.is_empty());
    if let Some(date) = hint.filter(|h| is_date_pattern(h)) {
        return Expected::Date(date.to_owned());
    }
    let Some(alternatives) = pattern::parse(reg_ex) else {
        return Expected::Unknown;
    };
    if let Some(shapes) = shapes(&alternatives) {
        return Expected::Shapes(shapes);
    }
    if let Some(hint) = hint.filter(|h| matching::full_match(&alternatives, h)) {
        return Expected::Example(hint.to_owned());
    }
    matching::example(&alternatives).map_or(Expected::Unknown, Expected::Example)
}

impl Expected {
    /// The expectation as a phrase to follow "Enter" / "must be" (shapes),
    /// "like" (examples) or "written" (dates); `None` when unknown.
    pub fn phrase(&self, language: Language) -> Option<String> {
        match self {
            Expected::Date(pattern) => Some(words::date_pattern(pattern, language)),
            Expected::Shapes(shapes) => Some(words::shapes(shapes, language)),
            Expected::Example(example) => Some(example.clone()),
            Expected::Unknown => None,
        }
    }
}

/// An English sentence (the sandbox's error message) about a value of the
/// field `label` that breaks its rule.
pub fn bad_format_message(label: &str, reg_ex: &str, hint: Option<&str>) -> String {
    let expected = expected_format(reg_ex, hint);
    match (&expected, expected.phrase(Language::English)) {
        (Expected::Date(_), Some(date)) => format!("{label} must be a date written {date}."),
        (Expected::Shapes(_), Some(shapes)) => format!("{label} must be {shapes}."),
        (Expected::Example(_), Some(example)) => format!("{label} must look like {example}."),
        _ => format!("{label} is not in the expected format."),
    }
}

/// `dd`, `mm` and `yyyy` in any order and case (`mm/dd/yyyy`, `YYYY-MM-DD`).
fn is_date_pattern(hint: &str) -> bool {
    let lower = hint.to_ascii_lowercase();
    ["dd", "mm", "yyyy"].iter().all(|part| lower.contains(part))
}

/// The shapes of a pattern, when it is simple enough to say in words.
fn shapes(alternatives: &[Vec<Node>]) -> Option<Vec<Vec<Part>>> {
    let mut flat = Vec::new();
    for sequence in alternatives {
        flat.extend(flatten(sequence)?);
        if flat.len() > MAX_ALTERNATIVES {
            return None;
        }
    }
    let mut shapes: Vec<Vec<Part>> = Vec::new();
    for sequence in flat {
        let parts = parts(&sequence)?;
        let runs = parts
            .iter()
            .filter(|p| matches!(p, Part::Run { .. }))
            .count();
        if parts.is_empty() || runs > MAX_RUNS || parts.len() > MAX_PARTS {
            return None;
        }
        if !shapes.contains(&parts) {
            shapes.push(parts);
        }
    }
    Some(shapes)
}

/// The sequences a sequence stands for once its groups are spelled out
/// (an optional group is two sequences: without it and with it), each of
/// characters and repeated characters only; `None` past the limit.
fn flatten(sequence: &[Node]) -> Option<Vec<Vec<Node>>> {
    let mut done: Vec<Vec<Node>> = vec![Vec::new()];
    for node in sequence {
        let options: Vec<Vec<Node>> = match node {
            Node::Group(alternatives) => spell_out(alternatives)?,
            Node::Repeat {
                node: inner,
                min,
                max,
            } => match (&**inner, max) {
                (Node::Group(alternatives), Some(1)) if *min <= 1 => {
                    let mut options = spell_out(alternatives)?;
                    if *min == 0 {
                        options.insert(0, Vec::new());
                    }
                    options
                }
                (Node::Group(alternatives), Some(max)) if min == max && *max <= 3 => {
                    let once = spell_out(alternatives)?;
                    let [once] = once.as_slice() else {
                        return None;
                    };
                    vec![(0..*max).flat_map(|_| once.iter().cloned()).collect()]
                }
                (Node::Group(_), _) => return None,
                _ => vec![vec![node.clone()]],
            },
            _ => vec![vec![node.clone()]],
        };
        let mut next = Vec::new();
        for before in &done {
            for option in &options {
                next.push(before.iter().chain(option).cloned().collect());
            }
        }
        if next.len() > MAX_ALTERNATIVES {
            return None;
        }
        done = next;
    }
    Some(done)
}

fn spell_out(alternatives: &[Vec<Node>]) -> Option<Vec<Vec<Node>>> {
    let mut all = Vec::new();
    for sequence in alternatives {
        all.extend(flatten(sequence)?);
    }
    (all.len() <= MAX_ALTERNATIVES).then_some(all)
}

/// The parts of a flat sequence: runs of one kind merged, letters and
/// digits written out kept together; `None` for what has no words (an
/// optional character, a class without a name).
fn parts(sequence: &[Node]) -> Option<Vec<Part>> {
    let mut parts: Vec<Part> = Vec::new();
    for node in sequence {
        let (single, min, max) = match node {
            Node::Repeat { node, min, max } => (&**node, *min, *max),
            other => (other, 1, Some(1)),
        };
        match single {
            Node::Char(c) if max == Some(min) => {
                for _ in 0..min {
                    push_char(&mut parts, *c);
                }
            }
            Node::Set(_) => {
                let kind = single.kind()?;
                match parts.last_mut() {
                    Some(Part::Run {
                        kind: last,
                        min: last_min,
                        max: last_max,
                    }) if *last == kind => {
                        *last_min += min;
                        *last_max = last_max.zip(max).map(|(a, b)| a + b);
                    }
                    _ => parts.push(Part::Run { kind, min, max }),
                }
            }
            _ => return None,
        }
    }
    Some(parts)
}

fn push_char(parts: &mut Vec<Part>, c: char) {
    if !c.is_alphanumeric() {
        parts.push(Part::Separator(c));
        return;
    }
    match parts.last_mut() {
        Some(Part::Text(text)) => text.push(c),
        _ => parts.push(Part::Text(c.to_string())),
    }
}

#[cfg(test)]
mod tests;
