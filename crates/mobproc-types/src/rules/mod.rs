//! The rules of each transaction type, in one place for the widget and the
//! sandbox: which request fields it requires, allows or refuses (section 2
//! of TRANSACTIONS.md, [`table`]), whether it has a cost, which lines it
//! applies to, when something ships, what it changes once complete.

mod fields;
mod table;

pub use fields::*;
pub use table::rules_of;

use crate::assets::ServiceAsset;
use crate::employees::{EntityStatus, TransactionType};
use crate::orders::OrderRequest;

/// How a type stands towards a request field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Must be sent.
    Required,
    /// May be sent.
    Optional,
    /// Required in some cases; the type's own rule decides (checked where
    /// the data to decide is: the line, the region, the acknowledgements).
    Conditional,
    /// Must not be sent: refused, naming the field.
    NotAllowed,
}

/// The backends MOBPROC fronts; some rules differ by backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Premium Mobile (Command).
    PremiumMobile,
    Rivermine,
    Atlas,
}

impl Backend {
    /// The backend `/ping` names (`backend`), if it is one of the three.
    pub fn from_ping_name(name: &str) -> Option<Backend> {
        match name {
            "Premium Mobile" | "Command" => Some(Backend::PremiumMobile),
            "Rivermine" => Some(Backend::Rivermine),
            "Atlas" => Some(Backend::Atlas),
            _ => None,
        }
    }
}

/// The two groups the documentation sorts the types into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeGroup {
    /// Orders that buy something: NEW_ACTIVATION, UPGRADE, PORT_NUMBER,
    /// ORDER_ACCESSORIES.
    Procurement,
    /// Orders that change a line.
    Care,
}

/// What a COMPLETE order changes in the assets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The line gets the new device and/or plan.
    LineUpgraded,
    /// A new line for the account holder.
    NewLine,
    /// The line is on the new carrier (and device, plan).
    LinePorted,
    /// Nothing on the line changes (accessories ship).
    NothingOnTheLine,
    /// The line's status becomes this.
    LineStatus(EntityStatus),
    /// The line's optional features change.
    FeaturesChanged,
    /// The line is on the new device.
    DeviceSwapped,
    /// The line leaves the company (INACTIVE, gone from the employee).
    LineLeavesCompany,
}

/// Everything that differs between transaction types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRules {
    pub kind: TransactionType,
    pub group: TypeGroup,
    /// Presence of each [`RequestField`], in [`RequestField::ALL`]'s order.
    pub fields: [Presence; RequestField::COUNT],
    /// Whether confirmations carry a `costSummary`.
    pub has_cost: bool,
    /// The states a line must be in; empty for types without a line.
    pub line_states: &'static [EntityStatus],
    /// The backends that take the type.
    pub backends: &'static [Backend],
    /// What the order changes once COMPLETE.
    pub outcome: Outcome,
}

impl TypeRules {
    /// How the type stands towards `field`.
    pub fn presence(&self, field: RequestField) -> Presence {
        self.fields[field as usize]
    }

    /// Whether the order is for an existing line (`serviceId` required).
    pub fn is_line_based(&self) -> bool {
        self.presence(RequestField::ServiceId) == Presence::Required
    }

    /// Whether the type carries carrier acknowledgements (the XFER types).
    pub fn has_acknowledgements(&self) -> bool {
        self.presence(RequestField::Acknowledgements) != Presence::NotAllowed
    }

    /// Whether the type ever ships something (`shipTo` not refused).
    pub fn may_ship(&self) -> bool {
        self.presence(RequestField::ShipTo) != Presence::NotAllowed
    }

    /// Whether a line in `status` may take this order.
    pub fn accepts_line(&self, status: &EntityStatus) -> bool {
        self.line_states.contains(status)
    }

