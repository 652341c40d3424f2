//! The order flows: one small description per transaction type — which
//! shared steps it goes through, in which order, and what it asks the user
//! to acknowledge — composed from the steps of `crate::steps`. How a flow's
//! request is built is the shared builder's (`crate::draft::build_request`),
//! cut to what the type takes by the rule table of `mobproc_types::rules`.
//!
//! Adding a type: a [`FlowId`] variant, its row in `EVERY_FLOW`, its texts.

use mobproc_types::json::{FromJson, ToJson};
use mobproc_types::rules::{rules_of, Presence, RequestField, TypeRules};
use mobproc_types::{ServiceAsset, TransactionType};

use crate::draft::{Draft, SourceSystem, Step};

mod carrier;

pub use carrier::*;

/// The flows the widget offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub enum FlowId {
    /// A new device and/or plan on a line.
    #[default]
    Upgrade,
    /// Pause a line.
    Suspend,
    /// Resume a suspended line.
    Unsuspend,
    /// End a line.
    Deactivate,
    /// Add or remove optional features of a line.
    UpdateFeatures,
    /// Buy accessories for the device on a line.
    OrderAccessories,
    /// Take a company line over personally.
    XferServiceOut,
    /// A new line: a plan, usually a device, maybe accessories.
    NewActivation,
    /// A company line keeps its number but moves to another carrier.
    PortNumber,
    /// A personal number joins the company on the same carrier.
    XferServiceIn,
    /// A personal number joins the company on another carrier (ported).
    XferServiceInAndPort,
    /// Move a line onto another device the employee has.
    SwapDevices,
}

/// What an order will do to the user's number, said before they submit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consequence {
    /// The line is paused until resumed.
    Pauses,
    /// The line ends for good.
    Ends,
    /// The number leaves the company for the user's own account.
    LeavesCompany,
}

/// What the carrier the user picks (`Step::Carrier`) means for the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CarrierRole {
    /// The line's new carrier (a port): another than the line's; the plan
    /// and the device come from it.
    NewForLine,
    /// The carrier the personal number is with now; `stays` when it stays
    /// there (plan and device from it), else the plan is another carrier's
    /// and the device that carrier's.
    Personal { stays: bool },
}

/// One flow: its type and its steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    pub id: FlowId,
    /// The steps, before the backend and the cart drop the ones not needed.
    pub steps: &'static [Step],
    /// What the user confirms in plain words before submitting, if anything.
    pub consequence: Option<Consequence>,
    /// What the chosen carrier is, for the flows that ask for one.
    pub carrier: Option<CarrierRole>,
}

