//! The draft as the user changes it (lines, features, accessories, the
//! confirmation) and as it is stored and read back.
use super::{groups, tutorial_draft};
use crate::draft::*;
use crate::flows::FlowId;

#[test]
fn a_confirmation_holds_only_while_nothing_changes() {
    let mut draft = tutorial_draft();
    let request = build_request(&draft, SourceSystem::PremiumMobile, &groups());
    draft.confirmed_request = Some(request_key(&request));
    assert!(draft.is_confirmed(&request));
    draft.ship_to.expedite = false;
    assert!(!draft.is_confirmed(&build_request(
        &draft,
        SourceSystem::PremiumMobile,
        &groups()
    )));
}

#[test]
fn choosing_another_line_clears_what_depended_on_the_first() {
    let mut draft = tutorial_draft();
    draft.choose_line("38382349".into(), ExistingDeviceDraft::default());
    assert_eq!(
        draft.device_id.as_deref(),
        Some("9194713904"),
        "the same line changes nothing"
    );
    draft.choose_line("38382350".into(), ExistingDeviceDraft::default());
    assert_eq!(draft.device_id, None);
    assert!(draft.properties.is_empty());
    assert_eq!(draft.external_order_number, "12345678");
    assert_eq!(
        draft.ship_to.name, "Peter Edwards",
        "the address is the user's, not the line's"
    );
}

#[test]
fn drafts_survive_storage_and_refuse_other_versions() {
    let draft = tutorial_draft();
    assert_eq!(
        Draft::from_storage(&draft.to_storage()),
        Some(draft.clone())
    );
    let stored = draft.to_storage();
    let old = stored.replace(&format!("\"version\":{DRAFT_VERSION}"), "\"version\":0");
    assert_ne!(old, stored);
    assert_eq!(Draft::from_storage(&old), None);
    assert_eq!(Draft::from_storage("not json"), None);
}

#[test]
fn external_order_numbers_are_short_and_readable() {
    assert_eq!(
        external_order_number(&[0x7f, 0x3a, 0x9c, 0x2d, 0x1b, 0xff]),
        "W-7F3A9C2D1B"
    );
}

#[test]
fn drafts_stored_before_flows_are_upgrades() {
    let stored = tutorial_draft().to_storage();
    let before_flows = stored.replace(r#""flow":"upgrade","#, "");
    assert_ne!(before_flows, stored);
    let restored = Draft::from_storage(&before_flows).expect("still readable");
    assert_eq!(restored.flow, FlowId::Upgrade);
    assert_eq!(restored.device_id.as_deref(), Some("9194713904"));
}

#[test]
fn feature_changes_are_only_what_differs_from_the_line() {
    use mobproc_types::{FeatureAction, LineFeature};
    let feature = |id: &str, active: bool| LineFeature {
        id: id.into(),
        description: id.into(),
        price: None,
        active,
    };
    let (caller_id, roadside) = (feature("518", false), feature("122", true));
    let mut draft = Draft::new("W-1".into());
    draft.set_feature(&caller_id, true);
    draft.set_feature(&roadside, false);
    assert!(draft.feature_on(&caller_id) && !draft.feature_on(&roadside));
    let actions: Vec<_> = draft
        .feature_changes
        .iter()
        .map(|c| (c.id.as_str(), &c.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("518", &FeatureAction::Add),
            ("122", &FeatureAction::Remove)
        ]
    );
    draft.set_feature(&caller_id, false);
    draft.set_feature(&roadside, true);
    assert!(
        draft.feature_changes.is_empty(),
        "back to the line as it is"
    );
}

#[test]
fn accessory_quantities_are_repeated_ids() {
    let mut draft = Draft::new("W-1".into());
    draft.set_accessory_count("A", 2);
    draft.set_accessory_count("B", 1);
    draft.set_accessory_count("A", 3);
    assert_eq!(draft.accessory_ids, ["A", "A", "A", "B"]);
    assert_eq!(draft.accessory_count("A"), 3);
    draft.set_accessory_count("A", 0);
    assert_eq!(draft.accessory_ids, ["B"]);
}
