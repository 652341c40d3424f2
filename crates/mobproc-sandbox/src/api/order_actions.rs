//! `orderActions` on a service asset and on its device (section 3.6 of the
//! transaction notes): the line-based types that apply, given the line's
//! state and the tenant's backend, from the shared rule table.

use mobproc_types::rules::{rules_of, Backend};
use mobproc_types::{EntityStatus, ServiceAsset, TransactionType};

/// The types offered on the service itself.
const SERVICE_TYPES: &[TransactionType] = &[
    TransactionType::Upgrade,
    TransactionType::PortNumber,
    TransactionType::UpdateFeatures,
    TransactionType::Suspend,
    TransactionType::Unsuspend,
    TransactionType::Deactivate,
    TransactionType::XferServiceOut,
];

/// The types offered on the line's device.
const DEVICE_TYPES: &[TransactionType] = &[
    TransactionType::Upgrade,
    TransactionType::OrderAccessories,
    TransactionType::SwapDevices,
];

/// Those of `kinds` that `backend` takes and a line in `status` accepts
/// (none for an INACTIVE line).
fn applicable(
    kinds: &[TransactionType],
    backend: Backend,
    status: &EntityStatus,
) -> Vec<TransactionType> {
    kinds
        .iter()
        .filter(|kind| {
            rules_of(kind).is_some_and(|rules| rules.runs_on(backend) && rules.accepts_line(status))
        })
        .cloned()
        .collect()
}

/// The line's `orderActions` and its device's, both always present (an
/// empty list means nothing applies).
pub fn with_order_actions(mut service: ServiceAsset, backend: Backend) -> ServiceAsset {
    service.order_actions = Some(applicable(SERVICE_TYPES, backend, &service.status));
    let status = service.status.clone();
    if let Some(device) = service.device.as_mut() {
        device.order_actions = Some(applicable(DEVICE_TYPES, backend, &status));
    }
    service
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::line_actions;
    use TransactionType as T;

    fn line(status: EntityStatus, backend: Backend) -> ServiceAsset {
        let json = serde_json::json!({
            "id": "1", "serviceNumber": "2035550100", "status": status.as_str(),
            "device": {"id": "2"}
        });
        with_order_actions(serde_json::from_value(json).unwrap(), backend)
    }

    fn actions(service: &ServiceAsset) -> (Vec<T>, Vec<T>) {
        (
            service.order_actions.clone().unwrap(),
            service
                .device
                .as_ref()
                .unwrap()
                .order_actions
                .clone()
                .unwrap(),
        )
    }

    #[test]
    fn an_active_line_offers_all_but_unsuspend() {
        let (service, device) = actions(&line(EntityStatus::Active, Backend::PremiumMobile));
        assert_eq!(
            service,
            [
                T::Upgrade,
                T::PortNumber,
                T::UpdateFeatures,
                T::Suspend,
                T::Deactivate,
                T::XferServiceOut
            ]
        );
        assert_eq!(device, [T::Upgrade, T::OrderAccessories, T::SwapDevices]);
    }

    #[test]
    fn a_suspended_line_may_be_unsuspended_or_deactivated_only() {
        let suspended = line(EntityStatus::Suspended, Backend::Rivermine);
        assert_eq!(
            actions(&suspended),
            (vec![T::Unsuspend, T::Deactivate], vec![])
        );
        assert_eq!(
            line_actions(T::KNOWN, &suspended),
            [T::Unsuspend, T::Deactivate]
        );
    }

    #[test]
    fn an_inactive_line_offers_nothing() {
        let inactive = line(EntityStatus::Inactive, Backend::PremiumMobile);
        assert_eq!(actions(&inactive), (vec![], vec![]));
        assert!(line_actions(T::KNOWN, &inactive).is_empty());
    }

    #[test]
    fn atlas_lines_offer_only_what_atlas_takes() {
        let (service, device) = actions(&line(EntityStatus::Active, Backend::Atlas));
        assert_eq!(service, [T::Upgrade]);
        assert_eq!(device, [T::Upgrade, T::OrderAccessories]);
    }
}
