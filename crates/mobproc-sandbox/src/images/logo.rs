//! Carrier and manufacturer logos: a round badge with the company's short
//! name when it fits, else its initials.

use super::colour::NEUTRAL;
use super::escape;

/// The longest label drawn whole; longer names are drawn as initials.
const LONGEST_LABEL: usize = 5;

/// Trailing words that are not part of a carrier's short name.
const SUFFIXES: &[&str] = &["wireless", "mobility", "mobile", "usa", "uk", "inc", "ltd"];

/// A stable colour for a name, from a small palette with good contrast on white text.
fn colour(name: &str) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#1d4ed8", "#047857", "#b91c1c", "#7c3aed", "#c2410c", "#0f766e", "#be185d", "#374151",
    ];
    let hash = name
        .bytes()
        .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    PALETTE[hash as usize % PALETTE.len()]
}

/// The name without the trailing words that say what kind of company it is:
/// "Verizon Wireless" is "Verizon", "T-Mobile USA" "T-Mobile".
fn short_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|word| SUFFIXES.contains(&word.to_lowercase().as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// The first letter of each word (words split at spaces, punctuation and
/// lowercase-to-uppercase changes: "OnePlus" is "OP"), at most three.
fn initials(name: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let starts_word = c.is_alphanumeric()
            && match previous {
                None => true,
                Some(before) => {
                    !before.is_alphanumeric() || (before.is_lowercase() && c.is_uppercase())
                }
            };
        if starts_word {
            out.extend(c.to_uppercase());
        }
        previous = Some(c);
    }
    out.chars().take(3).collect()
}

/// What the badge shows: the short name when it fits, else the initials.
pub fn logo_label(name: &str) -> String {
    let short = short_name(name.trim());
    if !short.is_empty() && short.chars().count() <= LONGEST_LABEL {
        short
    } else {
        initials(&short)
    }
}

/// A 48×48 badge for the company `name`; a plain neutral one when the
/// name is unknown (empty).
pub fn logo_svg(name: &str) -> String {
    let label = logo_label(name);
    if label.is_empty() {
        return format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48" role="img"><circle cx="24" cy="24" r="23" fill="{NEUTRAL}"/></svg>"#
        );
    }
    let font_size = match label.chars().count() {
        1 | 2 => 18.0,
        3 => 15.0,
        4 => 12.5,
        _ => 10.5,
    };
    let title = escape(&name.chars().take(120).collect::<String>());
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48" role="img" aria-label="{title}"><title>{title}</title><circle cx="24" cy="24" r="23" fill="{fill}"/><text x="24" y="24" dy=".35em" font-family="sans-serif" font-size="{font_size}" font-weight="700" text-anchor="middle" fill="#fff">{label}</text></svg>"##,
        fill = colour(name),
        label = escape(&label),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_that_fit_are_drawn_whole() {
        for (name, label) in [
            ("AT&T Mobility", "AT&T"),
            ("Bell Mobility", "Bell"),
            ("Telus Mobility", "Telus"),
            ("O2 UK", "O2"),
            ("Three UK", "Three"),
            ("EE", "EE"),
            ("Apple", "Apple"),
            ("Sony", "Sony"),
        ] {
            assert_eq!(logo_label(name), label, "{name}");
        }
    }

    #[test]
    fn longer_names_are_drawn_as_initials() {
        for (name, label) in [
            ("Verizon Wireless", "V"),
            ("T-Mobile USA", "TM"),
            ("US Cellular", "UC"),
            ("Freedom Mobile", "F"),
            ("Vodafone UK", "V"),
            ("OnePlus", "OP"),
            ("BlackBerry", "BB"),
            ("Mobile", "M"),
            ("über große Telefongesellschaft", "ÜGT"),
        ] {
            assert_eq!(logo_label(name), label, "{name}");
        }
    }

    #[test]
    fn logos_escape_names_and_show_no_more_than_the_label() {
        let svg = logo_svg("AT&T Mobility");
        assert!(svg.contains(">AT&amp;T</text>"), "{svg}");
        assert!(svg.contains("<title>AT&amp;T Mobility</title>"), "{svg}");
        let hostile = logo_svg("<script>alert(1)</script>");
        assert!(!hostile.contains("<script"), "{hostile}");
        assert_eq!(logo_svg("Verizon"), logo_svg("Verizon"));
        assert!(!logo_svg("").contains("<text"));
    }
}
