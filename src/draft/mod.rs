//! The order being put together: everything the user has entered, kept in
//! sessionStorage (never the token) so a reload, a sign-in or a network
//! failure loses nothing, and turned into the API's `OrderRequest`.

use mobproc_types::json::{FromJson, ToJson};
use mobproc_types::{
    DeviceFeatureSelection, FeatureAction, FeatureChange, LineFeature, OrderRequest,
    SerialNumberType,
};

use crate::flows::FlowId;

mod cross_carrier;
mod new_device;
mod request;
mod step;
mod storage;

pub use cross_carrier::*;
pub use new_device::*;
pub use request::*;
pub use step::*;

/// Bumped when the stored shape changes; an older draft is dropped.
pub const DRAFT_VERSION: u32 = 1;

/// The tenant's backend; behaviour differs by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromJson, ToJson)]
pub enum SourceSystem {
    /// Premium Mobile, a.k.a. Command: the existing device is required.
    PremiumMobile,
    /// Rivermine: no existing device; a plan-only upgrade ships nothing.
    Rivermine,
    /// Atlas: device feature choices.
    Atlas,
}

impl SourceSystem {
    /// Reads the backend name `/ping` gives.
    pub fn from_backend(name: &str) -> SourceSystem {
        let name = name.to_ascii_lowercase();
        if name.contains("rivermine") {
            SourceSystem::Rivermine
        } else if name.contains("atlas") {
            SourceSystem::Atlas
        } else {
            SourceSystem::PremiumMobile
        }
    }

    /// Whether orders carry the `existingDevice` block.
    pub fn takes_existing_device(self) -> bool {
        self != SourceSystem::Rivermine
    }
}

/// The device being replaced, as the user confirmed or completed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct ExistingDeviceDraft {
    pub manufacturer_id: String,
    pub model_id: String,
    pub serial_type: String,
    pub serial_value: String,
    pub sim_id: String,
}

/// One property value as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct PropertyDraft {
    pub group_id: String,
    pub field_id: String,
    pub text: String,
    pub choice_id: String,
    pub other_text: String,
}

/// The shipping address as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct ShipToDraft {
    pub name: String,
    pub region_id: String,
    /// (address field id, value), in the country's order.
    pub address: Vec<(String, String)>,
    pub expedite: bool,
}

impl ShipToDraft {
    /// The value entered for an address field ("" when none).
    pub fn value(&self, id: &str) -> &str {
        self.address
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Sets an address field's value.
    pub fn set(&mut self, id: &str, value: String) {
        match self.address.iter_mut().find(|(f, _)| f == id) {
            Some(slot) => slot.1 = value,
            None => self.address.push((id.to_owned(), value)),
        }
    }
}

/// The whole order in progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub version: u32,
    /// The caller's reference for this order: one per draft, so a repeated
    /// submit can never make a second order.
    pub external_order_number: String,
    /// What the user is doing (drafts stored before there were flows are
    /// upgrades).
    #[serde(default)]
    pub flow: FlowId,
    /// The step the user was on (kept with the draft in storage).
    pub step: Step,
    /// The employee the order is for, when not the signed-in user.
    pub on_behalf_of: Option<String>,
    pub service_id: Option<String>,
    pub existing_device: ExistingDeviceDraft,
    pub device_id: Option<String>,
    pub device_choices: Vec<DeviceFeatureSelection>,
    pub plan_id: Option<String>,
    pub feature_ids: Vec<String>,
    /// Catalog accessories, one entry per unit.
    #[serde(default)]
    pub accessory_ids: Vec<String>,
    /// UPDATE_FEATURES: the changes to the line's features.
    #[serde(default)]
    pub feature_changes: Vec<FeatureChange>,
    /// UPDATE_FEATURES: free text for the carrier.
    #[serde(default)]
    pub feature_comment: String,
    /// The acknowledgements the user accepted (ids).
    #[serde(default)]
    pub acknowledged: Vec<String>,
    /// A new number's country of use (region id).
    #[serde(default)]
    pub region_id: String,
    /// A new number's ZIP code (US) or postal code.
    #[serde(default)]
    pub postal_code: String,
    /// The carrier chosen in `Step::Carrier` (see `flows::CarrierRole`).
    #[serde(default)]
    pub carrier_id: String,
    pub properties: Vec<PropertyDraft>,
    pub ship_to: ShipToDraft,
    /// The request that was confirmed (as JSON); submit is only possible
    /// while the draft still builds exactly this request.
    pub confirmed_request: Option<String>,
    /// The order once submitted.
    pub order_id: Option<String>,
    /// SWAP_DEVICES: the device the line moves to.
    #[serde(default)]
    pub new_device: NewDeviceDraft,
}

