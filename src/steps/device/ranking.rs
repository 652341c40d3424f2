//! How well a device matches a search, and the natural order of names
//! ("iPhone 5" before "iPhone 11"). Both work on folded texts in place:
//! nothing is allocated per device.

use std::cmp::Ordering;

/// How a search word is found in a text, worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    /// Inside a word ("pro" in "(product)").
    Inside,
    /// At the start of a word ("pro" in "product").
    WordStart,
    /// A whole word ("pro" in "15 pro max").
    WholeWord,
}

/// The best way `word` is found in `text`, if it is.
pub fn best_match(text: &str, word: &str) -> Option<WordMatch> {
    let mut best = None;
    for (at, _) in text.match_indices(word) {
        let starts = text[..at].chars().next_back().is_none_or(is_separator);
        let ends = text[at + word.len()..]
            .chars()
            .next()
            .is_none_or(is_separator);
        let found = match (starts, ends) {
            (true, true) => return Some(WordMatch::WholeWord),
            (true, false) => WordMatch::WordStart,
            _ => WordMatch::Inside,
        };
        best = best.max(Some(found));
    }
    best
}

fn is_separator(c: char) -> bool {
    !c.is_alphanumeric()
}

/// How well a device matches all `words` of a search (`None`: it does not):
/// whole words count most, then word starts; the search as typed, all in a
/// row in the name, counts on top.
pub fn relevance(name: &str, haystack: &str, words: &[&str], phrase: &str) -> Option<u32> {
    let mut score = 0;
    for word in words {
        score += match best_match(haystack, word)? {
            WordMatch::WholeWord => 4,
            WordMatch::WordStart => 2,
            WordMatch::Inside => 1,
        };
    }
    if words.len() > 1 && name.contains(phrase) {
        score += 1;
    }
    Some(score)
}

/// Compares names as people do: runs of digits by their value, so
/// "iphone 5" < "iphone 11" < "iphone 11 pro"; the rest character by character.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let (digits_a, rest_a) = split_digits(a);
            let (digits_b, rest_b) = split_digits(b);
            let order = compare_numbers(digits_a, digits_b);
            if order != Ordering::Equal {
                return order;
            }
            (a, b) = (rest_a, rest_b);
        } else if x != y {
            return x.cmp(&y);
        } else {
            (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
        }
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Compares two runs of digits by value, however long; equal values
/// with more leading zeros come after.
fn compare_numbers(a: &str, b: &str) -> Ordering {
    let (short_a, short_b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    short_a
        .len()
        .cmp(&short_b.len())
        .then_with(|| short_a.cmp(short_b))
        .then_with(|| a.len().cmp(&b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_beat_word_starts_beat_insides() {
        assert_eq!(
            best_match("iphone 15 pro max", "pro"),
            Some(WordMatch::WholeWord)
        );
        assert_eq!(
            best_match("iphone 15 (product)red", "pro"),
            Some(WordMatch::WordStart)
        );
        assert_eq!(best_match("improve", "pro"), Some(WordMatch::Inside));
        assert_eq!(
            best_match("approve pro", "pro"),
            Some(WordMatch::WholeWord),
            "the best of several places"
        );
        assert_eq!(best_match("pixel", "pro"), None);
        assert_eq!(best_match("téléphone", "phone"), Some(WordMatch::Inside));
    }

    #[test]
    fn relevance_needs_every_word_and_rewards_the_phrase() {
        let words = ["iphone", "15", "pro"];
        let phrase = "iphone 15 pro";
        let pro = relevance(
            "iphone 15 pro (128gb)",
            "iphone 15 pro (128gb) apple",
            &words,
            phrase,
        );
        let red = relevance(
            "iphone 15 (product)red",
            "iphone 15 (product)red apple",
            &words,
            phrase,
        );
        let scattered = relevance("iphone pro 15", "iphone pro 15 apple", &words, phrase);
        assert!(
            pro > scattered && scattered > red,
            "{pro:?} {scattered:?} {red:?}"
        );
        assert_eq!(
            relevance("iphone 14", "iphone 14 apple", &words, phrase),
            None
        );
    }

    #[test]
    fn numbers_in_names_sort_by_value() {
        let mut names = vec![
            "iphone 11 pro",
            "iphone 5",
            "iphone 11",
            "galaxy s22",
            "galaxy s9",
            "iphone 007",
            "iphone 7",
            "iphone",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "galaxy s9",
                "galaxy s22",
                "iphone",
                "iphone 5",
                "iphone 7",
                "iphone 007",
                "iphone 11",
                "iphone 11 pro"
            ]
        );
        let huge = "x 123456789012345678901234567890";
        assert_eq!(natural_cmp(huge, "x 99"), Ordering::Greater);
        assert_eq!(natural_cmp("é 2", "é 10"), Ordering::Less);
    }
}
