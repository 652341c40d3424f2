//! Section 2's table: one row per transaction type, one column per
//! [`RequestField`](super::RequestField), in its `ALL` order.

use super::{Backend, Outcome, Presence, TypeGroup, TypeRules};
use crate::employees::{EntityStatus, TransactionType};

use Presence::{Conditional as C, NotAllowed as X, Optional as O, Required as R};

const EVERY_BACKEND: &[Backend] = &[Backend::PremiumMobile, Backend::Rivermine, Backend::Atlas];
/// Atlas takes only UPGRADE, NEW_ACTIVATION and ORDER_ACCESSORIES.
const NOT_ATLAS: &[Backend] = &[Backend::PremiumMobile, Backend::Rivermine];
const ACTIVE: &[EntityStatus] = &[EntityStatus::Active];
const NO_LINE: &[EntityStatus] = &[];

/// Columns: serviceId, regionId, postalCode, currentVendorId,
/// existingDevice, newDevice, shoppingCart, deviceId, planId,
/// optionalFeatureIds, accessoryIds, features, featureRequestComment,
/// quantity, deviceFeatureChoices, acknowledgements, shipTo.
#[rustfmt::skip]
static RULES: [TypeRules; 12] = [
    TypeRules {
        kind: TransactionType::NewActivation, group: TypeGroup::Procurement,
        fields: [X, R, C, X, X, X, R, O, R, O, O, X, X, O, O, X, C],
        has_cost: true, line_states: NO_LINE, backends: EVERY_BACKEND, outcome: Outcome::NewLine,
    },
    TypeRules {
        // existingDevice: required on Premium Mobile, refused on Rivermine.
        kind: TransactionType::Upgrade, group: TypeGroup::Procurement,
        fields: [R, X, X, X, C, X, R, O, O, O, X, X, X, X, O, X, C],
        has_cost: true, line_states: ACTIVE, backends: EVERY_BACKEND, outcome: Outcome::LineUpgraded,
    },
    TypeRules {
        // deviceId: required when the line's device won't work on the new network.
        kind: TransactionType::PortNumber, group: TypeGroup::Procurement,
        fields: [R, R, C, X, X, X, R, C, R, O, X, X, X, X, X, X, C],
        has_cost: true, line_states: ACTIVE, backends: NOT_ATLAS, outcome: Outcome::LinePorted,
    },
    TypeRules {
        kind: TransactionType::OrderAccessories, group: TypeGroup::Procurement,
        fields: [R, X, X, X, X, X, R, X, X, X, R, X, X, X, X, X, R],
        has_cost: true, line_states: ACTIVE, backends: EVERY_BACKEND, outcome: Outcome::NothingOnTheLine,
    },
    TypeRules {
        kind: TransactionType::Suspend, group: TypeGroup::Care,
        fields: [R, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X],
        has_cost: false, line_states: ACTIVE, backends: NOT_ATLAS,
        outcome: Outcome::LineStatus(EntityStatus::Suspended),
    },
    TypeRules {
        kind: TransactionType::Unsuspend, group: TypeGroup::Care,
        fields: [R, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X],
        has_cost: false, line_states: &[EntityStatus::Suspended], backends: NOT_ATLAS,
        outcome: Outcome::LineStatus(EntityStatus::Active),
    },
    TypeRules {
        kind: TransactionType::Deactivate, group: TypeGroup::Care,
        fields: [R, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X],
        has_cost: false, line_states: &[EntityStatus::Active, EntityStatus::Suspended],
        backends: NOT_ATLAS, outcome: Outcome::LineStatus(EntityStatus::Inactive),
    },
    TypeRules {
        // features / featureRequestComment: at least one of the two.
        kind: TransactionType::UpdateFeatures, group: TypeGroup::Care,
        fields: [R, X, X, X, X, X, R, X, X, X, X, C, C, X, X, X, X],
        has_cost: true, line_states: ACTIVE, backends: NOT_ATLAS, outcome: Outcome::FeaturesChanged,
    },
    TypeRules {
        kind: TransactionType::SwapDevices, group: TypeGroup::Care,
        fields: [R, X, X, X, R, R, X, X, X, X, X, X, X, X, X, X, X],
        has_cost: false, line_states: ACTIVE, backends: NOT_ATLAS, outcome: Outcome::DeviceSwapped,
    },
    TypeRules {
        kind: TransactionType::XferServiceOut, group: TypeGroup::Care,
        fields: [R, X, X, X, X, X, X, X, X, X, X, X, X, X, X, C, X],
        has_cost: false, line_states: ACTIVE, backends: NOT_ATLAS,
        outcome: Outcome::LineLeavesCompany,
    },
    TypeRules {
        kind: TransactionType::XferServiceIn, group: TypeGroup::Care,
        fields: [X, R, C, R, X, X, R, O, R, O, O, X, X, O, X, C, C],
        has_cost: true, line_states: NO_LINE, backends: NOT_ATLAS, outcome: Outcome::NewLine,
    },
    TypeRules {
        kind: TransactionType::XferServiceInAndPort, group: TypeGroup::Care,
        fields: [X, R, C, R, X, X, R, R, R, O, O, X, X, O, X, C, R],
        has_cost: true, line_states: NO_LINE, backends: NOT_ATLAS, outcome: Outcome::NewLine,
    },
];

/// The rules of `kind`; `None` for a type this version does not know.
pub fn rules_of(kind: &TransactionType) -> Option<&'static TypeRules> {
    RULES.iter().find(|rules| &rules.kind == kind)
}
