//! What the carrier chosen in `Step::Carrier` decides: which carriers are
//! offered, whose plans and devices fit, whose consents are asked for.

use mobproc_types::sort::sort_by_key;
use mobproc_types::{Plan, Vendor, VendorType};

use super::{CarrierRole, FlowId};

/// The carriers the carrier step offers, by name: for a port every carrier
/// but the line's; for a number staying on its carrier the carriers the
/// company has plans with; for a ported-in number every carrier.
pub fn carrier_choices(
    role: CarrierRole,
    vendors: &[Vendor],
    plans: &[Plan],
    line_vendor: Option<&str>,
) -> Vec<Vendor> {
    let has_plans = |id: &str| {
        plans
            .iter()
            .any(|p| p.vendor.as_ref().is_some_and(|v| v.id == id))
    };
    let mut offered: Vec<Vendor> = vendors
        .iter()
        .filter(|v| v.kind.as_ref().is_none_or(|k| *k == VendorType::Carrier))
        .filter(|v| match role {
            CarrierRole::NewForLine => Some(v.id.as_str()) != line_vendor && has_plans(&v.id),
            CarrierRole::Personal { stays: true } => has_plans(&v.id),
            CarrierRole::Personal { stays: false } => true,
        })
        .cloned()
        .collect();
    sort_by_key(&mut offered, |v| v.name.to_lowercase());
    offered
}

/// Whether a plan of `plan_vendor` fits the order, `chosen` being the
/// carrier picked (empty before): the chosen carrier's plans for a port or
/// a number that stays, any other carrier's for a ported-in number.
pub fn plan_fits(role: Option<CarrierRole>, chosen: &str, plan_vendor: Option<&str>) -> bool {
    match role {
        None => true,
        Some(CarrierRole::NewForLine | CarrierRole::Personal { stays: true }) => {
            plan_vendor == Some(chosen)
        }
        Some(CarrierRole::Personal { stays: false }) => {
            plan_vendor.is_some_and(|vendor| vendor != chosen)
        }
    }
}

/// The carrier a new device must come from, if the order says: the chosen
/// one for a port or a number that stays, the plan's for a ported-in number
/// (none until a plan is chosen).
pub fn device_carrier(
    role: Option<CarrierRole>,
    chosen: &str,
    plan_vendor: Option<&str>,
) -> Option<String> {
    match role? {
        CarrierRole::NewForLine | CarrierRole::Personal { stays: true } => {
            (!chosen.is_empty()).then(|| chosen.to_owned())
        }
        CarrierRole::Personal { stays: false } => plan_vendor.map(str::to_owned),
    }
}

/// The carrier whose network the line will be on after the order: the
/// one the device must come from, else the new plan's, else the line's.
pub fn carrier_after_order(
    role: Option<CarrierRole>,
    chosen: &str,
    plan_vendor: Option<&str>,
    line_vendor: Option<&str>,
) -> Option<String> {
    device_carrier(role, chosen, plan_vendor)
        .or_else(|| plan_vendor.or(line_vendor).map(str::to_owned))
}

