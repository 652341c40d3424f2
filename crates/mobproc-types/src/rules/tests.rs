//! The rule table, type by type, against section 2 of TRANSACTIONS.md.

use super::*;
use crate::orders::{FeatureAction, FeatureChange, ShoppingCartRequest};
use crate::{AcknowledgementValue, EntityStatus::*, TransactionType as T};

fn rules(kind: T) -> &'static TypeRules {
    rules_of(&kind).expect("a known type has rules")
}

/// The fields a type requires, as paths.
fn required(kind: T) -> Vec<&'static str> {
    with(kind, Presence::Required)
}

fn with(kind: T, presence: Presence) -> Vec<&'static str> {
    let rules = rules(kind);
    RequestField::ALL
        .into_iter()
        .filter(|&f| rules.presence(f) == presence)
        .map(RequestField::path)
        .collect()
}

#[test]
fn every_known_type_has_one_row() {
    for kind in T::KNOWN {
        assert_eq!(&rules(kind.clone()).kind, kind);
    }
    assert_eq!(T::KNOWN.len(), 12);
    assert!(rules_of(&T::Unknown("TRANSFER".into())).is_none());
}

#[test]
fn new_activation() {
    assert_eq!(
        required(T::NewActivation),
        ["regionId", "shoppingCart", "shoppingCart.planId"]
    );
    assert_eq!(
        with(T::NewActivation, Presence::Conditional),
        ["postalCode", "shipTo"]
    );
    let r = rules(T::NewActivation);
    assert!(r.has_cost && !r.is_line_based() && r.runs_on(Backend::Atlas));
    assert_eq!(r.cart_quantity(), 1);
}

#[test]
fn upgrade() {
    assert_eq!(required(T::Upgrade), ["serviceId", "shoppingCart"]);
    let r = rules(T::Upgrade);
    assert_eq!(
        r.presence(RequestField::ExistingDevice),
        Presence::Conditional
    );
    assert_eq!(r.presence(RequestField::RegionId), Presence::NotAllowed);
    assert_eq!(r.outcome, Outcome::LineUpgraded);
    assert_eq!(r.cart_quantity(), 0);
}

#[test]
fn port_number() {
    assert_eq!(
        required(T::PortNumber),
        [
            "serviceId",
            "regionId",
            "shoppingCart",
            "shoppingCart.planId"
        ]
    );
    let r = rules(T::PortNumber);
    assert_eq!(r.presence(RequestField::DeviceId), Presence::Conditional);
    assert_eq!(r.presence(RequestField::AccessoryIds), Presence::NotAllowed);
    assert!(!r.runs_on(Backend::Atlas));
}

#[test]
fn order_accessories() {
    assert_eq!(
        required(T::OrderAccessories),
        [
            "serviceId",
            "shoppingCart",
            "shoppingCart.accessoryIds",
            "shipTo"
        ]
    );
    assert!(rules(T::OrderAccessories).runs_on(Backend::Atlas));
}

#[test]
fn suspend_resume_and_deactivate_take_only_a_line() {
    for kind in [T::Suspend, T::Unsuspend, T::Deactivate] {
        assert_eq!(required(kind.clone()), ["serviceId"], "{kind}");
        assert!(with(kind.clone(), Presence::Optional).is_empty(), "{kind}");
        assert!(!rules(kind.clone()).has_cost, "{kind}");
        assert!(!rules(kind.clone()).may_ship(), "{kind}");
    }
    assert!(rules(T::Suspend).accepts_line(&Active));
    assert!(!rules(T::Suspend).accepts_line(&Suspended));
    assert!(rules(T::Unsuspend).accepts_line(&Suspended));
    assert!(!rules(T::Unsuspend).accepts_line(&Active));
    assert!(rules(T::Deactivate).accepts_line(&Suspended));
    assert!(!rules(T::Deactivate).accepts_line(&Inactive));
    assert_eq!(
        rules(T::Unsuspend).line_state_error(),
        "400-line-not-suspended"
    );
    assert_eq!(rules(T::Suspend).line_state_error(), "400-line-not-active");
    assert_eq!(rules(T::Deactivate).outcome, Outcome::LineStatus(Inactive));
}

#[test]
fn update_features() {
    assert_eq!(required(T::UpdateFeatures), ["serviceId", "shoppingCart"]);
    assert_eq!(
        with(T::UpdateFeatures, Presence::Conditional),
        [
            "shoppingCart.features",
            "shoppingCart.featureRequestComment"
        ]
    );
    assert!(rules(T::UpdateFeatures).has_cost);
}

#[test]
fn swap_devices() {
    assert_eq!(
        required(T::SwapDevices),
        ["serviceId", "existingDevice", "newDevice"]
    );
    assert!(!rules(T::SwapDevices).has_cost);
}

