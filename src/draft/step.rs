//! The steps orders are made of, with their names in events and test ids.

use mobproc_types::json::{FromJson, ToJson};

/// The steps orders are made of. Each flow (`crate::flows`) picks its own
/// and their order; the order here is only the upgrade's, then the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// Who orders, and for which line.
    #[default]
    Line,
    /// The device being replaced.
    CurrentDevice,
    /// A new device (optional).
    Device,
    /// A new plan and its features (optional).
    Plan,
    /// The vendor's order properties.
    Details,
    /// Where to ship.
    Shipping,
    /// The confirmation and cost summary.
    Review,
    /// The submitted order.
    Status,
    /// Optional features to add to or remove from the line.
    Features,
    /// Accessories, with quantities.
    Accessories,
    /// The carrier's notices and the consents to give.
    Acknowledgements,
    /// Where a new number will be used: country, and ZIP code in the US.
    Region,
    /// A carrier: the line's new one (a port), or the personal number's.
    Carrier,
    /// SWAP_DEVICES: the device the line moves to.
    NewDevice,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 14] = [
        Step::Line,
        Step::CurrentDevice,
        Step::Device,
        Step::Plan,
        Step::Details,
        Step::Shipping,
        Step::Review,
        Step::Status,
        Step::Features,
        Step::Accessories,
        Step::Acknowledgements,
        Step::Region,
        Step::Carrier,
        Step::NewDevice,
    ];

    /// The step's name in events and test ids.
    pub fn id(self) -> &'static str {
        match self {
            Step::Line => "line",
            Step::CurrentDevice => "current-device",
            Step::Device => "device",
            Step::Plan => "plan",
            Step::Details => "details",
            Step::Shipping => "shipping",
            Step::Review => "review",
            Step::Status => "status",
            Step::Features => "features",
            Step::Accessories => "accessories",
            Step::Acknowledgements => "acknowledgements",
            Step::Region => "region",
            Step::Carrier => "carrier",
            Step::NewDevice => "new-device",
        }
    }

    /// The step's place in [`Step::ALL`] (and in the texts' step names).
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}
