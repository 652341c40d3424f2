//! The common subset of regular expressions the API's `regEx` values use,
//! read into a tree that can be described, matched and turned into an
//! example (see `matching`): characters, classes (`[A-Z]`, `\d`, `[^@\s]`, `.`), groups with
//! alternatives, quantifiers and anchors. Anything else (look-arounds,
//! back-references, word boundaries) is refused, so nothing is guessed.

/// A set of characters: ranges, or everything but them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharSet {
    ranges: Vec<(char, char)>,
    negated: bool,
}

/// The classes people have names for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Digit,
    Letter,
    Capital,
    Lowercase,
    LetterOrDigit,
    CapitalOrDigit,
    AnyCharacter,
}

const DIGITS: (char, char) = ('0', '9');
const CAPITALS: (char, char) = ('A', 'Z');
const LOWERCASE: (char, char) = ('a', 'z');

impl CharSet {
    fn of(ranges: &[(char, char)]) -> CharSet {
        CharSet {
            ranges: ranges.to_vec(),
            negated: false,
        }
    }

    fn negate(mut self) -> CharSet {
        self.negated = !self.negated;
        self
    }

    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        self.ranges
            .iter()
            .any(|(low, high)| (*low..=*high).contains(&c))
            != self.negated
    }

    /// The class's name, when it is exactly one people know.
    pub fn kind(&self) -> Option<Kind> {
        if self.negated {
            return None;
        }
        let mut ranges = self.ranges.clone();
        crate::sort::sort_by(&mut ranges, Ord::cmp);
        ranges.dedup();
        match ranges.as_slice() {
            [DIGITS] => Some(Kind::Digit),
            [CAPITALS] => Some(Kind::Capital),
            [LOWERCASE] => Some(Kind::Lowercase),
            [CAPITALS, LOWERCASE] => Some(Kind::Letter),
            [DIGITS, CAPITALS] => Some(Kind::CapitalOrDigit),
            [DIGITS, CAPITALS, LOWERCASE] => Some(Kind::LetterOrDigit),
            _ => None,
        }
    }

    /// A character of the set for examples: `A` for letters, `1` for
    /// digits, `a` for "anything but...", else the first plain character
    /// it allows.
    pub fn sample(&self) -> Option<char> {
        let first = if self.negated { 'a' } else { 'A' };
        [first, '1', 'a', '-', ' ']
            .into_iter()
            .chain('!'..='~')
            .chain(self.ranges.iter().map(|(low, _)| *low))
            .find(|c| self.contains(*c))
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// This character.
    Char(char),
    /// One character of a set (`.` is the set of everything but line breaks).
    Set(CharSet),
    /// One of several sequences.
    Group(Vec<Vec<Node>>),
    /// `node` between `min` and `max` times (no `max`: unbounded).
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

impl Node {
    /// The class of a single character node (`.` included).
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Node::Set(set) if *set == any_character() => Some(Kind::AnyCharacter),
            Node::Set(set) => set.kind(),
            _ => None,
        }
    }
}

fn any_character() -> CharSet {
    CharSet::of(&[('\n', '\n'), ('\r', '\r')]).negate()
}

