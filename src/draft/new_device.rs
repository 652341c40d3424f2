//! SWAP_DEVICES: the device the line moves to (the `newDevice` block), as
//! the user picked it among the employee's other device assets or described
//! it ("not listed"), and the checks it must pass before the review.

use mobproc_types::json::{FromJson, ToJson};
use mobproc_types::rules::{Presence, RequestField};
use mobproc_types::{
    DeviceAsset, DeviceDescription, EntityStatus, SerialNumber, ServiceAsset, OTHER_DEVICE,
};

use super::{existing_device_problems, DeviceField, Draft, ExistingDeviceDraft, SourceSystem};

/// The device the line moves to, as chosen or entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct NewDeviceDraft {
    /// The device asset picked, when it is one of the employee's.
    pub asset_id: Option<String>,
    /// The device is not in the records: described in words.
    pub not_listed: bool,
    pub manufacturer_id: String,
    pub model_id: String,
    /// "Not listed": its make and model in words.
    pub make_model: String,
    pub serial_type: String,
    pub serial_value: String,
}

impl NewDeviceDraft {
    /// One of the employee's device assets, as the block starts from it.
    pub fn from_asset(device: &DeviceAsset) -> NewDeviceDraft {
        let serial = device.serial_number.as_ref();
        NewDeviceDraft {
            asset_id: Some(device.id.clone()),
            not_listed: false,
            manufacturer_id: device
                .manufacturer
                .as_ref()
                .map(|m| m.id.clone())
                .unwrap_or_default(),
            model_id: device.model.clone().unwrap_or_default(),
            make_model: String::new(),
            serial_type: serial
                .map(|s| s.kind.to_string())
                .unwrap_or_else(|| "IMEI".into()),
            serial_value: serial.map(|s| s.value.clone()).unwrap_or_default(),
        }
    }

    /// A device not in the records: what was typed of it stays.
    pub fn not_listed(&self) -> NewDeviceDraft {
        NewDeviceDraft {
            asset_id: None,
            not_listed: true,
            manufacturer_id: OTHER_DEVICE.into(),
            model_id: OTHER_DEVICE.into(),
            make_model: self.make_model.clone(),
            serial_type: if self.not_listed {
                self.serial_type.clone()
            } else {
                "IMEI".into()
            },
            serial_value: if self.not_listed {
                self.serial_value.clone()
            } else {
                String::new()
            },
        }
    }

    /// Whether a device was picked or "not listed" chosen.
    pub fn is_chosen(&self) -> bool {
        self.asset_id.is_some() || self.not_listed
    }

    /// The request's `newDevice` (no SIM: the line's moves with it).
    pub fn description(&self) -> Option<DeviceDescription> {
        self.is_chosen().then(|| DeviceDescription {
            manufacturer_id: self.manufacturer_id.trim().to_owned(),
            model_id: self.model_id.trim().to_owned(),
            other_make_model_name: self.not_listed.then(|| self.make_model.trim().to_owned()),
            serial_number: SerialNumber {
                kind: self
                    .serial_type
                    .parse()
                    .unwrap_or_else(|never| match never {}),
                value: self.serial_value.trim().to_owned(),
            },
            sim_id: None,
        })
    }
}

/// What is wrong with the new-device block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewDeviceProblem {
    /// Neither a device nor "not listed" was chosen.
    NothingChosen,
    /// "Not listed" without its make and model in words.
    MakeModel,
    /// Not 6 to 32 letters and digits.
    Serial,
    /// The serial number of the device on the line now.
    SameDevice,
}

/// The checks the sandbox and the backends make of `newDevice`: a device
/// chosen, its make and model in words when not listed, a serial number of
/// 6 to 32 letters and digits that is not the current device's.
pub fn new_device_problems(
    new: &NewDeviceDraft,
    existing: &ExistingDeviceDraft,
) -> Vec<NewDeviceProblem> {
    if !new.is_chosen() {
        return vec![NewDeviceProblem::NothingChosen];
    }
    let mut problems = Vec::new();
    if new.not_listed && new.make_model.trim().is_empty() {
        problems.push(NewDeviceProblem::MakeModel);
    }
    let serial = new.serial_value.trim();
    if !is_serial(serial) {
        problems.push(NewDeviceProblem::Serial);
    } else if serial.eq_ignore_ascii_case(existing.serial_value.trim()) {
        problems.push(NewDeviceProblem::SameDevice);
    }
    problems
}

