//! ACME: the Premium Mobile ("Command") tenant of the tutorial. Its data is
//! in `seed/tenants/acme.json` and `seed/properties/acme.json`; here are its
//! numbering, Peter and Maria of the tutorial with their lines (Peter's
//! exactly as the tutorial's confirmation shows it), its catalog (every
//! variant at every carrier) and the tutorial's plan.

use mobproc_types::{
    AccessMethod, Amount, CatalogDevice, ContractDates, DeviceAsset, Employee, EntityStatus, Plan,
    SerialNumber, SerialNumberType, ServiceAsset,
};

use super::catalog::{catalog_device, variant_price_cents, variants};
use super::lines::{generated_lines, line, Line, LineSpec, Upgrade};
use super::named;
use super::people::{employee, generated_staff, Role, Staff};
use super::plans::{included_feature, optional_feature};
use super::random::Lcg;
use super::tenants::{scrambled_id, vendor, Numbering, TenantSeed};

/// Acme Corporation: the Premium Mobile ("Command") tenant of the tutorial.
pub(super) fn tenant() -> TenantSeed {
    TenantSeed {
        data: data_file!("tenants/acme.json"),
        numbering: Numbering {
            employee: |n| (28_673_800 + n).to_string(),
            office_phone: |n| format!("2035551{:03}", n % 1000),
            service: |n| (38_383_000 + n).to_string(),
            device_asset: |n| (35_363_000 + n).to_string(),
            line_number: |n| {
                const AREAS: [&str; 6] = ["203", "212", "312", "415", "617", "713"];
                format!("{}5550{:03}", AREAS[(n % 6) as usize], 100 + n % 900)
            },
            catalog_device: |n| scrambled_id(9_000_000_000, n),
            plan: |n| (6_568_880_001 + n).to_string(),
            accessory: |n| (8_800_000_001 + n).to_string(),
        },
        staff: acme_staff,
        lines: acme_lines,
        catalog: command_catalog,
        properties: data_file!("properties/acme.json"),
    }
}

pub(super) const PETER_ID: &str = "28673732";
pub(super) const MARIA_ID: &str = "28673700";
pub(super) const API_ACCOUNT_ID: &str = "28600001";

/// Peter and Maria of the tutorial, the integration's service account, and
/// 30 more: six report to Maria (the first of them leads three more), the
/// tenth approves for the next ten, the last ten report to no one.
fn acme_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let development = Some(&tenant.data.departments[0]);
    let mut staff = vec![
        Staff::new(
            employee(
                tenant,
                PETER_ID,
                ("Peter", "Edwards"),
                Some("2035559999".into()),
                development,
            ),
            Some(MARIA_ID),
            Role::Employee,
        ),
        Staff::new(
            employee(
                tenant,
                MARIA_ID,
                ("Maria", "Lopez"),
                Some("2035559000".into()),
                development,
            ),
            None,
            Role::Approver,
        ),
        Staff::new(
            employee(tenant, API_ACCOUNT_ID, ("API", "Account"), None, None),
            None,
            Role::Employee,
        ),
    ];
    let lead = (tenant.numbering.employee)(1);
    let approver = (tenant.numbering.employee)(10);
    staff.extend(generated_staff(tenant, 1, 30, |i| match i {
        0 => (Some(MARIA_ID.into()), Role::Lead),
        1..=5 => (Some(MARIA_ID.into()), Role::Employee),
        6..=8 => (Some(lead.clone()), Role::Employee),
        9 => (None, Role::Approver),
        10..=19 => (Some(approver.clone()), Role::Employee),
        _ => (None, Role::Employee),
    }));
    staff
}

