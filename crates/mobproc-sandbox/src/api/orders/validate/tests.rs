//! Unit tests of the pure checks, on contexts built by hand.

use mobproc_types::rules::rules_of;
use mobproc_types::{
    Acknowledgement, AcknowledgementType, AcknowledgementValidation, AcknowledgementValue,
    DeviceDescription, FeatureAction, FeatureChange, LineFeature, OrderRequest, Region, RegionType,
    SerialNumber, SerialNumberType, ShoppingCartRequest, TransactionType,
};

use super::*;
use crate::model::Platform;

fn context(kind: TransactionType, platform: Platform) -> OrderContext {
    OrderContext {
        rules: rules_of(&kind),
        platform,
        currency: "USD".into(),
        service: None,
        line_vendor: None,
        line_features: Vec::new(),
        device: None,
        device_vendor: None,
        plan: None,
        plan_vendor: None,
        accessories: Vec::new(),
        current_vendor: None,
        properties: Vec::new(),
        acknowledgements: Vec::new(),
        use_region: None,
        region: None,
        home_region: None,
        existing_manufacturer: None,
        new_manufacturer: None,
        new_device_line: None,
        unknown_user: None,
    }
}

fn codes(problems: &[ErrorDetail]) -> Vec<&str> {
    problems.iter().map(|p| p.error_code.as_str()).collect()
}

fn region(kind: RegionType, abbreviation: &str, postal_code: Option<&str>) -> Region {
    Region {
        meta: None,
        id: "1".into(),
        name: "Somewhere".into(),
        abbreviation: Some(abbreviation.into()),
        kind,
        parent_id: None,
        country_code: None,
        currency: None,
        address_format: None,
        postal_code_pattern: None,
        postal_code_reg_ex: postal_code.map(str::to_owned),
    }
}

#[test]
fn atlas_refuses_the_types_it_does_not_take_and_nothing_else_is_said() {
    let atlas = context(TransactionType::Suspend, Platform::Atlas);
    let problems = check_order(&atlas, &OrderRequest::new(TransactionType::Suspend), 0);
    assert_eq!(codes(&problems), ["400-unsupported-transaction-type"]);
    let unknown = context(TransactionType::Unknown("CALL".into()), Platform::Command);
    let request = OrderRequest::new(TransactionType::Unknown("CALL".into()));
    assert_eq!(
        codes(&check_order(&unknown, &request, 0)),
        ["400-unsupported-transaction-type"]
    );
}

#[test]
fn the_place_of_use_needs_a_country_and_in_the_us_a_matching_postal_code() {
    let mut request = OrderRequest::new(TransactionType::NewActivation);
    request.region_id = Some("1".into());
    let mut us = context(TransactionType::NewActivation, Platform::Command);
    us.use_region = Some(region(RegionType::Country, "US", Some("[0-9]{5}")));
    let check = |context: &OrderContext, request: &OrderRequest| {
        let mut problems = Vec::new();
        place::check(context, request, &mut problems);
        codes(&problems).join(",")
    };
    assert_eq!(check(&us, &request), "400-postal-code-required");
    request.postal_code = Some("0647".into());
    assert_eq!(check(&us, &request), "400-invalid-postal-code");
    request.postal_code = Some("06477".into());
    assert_eq!(check(&us, &request), "");
    let mut canada = us.clone();
    canada.use_region = Some(region(RegionType::Country, "CA", None));
    request.postal_code = None;
    assert_eq!(check(&canada, &request), "");
    canada.use_region = Some(region(RegionType::StateProvince, "ON", None));
    assert_eq!(check(&canada, &request), "400-invalid-region");
}

fn acknowledgement(id: &str) -> Acknowledgement {
    Acknowledgement {
        id: id.into(),
        label: id.into(),
        kind: AcknowledgementType::Boolean,
        validation: AcknowledgementValidation::Required,
    }
}