/// Every flow (TRANSACTIONS.md section 6), in the order of the texts' flow
/// names.
const EVERY_FLOW: [Flow; 12] = [
    Flow {
        id: FlowId::Upgrade,
        steps: &[
            Step::Line,
            Step::CurrentDevice,
            Step::Device,
            Step::Plan,
            Step::Details,
            Step::Shipping,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: None,
    },
    Flow {
        id: FlowId::Suspend,
        steps: LINE_CARE,
        consequence: Some(Consequence::Pauses),
        carrier: None,
    },
    Flow {
        id: FlowId::Unsuspend,
        steps: LINE_CARE,
        consequence: None,
        carrier: None,
    },
    Flow {
        id: FlowId::Deactivate,
        steps: LINE_CARE,
        consequence: Some(Consequence::Ends),
        carrier: None,
    },
    Flow {
        id: FlowId::UpdateFeatures,
        steps: &[
            Step::Line,
            Step::Features,
            Step::Details,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: None,
    },
    Flow {
        id: FlowId::OrderAccessories,
        steps: &[
            Step::Line,
            Step::Accessories,
            Step::Details,
            Step::Shipping,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: None,
    },
    Flow {
        id: FlowId::XferServiceOut,
        steps: &[
            Step::Line,
            Step::Acknowledgements,
            Step::Details,
            Step::Review,
            Step::Status,
        ],
        consequence: Some(Consequence::LeavesCompany),
        carrier: None,
    },
    Flow {
        id: FlowId::NewActivation,
        steps: &[
            Step::Line,
            Step::Region,
            Step::Device,
            Step::Plan,
            Step::Accessories,
            Step::Details,
            Step::Shipping,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: None,
    },
    Flow {
        id: FlowId::PortNumber,
        steps: &[
            Step::Line,
            Step::Carrier,
            Step::Device,
            Step::Plan,
            Step::Region,
            Step::Details,
            Step::Shipping,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: Some(CarrierRole::NewForLine),
    },
    Flow {
        id: FlowId::XferServiceIn,
        steps: TRANSFER_IN,
        consequence: None,
        carrier: Some(CarrierRole::Personal { stays: true }),
    },
    Flow {
        id: FlowId::XferServiceInAndPort,
        steps: TRANSFER_IN,
        consequence: None,
        carrier: Some(CarrierRole::Personal { stays: false }),
    },
    Flow {
        id: FlowId::SwapDevices,
        steps: &[
            Step::Line,
            Step::CurrentDevice,
            Step::NewDevice,
            Step::Details,
            Step::Review,
            Step::Status,
        ],
        consequence: None,
        carrier: None,
    },
];

/// The flows this build offers: all of them, or only the upgrade with the
/// `upgrade-only` feature, which the benchmark builds to show that the
/// first load does not grow with the number of order types.
pub const FLOWS: &[Flow] = if cfg!(feature = "upgrade-only") {
    EVERY_FLOW.split_at(1).0
} else {
    &EVERY_FLOW
};

/// The steps of a personal number joining the company: its carrier, where
/// it is used, the plan (and device, accessories) it gets, the carrier's
/// consents, the transfer's details.
const TRANSFER_IN: &[Step] = &[
    Step::Line,
    Step::Carrier,
    Step::Region,
    Step::Plan,
    Step::Device,
    Step::Accessories,
    Step::Acknowledgements,
    Step::Details,
    Step::Shipping,
    Step::Review,
    Step::Status,
];

/// The steps of the orders that only change a line's state.
const LINE_CARE: &[Step] = &[Step::Line, Step::Details, Step::Review, Step::Status];

impl FlowId {
    /// The API's type for this flow.
    pub fn transaction_type(self) -> TransactionType {
        match self {
            FlowId::Upgrade => TransactionType::Upgrade,
            FlowId::Suspend => TransactionType::Suspend,
            FlowId::Unsuspend => TransactionType::Unsuspend,
            FlowId::Deactivate => TransactionType::Deactivate,
            FlowId::UpdateFeatures => TransactionType::UpdateFeatures,
            FlowId::OrderAccessories => TransactionType::OrderAccessories,
            FlowId::XferServiceOut => TransactionType::XferServiceOut,
            FlowId::NewActivation => TransactionType::NewActivation,
            FlowId::PortNumber => TransactionType::PortNumber,
            FlowId::XferServiceIn => TransactionType::XferServiceIn,
            FlowId::XferServiceInAndPort => TransactionType::XferServiceInAndPort,
            FlowId::SwapDevices => TransactionType::SwapDevices,
        }
    }

    /// The flow of an API type, if the widget has one.
    pub fn of(kind: &TransactionType) -> Option<FlowId> {
        FLOWS
            .iter()
            .map(|flow| flow.id)
            .find(|id| &id.transaction_type() == kind)
    }

    /// The flow's description.
    pub fn flow(self) -> &'static Flow {
        EVERY_FLOW
            .iter()
            .find(|flow| flow.id == self)
            .expect("every flow id has its row")
    }

    /// The type's rules, shared with the sandbox.
    pub fn rules(self) -> &'static TypeRules {
        rules_of(&self.transaction_type()).expect("every flow is a known type")
    }

    /// Whether the order carries the line's current device: always where
    /// the type requires it (a swap), never where it refuses it, else where
    /// the backend takes it (not Rivermine).
    pub fn wants_existing_device(self, source: SourceSystem) -> bool {
        match self.rules().presence(RequestField::ExistingDevice) {
            Presence::Required => true,
            Presence::NotAllowed => false,
            _ => source.takes_existing_device(),
        }
    }

    /// The flow's place in the texts' flow names.
    pub fn index(self) -> usize {
        EVERY_FLOW
            .iter()
            .position(|flow| flow.id == self)
            .unwrap_or(0)
    }

    /// The name in test ids and events.
    pub fn id(self) -> &'static str {
        match self {
            FlowId::Upgrade => "upgrade",
            FlowId::Suspend => "suspend",
            FlowId::Unsuspend => "unsuspend",
            FlowId::Deactivate => "deactivate",
            FlowId::UpdateFeatures => "update-features",
            FlowId::OrderAccessories => "order-accessories",
            FlowId::XferServiceOut => "transfer-out",
            FlowId::NewActivation => "new-line",
            FlowId::PortNumber => "port-number",
            FlowId::XferServiceIn => "transfer-in",
            FlowId::XferServiceInAndPort => "transfer-in-and-port",
            FlowId::SwapDevices => "swap-device",
        }
    }
}

impl Flow {
    /// The steps this order goes through: the current device only where the
    /// order carries it, shipping only when something ships.
    pub fn steps_for(&self, draft: &Draft, source: SourceSystem) -> Vec<Step> {
        self.steps
            .iter()
            .copied()
            .filter(|step| match step {
                Step::CurrentDevice => draft.wants_existing_device(source),
                Step::Shipping => draft.ships(source),
                _ => true,
            })
            .collect()
    }
}

/// The steps the step indicator lists for an order: one length for the
/// whole order. A step only the cart decides (shipping: is anything
/// shipped?) is always listed, and shown as not needed while it is skipped,
/// so the count never jumps as the cart changes. The current device depends
/// only on the backend, which is known before the order starts, so it is
/// left out where the backend takes none.
pub fn indicated_steps(flow: FlowId, source: SourceSystem) -> Vec<Step> {
    flow.flow()
        .steps
        .iter()
        .copied()
        .filter(|step| *step != Step::CurrentDevice || flow.wants_existing_device(source))
        .collect()
}

/// Where `current` stands in `indicated` (1-based) and how many steps there
/// are: `(3, 8)` for "Step 3 of 8". A step not listed counts as the first.
pub fn step_position(indicated: &[Step], current: Step) -> (usize, usize) {
    let at = indicated
        .iter()
        .position(|s| *s == current)
        .map_or(1, |i| i + 1);
    (at, indicated.len())
}

/// The flows not tied to a line (a new line, a number brought in) that
/// someone who may order `allowed` is offered, in the order of [`FLOWS`].
pub fn employee_flows(allowed: &[TransactionType]) -> Vec<FlowId> {
    let offered = mobproc_types::rules::employee_actions(allowed);
    FLOWS
        .iter()
        .map(|flow| flow.id)
        .filter(|id| offered.contains(&id.transaction_type()))
        .collect()
}

/// Whether an order on `steps` that is at `current` has reached `target`
/// (is at it or past it). Steps not in the flow are never reached.
pub fn has_reached(steps: &[Step], current: Step, target: Step) -> bool {
    let at = |step| steps.iter().position(|s| *s == step);
    matches!((at(current), at(target)), (Some(current), Some(target)) if current >= target)
}

/// The steps after `current` in `steps` (all of them when it isn't one).
pub fn steps_after(steps: &[Step], current: Step) -> Vec<Step> {
    let start = steps
        .iter()
        .position(|s| *s == current)
        .map_or(0, |i| i + 1);
    steps[start..].to_vec()
}

/// The flows `line` offers to someone who may order `allowed`, in the
/// order of [`FLOWS`]: those the type rules and the line's `orderActions`
/// allow. An upgrade also waits for the line's eligibility date.
pub fn line_flows(allowed: &[TransactionType], line: &ServiceAsset, eligible: bool) -> Vec<FlowId> {
    let offered = mobproc_types::rules::line_actions(allowed, line);
    FLOWS
        .iter()
        .map(|flow| flow.id)
        .filter(|id| offered.contains(&id.transaction_type()))
        .filter(|id| *id != FlowId::Upgrade || eligible)
        .collect()
}

#[cfg(test)]
mod tests;