/// Peter's two lines (the tutorial's, eligible, on Verizon; an iPhone on
/// AT&T, not yet eligible), Maria's, and one for each generated employee.
/// The third generated employee's device lacks its serial number and SIM.
fn acme_lines(tenant: &TenantSeed, staff: &[Staff], soon: &str) -> Vec<Line> {
    let (peter, maria) = (&staff[0].employee, &staff[1].employee);
    let mut lines = vec![
        peter_tutorial_line(tenant, peter),
        line(
            tenant,
            LineSpec {
                service_id: "38382350".into(),
                device_id: "35362369".into(),
                number: "2035557677".into(),
                owner: peter,
                vendor: vendor(tenant, "97"),
                upgrade: Upgrade::NotYet,
                model: Some(("Apple", "iPhone 12")),
                salt: 1,
            },
            soon,
        ),
        line(
            tenant,
            LineSpec {
                service_id: "38382300".into(),
                device_id: "35362300".into(),
                number: "2035557600".into(),
                owner: maria,
                vendor: vendor(tenant, "98"),
                upgrade: Upgrade::Since((2017, 3, 15)),
                model: Some(("Samsung", "Galaxy S10")),
                salt: 2,
            },
            soon,
        ),
    ];
    let generated = generated_lines(tenant, &staff[3..], 1, soon);
    lines.extend(generated);
    let incomplete = &mut lines[5].device;
    incomplete.serial_number = None;
    incomplete.sim_id = None;
    lines
}

/// The line of the tutorial's order, exactly as its confirmation shows it.
fn peter_tutorial_line(tenant: &TenantSeed, peter: &Employee) -> Line {
    let service = ServiceAsset {
        meta: None,
        id: "38382349".into(),
        service_number: "2035557676".into(),
        status: EntityStatus::Active,
        contract_dates: Some(ContractDates {
            activated: Some("2010-01-20T06:00:00Z".into()),
            start: Some("2014-01-21T06:00:00Z".into()),
            end: Some("2016-01-21T06:00:00Z".into()),
            last_device_upgrade: Some("2014-01-21T06:00:00Z".into()),
        }),
        upgrade_eligibility_date: Some("2016-01-21T06:00:00Z".into()),
        vendor: Some(vendor(tenant, "98").named()),
        device: None,
        employee: Some(named(&peter.id, &peter.full_name())),
        order_actions: None,
    };
    let device = DeviceAsset {
        meta: None,
        id: "35362368".into(),
        access_method: Some(AccessMethod::Cdma),
        company_asset_id: Some("Peter's Cookie".into()),
        mac_address: Some("90:33:20:94:31".into()),
        manufacturer: Some(named("LG", "LG")),
        model: Some("Cookie Plus".into()),
        serial_number: Some(SerialNumber {
            kind: SerialNumberType::Esn,
            value: "4289183847832".into(),
        }),
        sim_id: Some("83924758342478392342".into()),
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    };
    Line { service, device }
}

/// The tutorial's device: Apple iPhone 5 (16GB) - Black at Verizon, $199.99.
const TUTORIAL_DEVICE_ID: &str = "9194713904";

/// Every variant at every vendor: over 5,000 devices.
fn command_catalog(tenant: &TenantSeed) -> Vec<CatalogDevice> {
    let mut devices = Vec::new();
    for variant in variants() {
        let name = variant.name();
        for (v, vendor) in tenant.data.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let tutorial = name == "Apple iPhone 5 (16GB) - Black" && vendor.id == "98";
            let (id, cents) = if tutorial {
                (TUTORIAL_DEVICE_ID.to_owned(), 19_999)
            } else {
                let cents =
                    variant_price_cents(&variant, v, &mut Lcg::new(n), &tenant.data.currency);
                ((tenant.numbering.catalog_device)(n), cents)
            };
            let price = Amount::one_time(cents, &tenant.data.currency);
            devices.push(catalog_device(
                id,
                name.clone(),
                &variant.family.maker,
                vendor,
                price,
            ));
        }
    }
    devices
}

/// The tutorial's plan, at Verizon.
pub(super) fn tutorial_plan(tenant: &TenantSeed) -> Plan {
    let included = ["Total Equipment Coverage", "VZ Navigator", "Base Package"];
    let optional = [
        ("122", "Voice Mail", 30_000),
        ("293", "Roadside Assistance", 20_000),
        ("301", "International Travel Pass", 1000),
    ];
    Plan {
        meta: None,
        id: "6568886698".into(),
        name: "Nationwide for Business Talk Share Plan".into(),
        price: Some(Amount::monthly(5867, "USD")),
        vendor: Some(vendor(tenant, "98").named()),
        included_features: Some(included.iter().map(|d| included_feature(d)).collect()),
        optional_features: Some(
            optional
                .iter()
                .map(|(id, description, cents)| optional_feature(id, description, *cents, "USD"))
                .collect(),
        ),
    }
}
