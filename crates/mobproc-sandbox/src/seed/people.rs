//! Employees (with the rights the sandbox keeps beside them), and the
//! insertion of every tenant's people and lines.

use mobproc_types::{Employee, EntityStatus, IdName};
use rusqlite::{params, Transaction};

use super::lines::Line;
use super::random::mix;
use super::tenants::TenantSeed;
use super::{json, TENANTS};

/// An employee with the rights the sandbox keeps beside the API's record.
pub(super) struct Staff {
    pub(super) employee: Employee,
    pub(super) manager_id: Option<String>,
    pub(super) is_approver: bool,
    pub(super) can_move_service: bool,
}

/// What an employee may do beyond ordering for themselves.
#[derive(Clone, Copy)]
pub(super) enum Role {
    Employee,
    /// Has reports (and may move service between them) but approves nothing.
    Lead,
    /// Has reports and approves their orders.
    Approver,
}

impl Staff {
    pub(super) fn new(employee: Employee, manager_id: Option<&str>, role: Role) -> Staff {
        Staff {
            employee,
            manager_id: manager_id.map(str::to_owned),
            is_approver: matches!(role, Role::Approver),
            can_move_service: !matches!(role, Role::Employee),
        }
    }
}

/// An active employee; the company id and e-mail derive from the name.
pub(super) fn employee(
    tenant: &TenantSeed,
    id: &str,
    (first, last): (&str, &str),
    office_phone: Option<String>,
    department: Option<&IdName>,
) -> Employee {
    let handle = handle(first, last);
    Employee {
        meta: None,
        id: id.to_owned(),
        company_employee_id: Some(format!("{handle}.{}", tenant.data.code.to_lowercase())),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Some(format!("{handle}@{}", tenant.data.email_domain)),
        office_phone,
        department: department.cloned(),
        status: EntityStatus::Active,
    }
}

/// `first.last` in lower-case ASCII (accents folded, apostrophes dropped).
fn handle(first: &str, last: &str) -> String {
    let fold = |name: &str| -> String {
        name.chars()
            .filter_map(|c| match c {
                'à' | 'â' => Some('a'),
                'É' | 'é' | 'è' | 'ê' | 'ë' => Some('e'),
                'ç' => Some('c'),
                'î' | 'ï' => Some('i'),
                'ô' => Some('o'),
                c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                _ => None,
            })
            .collect()
    };
    format!("{}.{}", fold(first), fold(last))
}

/// `count` generated employees numbered from `first`; `manager(i)` gives the
/// manager and role of the `i`-th.
pub(super) fn generated_staff(
    tenant: &TenantSeed,
    first: u64,
    count: usize,
    manager: impl Fn(usize) -> (Option<String>, Role),
) -> Vec<Staff> {
    (0..count)
        .map(|i| {
            let n = first + i as u64;
            let name = (
                tenant.data.first_names[i % tenant.data.first_names.len()].as_str(),
                tenant.data.last_names[(i * 7 + 3) % tenant.data.last_names.len()].as_str(),
            );
            let department =
                &tenant.data.departments[(mix(n) % tenant.data.departments.len() as u64) as usize];
            let person = employee(
                tenant,
                &(tenant.numbering.employee)(n),
                name,
                Some((tenant.numbering.office_phone)(n)),
                Some(department),
            );
            let (manager_id, role) = manager(i);
            Staff::new(person, manager_id.as_deref(), role)
        })
        .collect()
}

pub(super) fn insert_people_and_lines(tx: &Transaction, soon: &str) -> rusqlite::Result<()> {
    let mut insert_employee = tx.prepare_cached(
        "INSERT INTO employees (tenant, id, company_employee_id, manager_id, is_approver,
             can_move_service, seq, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut insert_service = tx.prepare_cached(
        "INSERT INTO services (tenant, id, employee_id, vendor_id, device_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_device = tx.prepare_cached(
        "INSERT INTO device_assets (tenant, id, employee_id, service_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let (mut employee_seq, mut line_seq) = (0, 0);
    for tenant in TENANTS.iter() {
        let staff = (tenant.staff)(tenant);
        for person in &staff {
            insert_employee.execute(params![
                tenant.data.code,
                person.employee.id,
                person.employee.company_employee_id,
                person.manager_id,
                person.is_approver,
                person.can_move_service,
                employee_seq,
                json(&person.employee)?
            ])?;
            employee_seq += 1;
        }
        for Line { service, device } in (tenant.lines)(tenant, &staff, soon) {
            let owner = service.employee.as_ref().map(|e| e.id.clone());
            let vendor = service.vendor.as_ref().map(|v| v.id.clone());
            insert_service.execute(params![
                tenant.data.code,
                service.id,
                owner,
                vendor,
                device.id,
                line_seq,
                json(&service)?
            ])?;
            insert_device.execute(params![
                tenant.data.code,
                device.id,
                owner,
                service.id,
                line_seq,
                json(&device)?
            ])?;
            line_seq += 1;
        }
    }
    Ok(())
}
