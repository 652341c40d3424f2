//! The draft and the request it builds.
use super::*;
use crate::flows::FlowId;
use mobproc_types::{PropertyChoice, PropertyField, PropertyGroup, PropertyType, Validation};

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

#[test]
fn builds_the_tutorial_request() {
    let request = build_request(&tutorial_draft(), SourceSystem::PremiumMobile, &groups());
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["externalOrderNumber"], "12345678");
    assert_eq!(json["existingDevice"]["serialNumber"]["type"], "ESN");
    assert_eq!(
        json["shoppingCart"]["optionalFeatureIds"],
        serde_json::json!(["122", "293"])
    );
    let fields = &json["properties"][0]["fields"];
    assert_eq!(
        fields[0],
        serde_json::json!({"id": "CONTACT_NUMBER", "type": "TEXT", "text": "2035559999"})
    );
    assert_eq!(
        fields[1],
        serde_json::json!({"id": "Reason", "type": "CHOICE", "choice": {"id": "21"}}),
        "other text only with the other choice"
    );
    assert_eq!(
        fields.as_array().unwrap().len(),
        2,
        "empty fields are left out"
    );
    assert_eq!(
        json["shipTo"]["address"].as_array().unwrap().len(),
        2,
        "blank address lines are left out"
    );
    assert_eq!(json["shipTo"]["regionId"], "70144640");
}

#[test]
fn rivermine_plan_only_orders_carry_no_device_and_ship_nothing() {
    let mut draft = tutorial_draft();
    draft.device_id = None;
    let request = build_request(&draft, SourceSystem::Rivermine, &groups());
    assert!(request.existing_device.is_none());
    assert!(request.ship_to.is_none());
    assert_eq!(
        draft.steps(SourceSystem::Rivermine),
        [
            Step::Line,
            Step::Device,
            Step::Plan,
            Step::Details,
            Step::Review,
            Step::Status
        ]
    );
    assert!(
        build_request(&draft, SourceSystem::PremiumMobile, &groups())
            .ship_to
            .is_some(),
        "a SIM ships on Premium Mobile"
    );
}

#[test]
fn features_and_choices_go_only_with_their_plan_and_device() {
    let mut draft = tutorial_draft();
    draft.plan_id = None;
    draft.device_choices = vec![DeviceFeatureSelection {
        feature_id: "COLOUR".into(),
        choice_id: "COL_BLACK".into(),
    }];
    let request = build_request(&draft, SourceSystem::Atlas, &groups());
    assert!(request.cart().optional_feature_ids.is_empty());
    assert_eq!(request.cart().device_feature_choices.len(), 1);
}

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
    let mut old = serde_json::to_value(&draft).unwrap();
    old["version"] = serde_json::json!(0);
    assert_eq!(Draft::from_storage(&old.to_string()), None);
    assert_eq!(Draft::from_storage("not json"), None);
}

#[test]
fn cross_carrier_plans_need_a_device_of_the_network() {
    let cdma = AccessMethod::Cdma;
    let gsm = AccessMethod::Gsm;
    assert_eq!(
        compatibility(Some(&cdma), None, Some(&cdma), true),
        Compatibility::Fits
    );
    assert_eq!(
        compatibility(Some(&cdma), None, Some(&gsm), true),
        Compatibility::NeedsNewDevice {
            network: gsm.clone()
        }
    );
    assert_eq!(
        compatibility(Some(&cdma), None, Some(&gsm), false),
        Compatibility::Fits,
        "no new plan, no new network"
    );
    assert_eq!(
        compatibility(Some(&cdma), Some(&gsm), Some(&gsm), true),
        Compatibility::Fits
    );
    assert_eq!(
        compatibility(Some(&gsm), Some(&cdma), Some(&gsm), true),
        Compatibility::DeviceMismatch {
            device: cdma.clone(),
            network: gsm.clone()
        }
    );
    assert_eq!(
        compatibility(Some(&cdma), None, None, true),
        Compatibility::Fits
    );
}

#[test]
fn the_existing_device_needs_a_real_serial_and_sim() {
    let mut device = tutorial_draft().existing_device;
    assert!(existing_device_problems(&device).is_empty());
    device.serial_value = "12-34".into();
    device.sim_id = "8392".into();
    device.model_id = " ".into();
    assert_eq!(
        existing_device_problems(&device),
        [DeviceField::Model, DeviceField::Serial, DeviceField::Sim]
    );
    device.sim_id.clear();
    assert!(
        !existing_device_problems(&device).contains(&DeviceField::Sim),
        "the SIM may be left out"
    );
}

#[test]
fn properties_follow_the_network_and_the_cart() {
    let mut draft = tutorial_draft();
    assert_eq!(
        properties_path(&draft, Some("98"), Some("98")).unwrap(),
        "/orders/properties?transactionType=UPGRADE&service=38382349"
    );
    draft.device_id = None;
    assert_eq!(
        properties_path(&draft, Some("98"), Some("97")).unwrap(),
        "/orders/properties?transactionType=UPGRADE&vendor=97&orderExcludesDevice=true"
    );
    draft.plan_id = None;
    draft.device_id = Some("d".into());
    assert!(properties_path(&draft, Some("98"), None)
        .unwrap()
        .ends_with("service=38382349&orderExcludesPlan=true"));
    draft.service_id = None;
    assert_eq!(properties_path(&draft, None, None), None);
}

#[test]
fn external_order_numbers_are_short_and_readable() {
    assert_eq!(
        external_order_number(&[0x7f, 0x3a, 0x9c, 0x2d, 0x1b, 0xff]),
        "W-7F3A9C2D1B"
    );
}

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
fn the_upgrade_request_follows_its_rules() {
    use mobproc_types::rules::rules_of;
    let draft = tutorial_draft();
    for source in [SourceSystem::PremiumMobile, SourceSystem::Atlas] {
        let request = build_request(&draft, source, &groups());
        let rules = rules_of(&request.transaction_type).unwrap();
        assert_eq!(rules.field_problems(&request), [], "{source:?}");
    }
}

#[test]
fn drafts_stored_before_flows_are_upgrades() {
    let mut stored: serde_json::Value =
        serde_json::from_str(&tutorial_draft().to_storage()).unwrap();
    stored.as_object_mut().unwrap().remove("flow");
    let restored = Draft::from_storage(&stored.to_string()).expect("still readable");
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
