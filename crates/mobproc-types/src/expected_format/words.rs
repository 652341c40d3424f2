//! Shapes in English and in French.

use super::pattern::Kind;
use super::Part;

/// A language shapes are worded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    French,
}

/// A date pattern as written in `language`: French writes `jj/mm/aaaa`.
pub fn date_pattern(pattern: &str, language: Language) -> String {
    match language {
        Language::English => pattern.to_owned(),
        Language::French => pattern
            .replace("yyyy", "aaaa")
            .replace("YYYY", "AAAA")
            .replace("dd", "jj")
            .replace("DD", "JJ"),
    }
}

/// Shapes as one phrase: "5 or 9 digits", "5 digits, or 5 digits, a
/// hyphen and 4 digits".
pub fn shapes(shapes: &[Vec<Part>], language: Language) -> String {
    if let Some((kind, counts)) = same_kind_counts(shapes) {
        let plural = counts.last().is_some_and(|n| *n > 1);
        let counts: Vec<String> = counts.iter().map(u32::to_string).collect();
        let or = match language {
            Language::English => " or ",
            Language::French => " ou ",
        };
        return format!("{} {}", list(&counts, or), unit(kind, plural, language));
    }
    let described: Vec<String> = shapes.iter().map(|s| shape(s, language)).collect();
    let or = match language {
        Language::English => ", or ",
        Language::French => ", ou ",
    };
    described.join(or)
}

/// When every shape is one exact run of the same kind: the kind and counts.
fn same_kind_counts(shapes: &[Vec<Part>]) -> Option<(Kind, Vec<u32>)> {
    if shapes.len() < 2 {
        return None;
    }
    let mut first_kind = None;
    let mut counts = Vec::new();
    for shape in shapes {
        let [Part::Run { kind, min, max }] = shape.as_slice() else {
            return None;
        };
        if *max != Some(*min) || first_kind.is_some_and(|k| k != *kind) {
            return None;
        }
        first_kind = Some(*kind);
        counts.push(*min);
    }
    Some((first_kind?, counts))
}

fn shape(parts: &[Part], language: Language) -> String {
    let words: Vec<String> = parts.iter().map(|p| part(p, language)).collect();
    let and = match language {
        Language::English => " and ",
        Language::French => " et ",
    };
    list(&words, and)
}

/// "a, b and c": the last two joined by `last_joiner`.
fn list(items: &[String], last_joiner: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{}{last_joiner}{last}", init.join(", ")),
    }
}

fn part(part: &Part, language: Language) -> String {
    match (part, language) {
        (Part::Run { kind, min, max }, _) => run(*kind, *min, *max, language),
        (Part::Text(text), Language::English) => format!("“{text}”"),
        (Part::Text(text), Language::French) => format!("« {text} »"),
        (Part::Separator(c), _) => separator(*c, language),
    }
}

fn run(kind: Kind, min: u32, max: Option<u32>, language: Language) -> String {
    let plural = |n: u32| match language {
        Language::English => n != 1,
        Language::French => n >= 2,
    };
    match (max, language) {
        (Some(max), _) if max == min => format!("{min} {}", unit(kind, plural(min), language)),
        (Some(max), Language::English) => format!("{min} to {max} {}", unit(kind, true, language)),
        (Some(max), Language::French) => format!("de {min} à {max} {}", unit(kind, true, language)),
        (None, Language::English) if min == 0 => {
            format!("any number of {}", unit(kind, true, language))
        }
        (None, Language::French) if min == 0 => {
            format!("un nombre quelconque de {}", unit(kind, true, language))
        }
        (None, Language::English) => {
            format!("at least {min} {}", unit(kind, plural(min), language))
        }
        (None, Language::French) => format!("au moins {min} {}", unit(kind, plural(min), language)),
    }
}

