//! The cross-carrier rule: the device on the line after the order must
//! use the network it will be on.

use mobproc_types::AccessMethod;

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
