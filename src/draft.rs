//! The order being put together: everything the user has entered, kept in
//! sessionStorage (never the token) so a reload, a sign-in or a network
//! failure loses nothing, and turned into the API's `OrderRequest`.

use mobproc_types::{
    AccessMethod, AddressValue, ChoiceValue, DeviceDescription, DeviceFeatureSelection, FieldValue,
    OrderRequest, PropertyGroup, PropertyGroupValue, PropertyType, SerialNumber, SerialNumberType,
    ShipToRequest, ShoppingCartRequest, TransactionType,
};
use serde::{Deserialize, Serialize};

/// Bumped when the stored shape changes; an older draft is dropped.
pub const DRAFT_VERSION: u32 = 1;

/// The steps of an upgrade, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
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
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 8] = [
        Step::Line,
        Step::CurrentDevice,
        Step::Device,
        Step::Plan,
        Step::Details,
        Step::Shipping,
        Step::Review,
        Step::Status,
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
        }
    }
}

/// The tenant's backend; behaviour differs by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExistingDeviceDraft {
    pub manufacturer_id: String,
    pub model_id: String,
    pub serial_type: String,
    pub serial_value: String,
    pub sim_id: String,
}

/// One property value as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyDraft {
    pub group_id: String,
    pub field_id: String,
    pub text: String,
    pub choice_id: String,
    pub other_text: String,
}

/// The shipping address as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub version: u32,
    /// The caller's reference for this order: one per draft, so a repeated
    /// submit can never make a second order.
    pub external_order_number: String,
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
    pub properties: Vec<PropertyDraft>,
    pub ship_to: ShipToDraft,
    /// The request that was confirmed (as JSON); submit is only possible
    /// while the draft still builds exactly this request.
    pub confirmed_request: Option<String>,
    /// The order once submitted.
    pub order_id: Option<String>,
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

    /// The draft as stored.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft, if it is one of this version.
    pub fn from_storage(text: &str) -> Option<Draft> {
        serde_json::from_str::<Draft>(text)
            .ok()
            .filter(|d| d.version == DRAFT_VERSION && !d.external_order_number.is_empty())
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

    /// Chooses a line: everything that depended on the old one goes.
    pub fn choose_line(&mut self, service_id: String, existing_device: ExistingDeviceDraft) {
        if self.service_id.as_deref() != Some(service_id.as_str()) {
            let keep = Draft {
                version: self.version,
                external_order_number: self.external_order_number.clone(),
                on_behalf_of: self.on_behalf_of.clone(),
                ship_to: self.ship_to.clone(),
                ..Draft::default()
            };
            *self = keep;
            self.service_id = Some(service_id);
            self.existing_device = existing_device;
        }
    }

    /// Whether anything physical ships with this order.
    pub fn ships(&self, source: SourceSystem) -> bool {
        self.device_id.is_some() || (self.plan_id.is_some() && source != SourceSystem::Rivermine)
    }

    /// The steps this order goes through: the current device only where the
    /// backend takes it, shipping only when something ships.
    pub fn steps(&self, source: SourceSystem) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|step| match step {
                Step::CurrentDevice => source.takes_existing_device(),
                Step::Shipping => self.ships(source),
                _ => true,
            })
            .collect()
    }

    /// Whether the confirmed request is still what the draft would send.
    pub fn is_confirmed(&self, request: &OrderRequest) -> bool {
        self.confirmed_request.as_deref() == Some(request_key(request).as_str())
    }
}

/// The text that identifies a request, to compare with the confirmed one.
pub fn request_key(request: &OrderRequest) -> String {
    serde_json::to_string(request).unwrap_or_default()
}