fn unit(kind: Kind, plural: bool, language: Language) -> &'static str {
    let (one, many) = match (kind, language) {
        (Kind::Digit, Language::English) => ("digit", "digits"),
        (Kind::Digit, Language::French) => ("chiffre", "chiffres"),
        (Kind::Letter, Language::English) => ("letter", "letters"),
        (Kind::Letter, Language::French) => ("lettre", "lettres"),
        (Kind::Capital, Language::English) => ("capital letter", "capital letters"),
        (Kind::Capital, Language::French) => ("lettre majuscule", "lettres majuscules"),
        (Kind::Lowercase, Language::English) => ("lowercase letter", "lowercase letters"),
        (Kind::Lowercase, Language::French) => ("lettre minuscule", "lettres minuscules"),
        (Kind::LetterOrDigit, Language::English) => ("letter or digit", "letters or digits"),
        (Kind::LetterOrDigit, Language::French) => ("lettre ou chiffre", "lettres ou chiffres"),
        (Kind::CapitalOrDigit, Language::English) => {
            ("capital letter or digit", "capital letters or digits")
        }
        (Kind::CapitalOrDigit, Language::French) => (
            "lettre majuscule ou chiffre",
            "lettres majuscules ou chiffres",
        ),
        (Kind::AnyCharacter, Language::English) => ("character", "characters"),
        (Kind::AnyCharacter, Language::French) => ("caractère", "caractères"),
    };
    if plural {
        many
    } else {
        one
    }
}

fn separator(c: char, language: Language) -> String {
    let named = match (c, language) {
        ('-', Language::English) => "a hyphen",
        ('-', Language::French) => "un trait d’union",
        (' ', Language::English) => "a space",
        (' ', Language::French) => "une espace",
        ('.', Language::English) => "a period",
        ('.', Language::French) => "un point",
        ('/', Language::English) => "a slash",
        ('/', Language::French) => "une barre oblique",
        ('+', Language::English) => "a plus sign",
        ('+', Language::French) => "un signe plus",
        (':', Language::English) => "a colon",
        (':', Language::French) => "un deux-points",
        (',', Language::English) => "a comma",
        (',', Language::French) => "une virgule",
        ('_', Language::English) => "an underscore",
        ('_', Language::French) => "un trait de soulignement",
        (_, Language::English) => return format!("“{c}”"),
        (_, Language::French) => return format!("« {c} »"),
    };
    named.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dates_name_days_and_years_in_french() {
        assert_eq!(date_pattern("mm/dd/yyyy", Language::French), "mm/jj/aaaa");
        assert_eq!(date_pattern("YYYY-MM-DD", Language::French), "AAAA-MM-JJ");
        assert_eq!(date_pattern("dd/mm/yyyy", Language::English), "dd/mm/yyyy");
    }

    #[test]
    fn counts_agree_in_each_language() {
        let run = |min, max| Part::Run {
            kind: Kind::Letter,
            min,
            max,
        };
        let say = |part: Part, language| shapes(&[vec![part]], language);
        assert_eq!(say(run(1, Some(1)), Language::English), "1 letter");
        assert_eq!(say(run(1, Some(1)), Language::French), "1 lettre");
        assert_eq!(
            say(run(0, None), Language::French),
            "un nombre quelconque de lettres"
        );
        assert_eq!(say(run(1, None), Language::French), "au moins 1 lettre");
        assert_eq!(say(run(2, None), Language::English), "at least 2 letters");
        assert_eq!(
            shapes(
                &[vec![run(1, Some(1))], vec![run(2, Some(2))]],
                Language::English
            ),
            "1 or 2 letters"
        );
    }

    #[test]
    fn separators_without_a_name_are_quoted() {
        let parts = vec![Part::Separator('#'), Part::Separator('(')];
        assert_eq!(
            shapes(std::slice::from_ref(&parts), Language::English),
            "“#” and “(”"
        );
        assert_eq!(shapes(&[parts], Language::French), "« # » et « ( »");
    }
}
