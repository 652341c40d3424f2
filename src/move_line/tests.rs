use mobproc_types::json::ToJson;
use mobproc_types::{Employee, EntityStatus, MoveCharges};

use super::*;
use crate::i18n::Locale;

fn employee(id: &str, first: &str, last: &str, status: EntityStatus) -> Employee {
    Employee {
        meta: None,
        id: id.into(),
        company_employee_id: Some(format!("C{id}")),
        first_name: first.into(),
        last_name: last.into(),
        email: Some(format!("{}.{}@acme.com", first, last).to_lowercase()),
        office_phone: None,
        department: None,
        status,
    }
}

fn team() -> Vec<Employee> {
    vec![
        employee("1", "Peter", "Edwards", EntityStatus::Active),
        employee("2", "Maria", "Lopez", EntityStatus::Active),
        employee("3", "James", "Smith", EntityStatus::Active),
        employee("4", "Olivia", "Smith", EntityStatus::Inactive),
    ]
}

fn ids(found: Vec<&Employee>) -> Vec<&str> {
    found.into_iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn the_line_goes_to_an_active_employee_other_than_its_owner() {
    let team = team();
    assert_eq!(ids(candidates(&team, "", Some("1"), "")), ["2", "3"]);
    assert_eq!(ids(candidates(&team, "smith", Some("1"), "")), ["3"]);
    assert_eq!(ids(candidates(&team, "maria acme", Some("1"), "")), ["2"]);
    assert_eq!(ids(candidates(&team, "C3", None, "")), ["3"]);
    assert!(candidates(&team, "nobody", Some("1"), "").is_empty());
}

#[test]
fn the_chosen_owner_stays_listed_whatever_the_search() {
    let team = team();
    assert_eq!(ids(candidates(&team, "smith", Some("1"), "2")), ["2", "3"]);
}

#[test]
fn a_move_needs_an_owner_and_a_charges_choice() {
    assert_eq!(
        move_problems(" ", None),
        [MoveProblem::Owner, MoveProblem::Charges]
    );
    assert_eq!(move_problems("2", None), [MoveProblem::Charges]);
    assert_eq!(move_request("2", None), None);
    let request = move_request(" 2 ", Some(&MoveCharges::LastMonthOnly)).unwrap();
    assert_eq!(
        request.to_json(),
        r#"{"newOwnerEmployeeId":"2","moveCharges":"MOVE_CHARGES_FOR_LAST_MONTH_ONLY"}"#
    );
}

#[test]
fn every_charges_choice_has_its_own_words_in_both_languages() {
    for t in [Locale::En.texts(), Locale::FrCa.texts()] {
        let words: Vec<&str> = MoveCharges::KNOWN
            .iter()
            .map(|c| charges_words(t, c))
            .collect();
        assert!(words.iter().all(|w| !w.is_empty()));
        assert_ne!(words[0], words[1]);
        assert_ne!(words[1], words[2]);
        assert_ne!(words[0], words[2]);
    }
    assert_eq!(
        charges_words(Locale::En.texts(), &MoveCharges::AllCharges),
        "All the line's charges go with it"
    );
}

#[test]
fn the_move_s_sentences_name_the_same_things_in_both_languages() {
    let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
    for (english, french) in [
        (en.move_title, fr.move_title),
        (en.move_review, fr.move_review),
        (en.move_done, fr.move_done),
        (en.serial_of, fr.serial_of),
    ] {
        for placeholder in ["{0}", "{1}"] {
            assert_eq!(
                english.contains(placeholder),
                french.contains(placeholder),
                "{english} / {french}"
            );
        }
    }
    assert_eq!(
        crate::i18n::fill(fr.move_done, &["(203) 555-8888", "James Brown"]),
        "Le numéro (203) 555-8888 appartient maintenant à James Brown."
    );
}

#[test]
fn the_answer_of_the_documented_move_names_the_line_and_its_owner() {
    let moved = MovedLine::from_json_text(include_str!(
        "../../crates/mobproc-types/tests/fixtures/move.response.json"
    ))
    .unwrap();
    assert_eq!(moved.service_number, "2035557676");
    let owner = moved.employee.unwrap();
    assert_eq!(
        (owner.id.as_str(), owner.name.as_deref()),
        ("28673700", Some("Maria Lopez"))
    );
}
