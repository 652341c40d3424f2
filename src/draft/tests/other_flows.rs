//! The requests of the flows other than the upgrade: care orders, every
//! line flow, ports and transfers in, and a change of carrier.
use super::{groups, tutorial_draft};
use crate::draft::*;
use crate::flows::FlowId;
use mobproc_types::{PropertyField, PropertyType, Validation};

#[test]
fn care_orders_send_the_line_and_its_properties_only() {
    use mobproc_types::rules::rules_of;
    let mut draft = tutorial_draft();
    let existing = draft.existing_device.clone();
    draft.choose("38382335".into(), FlowId::Suspend, existing);
    assert!(draft.device_id.is_none(), "the upgrade's cart went with it");
    assert_eq!(draft.ship_to.name, "Peter Edwards", "the address stays");
    draft.set_property(PropertyDraft {
        group_id: "MISCELLANEOUS".into(),
        field_id: "WHEN".into(),
        text: "2026-12-22".into(),
        ..Default::default()
    });
    let mut groups = groups();
    groups[0].fields.push(PropertyField {
        id: "WHEN".into(),
        label: "Preferred suspension date".into(),
        kind: PropertyType::Date,
        validation: Validation::Optional,
        min_length: None,
        max_length: None,
        pattern: Some("mm/dd/yyyy".into()),
        reg_ex: None,
        text: None,
        choices: None,
    });
    for source in [SourceSystem::PremiumMobile, SourceSystem::Rivermine] {
        let request = build_request(&draft, source, &groups);
        assert_eq!(
            request.transaction_type,
            mobproc_types::TransactionType::Suspend
        );
        assert_eq!(request.service_id.as_deref(), Some("38382335"));
        assert!(request.shopping_cart.is_none() && request.ship_to.is_none());
        assert!(request.existing_device.is_none());
        let rules = rules_of(&request.transaction_type).unwrap();
        assert_eq!(rules.field_problems(&request), [], "{source:?}");
        let date = request.properties[0]
            .fields
            .iter()
            .find(|f| f.id == "WHEN")
            .unwrap();
        assert_eq!(date.date.as_deref(), Some("2026-12-22T00:00:00Z"));
        assert_eq!(date.text, None);
    }
    assert_eq!(
        draft.steps(SourceSystem::PremiumMobile),
        [Step::Line, Step::Details, Step::Review, Step::Status]
    );
    assert_eq!(
        properties_path(&draft, Some("98"), None).as_deref(),
        Some("/orders/properties?transactionType=SUSPEND&service=38382335")
    );
}

#[test]
fn every_line_flow_builds_a_request_its_rules_accept() {
    use mobproc_types::rules::rules_of;
    let cases = [
        (FlowId::UpdateFeatures, "UPDATE_FEATURES"),
        (FlowId::OrderAccessories, "ORDER_ACCESSORIES"),
        (FlowId::XferServiceOut, "XFER_SERVICE_OUT"),
        (FlowId::Unsuspend, "UNSUSPEND"),
        (FlowId::Deactivate, "DEACTIVATE"),
    ];
    for (flow, kind) in cases {
        let mut draft = tutorial_draft();
        let existing = draft.existing_device.clone();
        draft.choose("38382335".into(), flow, existing);
        draft.feature_changes = vec![mobproc_types::FeatureChange {
            id: "518".into(),
            action: mobproc_types::FeatureAction::Add,
        }];
        draft.feature_comment = " Please also add Caller ID ".into();
        draft.set_accessory_count("3628935898", 2);
        draft.acknowledged = vec!["SHARED_PLAN".into()];
        let request = build_request(&draft, SourceSystem::PremiumMobile, &groups());
        assert_eq!(request.transaction_type.as_str(), kind);
        let rules = rules_of(&request.transaction_type).unwrap();
        assert_eq!(rules.field_problems(&request), [], "{kind}");
        let cart = request.cart();
        match flow {
            FlowId::UpdateFeatures => {
                assert_eq!(cart.features.len(), 1);
                assert_eq!(
                    cart.feature_request_comment.as_deref(),
                    Some("Please also add Caller ID")
                );
            }
            FlowId::OrderAccessories => {
                assert_eq!(cart.accessory_ids, ["3628935898", "3628935898"]);
                assert!(request.ship_to.is_some(), "accessories ship");
            }
            FlowId::XferServiceOut => {
                let acks = request.acknowledgements.unwrap();
                assert_eq!(acks[0].id, "SHARED_PLAN");
                assert!(acks[0].boolean);
            }
            _ => assert!(request.shopping_cart.is_none()),
        }
    }
}

