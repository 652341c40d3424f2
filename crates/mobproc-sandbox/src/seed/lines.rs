//! Lines: service assets and the devices on them.

use std::sync::LazyLock;

use mobproc_types::date::{days_from_civil, format_timestamp, Ymd};
use mobproc_types::{
    AccessMethod, ContractDates, DeviceAsset, Employee, EntityStatus, SerialNumber,
    SerialNumberType, ServiceAsset,
};
use serde::Deserialize;

use super::named;
use super::people::Staff;
use super::random::Lcg;
use super::tenants::{vendor, TenantSeed};
use super::vendors::VendorSeed;

/// A line and the device on it (linked by columns, not inside the bodies).
pub(super) struct Line {
    pub(super) service: ServiceAsset,
    pub(super) device: DeviceAsset,
}

/// When a line may be upgraded.
#[derive(Clone, Copy)]
pub(super) enum Upgrade {
    /// Since that day (in the past): the contract ended.
    Since(Ymd),
    /// 120 days after seeding.
    NotYet,
}

/// What a generated line is made of.
pub(super) struct LineSpec<'a> {
    pub(super) service_id: String,
    pub(super) device_id: String,
    pub(super) number: String,
    pub(super) owner: &'a Employee,
    pub(super) vendor: &'a VendorSeed,
    pub(super) upgrade: Upgrade,
    /// (manufacturer, model) of the device; drawn at random when `None`.
    pub(super) model: Option<(&'static str, &'static str)>,
    /// Seeds the line's pseudo-random details.
    pub(super) salt: u64,
}

/// A device people have on their lines, of `seed/line-devices.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineDevice {
    maker: String,
    model: String,
}

static LINE_DEVICES: LazyLock<Vec<LineDevice>> = LazyLock::new(|| data_file!("line-devices.json"));

/// A day at 06:00 UTC, as the backend writes contract dates.
pub(super) fn six_am(day: Ymd) -> String {
    format_timestamp(days_from_civil(day) * 86_400 + 6 * 3600)
}

fn years_before((year, month, day): Ymd, years: i64) -> Ymd {
    (year - years, month, day)
}

/// A day between 2018 and 2024 (always in the past).
fn past_day(rng: &mut Lcg) -> Ymd {
    (
        2018 + rng.below(7) as i64,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    )
}

