//! The draft and the request it builds.
use super::*;
use mobproc_types::{PropertyChoice, PropertyField, PropertyGroup, PropertyType, Validation};

mod editing_and_storage;
mod other_flows;
mod upgrade_request;

fn groups() -> Vec<PropertyGroup> {
    let field = |id: &str, kind: PropertyType| PropertyField {
        id: id.into(),
        label: id.into(),
        kind,
        validation: Validation::Optional,
        min_length: None,
        max_length: None,
        pattern: None,
        reg_ex: None,
        text: None,
        choices: Some(vec![
            PropertyChoice {
                id: "21".into(),
                label: "Eligible".into(),
                is_other: false,
            },
            PropertyChoice {
                id: "99".into(),
                label: "Other".into(),
                is_other: true,
            },
        ]),
    };
    vec![PropertyGroup {
        group_id: "MISCELLANEOUS".into(),
        fields: vec![
            field("CONTACT_NUMBER", PropertyType::Text),
            field("Reason", PropertyType::Choice),
            field("EXT", PropertyType::Text),
        ],
    }]
}

pub(super) fn tutorial_draft() -> Draft {
    let mut draft = Draft::new("12345678".into());
    draft.choose_line(
        "38382349".into(),
        ExistingDeviceDraft {
            manufacturer_id: "LG".into(),
            model_id: "Cookie Plus".into(),
            serial_type: "ESN".into(),
            serial_value: "4289183847832".into(),
            sim_id: "83924758342478392342".into(),
        },
    );
    draft.device_id = Some("9194713904".into());
    draft.plan_id = Some("6568886698".into());
    draft.feature_ids = vec!["122".into(), "293".into()];
    draft.set_property(PropertyDraft {
        group_id: "MISCELLANEOUS".into(),
        field_id: "CONTACT_NUMBER".into(),
        text: " 2035559999 ".into(),
        ..Default::default()
    });
    draft.set_property(PropertyDraft {
        group_id: "MISCELLANEOUS".into(),
        field_id: "Reason".into(),
        choice_id: "21".into(),
        other_text: "left over".into(),
        ..Default::default()
    });
    draft.ship_to = ShipToDraft {
        name: "Peter Edwards".into(),
        region_id: "70144640".into(),
        address: vec![
            ("LINE_1".into(), "35 Executive Blvd".into()),
            ("LINE_2".into(), "".into()),
            ("POSTAL_CODE".into(), "06477".into()),
        ],
        expedite: true,
    };
    draft
}
