//! The locale formats follow: the person's region, in the texts' language.

use super::Locale;

/// The locale dates and money are formatted for: the first of `preferred`
/// (the configured locale, then the browser's languages) in the language
/// of `texts` that names a region (`en-GB`, `en-CA`), reduced to language,
/// script and region so `Intl` always accepts it; else `texts`' own tag.
/// Texts stay in `texts`' language; formats follow the person's region.
pub fn format_locale(texts: Locale, preferred: &[String]) -> &'static str {
    preferred
        .iter()
        .filter_map(|tag| language_and_region(tag))
        .find(|(language, _)| *language == texts.primary())
        .map_or(texts.tag(), |(_, tag)| intern(tag))
}

/// The primary language and the `language[-Script]-REGION` of a BCP 47
/// tag, when it is well formed and names a region.
fn language_and_region(tag: &str) -> Option<(String, String)> {
    let mut parts = tag.trim().split(['-', '_']);
    let language = parts.next()?.to_ascii_lowercase();
    let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
    };
    if !letters(&language, 2..=3) {
        return None;
    }
    let mut next = parts.next()?;
    let mut canonical = language.clone();
    if letters(next, 4..=4) {
        canonical.push('-');
        canonical.push_str(&next[..1].to_ascii_uppercase());
        canonical.push_str(&next[1..].to_ascii_lowercase());
        next = parts.next()?;
    }
    let region =
        letters(next, 2..=2) || (next.len() == 3 && next.chars().all(|c| c.is_ascii_digit()));
    if !region {
        return None;
    }
    canonical.push('-');
    canonical.push_str(&next.to_ascii_uppercase());
    Some((language, canonical))
}

/// `tag` kept for the page's life, once per distinct tag (a page sees one
/// or two), so views can hold it as a plain `&'static str`.
fn intern(tag: String) -> &'static str {
    use std::cell::RefCell;
    thread_local! {
        static TAGS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    }
    TAGS.with(|tags| {
        if let Some(known) = tags.borrow().iter().find(|known| **known == tag) {
            return *known;
        }
        let kept: &'static str = Box::leak(tag.into_boxed_str());
        tags.borrow_mut().push(kept);
        kept
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_region_of_the_chosen_language() {
        let tags = |list: &[&str]| list.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            format_locale(Locale::En, &tags(&["en-GB", "en-US"])),
            "en-GB"
        );
        assert_eq!(format_locale(Locale::En, &tags(&["en-ca"])), "en-CA");
        assert_eq!(
            format_locale(Locale::En, &tags(&["de-DE", "en", "en-AU"])),
            "en-AU",
            "another language, then English without a region, are skipped"
        );
        assert_eq!(format_locale(Locale::En, &tags(&["de-DE"])), "en-US");
        assert_eq!(
            format_locale(Locale::FrCa, &tags(&["en-GB", "fr"])),
            "fr-CA"
        );
        assert_eq!(
            format_locale(Locale::FrCa, &tags(&["fr-CH", "fr-CA"])),
            "fr-CH"
        );
        assert_eq!(format_locale(Locale::En, &[]), "en-US");
        assert_eq!(
            format_locale(Locale::En, &tags(&["en-GB-oxendict", "en-US"])),
            "en-GB",
            "variants and extensions are dropped"
        );
        assert_eq!(
            format_locale(Locale::En, &tags(&["EN_latn_gb"])),
            "en-Latn-GB"
        );
        assert_eq!(
            format_locale(Locale::En, &tags(&["es-419", "en-150"])),
            "en-150"
        );
        assert_eq!(
            format_locale(
                Locale::En,
                &tags(&["en-<x>", "en-GBR", "en-", "e-GB", "en-NZ"])
            ),
            "en-NZ",
            "malformed tags never reach Intl"
        );
        let first = format_locale(Locale::En, &tags(&["en-IE"]));
        let again = format_locale(Locale::En, &tags(&["en-IE"]));
        assert!(std::ptr::eq(first, again), "a tag is kept once");
    }
}