/// Builds the API's request from the draft: only the properties that the
/// vendor defines for this order and that have a value, the existing device
/// where the backend takes it, the shipping address when something ships.
pub fn build_request(
    draft: &Draft,
    source: SourceSystem,
    groups: &[PropertyGroup],
) -> OrderRequest {
    let existing = &draft.existing_device;
    let existing_device = (source.takes_existing_device()
        && !existing.manufacturer_id.trim().is_empty())
    .then(|| DeviceDescription {
        manufacturer_id: existing.manufacturer_id.trim().to_owned(),
        model_id: existing.model_id.trim().to_owned(),
        other_make_model_name: None,
        serial_number: SerialNumber {
            kind: existing
                .serial_type
                .parse()
                .unwrap_or_else(|never| match never {}),
            value: existing.serial_value.trim().to_owned(),
        },
        sim_id: Some(existing.sim_id.trim().to_owned()).filter(|s| !s.is_empty()),
    });
    let properties = groups
        .iter()
        .filter_map(|group| {
            let fields: Vec<FieldValue> = group
                .fields
                .iter()
                .filter_map(|field| {
                    let value = draft.property(&group.group_id, &field.id);
                    match field.kind {
                        PropertyType::Choice => (!value.choice_id.is_empty()).then(|| {
                            let is_other = field
                                .choices
                                .iter()
                                .flatten()
                                .any(|c| c.id == value.choice_id && c.is_other);
                            FieldValue {
                                id: field.id.clone(),
                                kind: PropertyType::Choice,
                                text: None,
                                date: None,
                                choice: Some(ChoiceValue {
                                    id: value.choice_id.clone(),
                                    other_text: is_other
                                        .then(|| value.other_text.trim().to_owned()),
                                }),
                            }
                        }),
                        _ => (!value.text.trim().is_empty()).then(|| FieldValue {
                            id: field.id.clone(),
                            kind: field.kind.clone(),
                            text: Some(value.text.trim().to_owned()),
                            date: None,
                            choice: None,
                        }),
                    }
                })
                .collect();
            (!fields.is_empty()).then(|| PropertyGroupValue {
                group_id: group.group_id.clone(),
                fields,
            })
        })
        .collect();
    let ship_to = draft.ships(source).then(|| ShipToRequest {
        name: draft.ship_to.name.trim().to_owned(),
        region_id: Some(draft.ship_to.region_id.clone()),
        region: None,
        address: draft
            .ship_to
            .address
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(id, value)| AddressValue {
                id: id.clone(),
                label: None,
                value: value.trim().to_owned(),
            })
            .collect(),
        expedite: draft.ship_to.expedite,
    });
    OrderRequest {
        external_order_number: Some(draft.external_order_number.clone()),
        service_id: draft.service_id.clone(),
        existing_device,
        shopping_cart: Some(ShoppingCartRequest {
            device_id: draft.device_id.clone(),
            plan_id: draft.plan_id.clone(),
            optional_feature_ids: if draft.plan_id.is_some() {
                draft.feature_ids.clone()
            } else {
                Vec::new()
            },
            device_feature_choices: if draft.device_id.is_some() {
                draft.device_choices.clone()
            } else {
                Vec::new()
            },
            ..ShoppingCartRequest::default()
        }),
        properties,
        ship_to,
        ..OrderRequest::new(TransactionType::Upgrade)
    }
}

/// Whether the device that will be on the line fits the network it will be on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compatibility {
    /// Nothing to say.
    Fits,
    /// A plan on another network, and the current device can't use it.
    NeedsNewDevice { network: AccessMethod },
    /// The chosen device can't use the network.
    DeviceMismatch {
        device: AccessMethod,
        network: AccessMethod,
    },
}

/// The cross-carrier rule: the device after the order (the new one, or the
/// current one) must use the access method of the network after the order
/// (the new plan's carrier, or the line's). Unknown methods fit.
pub fn compatibility(
    current_device: Option<&AccessMethod>,
    new_device: Option<&AccessMethod>,
    network: Option<&AccessMethod>,
    has_new_plan: bool,
) -> Compatibility {
    let Some(network) = network else {
        return Compatibility::Fits;
    };
    match (new_device, current_device) {
        (Some(device), _) if device != network => Compatibility::DeviceMismatch {
            device: device.clone(),
            network: network.clone(),
        },
        (None, Some(current)) if has_new_plan && current != network => {
            Compatibility::NeedsNewDevice {
                network: network.clone(),
            }
        }
        _ => Compatibility::Fits,
    }
}