impl Draft {
    /// A new, empty draft with its own external order number.
    pub fn new(external_order_number: String) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            external_order_number,
            ..Draft::default()
        }
    }

    /// The value entered for a property ("" fields when none).
    pub fn property(&self, group_id: &str, field_id: &str) -> PropertyDraft {
        self.properties
            .iter()
            .find(|p| p.group_id == group_id && p.field_id == field_id)
            .cloned()
            .unwrap_or_else(|| PropertyDraft {
                group_id: group_id.to_owned(),
                field_id: field_id.to_owned(),
                ..PropertyDraft::default()
            })
    }

    /// Replaces a property's value.
    pub fn set_property(&mut self, value: PropertyDraft) {
        self.properties
            .retain(|p| !(p.group_id == value.group_id && p.field_id == value.field_id));
        self.properties.push(value);
    }

    /// Starts an order not tied to a line (a new line, a number brought
    /// in): what depended on a line or another flow goes.
    pub fn start_new(&mut self, flow: FlowId) {
        if self.flow != flow || self.service_id.is_some() {
            *self = self.fresh(flow);
        }
    }

    /// A new order of `flow` in place of this one: the same reference,
    /// person ordered for and address; nothing else.
    fn fresh(&self, flow: FlowId) -> Draft {
        Draft {
            version: self.version,
            external_order_number: self.external_order_number.clone(),
            on_behalf_of: self.on_behalf_of.clone(),
            ship_to: self.ship_to.clone(),
            flow,
            ..Draft::default()
        }
    }

    /// Chooses a line for an upgrade (see [`Draft::choose`]).
    pub fn choose_line(&mut self, service_id: String, existing_device: ExistingDeviceDraft) {
        self.choose(service_id, self.flow, existing_device);
    }

    /// Chooses a line and what to do with it: when either changes,
    /// everything that depended on them goes (the address stays).
    pub fn choose(&mut self, service_id: String, flow: FlowId, existing: ExistingDeviceDraft) {
        if self.service_id.as_deref() != Some(service_id.as_str()) || self.flow != flow {
            *self = Draft {
                service_id: Some(service_id),
                existing_device: existing,
                ..self.fresh(flow)
            };
        }
    }

    /// Chooses the carrier of `Step::Carrier`: a change drops what came from
    /// the other carrier (plan, features, device, accessories, consents).
    pub fn choose_carrier(&mut self, id: String) {
        if self.carrier_id != id {
            self.carrier_id = id;
            self.plan_id = None;
            self.feature_ids.clear();
            self.device_id = None;
            self.device_choices.clear();
            self.accessory_ids.clear();
            self.acknowledged.clear();
        }
    }

    /// Whether anything physical ships with this order: a device or an
    /// accessory, or a SIM with a new plan except on Rivermine.
    pub fn ships(&self, source: SourceSystem) -> bool {
        self.flow.rules().may_ship()
            && (self.device_id.is_some()
                || !self.accessory_ids.is_empty()
                || (self.plan_id.is_some() && source != SourceSystem::Rivermine))
    }

    /// Whether a feature of the line will be on it after the order.
    pub fn feature_on(&self, feature: &LineFeature) -> bool {
        let change = self.feature_changes.iter().find(|c| c.id == feature.id);
        match change.map(|c| &c.action) {
            Some(FeatureAction::Add) => true,
            Some(FeatureAction::Remove) => false,
            _ => feature.active,
        }
    }

    /// Wants a feature of the line on or off: a change only where that
    /// differs from the line today.
    pub fn set_feature(&mut self, feature: &LineFeature, on: bool) {
        self.feature_changes.retain(|c| c.id != feature.id);
        if on != feature.active {
            self.feature_changes.push(FeatureChange {
                id: feature.id.clone(),
                action: if on {
                    FeatureAction::Add
                } else {
                    FeatureAction::Remove
                },
            });
        }
    }

    /// How many units of an accessory are in the cart.
    pub fn accessory_count(&self, id: &str) -> usize {
        self.accessory_ids.iter().filter(|a| *a == id).count()
    }

    /// Sets how many units of an accessory are in the cart.
    pub fn set_accessory_count(&mut self, id: &str, count: usize) {
        let at = self.accessory_ids.iter().position(|a| a == id);
        self.accessory_ids.retain(|a| a != id);
        let at = at
            .unwrap_or(self.accessory_ids.len())
            .min(self.accessory_ids.len());
        for _ in 0..count {
            self.accessory_ids.insert(at, id.to_owned());
        }
    }

    /// The steps this order goes through, as its flow says.
    pub fn steps(&self, source: SourceSystem) -> Vec<Step> {
        self.flow.flow().steps_for(self, source)
    }

    /// Whether the confirmed request is still what the draft would send.
    pub fn is_confirmed(&self, request: &OrderRequest) -> bool {
        self.confirmed_request.as_deref() == Some(request_key(request).as_str())
    }
}

/// A field of the existing-device block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceField {
    Manufacturer,
    Model,
    Serial,
    Sim,
}

/// What is wrong with the existing-device block, by field (the sandbox's
/// and Premium Mobile's rules: serial 6 to 32 letters and digits, SIM 10 to
/// 22 digits when given).
pub fn existing_device_problems(device: &ExistingDeviceDraft) -> Vec<DeviceField> {
    let mut problems = Vec::new();
    if device.manufacturer_id.trim().is_empty() {
        problems.push(DeviceField::Manufacturer);
    }
    if device.model_id.trim().is_empty() {
        problems.push(DeviceField::Model);
    }
    let serial = device.serial_value.trim();
    if !(6..=32).contains(&serial.len()) || !serial.chars().all(|c| c.is_ascii_alphanumeric()) {
        problems.push(DeviceField::Serial);
    }
    let sim = device.sim_id.trim();
    if !sim.is_empty()
        && (!(10..=22).contains(&sim.len()) || !sim.chars().all(|c| c.is_ascii_digit()))
    {
        problems.push(DeviceField::Sim);
    }
    problems
}

/// Turns random bytes into an external order number, e.g. `W-7F3A9C2D1B`.
pub fn external_order_number(random: &[u8]) -> String {
    let hex: String = random.iter().take(5).map(|b| format!("{b:02X}")).collect();
    format!("W-{hex}")
}

/// The serial number types a user may pick.
pub fn serial_types() -> &'static [SerialNumberType] {
    SerialNumberType::KNOWN
}

#[cfg(test)]
mod tests;
