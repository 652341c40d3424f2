//! The flows against the shared rule table.

use super::*;
use crate::draft::Draft;
use mobproc_types::EntityStatus;

fn line(status: EntityStatus) -> ServiceAsset {
    serde_json::from_value(serde_json::json!({
        "id": "1", "serviceNumber": "5125550100", "status": status.as_str()
    }))
    .unwrap()
}

#[test]
fn every_flow_is_a_known_type_with_its_own_row() {
    for flow in FLOWS {
        assert_eq!(flow.id.flow().id, flow.id);
        assert_eq!(FlowId::of(&flow.id.transaction_type()), Some(flow.id));
        assert_eq!(flow.id.rules().kind, flow.id.transaction_type());
        assert_eq!(flow.steps.first(), Some(&Step::Line));
        assert_eq!(flow.steps.last(), Some(&Step::Status));
    }
    assert_eq!(
        FlowId::of(&TransactionType::Unknown("SOMETHING_NEW".into())),
        None
    );
}

#[test]
fn care_flows_skip_the_cart_and_shipping() {
    let draft = Draft::new("W-1".into());
    for id in [FlowId::Suspend, FlowId::Unsuspend, FlowId::Deactivate] {
        assert_eq!(
            id.flow().steps_for(&draft, SourceSystem::PremiumMobile),
            [Step::Line, Step::Details, Step::Review, Step::Status]
        );
        assert!(!id.rules().has_cost, "{id:?} costs nothing");
    }
    assert_eq!(
        FlowId::Deactivate.flow().consequence,
        Some(Consequence::Ends)
    );
    assert_eq!(
        FlowId::Suspend.flow().consequence,
        Some(Consequence::Pauses)
    );
}

#[test]
fn lines_offer_what_their_state_and_the_actor_allow() {
    let everything = TransactionType::KNOWN.to_vec();
    let active_care = [
        FlowId::Suspend,
        FlowId::Deactivate,
        FlowId::UpdateFeatures,
        FlowId::OrderAccessories,
        FlowId::XferServiceOut,
        FlowId::PortNumber,
        FlowId::SwapDevices,
    ];
    let mut everything_on_active = vec![FlowId::Upgrade];
    everything_on_active.extend(active_care);
    assert_eq!(
        line_flows(&everything, &line(EntityStatus::Active), true),
        everything_on_active
    );
    assert_eq!(
        line_flows(&everything, &line(EntityStatus::Active), false),
        active_care,
        "an upgrade waits for eligibility; the rest doesn't"
    );
    assert_eq!(
        line_flows(&everything, &line(EntityStatus::Suspended), false),
        [FlowId::Unsuspend, FlowId::Deactivate]
    );
    assert_eq!(
        line_flows(
            &[TransactionType::Upgrade],
            &line(EntityStatus::Active),
            true
        ),
        [FlowId::Upgrade]
    );
    assert!(line_flows(&everything, &line(EntityStatus::Inactive), true).is_empty());
    assert_eq!(
        employee_flows(&everything),
        [
            FlowId::NewActivation,
            FlowId::XferServiceIn,
            FlowId::XferServiceInAndPort
        ]
    );
    assert!(employee_flows(&[TransactionType::Upgrade]).is_empty());
}

#[test]
fn progress_is_measured_along_the_flow() {
    let steps = FlowId::UpdateFeatures.flow().steps;
    assert!(has_reached(steps, Step::Details, Step::Features));
    assert!(!has_reached(steps, Step::Features, Step::Details));
    assert!(
        !has_reached(steps, Step::Review, Step::Plan),
        "not in the flow"
    );
    assert_eq!(
        steps_after(steps, Step::Details),
        [Step::Review, Step::Status]
    );
    assert_eq!(
        steps_after(steps, Step::Plan),
        steps,
        "unknown: all of them"
    );
}

#[test]
fn every_flow_s_steps_are_distinct() {
    for flow in FLOWS {
        let mut seen = flow.steps.to_vec();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), flow.steps.len(), "{:?}", flow.id);
    }
}

#[test]
fn flows_that_ask_for_a_carrier_say_what_it_is() {
    for flow in FLOWS {
        assert_eq!(
            flow.steps.contains(&Step::Carrier),
            flow.carrier.is_some(),
            "{:?}",
            flow.id
        );
    }
    assert_eq!(
        FlowId::PortNumber.flow().carrier,
        Some(CarrierRole::NewForLine)
    );
    let mut draft = Draft::new("W-1".into());
    draft.start_new(FlowId::XferServiceInAndPort);
    draft.device_id = Some("37948999".into());
    let steps = draft.steps(SourceSystem::Rivermine);
    let at = |step| steps.iter().position(|s| *s == step).unwrap();
    assert!(at(Step::Carrier) < at(Step::Plan) && at(Step::Plan) < at(Step::Device));
    assert!(at(Step::Acknowledgements) < at(Step::Details));
    assert!(steps.contains(&Step::Shipping), "the new device ships");
}

#[test]
fn a_swap_asks_both_devices_on_every_backend_and_ships_nothing() {
    let mut draft = Draft::new("W-1".into());
    draft.flow = FlowId::SwapDevices;
    for source in [SourceSystem::PremiumMobile, SourceSystem::Rivermine] {
        assert_eq!(
            FlowId::SwapDevices.flow().steps_for(&draft, source),
            [
                Step::Line,
                Step::CurrentDevice,
                Step::NewDevice,
                Step::Details,
                Step::Review,
                Step::Status
            ],
            "{source:?}"
        );
    }
    assert!(!FlowId::SwapDevices.rules().has_cost);
    assert_eq!(FlowId::SwapDevices.id(), "swap-device");
    draft.flow = FlowId::Upgrade;
    assert!(
        !FlowId::Upgrade
            .flow()
            .steps_for(&draft, SourceSystem::Rivermine)
            .contains(&Step::CurrentDevice),
        "Rivermine's upgrades still carry no current device"
    );
}

#[test]
fn the_indicated_steps_keep_one_length_whatever_the_cart() {
    let mut draft = Draft::new("W-1".into());
    let before = indicated_steps(draft.flow, SourceSystem::PremiumMobile);
    assert_eq!(before.len(), 8);
    assert!(!draft
        .steps(SourceSystem::PremiumMobile)
        .contains(&Step::Shipping));
    draft.device_id = Some("d".into());
    assert!(draft
        .steps(SourceSystem::PremiumMobile)
        .contains(&Step::Shipping));
    assert_eq!(
        indicated_steps(draft.flow, SourceSystem::PremiumMobile),
        before
    );
    assert_eq!(step_position(&before, Step::Device), (3, 8));
    assert_eq!(step_position(&before, Step::Shipping), (6, 8));
}

#[test]
fn the_indicated_steps_follow_the_backend_and_the_flow() {
    let rivermine = indicated_steps(FlowId::Upgrade, SourceSystem::Rivermine);
    assert_eq!(rivermine.len(), 7);
    assert!(!rivermine.contains(&Step::CurrentDevice));
    assert!(rivermine.contains(&Step::Shipping));
    let longest = FLOWS
        .iter()
        .map(|flow| indicated_steps(flow.id, SourceSystem::Atlas).len())
        .max();
    assert_eq!(longest, Some(11));
    assert_eq!(
        step_position(
            &indicated_steps(FlowId::Suspend, SourceSystem::Atlas),
            Step::Review
        ),
        (3, 4)
    );
    assert_eq!(step_position(&rivermine, Step::CurrentDevice), (1, 7));
}