#[test]
fn required_acknowledgements_must_be_accepted_once_each() {
    let mut transfer = context(TransactionType::XferServiceIn, Platform::Command);
    transfer.acknowledgements = vec![
        acknowledgement("SHARED_PLAN"),
        acknowledgement("LIABILITY_TRANSFER"),
    ];
    let check = |answers: Vec<AcknowledgementValue>| {
        let mut request = OrderRequest::new(TransactionType::XferServiceIn);
        request.acknowledgements = Some(answers);
        let mut problems = Vec::new();
        parties::check_acknowledgements(&transfer, &request, &mut problems);
        codes(&problems).join(",")
    };
    let accepted = AcknowledgementValue::accepted;
    assert_eq!(
        check(vec![
            accepted("SHARED_PLAN"),
            accepted("LIABILITY_TRANSFER")
        ]),
        ""
    );
    let refused = AcknowledgementValue {
        boolean: false,
        ..accepted("LIABILITY_TRANSFER")
    };
    assert_eq!(
        check(vec![accepted("SHARED_PLAN"), refused]),
        "400-acknowledgement-required"
    );
    assert_eq!(
        check(vec![
            accepted("SHARED_PLAN"),
            accepted("SHARED_PLAN"),
            accepted("OTHER")
        ]),
        "400-duplicate-acknowledgement,400-unknown-acknowledgement,400-acknowledgement-required"
    );
}

#[test]
fn feature_changes_match_what_is_on_the_line() {
    let mut line = context(TransactionType::UpdateFeatures, Platform::Command);
    line.line_features = [("1", true), ("2", false)]
        .iter()
        .map(|(id, active)| LineFeature {
            id: (*id).into(),
            description: format!("Feature {id}"),
            price: None,
            active: *active,
        })
        .collect();
    let check = |changes: &[(&str, FeatureAction)], comment: Option<&str>| {
        let mut request = OrderRequest::new(TransactionType::UpdateFeatures);
        request.shopping_cart = Some(ShoppingCartRequest {
            features: changes
                .iter()
                .map(|(id, action)| FeatureChange {
                    id: (*id).into(),
                    action: action.clone(),
                })
                .collect(),
            feature_request_comment: comment.map(str::to_owned),
            ..ShoppingCartRequest::default()
        });
        let mut problems = Vec::new();
        features::check(&line, &request, &mut problems);
        codes(&problems).join(",")
    };
    use FeatureAction::{Add, Remove};
    assert_eq!(check(&[("2", Add), ("1", Remove)], None), "");
    assert_eq!(check(&[], Some("Please add caller ID")), "");
    assert_eq!(check(&[], Some("  ")), "400-empty-cart");
    assert_eq!(
        check(&[("1", Add), ("2", Remove), ("9", Add), ("1", Remove)], None),
        "400-feature-already-active,400-feature-not-active,400-unknown-feature,400-duplicate-feature"
    );
}

fn device(manufacturer: &str, serial: &str, words: Option<&str>) -> DeviceDescription {
    DeviceDescription {
        manufacturer_id: manufacturer.into(),
        model_id: manufacturer.into(),
        other_make_model_name: words.map(str::to_owned),
        serial_number: SerialNumber {
            kind: SerialNumberType::Imei,
            value: serial.into(),
        },
        sim_id: None,
    }
}

#[test]
fn a_swap_needs_two_different_devices_described_well_enough() {
    let swap = context(TransactionType::SwapDevices, Platform::Command);
    let check = |existing: DeviceDescription, new: DeviceDescription| {
        let mut request = OrderRequest::new(TransactionType::SwapDevices);
        request.existing_device = Some(DeviceDescription {
            sim_id: Some("8901".into()),
            ..existing
        });
        request.new_device = Some(new);
        let mut problems = Vec::new();
        devices::check_swap(&swap, &request, &mut problems);
        codes(&problems).join(",")
    };
    let old = || device("Other", "012345678901007", Some("Acme StarPhone"));
    assert_eq!(
        check(
            old(),
            device("Other", "123456789001230", Some("Spare phone"))
        ),
        ""
    );
    assert_eq!(
        check(old(), device("Other", "012345678901007", None)),
        "400-other-make-model-required,400-same-device"
    );
    assert_eq!(
        check(old(), device("Nobody", "123456789001230", None)),
        "400-unknown-manufacturer"
    );
}
