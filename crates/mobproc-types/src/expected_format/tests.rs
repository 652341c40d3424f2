//! What rules look like in words, examples and sentences.

use super::*;

fn english(reg_ex: &str, hint: Option<&str>) -> String {
    let expected = expected_format(reg_ex, hint);
    match expected.phrase(Language::English) {
        Some(phrase) => match expected {
            Expected::Example(_) => format!("like {phrase}"),
            Expected::Date(_) => format!("a date written {phrase}"),
            _ => phrase,
        },
        None => "in the expected format".into(),
    }
}

#[test]
fn digits_are_counted() {
    assert_eq!(english("[0-9]{10}", None), "10 digits");
    assert_eq!(english(r"^\d{5}$", Some("99999")), "5 digits");
    assert_eq!(english("[0-9]{4,8}", Some("9999")), "4 to 8 digits");
    assert_eq!(english("[0-9]{10,20}", None), "10 to 20 digits");
    assert_eq!(english(r"\d", None), "1 digit");
    assert_eq!(english("[0-9]+", None), "at least 1 digit");
    assert_eq!(english(r"\d{3,}", None), "at least 3 digits");
    assert_eq!(english("[0-9]*", None), "any number of digits");
    assert_eq!(english("[0-9][0-9]{4}", None), "5 digits", "runs merge");
}

#[test]
fn letters_and_separators_are_named() {
    assert_eq!(english("[A-Za-z]{2}", None), "2 letters");
    assert_eq!(
        english("[A-Z]{2}-[0-9]{4}", Some("AA-9999")),
        "2 capital letters, a hyphen and 4 digits"
    );
    assert_eq!(english("[a-z]{3}", None), "3 lowercase letters");
    assert_eq!(
        english("[A-Za-z0-9]{6,32}", None),
        "6 to 32 letters or digits"
    );
    assert_eq!(english("[A-Z0-9]{8}", None), "8 capital letters or digits");
    assert_eq!(english(".{1,50}", None), "1 to 50 characters");
    assert_eq!(
        english(r"CC\d{4}", None),
        "“CC” and 4 digits",
        "letters written out are quoted"
    );
    assert_eq!(
        english(r"\(\d{3}\) \d{3}-\d{4}", None),
        "like (111) 111-1111",
        "too many parts for words"
    );
}

#[test]
fn alternatives_are_each_described() {
    let zip = "5 digits, or 5 digits, a hyphen and 4 digits";
    assert_eq!(english(r"^\d{5}(-\d{4})?$", None), zip);
    assert_eq!(
        english("[0-9]{5}(-[0-9]{4})?", Some("[99999] or [99999-9999]")),
        zip
    );
    assert_eq!(english(r"\d{5}|\d{5}-\d{4}", None), zip);
    assert_eq!(english(r"^\d{5}$|^\d{9}$", None), "5 or 9 digits");
    assert_eq!(english(r"\d{4}|\d{6}|\d{8}", None), "4, 6 or 8 digits");
    assert_eq!(
        english(r"(\d{3}-){2}\d{4}", None),
        "3 digits, a hyphen, 3 digits, a hyphen and 4 digits"
    );
    assert_eq!(
        english(r"(\d{2}|[A-Z]{2})", None),
        "2 digits, or 2 capital letters"
    );
}

#[test]
fn postal_codes_get_an_example() {
    assert_eq!(
        english(r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$", None),
        "like A1A 1A1"
    );
    let uk = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}";
    assert_eq!(
        english(uk, Some("SW1A 1AA")),
        "like SW1A 1AA",
        "the API's example"
    );
    assert_eq!(english(uk, None), "like A1 1AA");
    assert_eq!(
        english(uk, Some("[AA9A 9AA]")),
        "like A1 1AA",
        "a hint the rule refuses is no example"
    );
    assert_eq!(
        english(r"[^@\s]+@[^@\s]+\.[^@\s]+", Some("name@example.com")),
        "like name@example.com"
    );
    assert_eq!(
        english("0?[0-9]{10}", Some("07700900123")),
        "like 07700900123"
    );
}

#[test]
fn dates_keep_their_pattern() {
    assert_eq!(
        english("[0-9]{2}/[0-9]{2}/[0-9]{4}", Some("mm/dd/yyyy")),
        "a date written mm/dd/yyyy"
    );
    assert_eq!(
        english("anything", Some("YYYY-MM-DD")),
        "a date written YYYY-MM-DD"
    );
    assert_eq!(
        english("[0-9]{2}/[0-9]{2}/[0-9]{4}", None),
        "2 digits, a slash, 2 digits, a slash and 4 digits"
    );
}

#[test]
fn what_cannot_be_read_is_never_shown() {
    for reg_ex in [r"\bx\b", "(?=a)a", r"\p{Lu}+", "[", "a*"] {
        assert_eq!(
            english(reg_ex, Some(reg_ex)),
            "in the expected format",
            "{reg_ex}"
        );
    }
    assert_eq!(expected_format(r"\w+", None), Expected::Example("A".into()));
}

#[test]
fn the_sandbox_says_it_in_a_sentence() {
    assert_eq!(
        bad_format_message(
            "ZIP Code",
            "[0-9]{5}(-[0-9]{4})?",
            Some("[99999] or [99999-9999]")
        ),
        "ZIP Code must be 5 digits, or 5 digits, a hyphen and 4 digits."
    );
    assert_eq!(
        bad_format_message(
            "Postcode",
            "[A-Z]{1,2}[0-9] ?[0-9][A-Z]{2}",
            Some("SW1 1AA")
        ),
        "Postcode must look like SW1 1AA."
    );
    assert_eq!(
        bad_format_message("Needed by", "[0-9/]+", Some("mm/dd/yyyy")),
        "Needed by must be a date written mm/dd/yyyy."
    );
    assert_eq!(
        bad_format_message("Code", r"\bx", None),
        "Code is not in the expected format."
    );
}

#[test]
fn french_words_the_same_shapes() {
    let french = |reg_ex: &str, hint: Option<&str>| {
        expected_format(reg_ex, hint)
            .phrase(Language::French)
            .unwrap()
    };
    assert_eq!(
        french(r"^\d{5}(-\d{4})?$", None),
        "5 chiffres, ou 5 chiffres, un trait d’union et 4 chiffres"
    );
    assert_eq!(french("[0-9]{4,8}", None), "de 4 à 8 chiffres");
    assert_eq!(french(r"\d", None), "1 chiffre");
    assert_eq!(
        french("[A-Z]{2} [0-9]{4}", None),
        "2 lettres majuscules, une espace et 4 chiffres"
    );
    assert_eq!(french(r"\d{5}|\d{9}", None), "5 ou 9 chiffres");
    assert_eq!(french("x", Some("mm/dd/yyyy")), "mm/jj/aaaa");
    assert_eq!(french(r"CC\d{2}", None), "« CC » et 2 chiffres");
}