/// The carrier whose notices and consents the order needs (TRANSACTIONS.md
/// 3.1): the line's for a transfer out, the number's for a transfer in on
/// the same carrier, the new plan's when the number is ported in.
pub fn acknowledgement_vendor(
    flow: FlowId,
    line_vendor: Option<&str>,
    chosen: &str,
    plan_vendor: Option<&str>,
) -> Option<String> {
    let vendor = match flow.flow().carrier {
        Some(CarrierRole::Personal { stays: true }) => Some(chosen),
        Some(CarrierRole::Personal { stays: false }) => plan_vendor,
        _ => line_vendor,
    };
    vendor.filter(|v| !v.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::NamedRef;

    fn vendor(id: &str, name: &str, kind: Option<VendorType>) -> Vendor {
        Vendor {
            meta: None,
            id: id.into(),
            name: name.into(),
            logo_url: None,
            kind,
            access_method: None,
        }
    }

    fn plan(id: &str, vendor: &str) -> Plan {
        Plan {
            meta: None,
            id: id.into(),
            name: format!("Plan {id}"),
            price: None,
            vendor: Some(NamedRef {
                meta: None,
                id: vendor.into(),
                name: None,
                logo_url: None,
            }),
            included_features: None,
            optional_features: None,
        }
    }

    fn names(vendors: Vec<Vendor>) -> Vec<String> {
        vendors.into_iter().map(|v| v.name).collect()
    }

    fn catalog() -> (Vec<Vendor>, Vec<Plan>) {
        let vendors = vec![
            vendor("98", "Verizon", Some(VendorType::Carrier)),
            vendor("97", "AT&T", None),
            vendor("888", "cricket", Some(VendorType::Carrier)),
            vendor("111", "Metro", Some(VendorType::Carrier)),
            vendor("5", "Apple", Some(VendorType::Manufacturer)),
        ];
        let plans = vec![plan("1", "98"), plan("2", "97"), plan("3", "888")];
        (vendors, plans)
    }

    #[test]
    fn a_port_offers_the_other_carriers_with_plans() {
        let (vendors, plans) = catalog();
        let offered = carrier_choices(CarrierRole::NewForLine, &vendors, &plans, Some("98"));
        assert_eq!(names(offered), ["AT&T", "cricket"]);
    }

    #[test]
    fn a_number_that_stays_needs_a_carrier_with_plans_and_one_ported_in_any() {
        let (vendors, plans) = catalog();
        let stays = carrier_choices(
            CarrierRole::Personal { stays: true },
            &vendors,
            &plans,
            None,
        );
        assert_eq!(names(stays), ["AT&T", "cricket", "Verizon"]);
        let ported = carrier_choices(
            CarrierRole::Personal { stays: false },
            &vendors,
            &plans,
            None,
        );
        assert_eq!(names(ported), ["AT&T", "cricket", "Metro", "Verizon"]);
    }

    #[test]
    fn plans_fit_the_chosen_carrier_or_any_other_when_ported_in() {
        let port = Some(CarrierRole::NewForLine);
        assert!(plan_fits(port, "97", Some("97")));
        assert!(!plan_fits(port, "97", Some("98")));
        let ported_in = Some(CarrierRole::Personal { stays: false });
        assert!(plan_fits(ported_in, "111", Some("97")));
        assert!(!plan_fits(ported_in, "111", Some("111")));
        assert!(!plan_fits(ported_in, "111", None));
        assert!(plan_fits(None, "", Some("97")));
    }

    #[test]
    fn the_device_comes_from_the_carrier_the_line_will_be_on() {
        let port = Some(CarrierRole::NewForLine);
        assert_eq!(device_carrier(port, "97", None), Some("97".into()));
        assert_eq!(device_carrier(port, "", None), None);
        let ported_in = Some(CarrierRole::Personal { stays: false });
        assert_eq!(device_carrier(ported_in, "111", None), None);
        assert_eq!(
            device_carrier(ported_in, "111", Some("97")),
            Some("97".into())
        );
        assert_eq!(device_carrier(None, "97", Some("97")), None);
    }

    #[test]
    fn the_network_after_the_order_is_the_new_carrier_s_else_the_plan_s_else_the_line_s() {
        let port = Some(CarrierRole::NewForLine);
        assert_eq!(
            carrier_after_order(port, "97", None, Some("98")),
            Some("97".into())
        );
        assert_eq!(
            carrier_after_order(None, "", Some("97"), Some("98")),
            Some("97".into())
        );
        assert_eq!(
            carrier_after_order(None, "", None, Some("98")),
            Some("98".into())
        );
        assert_eq!(carrier_after_order(None, "", None, None), None);
    }

    #[test]
    fn consents_come_from_the_carrier_that_takes_the_number() {
        let line = Some("97");
        assert_eq!(
            acknowledgement_vendor(FlowId::XferServiceOut, line, "", None),
            Some("97".into())
        );
        assert_eq!(
            acknowledgement_vendor(FlowId::XferServiceIn, None, "888", Some("888")),
            Some("888".into())
        );
        assert_eq!(
            acknowledgement_vendor(FlowId::XferServiceInAndPort, None, "111", Some("97")),
            Some("97".into())
        );
        assert_eq!(
            acknowledgement_vendor(FlowId::XferServiceInAndPort, None, "111", None),
            None
        );
    }
}