#[test]
fn transfers() {
    assert_eq!(required(T::XferServiceOut), ["serviceId"]);
    assert_eq!(
        with(T::XferServiceOut, Presence::Conditional),
        ["acknowledgements"]
    );
    assert_eq!(
        required(T::XferServiceIn),
        [
            "regionId",
            "currentVendorId",
            "shoppingCart",
            "shoppingCart.planId"
        ]
    );
    assert_eq!(
        required(T::XferServiceInAndPort),
        [
            "regionId",
            "currentVendorId",
            "shoppingCart",
            "shoppingCart.deviceId",
            "shoppingCart.planId",
            "shipTo"
        ]
    );
    for kind in [T::XferServiceOut, T::XferServiceIn, T::XferServiceInAndPort] {
        assert!(rules(kind.clone()).has_acknowledgements(), "{kind}");
        assert!(!rules(kind.clone()).runs_on(Backend::Atlas), "{kind}");
    }
    assert!(!rules(T::Upgrade).has_acknowledgements());
    assert_eq!(rules(T::XferServiceIn).cart_quantity(), 1);
}

fn request(kind: T, cart: Option<ShoppingCartRequest>) -> OrderRequest {
    OrderRequest {
        shopping_cart: cart,
        ..OrderRequest::new(kind)
    }
}

fn cart(device: bool, plan: bool, accessories: bool) -> Option<ShoppingCartRequest> {
    Some(ShoppingCartRequest {
        device_id: device.then(|| "d".into()),
        plan_id: plan.then(|| "p".into()),
        accessory_ids: if accessories {
            vec!["a".into()]
        } else {
            vec![]
        },
        ..ShoppingCartRequest::default()
    })
}

#[test]
fn what_ships() {
    use Backend::*;
    let na = rules(T::NewActivation);
    assert!(na.ships(
        &request(T::NewActivation, cart(true, true, false)),
        Rivermine
    ));
    assert!(na.ships(
        &request(T::NewActivation, cart(false, true, false)),
        PremiumMobile
    ));
    assert!(!na.ships(
        &request(T::NewActivation, cart(false, true, false)),
        Rivermine
    ));
    assert!(na.ships(
        &request(T::NewActivation, cart(false, true, true)),
        Rivermine
    ));
    let xi = rules(T::XferServiceIn);
    assert!(!xi.ships(
        &request(T::XferServiceIn, cart(false, true, false)),
        PremiumMobile
    ));
    assert!(xi.ships(
        &request(T::XferServiceIn, cart(true, true, false)),
        PremiumMobile
    ));
    assert!(rules(T::OrderAccessories).ships(&request(T::OrderAccessories, None), Rivermine));
    assert!(!rules(T::Suspend).ships(&request(T::Suspend, cart(true, true, true)), Atlas));
}

#[test]
fn field_problems_name_every_missing_and_refused_field() {
    let mut suspend = request(T::Suspend, cart(true, false, false));
    suspend.region_id = Some("1".into());
    let problems = rules(T::Suspend).field_problems(&suspend);
    assert_eq!(
        problems,
        [
            FieldRuleProblem::Missing(RequestField::ServiceId),
            FieldRuleProblem::NotAllowed(RequestField::RegionId),
            FieldRuleProblem::NotAllowed(RequestField::ShoppingCart),
            FieldRuleProblem::NotAllowed(RequestField::DeviceId),
        ]
    );
    assert_eq!(problems[0].error_code(), "400-field-required");
    assert_eq!(problems[1].error_code(), "400-field-not-allowed");
    assert!(problems[1].message(&T::Suspend).contains("regionId"));

    let mut features = request(
        T::UpdateFeatures,
        Some(ShoppingCartRequest {
            features: vec![FeatureChange {
                id: "518".into(),
                action: FeatureAction::Add,
            }],
            ..ShoppingCartRequest::default()
        }),
    );
    features.service_id = Some("1".into());
    assert!(rules(T::UpdateFeatures)
        .field_problems(&features)
        .is_empty());
    features.acknowledgements = Some(vec![AcknowledgementValue::accepted("X")]);
    assert_eq!(
        rules(T::UpdateFeatures).field_problems(&features),
        [FieldRuleProblem::NotAllowed(RequestField::Acknowledgements)]
    );
}

fn line(status: crate::EntityStatus, actions: Option<Vec<T>>) -> ServiceAsset {
    ServiceAsset {
        meta: None,
        id: "1".into(),
        service_number: "5125550100".into(),
        status,
        contract_dates: None,
        upgrade_eligibility_date: None,
        vendor: None,
        device: None,
        employee: None,
        order_actions: actions,
    }
}

#[test]
fn line_actions_need_the_actor_the_line_and_its_state() {
    let everything = T::KNOWN.to_vec();
    let active = line(Active, None);
    let offered = line_actions(&everything, &active);
    assert!(offered.contains(&T::Suspend) && !offered.contains(&T::Unsuspend));
    assert!(!offered.contains(&T::NewActivation));
    let suspended = line(Suspended, None);
    assert_eq!(
        line_actions(&everything, &suspended),
        [T::Unsuspend, T::Deactivate]
    );
    let limited = line(Active, Some(vec![T::Upgrade, T::Suspend]));
    assert_eq!(
        line_actions(&everything, &limited),
        [T::Upgrade, T::Suspend]
    );
    assert_eq!(line_actions(&[T::Upgrade], &limited), [T::Upgrade]);
    assert!(line_actions(&everything, &line(Inactive, None)).is_empty());
    assert_eq!(
        employee_actions(&everything),
        [T::NewActivation, T::XferServiceIn, T::XferServiceInAndPort]
    );
}
