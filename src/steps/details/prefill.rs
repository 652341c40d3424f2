//! Values filled in before the user types: what the widget already knows
//! (the line's number, the phone of the person the order is for), else
//! the vendor's default. Only into a property the draft has no entry for:
//! what the user typed, or emptied, stays as they left it.

use mobproc_types::{Employee, Me, PropertyGroup, PropertyType, ServiceAsset};

use crate::draft::{Draft, PropertyDraft};

/// What the widget knows that a property may ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownValues {
    /// The chosen line's number.
    pub service_number: Option<String>,
    /// The office phone of the person the order is for.
    pub contact_phone: Option<String>,
}

/// What is known for this order: the number of the line in
/// `draft.service_id` (from `lines`), and the office phone of the employee
/// ordered for (from `team`), else of the signed-in user.
pub fn known_values(
    me: Option<&Me>,
    team: &[Employee],
    lines: &[ServiceAsset],
    draft: &Draft,
) -> KnownValues {
    let person = match &draft.on_behalf_of {
        None => me.map(|me| &me.user),
        Some(id) => team.iter().find(|e| &e.id == id),
    };
    KnownValues {
        service_number: draft
            .service_id
            .as_ref()
            .and_then(|id| lines.iter().find(|line| &line.id == id))
            .map(|line| dialable(&line.service_number)),
        contact_phone: person.and_then(|p| p.office_phone.as_deref()).map(dialable),
    }
}

/// A phone number as a form field takes it: its digits (after a leading
/// `+`) when it is written with only spaces, dashes, dots and brackets
/// besides; anything else (an extension in words...) as given, trimmed.
pub fn dialable(raw: &str) -> String {
    let raw = raw.trim();
    if !raw
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()+".contains(c))
        || raw.chars().skip(1).any(|c| c == '+')
    {
        return raw.to_owned();
    }
    raw.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// The known value a property asks for, by its id: `SERVICE_NUMBER` gets
/// the line's number, `CONTACT_NUMBER` the phone.
pub fn known_value<'a>(field_id: &str, known: &'a KnownValues) -> Option<&'a str> {
    let value = if field_id.eq_ignore_ascii_case("SERVICE_NUMBER") {
        known.service_number.as_deref()
    } else if field_id.eq_ignore_ascii_case("CONTACT_NUMBER") {
        known.contact_phone.as_deref()
    } else {
        None
    };
    value.filter(|v| !v.is_empty())
}

