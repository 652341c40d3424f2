//! The hostile tenant's UPGRADE properties: payload labels, choices and
//! hints, but simple rules.

use mobproc_types::Validation::{Optional, Required};
use mobproc_types::{PropertyChoice, PropertyField, PropertyGroup, PropertyType, Validation};

use super::*;
use crate::model::StoredPropertyGroup;

/// One group: a required TEXT, a required CHOICE with an "other" choice,
/// and an optional TEXT with a long label and a default.
pub(super) fn properties() -> Vec<StoredPropertyGroup> {
    let note = PropertyField {
        pattern: Some(NOTE_PATTERN.to_owned()),
        ..text(NOTE_FIELD, NOTE_LABEL, Required, (1, 200))
    };
    let flavour = PropertyField {
        kind: PropertyType::Choice,
        min_length: None,
        max_length: None,
        choices: Some(
            FLAVOUR_CHOICES
                .iter()
                .map(|choice| (choice, false))
                .chain([(&FLAVOUR_OTHER, true)])
                .map(|((id, label), is_other)| PropertyChoice {
                    id: (*id).to_owned(),
                    label: (*label).to_owned(),
                    is_other,
                })
                .collect(),
        ),
        ..text(FLAVOUR_FIELD, FLAVOUR_LABEL, Required, (0, 0))
    };
    let remarks = PropertyField {
        pattern: Some(REMARKS_PATTERN.to_owned()),
        text: Some(IMG_ONERROR.to_owned()),
        ..text(REMARKS_FIELD, &long_text(), Optional, (0, 4000))
    };
    vec![StoredPropertyGroup {
        group: PropertyGroup {
            group_id: PROPERTY_GROUP.to_owned(),
            fields: vec![note, flavour, remarks],
        },
        applies_to: Vec::new(),
    }]
}

/// A TEXT field of `min..=max` characters.
fn text(id: &str, label: &str, validation: Validation, (min, max): (u32, u32)) -> PropertyField {
    PropertyField {
        id: id.to_owned(),
        label: label.to_owned(),
        kind: PropertyType::Text,
        validation,
        min_length: Some(min),
        max_length: Some(max),
        pattern: None,
        reg_ex: None,
        text: None,
        choices: None,
    }
}
