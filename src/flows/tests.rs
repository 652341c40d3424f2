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
    assert_eq!(FlowId::of(&TransactionType::SwapDevices), None);
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
    assert_eq!(
        line_flows(&everything, &line(EntityStatus::Active), true),
        [FlowId::Upgrade, FlowId::Suspend, FlowId::Deactivate]
    );
    assert_eq!(
        line_flows(&everything, &line(EntityStatus::Active), false),
        [FlowId::Suspend, FlowId::Deactivate],
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
}