/// The `/orders/properties` query for this order: the vendor's properties
/// for the line (or for the new plan's carrier, when it is another), with
/// device-only or plan-only fields dropped as the cart requires. `None`
/// until a line is chosen.
pub fn properties_path(
    draft: &Draft,
    line_vendor: Option<&str>,
    plan_vendor: Option<&str>,
) -> Option<String> {
    let service = draft.service_id.as_deref()?;
    let target = match plan_vendor {
        Some(vendor) if Some(vendor) != line_vendor => {
            format!("vendor={}", crate::auth::oauth::encode(vendor))
        }
        _ => format!("service={}", crate::auth::oauth::encode(service)),
    };
    let mut path = format!("/orders/properties?transactionType=UPGRADE&{target}");
    if draft.device_id.is_none() {
        path.push_str("&orderExcludesDevice=true");
    }
    if draft.plan_id.is_none() {
        path.push_str("&orderExcludesPlan=true");
    }
    Some(path)
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
mod tests {
    use super::*;
    use mobproc_types::{PropertyChoice, PropertyField, Validation};

    fn groups() -> Vec<PropertyGroup> {
        let field = |id: &str, kind: PropertyType| PropertyField {
            id: id.into(),
            label: id.into(),
            kind,
            validation: Validation::Optional,
            min_length: None,
            max_length: None,
            pattern: None,
            reg_ex: None,
            text: None,
            choices: Some(vec![
                PropertyChoice {
                    id: "21".into(),
                    label: "Eligible".into(),
                    is_other: false,
                },
                PropertyChoice {
                    id: "99".into(),
                    label: "Other".into(),
                    is_other: true,
                },
            ]),
        };
        vec![PropertyGroup {
            group_id: "MISCELLANEOUS".into(),
            fields: vec![
                field("CONTACT_NUMBER", PropertyType::Text),
                field("Reason", PropertyType::Choice),
                field("EXT", PropertyType::Text),
            ],
        }]
    }

    fn tutorial_draft() -> Draft {
        let mut draft = Draft::new("12345678".into());
        draft.choose_line(
            "38382349".into(),
            ExistingDeviceDraft {
                manufacturer_id: "LG".into(),
                model_id: "Cookie Plus".into(),
                serial_type: "ESN".into(),
                serial_value: "4289183847832".into(),
                sim_id: "83924758342478392342".into(),
            },
        );
        draft.device_id = Some("9194713904".into());
        draft.plan_id = Some("6568886698".into());
        draft.feature_ids = vec!["122".into(), "293".into()];
        draft.set_property(PropertyDraft {
            group_id: "MISCELLANEOUS".into(),
            field_id: "CONTACT_NUMBER".into(),
            text: " 2035559999 ".into(),
            ..Default::default()
        });
        draft.set_property(PropertyDraft {
            group_id: "MISCELLANEOUS".into(),
            field_id: "Reason".into(),
            choice_id: "21".into(),
            other_text: "left over".into(),
            ..Default::default()
        });
        draft.ship_to = ShipToDraft {
            name: "Peter Edwards".into(),
            region_id: "70144640".into(),
            address: vec![
                ("LINE_1".into(), "35 Executive Blvd".into()),
                ("LINE_2".into(), "".into()),
                ("POSTAL_CODE".into(), "06477".into()),
            ],
            expedite: true,
        };
        draft
    }

    #[test]
    fn builds_the_tutorial_request() {
        let request = build_request(&tutorial_draft(), SourceSystem::PremiumMobile, &groups());
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["externalOrderNumber"], "12345678");
        assert_eq!(json["existingDevice"]["serialNumber"]["type"], "ESN");
        assert_eq!(
            json["shoppingCart"]["optionalFeatureIds"],
            serde_json::json!(["122", "293"])
        );
        let fields = &json["properties"][0]["fields"];
        assert_eq!(
            fields[0],
            serde_json::json!({"id": "CONTACT_NUMBER", "type": "TEXT", "text": "2035559999"})
        );
        assert_eq!(
            fields[1],
            serde_json::json!({"id": "Reason", "type": "CHOICE", "choice": {"id": "21"}}),
            "other text only with the other choice"
        );
        assert_eq!(
            fields.as_array().unwrap().len(),
            2,
            "empty fields are left out"
        );
        assert_eq!(
            json["shipTo"]["address"].as_array().unwrap().len(),
            2,
            "blank address lines are left out"
        );
        assert_eq!(json["shipTo"]["regionId"], "70144640");
    }

    #[test]
    fn rivermine_plan_only_orders_carry_no_device_and_ship_nothing() {
        let mut draft = tutorial_draft();
        draft.device_id = None;
        let request = build_request(&draft, SourceSystem::Rivermine, &groups());
        assert!(request.existing_device.is_none());
        assert!(request.ship_to.is_none());
        assert_eq!(
            draft.steps(SourceSystem::Rivermine),
            [
                Step::Line,
                Step::Device,
                Step::Plan,
                Step::Details,
                Step::Review,
                Step::Status
            ]
        );
        assert!(
            build_request(&draft, SourceSystem::PremiumMobile, &groups())
                .ship_to
                .is_some(),
            "a SIM ships on Premium Mobile"
        );
    }

    #[test]
    fn features_and_choices_go_only_with_their_plan_and_device() {
        let mut draft = tutorial_draft();
        draft.plan_id = None;
        draft.device_choices = vec![DeviceFeatureSelection {
            feature_id: "COLOUR".into(),
            choice_id: "COL_BLACK".into(),
        }];
        let request = build_request(&draft, SourceSystem::Atlas, &groups());
        assert!(request.cart().optional_feature_ids.is_empty());
        assert_eq!(request.cart().device_feature_choices.len(), 1);
    }

    #[test]
    fn a_confirmation_holds_only_while_nothing_changes() {
        let mut draft = tutorial_draft();
        let request = build_request(&draft, SourceSystem::PremiumMobile, &groups());
        draft.confirmed_request = Some(request_key(&request));
        assert!(draft.is_confirmed(&request));
        draft.ship_to.expedite = false;
        assert!(!draft.is_confirmed(&build_request(
            &draft,
            SourceSystem::PremiumMobile,
            &groups()
        )));
    }

    #[test]
    fn choosing_another_line_clears_what_depended_on_the_first() {
        let mut draft = tutorial_draft();
        draft.choose_line("38382349".into(), ExistingDeviceDraft::default());
        assert_eq!(
            draft.device_id.as_deref(),
            Some("9194713904"),
            "the same line changes nothing"
        );
        draft.choose_line("38382350".into(), ExistingDeviceDraft::default());
        assert_eq!(draft.device_id, None);
        assert!(draft.properties.is_empty());
        assert_eq!(draft.external_order_number, "12345678");
        assert_eq!(
            draft.ship_to.name, "Peter Edwards",
            "the address is the user's, not the line's"
        );
    }

    #[test]
    fn drafts_survive_storage_and_refuse_other_versions() {
        let draft = tutorial_draft();
        assert_eq!(
            Draft::from_storage(&draft.to_storage()),
            Some(draft.clone())
        );
        let mut old = serde_json::to_value(&draft).unwrap();
        old["version"] = serde_json::json!(0);
        assert_eq!(Draft::from_storage(&old.to_string()), None);
        assert_eq!(Draft::from_storage("not json"), None);
    }

    #[test]
    fn cross_carrier_plans_need_a_device_of_the_network() {
        let cdma = AccessMethod::Cdma;
        let gsm = AccessMethod::Gsm;
        assert_eq!(
            compatibility(Some(&cdma), None, Some(&cdma), true),
            Compatibility::Fits
        );
        assert_eq!(
            compatibility(Some(&cdma), None, Some(&gsm), true),
            Compatibility::NeedsNewDevice {
                network: gsm.clone()
            }
        );
        assert_eq!(
            compatibility(Some(&cdma), None, Some(&gsm), false),
            Compatibility::Fits,
            "no new plan, no new network"
        );
        assert_eq!(
            compatibility(Some(&cdma), Some(&gsm), Some(&gsm), true),
            Compatibility::Fits
        );
        assert_eq!(
            compatibility(Some(&gsm), Some(&cdma), Some(&gsm), true),
            Compatibility::DeviceMismatch {
                device: cdma.clone(),
                network: gsm.clone()
            }
        );
        assert_eq!(
            compatibility(Some(&cdma), None, None, true),
            Compatibility::Fits
        );
    }

    #[test]
    fn the_existing_device_needs_a_real_serial_and_sim() {
        let mut device = tutorial_draft().existing_device;
        assert!(existing_device_problems(&device).is_empty());
        device.serial_value = "12-34".into();
        device.sim_id = "8392".into();
        device.model_id = " ".into();
        assert_eq!(
            existing_device_problems(&device),
            [DeviceField::Model, DeviceField::Serial, DeviceField::Sim]
        );
        device.sim_id.clear();
        assert!(
            !existing_device_problems(&device).contains(&DeviceField::Sim),
            "the SIM may be left out"
        );
    }

    #[test]
    fn properties_follow_the_network_and_the_cart() {
        let mut draft = tutorial_draft();
        assert_eq!(
            properties_path(&draft, Some("98"), Some("98")).unwrap(),
            "/orders/properties?transactionType=UPGRADE&service=38382349"
        );
        draft.device_id = None;
        assert_eq!(
            properties_path(&draft, Some("98"), Some("97")).unwrap(),
            "/orders/properties?transactionType=UPGRADE&vendor=97&orderExcludesDevice=true"
        );
        draft.plan_id = None;
        draft.device_id = Some("d".into());
        assert!(properties_path(&draft, Some("98"), None)
            .unwrap()
            .ends_with("service=38382349&orderExcludesPlan=true"));
        draft.service_id = None;
        assert_eq!(properties_path(&draft, None, None), None);
    }

    #[test]
    fn external_order_numbers_are_short_and_readable() {
        assert_eq!(
            external_order_number(&[0x7f, 0x3a, 0x9c, 0x2d, 0x1b, 0xff]),
            "W-7F3A9C2D1B"
        );
    }
}