/// 6 to 32 letters and digits.
fn is_serial(serial: &str) -> bool {
    (6..=32).contains(&serial.len()) && serial.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The current device's problems for this order: SWAP_DEVICES also needs
/// the SIM that moves to the new device.
pub fn current_device_problems(draft: &Draft) -> Vec<DeviceField> {
    let mut problems = existing_device_problems(&draft.existing_device);
    let needs_sim = draft.flow.rules().presence(RequestField::NewDevice) == Presence::Required;
    if needs_sim
        && draft.existing_device.sim_id.trim().is_empty()
        && !problems.contains(&DeviceField::Sim)
    {
        problems.push(DeviceField::Sim);
    }
    problems
}

/// The employee's devices a line may move to: not the line's own, and on
/// no active line.
pub fn spare_devices<'a>(devices: &'a [DeviceAsset], line: &ServiceAsset) -> Vec<&'a DeviceAsset> {
    let own = line.device.as_ref().map(|d| d.id.as_str());
    devices
        .iter()
        .filter(|device| Some(device.id.as_str()) != own)
        .filter(|device| {
            device.service.as_ref().is_none_or(|service| {
                service.id != line.id && service.status != EntityStatus::Active
            })
        })
        .collect()
}

impl Draft {
    /// Whether the order carries the `existingDevice` block: where its
    /// type requires it (SWAP_DEVICES, on every backend), or takes it and
    /// the backend does (UPGRADE, not on Rivermine).
    pub fn wants_existing_device(&self, source: SourceSystem) -> bool {
        self.flow.wants_existing_device(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::FlowId;
    use mobproc_types::rules::rules_of;

    fn asset(id: &str, serial: &str, line: Option<(&str, &str)>) -> DeviceAsset {
        let service = line.map(|(id, status)| {
            serde_json::json!({"id": id, "serviceNumber": "2035551111", "status": status})
        });
        serde_json::from_value(serde_json::json!({
            "id": id,
            "manufacturer": {"id": "Apple", "name": "Apple"},
            "model": "iPhone 6 (64GB) - Space Gray",
            "serialNumber": {"type": "IMEI", "value": serial},
            "service": service,
        }))
        .unwrap()
    }

    fn current() -> ExistingDeviceDraft {
        ExistingDeviceDraft {
            manufacturer_id: "Apple".into(),
            model_id: "iPhone 11".into(),
            serial_type: "IMEI".into(),
            serial_value: "356938035643809".into(),
            sim_id: "89014103211118512335".into(),
        }
    }

    fn swap_draft(new: NewDeviceDraft) -> Draft {
        let mut draft = Draft::new("W-1".into());
        draft.choose("38382335".into(), FlowId::SwapDevices, current());
        draft.new_device = new;
        draft
    }

    #[test]
    fn a_line_moves_only_to_a_device_on_no_active_line() {
        let line: ServiceAsset = serde_json::from_value(serde_json::json!({
            "id": "38382335", "serviceNumber": "2035554468", "status": "ACTIVE",
            "device": {"id": "D-ON-LINE"}
        }))
        .unwrap();
        let devices = [
            asset("D-ON-LINE", "356938035643809", Some(("38382335", "ACTIVE"))),
            asset("D-SPARE", "123456789001230", None),
            asset(
                "D-OTHER-ACTIVE",
                "358240051111110",
                Some(("38382555", "ACTIVE")),
            ),
            asset(
                "D-SUSPENDED",
                "352099001761481",
                Some(("38382336", "SUSPENDED")),
            ),
        ];
        let ids: Vec<&str> = spare_devices(&devices, &line)
            .into_iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["D-SPARE", "D-SUSPENDED"]);
    }

    #[test]
    fn the_new_device_must_be_chosen_described_and_another_one() {
        let nothing = NewDeviceDraft::default();
        assert_eq!(
            new_device_problems(&nothing, &current()),
            [NewDeviceProblem::NothingChosen]
        );
        let spare = NewDeviceDraft::from_asset(&asset("D-SPARE", "123456789001230", None));
        assert_eq!(new_device_problems(&spare, &current()), []);
        let mut unlisted = spare.not_listed();
        assert_eq!(unlisted.manufacturer_id, "Other");
        assert_eq!(
            unlisted.serial_value, "",
            "the asset's serial does not stay"
        );
        assert_eq!(
            new_device_problems(&unlisted, &current()),
            [NewDeviceProblem::MakeModel, NewDeviceProblem::Serial]
        );
        unlisted.make_model = "Acme StarPhone 2000".into();
        for bad in ["12345", "1234-5678-9", &"9".repeat(33)] {
            unlisted.serial_value = bad.into();
            assert_eq!(
                new_device_problems(&unlisted, &current()),
                [NewDeviceProblem::Serial],
                "{bad}"
            );
        }
        unlisted.serial_value = " 356938035643809 ".into();
        assert_eq!(
            new_device_problems(&unlisted, &current()),
            [NewDeviceProblem::SameDevice]
        );
        unlisted.serial_value = "ABC123456".into();
        assert_eq!(new_device_problems(&unlisted, &current()), []);
        let again = unlisted.not_listed();
        assert_eq!(
            (again.make_model.as_str(), again.serial_value.as_str()),
            ("Acme StarPhone 2000", "ABC123456"),
            "choosing not listed again keeps what was typed"
        );
    }

    #[test]
    fn a_swap_needs_the_sim_of_the_current_device() {
        let mut draft = swap_draft(NewDeviceDraft::default());
        assert_eq!(current_device_problems(&draft), []);
        draft.existing_device.sim_id = " ".into();
        assert_eq!(current_device_problems(&draft), [DeviceField::Sim]);
        draft.flow = FlowId::Upgrade;
        assert_eq!(
            current_device_problems(&draft),
            [],
            "an upgrade may leave it out"
        );
    }

    #[test]
    fn a_swap_request_carries_both_devices_as_its_rules_want() {
        let spare = NewDeviceDraft::from_asset(&asset("D-SPARE", "123456789001230", None));
        for source in [SourceSystem::PremiumMobile, SourceSystem::Rivermine] {
            let request = super::super::build_request(&swap_draft(spare.clone()), source, &[]);
            let rules = rules_of(&request.transaction_type).unwrap();
            assert_eq!(rules.field_problems(&request), [], "{source:?}");
            let existing = request.existing_device.unwrap();
            assert_eq!(existing.serial_number.value, "356938035643809");
            assert_eq!(existing.sim_id.as_deref(), Some("89014103211118512335"));
            let new = request.new_device.unwrap();
            assert_eq!(
                (new.manufacturer_id.as_str(), new.model_id.as_str()),
                ("Apple", "iPhone 6 (64GB) - Space Gray")
            );
            assert_eq!(new.serial_number.value, "123456789001230");
            assert_eq!((new.sim_id, new.other_make_model_name), (None, None));
            assert!(request.shopping_cart.is_none() && request.ship_to.is_none());
        }
        let mut unlisted = spare.not_listed();
        unlisted.make_model = " Acme StarPhone 2000 ".into();
        unlisted.serial_type = "MEID".into();
        unlisted.serial_value = "A1000021647599".into();
        let request =
            super::super::build_request(&swap_draft(unlisted), SourceSystem::PremiumMobile, &[]);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&request.new_device.unwrap().to_json())
                .unwrap(),
            serde_json::json!({
                "manufacturerId": "Other",
                "modelId": "Other",
                "otherMakeModelName": "Acme StarPhone 2000",
                "serialNumber": {"type": "MEID", "value": "A1000021647599"}
            })
        );
    }

    #[test]
    fn only_a_swap_sends_a_new_device() {
        let spare = NewDeviceDraft::from_asset(&asset("D-SPARE", "123456789001230", None));
        let mut draft = swap_draft(spare);
        draft.flow = FlowId::Upgrade;
        let request = super::super::build_request(&draft, SourceSystem::PremiumMobile, &[]);
        assert!(request.new_device.is_none());
    }
}