pub(super) fn line(tenant: &TenantSeed, spec: LineSpec, soon: &str) -> Line {
    let mut rng = Lcg::new(spec.salt);
    let (maker, model) = spec.model.unwrap_or_else(|| {
        let device = &LINE_DEVICES[rng.below(LINE_DEVICES.len() as u64) as usize];
        (&device.maker, &device.model)
    });
    let (eligible, contract) = match spec.upgrade {
        Upgrade::Since(day) => {
            let start = six_am(years_before(day, 2));
            let contract = ContractDates {
                activated: Some(six_am(years_before(day, 4))),
                start: Some(start.clone()),
                end: Some(six_am(day)),
                last_device_upgrade: Some(start),
            };
            (six_am(day), contract)
        }
        Upgrade::NotYet => {
            let day = (2023, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            let contract = ContractDates {
                activated: Some(six_am(years_before(day, 3))),
                start: Some(six_am(day)),
                end: None,
                last_device_upgrade: Some(six_am(day)),
            };
            (soon.to_owned(), contract)
        }
    };
    let service = ServiceAsset {
        meta: None,
        id: spec.service_id,
        service_number: spec.number,
        status: EntityStatus::Active,
        contract_dates: Some(contract),
        upgrade_eligibility_date: Some(eligible),
        vendor: Some(spec.vendor.named()),
        device: None,
        employee: Some(named(&spec.owner.id, &spec.owner.full_name())),
        order_actions: None,
    };
    let device = DeviceAsset {
        meta: None,
        id: spec.device_id,
        access_method: Some(spec.vendor.access.clone()),
        company_asset_id: Some(format!("{}'s {model}", spec.owner.first_name)),
        mac_address: Some(mac_address(&mut rng)),
        manufacturer: Some(named(maker, maker)),
        model: Some(model.to_owned()),
        serial_number: Some(serial_number(maker, &spec.vendor.access, &mut rng)),
        sim_id: Some(format!("{}{}", tenant.data.iccid_prefix, rng.digits(16))),
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    };
    Line { service, device }
}

/// How the device identifies itself: a PIN on a BlackBerry, an IMEI on GSM
/// and LTE networks, an MEID or ESN on CDMA ones.
fn serial_number(maker: &str, access: &AccessMethod, rng: &mut Lcg) -> SerialNumber {
    let (kind, value) = match access {
        _ if maker == "BlackBerry" => (SerialNumberType::Pin, rng.hex(8)),
        AccessMethod::Gsm | AccessMethod::Lte => {
            let body = format!("35{}", rng.digits(12));
            let check = luhn_check_digit(&body);
            (SerialNumberType::Imei, format!("{body}{check}"))
        }
        AccessMethod::Cdma if rng.below(2) == 0 => (SerialNumberType::Esn, rng.digits(11)),
        _ => (SerialNumberType::Meid, format!("A1000{}", rng.hex(9))),
    };
    SerialNumber { kind, value }
}

/// The Luhn check digit of a string of decimal digits (as IMEIs end with).
fn luhn_check_digit(digits: &str) -> char {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(position, byte)| {
            let digit = u32::from(byte - b'0');
            match position % 2 {
                0 if digit * 2 > 9 => digit * 2 - 9,
                0 => digit * 2,
                _ => digit,
            }
        })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

fn mac_address(rng: &mut Lcg) -> String {
    let hex = rng.hex(6);
    format!("A4:5E:60:{}:{}:{}", &hex[0..2], &hex[2..4], &hex[4..6])
}

/// One line for each of `people`, numbered from `first`, on assorted
/// vendors; every fourth is not yet eligible.
pub(super) fn generated_lines(
    tenant: &TenantSeed,
    people: &[Staff],
    first: u64,
    soon: &str,
) -> Vec<Line> {
    people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let n = first + i as u64;
            let mut rng = Lcg::new(n ^ 0x5EED);
            let vendor = &tenant.data.vendors[rng.below(tenant.data.vendors.len() as u64) as usize];
            let upgrade = if i % 4 == 3 {
                Upgrade::NotYet
            } else {
                Upgrade::Since(past_day(&mut rng))
            };
            let spec = LineSpec {
                service_id: (tenant.numbering.service)(n),
                device_id: (tenant.numbering.device_asset)(n),
                number: (tenant.numbering.line_number)(n),
                owner: &person.employee,
                vendor,
                upgrade,
                model: None,
                salt: rng.next_u64(),
            };
            line(tenant, spec, soon)
        })
        .collect()
}

/// The spec of the `n`-th line in the tenant's numbering, with a random device.
pub(super) fn numbered_line<'a>(
    tenant: &'a TenantSeed,
    n: u64,
    owner: &'a Employee,
    vendor_id: &str,
    upgrade: Upgrade,
) -> LineSpec<'a> {
    LineSpec {
        service_id: (tenant.numbering.service)(n),
        device_id: (tenant.numbering.device_asset)(n),
        number: (tenant.numbering.line_number)(n),
        owner,
        vendor: vendor(tenant, vendor_id),
        upgrade,
        model: None,
        salt: n,
    }
}

#[cfg(test)]
mod tests {
    use mobproc_types::{AccessMethod, SerialNumberType};

    use super::{luhn_check_digit, serial_number};
    use crate::seed::random::Lcg;

    #[test]
    fn imeis_pass_the_luhn_check() {
        assert_eq!(luhn_check_digit("49015420323751"), '8');
        let mut rng = Lcg::new(7);
        let serial = serial_number("Apple", &AccessMethod::Gsm, &mut rng);
        assert_eq!(serial.kind, SerialNumberType::Imei);
        assert_eq!(serial.value.len(), 15);
    }
}
