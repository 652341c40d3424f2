//! GLOBEX: the Rivermine tenant, in Canada. Its data is in
//! `seed/tenants/globex.json` and `seed/properties/globex.json`; here are
//! its numbering, Marc and Chloe with their lines, and its catalog.

use mobproc_types::{Amount, CatalogDevice};

use super::catalog::{catalog_device, variant_price_cents, variants};
use super::lines::{generated_lines, line, numbered_line, Line, Upgrade};
use super::people::{employee, generated_staff, Role, Staff};
use super::random::Lcg;
use super::tenants::{scrambled_id, Numbering, TenantSeed};

/// Globex Canada: the Rivermine tenant, in Canadian dollars.
pub(super) fn tenant() -> TenantSeed {
    TenantSeed {
        data: data_file!("tenants/globex.json"),
        numbering: Numbering {
            employee: |n| (41_600_100 + n).to_string(),
            office_phone: |n| format!("{}555{:04}", CANADIAN_AREAS[(n % 3) as usize], 2000 + n),
            service: |n| (52_000_100 + n).to_string(),
            device_asset: |n| (53_000_100 + n).to_string(),
            line_number: |n| {
                format!(
                    "{}5550{:03}",
                    CANADIAN_AREAS[(n % 3) as usize],
                    100 + n % 900
                )
            },
            catalog_device: |n| scrambled_id(7_100_000_000, n),
            plan: |n| (6_610_000_001 + n).to_string(),
            accessory: |n| (8_810_000_001 + n).to_string(),
        },
        staff: globex_staff,
        lines: globex_lines,
        catalog: rivermine_catalog,
        properties: data_file!("properties/globex.json"),
    }
}

const CANADIAN_AREAS: [&str; 3] = ["416", "514", "604"];

pub(super) const MARC_ID: &str = "41600100";
pub(super) const CHLOE_ID: &str = "41600101";

/// Marc, who approves for Chloe and six more, and two who report to no one.
fn globex_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let mut staff = vec![
        Staff::new(
            employee(
                tenant,
                MARC_ID,
                ("Marc", "Gagnon"),
                Some("5145550100".into()),
                Some(&tenant.data.departments[2]),
            ),
            None,
            Role::Approver,
        ),
        Staff::new(
            employee(
                tenant,
                CHLOE_ID,
                ("Chloe", "Tremblay"),
                Some("4165550199".into()),
                Some(&tenant.data.departments[0]),
            ),
            Some(MARC_ID),
            Role::Employee,
        ),
    ];
    staff.extend(generated_staff(tenant, 2, 8, |i| {
        ((i < 6).then(|| MARC_ID.to_owned()), Role::Employee)
    }));
    staff
}

/// Chloe's two lines (Bell, eligible; Rogers, not yet), Marc's, and one
/// for each generated employee.
fn globex_lines(tenant: &TenantSeed, staff: &[Staff], soon: &str) -> Vec<Line> {
    let (marc, chloe) = (&staff[0].employee, &staff[1].employee);
    let mut lines = vec![
        line(
            tenant,
            numbered_line(tenant, 1, chloe, "202", Upgrade::Since((2022, 6, 1))),
            soon,
        ),
        line(
            tenant,
            numbered_line(tenant, 2, chloe, "201", Upgrade::NotYet),
            soon,
        ),
        line(
            tenant,
            numbered_line(tenant, 3, marc, "203", Upgrade::Since((2021, 9, 10))),
            soon,
        ),
    ];
    lines.extend(generated_lines(tenant, &staff[2..], 4, soon));
    lines
}

/// Fifteen variants spread over the families, at each vendor.
fn rivermine_catalog(tenant: &TenantSeed) -> Vec<CatalogDevice> {
    let mut devices = Vec::new();
    for variant in variants().into_iter().skip(40).step_by(75).take(15) {
        for (v, vendor) in tenant.data.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let cents = variant_price_cents(&variant, v, &mut Lcg::new(n), &tenant.data.currency);
            let price = Amount::one_time(cents, &tenant.data.currency);
            let id = (tenant.numbering.catalog_device)(n);
            devices.push(catalog_device(
                id,
                variant.name(),
                &variant.family.maker,
                vendor,
                price,
            ));
        }
    }
    devices
}