/// The entries to add to `draft`: for each text property it has no entry
/// for, the known value (text fields only), else the vendor's default
/// (`text`; never for a choice).
pub fn prefills(
    groups: &[PropertyGroup],
    known: &KnownValues,
    draft: &Draft,
) -> Vec<PropertyDraft> {
    groups
        .iter()
        .flat_map(|group| group.fields.iter().map(move |field| (group, field)))
        .filter(|(group, field)| {
            field.kind != PropertyType::Choice
                && !draft
                    .properties
                    .iter()
                    .any(|p| p.group_id == group.group_id && p.field_id == field.id)
        })
        .filter_map(|(group, field)| {
            let known = (field.kind == PropertyType::Text)
                .then(|| known_value(&field.id, known))
                .flatten();
            let text = known.or(field.text.as_deref().filter(|t| !t.is_empty()))?;
            Some(PropertyDraft {
                group_id: group.group_id.clone(),
                field_id: field.id.clone(),
                text: text.to_owned(),
                ..PropertyDraft::default()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn group() -> PropertyGroup {
        serde_json::from_value(json!({
            "groupId": "MISC",
            "fields": [
                {"id": "CONTACT_NUMBER", "label": "Contact Number", "type": "TEXT", "validation": "REQUIRED"},
                {"id": "SERVICE_NUMBER", "label": "Service Number", "type": "TEXT", "validation": "REQUIRED"},
                {"id": "COST_CENTER", "label": "Cost Center", "type": "TEXT", "validation": "OPTIONAL", "text": "CC-100"},
                {"id": "NOTES", "label": "Notes", "type": "TEXT", "validation": "OPTIONAL"},
                {"id": "Reason", "label": "Reason", "type": "CHOICE", "validation": "REQUIRED", "text": "21",
                 "choices": [{"id": "21", "label": "Broken"}]}
            ]
        }))
        .unwrap()
    }

    fn person(id: &str, phone: Option<&str>) -> Employee {
        serde_json::from_value(json!({
            "id": id, "firstName": "A", "lastName": id, "status": "ACTIVE", "officePhone": phone
        }))
        .unwrap()
    }

    fn me(phone: &str) -> Me {
        let user = person("u1", Some(phone));
        Me {
            user: user.clone(),
            actor: user,
            transaction_types: Vec::new(),
            is_approver: false,
            can_move_service: false,
            custom_attributes: Vec::new(),
        }
    }

    fn line(id: &str, number: &str) -> ServiceAsset {
        serde_json::from_value(json!({"id": id, "serviceNumber": number, "status": "ACTIVE"}))
            .unwrap()
    }

    fn texts(fills: &[PropertyDraft]) -> Vec<(&str, &str)> {
        fills
            .iter()
            .map(|p| (p.field_id.as_str(), p.text.as_str()))
            .collect()
    }

    #[test]
    fn the_line_and_the_phone_fill_their_fields_and_defaults_the_others() {
        let known = KnownValues {
            service_number: Some("2035557676".into()),
            contact_phone: Some("2035551001".into()),
        };
        let fills = prefills(&[group()], &known, &Draft::new("X".into()));
        assert_eq!(
            texts(&fills),
            [
                ("CONTACT_NUMBER", "2035551001"),
                ("SERVICE_NUMBER", "2035557676"),
                ("COST_CENTER", "CC-100"),
            ],
            "no value for NOTES, no default into a choice"
        );
        assert!(fills.iter().all(|p| p.group_id == "MISC"));
    }

    #[test]
    fn an_entry_the_user_typed_or_emptied_is_never_overwritten() {
        let known = KnownValues {
            service_number: Some("2035557676".into()),
            contact_phone: Some("2035551001".into()),
        };
        let mut draft = Draft::new("X".into());
        for (field, text) in [("CONTACT_NUMBER", ""), ("SERVICE_NUMBER", "5145550101")] {
            draft.set_property(PropertyDraft {
                group_id: "MISC".into(),
                field_id: field.into(),
                text: text.into(),
                ..PropertyDraft::default()
            });
        }
        let fills = prefills(&[group()], &known, &draft);
        assert_eq!(texts(&fills), [("COST_CENTER", "CC-100")]);
        assert_eq!(
            texts(&prefills(
                &[group()],
                &KnownValues::default(),
                &Draft::new("X".into())
            )),
            [("COST_CENTER", "CC-100")],
            "nothing known: only the vendor's default"
        );
    }

    #[test]
    fn the_phone_is_of_the_person_the_order_is_for_and_the_number_of_the_chosen_line() {
        let team = [person("e7", Some("(514) 555-0199")), person("e8", None)];
        let lines = [line("L1", "2035557676"), line("L2", "07700 900123")];
        let mut draft = Draft::new("X".into());
        assert_eq!(
            known_values(Some(&me("203-555-1001")), &team, &lines, &draft),
            KnownValues {
                service_number: None,
                contact_phone: Some("2035551001".into()),
            },
            "no line chosen (a new line): no number"
        );
        draft.service_id = Some("L2".into());
        draft.on_behalf_of = Some("e7".into());
        assert_eq!(
            known_values(Some(&me("2035551001")), &team, &lines, &draft),
            KnownValues {
                service_number: Some("07700900123".into()),
                contact_phone: Some("5145550199".into()),
            }
        );
        draft.on_behalf_of = Some("e8".into());
        assert_eq!(
            known_values(Some(&me("2035551001")), &team, &lines, &draft).contact_phone,
            None,
            "the employee has no phone: not the user's instead"
        );
    }

    #[test]
    fn only_plain_phone_numbers_are_reduced_to_digits() {
        assert_eq!(dialable(" +1 (203) 555-1001 "), "+12035551001");
        assert_eq!(dialable("0207946.0100"), "02079460100");
        assert_eq!(dialable("203 555 1001 ext. 4"), "203 555 1001 ext. 4");
        assert_eq!(dialable("203+555"), "203+555");
        assert_eq!(
            known_value(
                "contact_number",
                &KnownValues {
                    service_number: None,
                    contact_phone: Some("2035551001".into()),
                }
            ),
            Some("2035551001")
        );
        assert_eq!(known_value("NOTES", &KnownValues::default()), None);
    }
}