#[test]
fn a_port_sends_the_line_its_new_carriers_cart_and_where_it_is_used() {
    use mobproc_types::rules::rules_of;
    let mut draft = tutorial_draft();
    let existing = draft.existing_device.clone();
    draft.choose("34415733".into(), FlowId::PortNumber, existing);
    draft.choose_carrier("97".into());
    draft.device_id = Some("9194713909".into());
    draft.plan_id = Some("6568886494".into());
    draft.region_id = "70144640".into();
    draft.postal_code = " 06477 ".into();
    draft.ship_to.region_id = "70144640".into();
    let request = build_request(&draft, SourceSystem::PremiumMobile, &groups());
    assert_eq!(request.transaction_type.as_str(), "PORT_NUMBER");
    assert_eq!(request.service_id.as_deref(), Some("34415733"));
    assert_eq!(request.postal_code.as_deref(), Some("06477"));
    assert_eq!(
        request.current_vendor_id, None,
        "a port names no current vendor"
    );
    assert!(request.existing_device.is_none());
    assert!(request.ship_to.is_some());
    let rules = rules_of(&request.transaction_type).unwrap();
    assert_eq!(rules.field_problems(&request), []);
}

#[test]
fn a_transfer_in_names_the_numbers_carrier_and_no_line() {
    use mobproc_types::rules::rules_of;
    for (flow, kind) in [
        (FlowId::XferServiceIn, "XFER_SERVICE_IN"),
        (FlowId::XferServiceInAndPort, "XFER_SERVICE_IN_AND_PORT"),
    ] {
        let mut draft = tutorial_draft();
        draft.start_new(flow);
        draft.choose_carrier("888".into());
        draft.region_id = "70144222".into();
        draft.postal_code = "06484".into();
        draft.plan_id = Some("123454111".into());
        draft.device_id = Some("37948999".into());
        draft.acknowledged = vec!["SHARED_PLAN".into(), "LIABILITY_TRANSFER".into()];
        draft.ship_to.region_id = "70144222".into();
        let request = build_request(&draft, SourceSystem::PremiumMobile, &groups());
        assert_eq!(request.transaction_type.as_str(), kind);
        assert_eq!(request.service_id, None);
        assert_eq!(request.current_vendor_id.as_deref(), Some("888"));
        assert_eq!(request.acknowledgements.as_ref().map(Vec::len), Some(2));
        assert!(request.ship_to.is_some(), "a device ships");
        let rules = rules_of(&request.transaction_type).unwrap();
        assert_eq!(rules.field_problems(&request), [], "{kind}");
    }
}

#[test]
fn another_carrier_drops_what_came_from_the_first() {
    let mut draft = Draft::new("W-1".into());
    draft.start_new(FlowId::XferServiceIn);
    draft.choose_carrier("888".into());
    draft.plan_id = Some("123454111".into());
    draft.feature_ids = vec!["8881".into()];
    draft.device_id = Some("37948999".into());
    draft.set_accessory_count("123", 1);
    draft.acknowledged = vec!["SHARED_PLAN".into()];
    draft.region_id = "70144640".into();
    draft.choose_carrier("888".into());
    assert_eq!(draft.plan_id.as_deref(), Some("123454111"), "same carrier");
    draft.choose_carrier("111".into());
    assert_eq!(draft.carrier_id, "111");
    assert_eq!(draft.plan_id, None);
    assert!(draft.feature_ids.is_empty() && draft.accessory_ids.is_empty());
    assert_eq!(draft.device_id, None);
    assert!(draft.acknowledged.is_empty());
    assert_eq!(draft.region_id, "70144640", "where it is used stays");
}