/// The alternatives of a whole pattern (`^` and `$` dropped), or `None`
/// when it uses anything outside the subset.
pub fn parse(pattern: &str) -> Option<Vec<Vec<Node>>> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser { chars, at: 0 };
    let alternatives = parser.alternatives()?;
    (parser.at == parser.chars.len()).then_some(alternatives)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.at += 1;
        }
        found
    }

    fn alternatives(&mut self) -> Option<Vec<Vec<Node>>> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat('|') {
            alternatives.push(self.sequence()?);
        }
        Some(alternatives)
    }

    fn sequence(&mut self) -> Option<Vec<Node>> {
        self.eat('^');
        let mut nodes = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' => break,
                '$' => {
                    self.at += 1;
                    return matches!(self.peek(), None | Some('|' | ')')).then_some(nodes);
                }
                _ => {
                    let atom = self.atom()?;
                    nodes.push(self.quantified(atom)?);
                }
            }
        }
        Some(nodes)
    }

    fn atom(&mut self) -> Option<Node> {
        match self.next()? {
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    return None;
                }
                let alternatives = self.alternatives()?;
                self.eat(')').then_some(Node::Group(alternatives))
            }
            '[' => self.class().map(Node::Set),
            '.' => Some(Node::Set(any_character())),
            '\\' => self.escape(),
            '^' | '*' | '+' | '?' | '{' | '}' | ']' => None,
            c => Some(Node::Char(c)),
        }
    }

    fn escape(&mut self) -> Option<Node> {
        let c = self.next()?;
        if let Some(set) = class_escape(c) {
            return Some(Node::Set(set));
        }
        literal_escape(c).map(Node::Char)
    }

    fn class(&mut self) -> Option<CharSet> {
        let negated = self.eat('^');
        let mut ranges = Vec::new();
        loop {
            let low = match self.next()? {
                ']' => break,
                '\\' => {
                    let c = self.next()?;
                    if let Some(set) = class_escape(c) {
                        if set.negated {
                            return None;
                        }
                        ranges.extend(set.ranges);
                        continue;
                    }
                    literal_escape(c)?
                }
                c => c,
            };
            let is_range = self.peek() == Some('-') && self.chars.get(self.at + 1) != Some(&']');
            if !is_range {
                ranges.push((low, low));
                continue;
            }
            self.at += 1;
            let high = match self.next()? {
                '\\' => literal_escape(self.next()?)?,
                c => c,
            };
            if high < low {
                return None;
            }
            ranges.push((low, high));
        }
        let set = CharSet::of(&ranges);
        Some(if negated { set.negate() } else { set })
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => return self.braces(atom),
            _ => return Some(atom),
        };
        self.at += 1;
        self.eat('?');
        Some(repeat(atom, min, max))
    }

    fn braces(&mut self, atom: Node) -> Option<Node> {
        self.at += 1;
        let min = self.number()?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') {
                None
            } else {
                Some(self.number()?)
            }
        } else {
            Some(min)
        };
        if !self.eat('}') || max.is_some_and(|max| max < min) {
            return None;
        }
        self.eat('?');
        Some(repeat(atom, min, max))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        digits.parse().ok().filter(|n| *n <= 1000)
    }
}

fn repeat(node: Node, min: u32, max: Option<u32>) -> Node {
    Node::Repeat {
        node: Box::new(node),
        min,
        max,
    }
}

/// `\d`, `\w`, `\s` and their negations.
fn class_escape(c: char) -> Option<CharSet> {
    let word = [DIGITS, CAPITALS, ('_', '_'), LOWERCASE];
    let space = [('\t', '\r'), (' ', ' ')];
    Some(match c {
        'd' => CharSet::of(&[DIGITS]),
        'D' => CharSet::of(&[DIGITS]).negate(),
        'w' => CharSet::of(&word),
        'W' => CharSet::of(&word).negate(),
        's' => CharSet::of(&space),
        'S' => CharSet::of(&space).negate(),
        _ => return None,
    })
}

/// An escaped character standing for itself (`\.`, `\-`, `\t`...);
/// `None` for escapes with another meaning (`\b`, `\1`, `\p`...).
fn literal_escape(c: char) -> Option<char> {
    match c {
        't' => Some('\t'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        c if c.is_ascii_punctuation() || c == ' ' => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn the_common_subset_is_read() {
        for pattern in [
            r"^\d{5}(-\d{4})?$",
            "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]",
            r"[^@\s]+@[^@\s]+\.[^@\s]+",
            "(?:ab|cd){2,}x*?",
            "[-a-z_]{1,3}",
            r"\(\d{3}\) \d{3}-\d{4}",
            "",
        ] {
            assert!(parse(pattern).is_some(), "{pattern}");
        }
    }

    #[test]
    fn what_the_subset_does_not_cover_is_refused() {
        for pattern in [
            r"\bword",
            r"(a)\1",
            "(?=x)x",
            "(?<name>x)",
            r"\p{L}",
            "a{2",
            "a{3,1}",
            "[z-a]",
            "(unclosed",
            "closed)",
            "*a",
            "a$b",
            "[abc",
        ] {
            assert_eq!(parse(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn classes_are_named_when_people_have_a_name_for_them() {
        let kind = |pattern: &str| match parse(pattern).unwrap().as_slice() {
            [sequence] => sequence[0].kind(),
            _ => None,
        };
        assert_eq!(kind(r"\d"), Some(Kind::Digit));
        assert_eq!(kind("[0-9]"), Some(Kind::Digit));
        assert_eq!(kind("[a-zA-Z]"), Some(Kind::Letter));
        assert_eq!(kind("[A-Z]"), Some(Kind::Capital));
        assert_eq!(kind("[a-z]"), Some(Kind::Lowercase));
        assert_eq!(kind("[A-Za-z0-9]"), Some(Kind::LetterOrDigit));
        assert_eq!(kind("[0-9A-Z]"), Some(Kind::CapitalOrDigit));
        assert_eq!(kind("."), Some(Kind::AnyCharacter));
        assert_eq!(kind(r"\w"), None, "the underscore has no name");
        assert_eq!(kind("[^0-9]"), None);
        assert_eq!(kind("[0-8]"), None);
    }
}
