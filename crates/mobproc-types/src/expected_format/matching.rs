//! Matching a value against a read pattern, and making an example value
//! the pattern accepts.

use super::pattern::Node;

/// Whether `text` matches the whole pattern. Simulates all positions at
/// once, so no pattern takes exponential time.
pub fn full_match(alternatives: &[Vec<Node>], text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut start = vec![false; chars.len() + 1];
    start[0] = true;
    let end = step_group(alternatives, &chars, &start);
    end[chars.len()]
}

type Positions = Vec<bool>;

fn step_group(alternatives: &[Vec<Node>], text: &[char], from: &Positions) -> Positions {
    let mut reached = vec![false; from.len()];
    for sequence in alternatives {
        let end = sequence
            .iter()
            .fold(from.clone(), |at, node| step(node, text, &at));
        for (all, this) in reached.iter_mut().zip(end) {
            *all |= this;
        }
    }
    reached
}

fn step(node: &Node, text: &[char], from: &Positions) -> Positions {
    match node {
        Node::Char(c) => step_char(text, from, |t| t == *c),
        Node::Set(set) => step_char(text, from, |t| set.contains(t)),
        Node::Group(alternatives) => step_group(alternatives, text, from),
        Node::Repeat { node, min, max } => {
            let mut at = from.clone();
            for _ in 0..*min {
                at = step(node, text, &at);
            }
            let mut reached = at.clone();
            let extra = max.map_or(text.len() + 1, |max| (max - min) as usize);
            for _ in 0..extra {
                at = step(node, text, &at);
                let before = reached.clone();
                for (all, this) in reached.iter_mut().zip(&at) {
                    *all |= this;
                }
                if reached == before {
                    break;
                }
            }
            reached
        }
    }
}

fn step_char(text: &[char], from: &Positions, accepts: impl Fn(char) -> bool) -> Positions {
    let mut to = vec![false; from.len()];
    for (i, c) in text.iter().enumerate() {
        if from[i] && accepts(*c) {
            to[i + 1] = true;
        }
    }
    to
}

/// A short value the pattern accepts: the first alternative, the fewest
/// repetitions, but an optional separator (space, hyphen...) written, as a
/// person would.
pub fn example(alternatives: &[Vec<Node>]) -> Option<String> {
    let mut out = String::new();
    write_sequence(alternatives.first()?, &mut out)?;
    let fits = !out.is_empty() && full_match(alternatives, &out);
    fits.then_some(out)
}

fn write_sequence(nodes: &[Node], out: &mut String) -> Option<()> {
    nodes.iter().try_for_each(|node| write_node(node, out))
}

fn write_node(node: &Node, out: &mut String) -> Option<()> {
    match node {
        Node::Char(c) => out.push(*c),
        Node::Set(set) => out.push(set.sample()?),
        Node::Group(alternatives) => write_sequence(alternatives.first()?, out)?,
        Node::Repeat { node, min, max } => {
            let separator = matches!(**node, Node::Char(c) if !c.is_alphanumeric());
            let times = if *min == 0 && *max == Some(1) && separator {
                1
            } else {
                *min
            };
            for _ in 0..times {
                write_node(node, out)?;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expected_format::pattern::parse;

    fn matches(pattern: &str, text: &str) -> bool {
        full_match(&parse(pattern).expect(pattern), text)
    }

    #[test]
    fn whole_values_match_like_the_browser() {
        assert!(matches(r"^\d{5}(-\d{4})?$", "06477"));
        assert!(matches(r"^\d{5}(-\d{4})?$", "06477-1234"));
        assert!(!matches(r"^\d{5}(-\d{4})?$", "06477-12"));
        assert!(!matches(r"\d{5}", "064771"), "the whole value");
        assert!(matches(
            "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}",
            "SW1A 1AA"
        ));
        assert!(matches(
            "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}",
            "M11AE"
        ));
        assert!(matches(r"[^@\s]+@[^@\s]+\.[^@\s]+", "name@example.com"));
        assert!(!matches(r"[^@\s]+@[^@\s]+\.[^@\s]+", "name@example"));
        assert!(matches("(a|ab)(c|bcd)", "abcd"));
        assert!(matches("a*", ""));
        assert!(matches("(a*)*b", &format!("{}b", "a".repeat(40))));
        assert!(!matches("(a*)*b", &"a".repeat(40)), "no exponential search");
        assert!(matches(r"\.-\\", ".-\\"));
    }

    #[test]
    fn examples_are_short_readable_and_accepted() {
        let example_of = |pattern: &str| example(&parse(pattern).unwrap());
        assert_eq!(
            example_of("[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]").as_deref(),
            Some("A1A 1A1")
        );
        assert_eq!(
            example_of("[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}").as_deref(),
            Some("A1 1AA")
        );
        assert_eq!(
            example_of(r"[^@\s]+@[^@\s]+\.[^@\s]+").as_deref(),
            Some("a@a.a")
        );
        assert_eq!(example_of("0?[0-9]{3}").as_deref(), Some("111"));
        assert_eq!(example_of("(x|y)[a-c]+").as_deref(), Some("xa"));
        assert_eq!(
            example_of("a*").as_deref(),
            None,
            "an empty value shows nothing"
        );
    }
}
