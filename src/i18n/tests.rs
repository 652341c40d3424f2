//! Unit tests of the texts: placeholders, the choice of locale, and both
//! locales' catalogues filling the same placeholders and naming every known
//! network and status.

use super::*;

#[test]
fn placeholders_are_filled_in_order() {
    assert_eq!(fill("Step {0} of {1}", &["2", "7"]), "Step 2 of 7");
}

#[test]
fn french_is_chosen_for_any_french_tag() {
    assert_eq!(Locale::from_tag("fr-CA"), Locale::FrCa);
    assert_eq!(Locale::from_tag("FR"), Locale::FrCa);
    assert_eq!(Locale::from_tag("en-GB"), Locale::En);
    assert_eq!(Locale::from_tag(""), Locale::En);
}

#[test]
fn both_catalogues_use_the_same_placeholders() {
    fn placeholders(text: &str) -> Vec<usize> {
        (0..4)
            .filter(|i| text.contains(&format!("{{{i}}}")))
            .collect()
    }
    let pairs = [
        (en::TEXTS.step_of, fr_ca::TEXTS.step_of),
        (en::TEXTS.devices_elsewhere, fr_ca::TEXTS.devices_elsewhere),
        (en::TEXTS.characters_left, fr_ca::TEXTS.characters_left),
        (
            en::TEXTS.step_first_undecided,
            fr_ca::TEXTS.step_first_undecided,
        ),
        (en::TEXTS.eligible_on, fr_ca::TEXTS.eligible_on),
        (en::TEXTS.needs_new_device, fr_ca::TEXTS.needs_new_device),
        (en::TEXTS.device_mismatch, fr_ca::TEXTS.device_mismatch),
        (en::TEXTS.devices_found, fr_ca::TEXTS.devices_found),
        (en::TEXTS.problem_too_short, fr_ca::TEXTS.problem_too_short),
        (en::TEXTS.problem_too_long, fr_ca::TEXTS.problem_too_long),
        (en::TEXTS.problem_format, fr_ca::TEXTS.problem_format),
        (
            en::TEXTS.problem_format_example,
            fr_ca::TEXTS.problem_format_example,
        ),
        (
            en::TEXTS.problem_format_date,
            fr_ca::TEXTS.problem_format_date,
        ),
        (en::TEXTS.session_ends_soon, fr_ca::TEXTS.session_ends_soon),
        (en::TEXTS.error_status, fr_ca::TEXTS.error_status),
    ];
    for (english, french) in pairs {
        assert_eq!(
            placeholders(english),
            placeholders(french),
            "{english} / {french}"
        );
    }
}

#[test]
fn every_known_network_has_a_name_in_both_languages() {
    let names: Vec<String> = AccessMethod::KNOWN
        .iter()
        .map(|method| Locale::En.texts().network_name(method))
        .collect();
    assert_eq!(names, ["GSM", "CDMA", "CDMA (PCS)", "iDEN", "LTE"]);
    assert_eq!(
        Locale::En.texts().network_name(&AccessMethod::CdmaPcs),
        "CDMA (PCS)"
    );
    assert_eq!(
        Locale::FrCa.texts().network_name(&AccessMethod::CdmaPcs),
        "CDMA (SCP)"
    );
    assert_eq!(
        Locale::En
            .texts()
            .network_name(&AccessMethod::Unknown("NR_SA".into())),
        "NR SA"
    );
}

#[test]
fn statuses_have_names_in_both_languages() {
    assert_eq!(
        Locale::En.texts().status_name("ORDER_SUBMITTED"),
        "Submitted"
    );
    assert_eq!(Locale::FrCa.texts().status_name("SHIPPED"), "Expédiée");
    assert_eq!(
        Locale::En.texts().status_name("BACK_ORDERED"),
        "back ordered"
    );
}

#[test]
fn account_texts_use_the_same_placeholders() {
    fn placeholders(text: &str) -> Vec<usize> {
        (0..4)
            .filter(|i| text.contains(&format!("{{{i}}}")))
            .collect()
    }
    for (english, french) in [
        (en::TEXTS.signed_in_as, fr_ca::TEXTS.signed_in_as),
        (en::TEXTS.wrong_account, fr_ca::TEXTS.wrong_account),
        (
            en::TEXTS.wrong_account_unknown,
            fr_ca::TEXTS.wrong_account_unknown,
        ),
        (en::TEXTS.order_for_tenant, fr_ca::TEXTS.order_for_tenant),
    ] {
        assert_eq!(placeholders(english), placeholders(french), "{english}");
    }
}
