//! SWAP_DEVICES on the review: the device on the line now and the one the
//! line moves to, as the confirmation expands them.

use leptos::prelude::*;
use mobproc_types::ExistingDevice;

use crate::app::context::use_ctx;

/// "Apple iPhone 6 (64GB) · IMEI 123456789001230": the make and model (in
/// words when the device is not in the records) and the serial number.
pub fn device_words(device: &ExistingDevice) -> String {
    let named =
        |part: &mobproc_types::NamedRef| part.name.clone().unwrap_or_else(|| part.id.clone());
    let name = device
        .other_make_model_name
        .as_deref()
        .map(str::trim)
        .filter(|words| !words.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{} {}", named(&device.manufacturer), named(&device.model)));
    format!(
        "{name} · {} {}",
        device.serial_number.kind, device.serial_number.value
    )
}

/// Current device → new device.
#[component]
pub fn DeviceChange(existing: ExistingDevice, new: ExistingDevice) -> impl IntoView {
    let t = use_ctx().t();
    view! {
        <div class="mobproc-review-item" data-testid="review-device-change">
            <h3>{t.device_change}</h3>
            <dl class="mobproc-summary">
                <dt>{t.current_device}</dt>
                <dd data-testid="review-current-device">{device_words(&existing)}</dd>
                <dt>{t.new_device}</dt>
                <dd data-testid="review-new-device">{device_words(&new)}</dd>
            </dl>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::{NamedRef, SerialNumber, SerialNumberType};

    fn named(id: &str, name: Option<&str>) -> NamedRef {
        NamedRef {
            meta: None,
            id: id.into(),
            name: name.map(str::to_owned),
            logo_url: None,
        }
    }

    #[test]
    fn a_device_is_said_by_name_or_in_the_words_given_with_its_serial() {
        let mut device = ExistingDevice {
            manufacturer: named("Apple", Some("Apple")),
            model: named("iPhone 6", None),
            other_make_model_name: None,
            serial_number: SerialNumber {
                kind: SerialNumberType::Imei,
                value: "123456789001230".into(),
            },
            sim_id: None,
        };
        assert_eq!(
            device_words(&device),
            "Apple iPhone 6 · IMEI 123456789001230"
        );
        device.other_make_model_name = Some(" Acme StarPhone 2000 ".into());
        assert_eq!(
            device_words(&device),
            "Acme StarPhone 2000 · IMEI 123456789001230"
        );
    }
}
