//! The upgrade's request: what the tutorial draft sends, what goes with
//! its plan, device and source system, and the checks before it is sent.
use super::{groups, tutorial_draft};
use crate::draft::*;
use mobproc_types::json::ToJson;
use mobproc_types::AccessMethod;

#[test]
fn builds_the_tutorial_request() {
    let request = build_request(&tutorial_draft(), SourceSystem::PremiumMobile, &groups());
    // What the widget sends, as a JSON reader reads it.
    let json: serde_json::Value = serde_json::from_str(&request.to_json()).unwrap();
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
fn the_upgrade_request_follows_its_rules() {
    use mobproc_types::rules::rules_of;
    let draft = tutorial_draft();
    for source in [SourceSystem::PremiumMobile, SourceSystem::Atlas] {
        let request = build_request(&draft, source, &groups());
        let rules = rules_of(&request.transaction_type).unwrap();
        assert_eq!(rules.field_problems(&request), [], "{source:?}");
    }
}