    /// The `errorCode` for a line in a state the type does not accept.
    pub fn line_state_error(&self) -> &'static str {
        if self.line_states == [EntityStatus::Suspended] {
            "400-line-not-suspended"
        } else {
            "400-line-not-active"
        }
    }

    /// Whether `backend` takes this type.
    pub fn runs_on(&self, backend: Backend) -> bool {
        self.backends.contains(&backend)
    }

    /// The cart `quantity` confirmations echo: 1 on the types that create a
    /// line, 0 on the others.
    pub fn cart_quantity(&self) -> u32 {
        match &self.outcome {
            Outcome::NewLine => 1,
            _ => 0,
        }
    }

    /// Whether `request` ships something on `backend`: a device or an
    /// accessory always does; a new plan ships a SIM on Premium Mobile and
    /// Atlas, except XFER_SERVICE_IN, whose number keeps its SIM.
    pub fn ships(&self, request: &OrderRequest, backend: Backend) -> bool {
        if !self.may_ship() {
            return false;
        }
        if self.presence(RequestField::ShipTo) == Presence::Required {
            return true;
        }
        let Some(cart) = &request.shopping_cart else {
            return false;
        };
        let sim_with_plan = cart.plan_id.is_some()
            && backend != Backend::Rivermine
            && self.kind != TransactionType::XferServiceIn;
        cart.device_id.is_some() || !cart.accessory_ids.is_empty() || sim_with_plan
    }

    /// Every field `request` sends that the type refuses, and every
    /// required field it lacks, in [`RequestField::ALL`]'s order.
    pub fn field_problems(&self, request: &OrderRequest) -> Vec<FieldRuleProblem> {
        RequestField::ALL
            .iter()
            .filter_map(|&field| {
                let sent = field.is_sent(request);
                match self.presence(field) {
                    Presence::Required if !sent => Some(FieldRuleProblem::Missing(field)),
                    Presence::NotAllowed if sent => Some(FieldRuleProblem::NotAllowed(field)),
                    _ => None,
                }
            })
            .collect()
    }
}

/// The line-based types `line` offers to someone who may order `allowed`
/// (`/me.transactionTypes`): in both, and the line in a state the type
/// accepts. In the order of [`TransactionType::KNOWN`].
pub fn line_actions(allowed: &[TransactionType], line: &ServiceAsset) -> Vec<TransactionType> {
    TransactionType::KNOWN
        .iter()
        .filter_map(rules_of)
        .filter(|rules| rules.is_line_based() && allowed.contains(&rules.kind))
        .filter(|rules| rules.accepts_line(&line.status) && line.offers(&rules.kind))
        .map(|rules| rules.kind.clone())
        .collect()
}

/// The types not tied to a line (a new line, a number brought in) that
/// someone who may order `allowed` is offered.
pub fn employee_actions(allowed: &[TransactionType]) -> Vec<TransactionType> {
    TransactionType::KNOWN
        .iter()
        .filter_map(rules_of)
        .filter(|rules| !rules.is_line_based() && allowed.contains(&rules.kind))
        .map(|rules| rules.kind.clone())
        .collect()
}

/// A field the type requires but the request lacks, or refuses but the
/// request sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRuleProblem {
    Missing(RequestField),
    NotAllowed(RequestField),
}

impl FieldRuleProblem {
    /// The field concerned.
    pub fn field(self) -> RequestField {
        match self {
            FieldRuleProblem::Missing(field) | FieldRuleProblem::NotAllowed(field) => field,
        }
    }

    /// The `errorCode` the sandbox answers with.
    pub fn error_code(self) -> &'static str {
        match self {
            FieldRuleProblem::Missing(_) => "400-field-required",
            FieldRuleProblem::NotAllowed(_) => "400-field-not-allowed",
        }
    }

    /// A sentence for the error's message.
    pub fn message(self, kind: &TransactionType) -> String {
        match self {
            FieldRuleProblem::Missing(field) => {
                format!("{kind} orders need {}.", field.path())
            }
            FieldRuleProblem::NotAllowed(field) => {
                format!("{kind} orders do not take {}: leave it out.", field.path())
            }
        }
    }
}

#[cfg(test)]
mod tests;
