//! Deterministic seed data: three tenants, one per backend platform, with
//! their people, lines, catalog, plans, accessories and order properties,
//! plus the regions (countries with their address formats, and their
//! states and provinces), and a fourth, hostile tenant for security
//! testing (see [`hostile`]).
//!
//! Everything is generated from constant tables and a fixed pseudo-random
//! stream, so two seedings are byte for byte the same. The only thing that
//! depends on the moment of seeding is the eligibility date of the lines that
//! are "not yet eligible": 120 days after it.
//!
//! Bodies are the API's JSON without `_meta` and without logo URLs; the API
//! adds those when it answers. Image URLs are site-relative paths under
//! `/sandbox/images/`, except on the Atlas tenant, whose images are `data:`
//! URIs as on the real Atlas backend.

use mobproc_types::date::{days_from_civil, format_timestamp, Ymd};
use mobproc_types::Validation::{Optional, Required};
use mobproc_types::{
    AccessMethod, Accessory, AddressField, AddressOption, Amount, CatalogDevice, ContractDates,
    Currency, DeviceAsset, DeviceFeature, DeviceFeatureChoice, Employee, EntityStatus, Feature,
    IdName, NamedRef, Plan, PropertyChoice, PropertyField, PropertyGroup, PropertyType, Region,
    RegionType, SerialNumber, SerialNumberType, ServiceAsset, Validation, Vendor, VendorType,
};
use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::model::{AppliesTo, Platform, StoredPropertyGroup};

/// Fills the (existing, empty) tables with the seed data. `now` is the Unix
/// time of seeding; lines that are not yet eligible for an upgrade become
/// eligible 120 days after it.
pub fn seed(tx: &Transaction, now: i64) -> rusqlite::Result<()> {
    let soon = not_yet_eligible_date(now);
    insert_tenants(tx)?;
    insert_oauth_clients(tx)?;
    insert_regions(tx)?;
    insert_vendors(tx)?;
    insert_manufacturers(tx)?;
    insert_people_and_lines(tx, &soon)?;
    insert_users(tx)?;
    insert_catalog_devices(tx)?;
    insert_plans(tx)?;
    insert_accessories(tx)?;
    insert_order_properties(tx)?;
    insert_hostile_tenant(tx)?;
    crate::seed_orders::seed(tx)?;
    Ok(())
}

/// The day (at midnight UTC) that "not yet eligible" lines become eligible.
fn not_yet_eligible_date(now: i64) -> String {
    format_timestamp((now.div_euclid(86_400) + 120) * 86_400)
}

// ---------------------------------------------------------------------------
// Tenants
// ---------------------------------------------------------------------------

/// Everything that differs between the three tenants.
struct TenantSeed {
    code: &'static str,
    name: &'static str,
    platform: Platform,
    currency: &'static str,
    country_id: &'static str,
    email_domain: &'static str,
    /// The first digits of the SIM cards' ICCIDs (`89` + country code).
    iccid_prefix: &'static str,
    vendors: &'static [VendorSeed],
    departments: &'static [(&'static str, &'static str)],
    first_names: &'static [&'static str],
    last_names: &'static [&'static str],
    numbering: Numbering,
    staff: fn(&TenantSeed) -> Vec<Staff>,
    lines: fn(&TenantSeed, &[Staff], &str) -> Vec<Line>,
    catalog: fn(&TenantSeed) -> Vec<CatalogDevice>,
    plan_tiers: &'static [PlanTier],
    properties: fn(&VendorSeed) -> Vec<StoredPropertyGroup>,
}

/// How a tenant numbers what the seed generates (the `n`-th of each kind):
/// plain numbers on Command and Rivermine, `123456_7778888` composites on Atlas.
struct Numbering {
    employee: fn(u64) -> String,
    office_phone: fn(u64) -> String,
    service: fn(u64) -> String,
    device_asset: fn(u64) -> String,
    line_number: fn(u64) -> String,
    catalog_device: fn(u64) -> String,
    plan: fn(u64) -> String,
    accessory: fn(u64) -> String,
}

const TENANTS: &[TenantSeed] = &[ACME, GLOBEX, INITECH];

/// Acme Corporation: the Premium Mobile ("Command") tenant of the tutorial.
const ACME: TenantSeed = TenantSeed {
    code: "ACME",
    name: "Acme Corporation",
    platform: Platform::Command,
    currency: "USD",
    country_id: US_ID,
    email_domain: "acme.com",
    iccid_prefix: "8901",
    vendors: ACME_VENDORS,
    departments: &[
        ("11569020385", "Development"),
        ("11569020386", "Marketing"),
        ("11569020387", "Sales"),
        ("11569020388", "Finance"),
    ],
    first_names: US_FIRST_NAMES,
    last_names: US_LAST_NAMES,
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
    plan_tiers: US_PLAN_TIERS,
    properties: command_properties,
};

/// Globex Canada: the Rivermine tenant, in Canadian dollars.
const GLOBEX: TenantSeed = TenantSeed {
    code: "GLOBEX",
    name: "Globex Canada",
    platform: Platform::Rivermine,
    currency: "CAD",
    country_id: CANADA_ID,
    email_domain: "globex.ca",
    iccid_prefix: "8930",
    vendors: GLOBEX_VENDORS,
    departments: &[
        ("41690001", "Engineering"),
        ("41690002", "Sales"),
        ("41690003", "Operations"),
    ],
    first_names: CANADIAN_FIRST_NAMES,
    last_names: CANADIAN_LAST_NAMES,
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
    plan_tiers: CA_PLAN_TIERS,
    properties: rivermine_properties,
};

/// Initech UK: the Atlas tenant, in pounds, with composite ids and devices
/// that have colour and storage choices.
const INITECH: TenantSeed = TenantSeed {
    code: "INITECH",
    name: "Initech UK",
    platform: Platform::Atlas,
    currency: "GBP",
    country_id: UK_ID,
    email_domain: "initech.co.uk",
    iccid_prefix: "8944",
    vendors: INITECH_VENDORS,
    departments: &[
        ("200100_1000001", "Technology"),
        ("200100_1000002", "Finance"),
        ("200100_1000003", "Sales"),
    ],
    first_names: UK_FIRST_NAMES,
    last_names: UK_LAST_NAMES,
    numbering: Numbering {
        employee: |n| format!("100200_{}", 3_000_001 + n),
        office_phone: |n| format!("0207946{:04}", 100 + n % 9_900),
        service: |n| format!("512345_{}", 6_000_001 + n),
        device_asset: |n| format!("612345_{}", 7_000_001 + n),
        line_number: |n| format!("07700900{:03}", 100 + n % 900),
        catalog_device: |n| format!("300100_{}", 7_778_001 + n),
        plan: |n| format!("520000_{}", 6_000_001 + n),
        accessory: |n| format!("700100_{}", 8_000_001 + n),
    },
    staff: initech_staff,
    lines: initech_lines,
    catalog: atlas_catalog,
    plan_tiers: UK_PLAN_TIERS,
    properties: atlas_properties,
};

/// Names for generated employees (first and last names are paired so that
/// no two people of a tenant share a name).
#[rustfmt::skip]
const US_FIRST_NAMES: &[&str] = &[
    "James", "Olivia", "Robert", "Emma", "Michael", "Sophia", "William", "Ava", "David",
    "Isabella", "Daniel", "Mia", "Joseph", "Charlotte", "Thomas",
];
#[rustfmt::skip]
const US_LAST_NAMES: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
];
#[rustfmt::skip]
const CANADIAN_FIRST_NAMES: &[&str] = &["Émilie", "Liam", "Félix", "Olivia", "Noah", "Léa", "William", "Zoé"];
#[rustfmt::skip]
const CANADIAN_LAST_NAMES: &[&str] = &["Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Singh"];
#[rustfmt::skip]
const UK_FIRST_NAMES: &[&str] = &["Harry", "Isla", "George", "Poppy", "Jack", "Freya", "Alfie", "Emily"];
#[rustfmt::skip]
const UK_LAST_NAMES: &[&str] = &["Smith", "Jones", "Taylor", "Brown", "Patel", "O'Neill", "Davies", "Evans"];

const CANADIAN_AREAS: [&str; 3] = ["416", "514", "604"];

/// A 10-digit id: `base` plus a bijective scramble of `n` below 10^8, so
/// generated ids look arbitrary yet never repeat.
fn scrambled_id(base: u64, n: u64) -> String {
    (base + (n * 48_271 + 12_345) % 100_000_000).to_string()
}

fn insert_tenants(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO tenants (code, name, platform, currency, country_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for tenant in TENANTS {
        insert.execute(params![
            tenant.code,
            tenant.name,
            tenant.platform.as_str(),
            tenant.currency,
            tenant.country_id
        ])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// OAuth clients and users
// ---------------------------------------------------------------------------

/// (client id, name, secret; `None` for a public client). Redirect URIs are
/// stored empty: the server adds its own origin's at run time.
const OAUTH_CLIENTS: &[(&str, &str, Option<&str>)] = &[
    ("mobproc-widget", "MOBPROC ordering widget", None),
    (
        "acme-integration",
        "Acme back-office integration",
        Some("acme-integration-secret"),
    ),
];

fn insert_oauth_clients(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO oauth_clients (client_id, name, secret, redirect_uris) VALUES (?1, ?2, ?3, '[]')",
    )?;
    for (client_id, name, secret) in OAUTH_CLIENTS {
        insert.execute(params![client_id, name, secret])?;
    }
    Ok(())
}

/// Every seeded user's password.
const PASSWORD: &str = "sandbox";

const PETER_ID: &str = "28673732";
const MARIA_ID: &str = "28673700";
const API_ACCOUNT_ID: &str = "28600001";
const MARC_ID: &str = "41600100";
const CHLOE_ID: &str = "41600101";
const AMELIA_ID: &str = "100200_3000001";
const OLIVER_ID: &str = "100200_3000002";

/// (username, tenant, employee id, description).
const USERS: &[(&str, &str, &str, &str)] = &[
    (
        "peter.edwards",
        "ACME",
        PETER_ID,
        "Employee: one line eligible for upgrade, one not yet eligible",
    ),
    (
        "maria.lopez",
        "ACME",
        MARIA_ID,
        "Manager: may order for her reports and approve their orders",
    ),
    (
        "api.account.acme",
        "ACME",
        API_ACCOUNT_ID,
        "Service account for server-to-server calls",
    ),
    (
        "chloe.tremblay",
        "GLOBEX",
        CHLOE_ID,
        "Employee (Rivermine, Canada): one line eligible on Bell, one not yet eligible on Rogers",
    ),
    (
        "marc.gagnon",
        "GLOBEX",
        MARC_ID,
        "Manager (Rivermine, Canada): may order for his reports and approve their orders",
    ),
    (
        "oliver.bennett",
        "INITECH",
        OLIVER_ID,
        "Employee (Atlas, UK): one line eligible on Vodafone; devices have colour and storage choices",
    ),
    (
        "amelia.clarke",
        "INITECH",
        AMELIA_ID,
        "Manager (Atlas, UK): may order for her reports and approve their orders",
    ),
];

fn insert_users(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO users (username, password, tenant, employee_id, description, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (seq, (username, tenant, employee_id, description)) in USERS.iter().enumerate() {
        insert.execute(params![
            username,
            PASSWORD,
            tenant,
            employee_id,
            description,
            seq
        ])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Vendors and manufacturers
// ---------------------------------------------------------------------------

/// A carrier: id, full name, short name (for plan names) and network.
struct VendorSeed {
    id: &'static str,
    name: &'static str,
    short: &'static str,
    access: AccessMethod,
}

impl VendorSeed {
    fn named(&self) -> NamedRef {
        named(self.id, self.name)
    }

    fn body(&self) -> Vendor {
        Vendor {
            meta: None,
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            logo_url: None,
            kind: Some(VendorType::Carrier),
            access_method: Some(self.access.clone()),
        }
    }
}

const fn carrier(
    id: &'static str,
    name: &'static str,
    short: &'static str,
    access: AccessMethod,
) -> VendorSeed {
    VendorSeed {
        id,
        name,
        short,
        access,
    }
}

const ACME_VENDORS: &[VendorSeed] = &[
    carrier("98", "Verizon Wireless", "Verizon", AccessMethod::Cdma),
    carrier("97", "AT&T Mobility", "AT&T", AccessMethod::Gsm),
    carrier("99", "T-Mobile USA", "T-Mobile", AccessMethod::Gsm),
    carrier("96", "Sprint", "Sprint", AccessMethod::CdmaPcs),
    carrier("95", "US Cellular", "US Cellular", AccessMethod::Cdma),
];

const GLOBEX_VENDORS: &[VendorSeed] = &[
    carrier("201", "Rogers Wireless", "Rogers", AccessMethod::Gsm),
    carrier("202", "Bell Mobility", "Bell", AccessMethod::Cdma),
    carrier("203", "Telus Mobility", "Telus", AccessMethod::CdmaPcs),
    carrier("204", "Freedom Mobile", "Freedom", AccessMethod::Gsm),
];

const INITECH_VENDORS: &[VendorSeed] = &[
    carrier(
        "410000_1000001",
        "Vodafone UK",
        "Vodafone",
        AccessMethod::Gsm,
    ),
    carrier("410000_1000002", "EE", "EE", AccessMethod::Lte),
    carrier("410000_1000003", "O2 UK", "O2", AccessMethod::Gsm),
    carrier("410000_1000004", "Three UK", "Three", AccessMethod::Lte),
];

/// The tenant's vendor with id `id` (the seed only asks for ones it declares).
fn vendor<'a>(tenant: &'a TenantSeed, id: &str) -> &'a VendorSeed {
    tenant
        .vendors
        .iter()
        .find(|vendor| vendor.id == id)
        .expect("the seed names only its own vendors")
}

/// A `{ id, name }` reference (links and logos are added when answering).
fn named(id: &str, name: &str) -> NamedRef {
    NamedRef {
        meta: None,
        id: id.to_owned(),
        name: Some(name.to_owned()),
        logo_url: None,
    }
}

fn insert_vendors(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    let mut seq = 0;
    for tenant in TENANTS {
        for vendor in tenant.vendors {
            insert.execute(params![tenant.code, vendor.id, seq, json(&vendor.body())?])?;
            seq += 1;
        }
    }
    Ok(())
}

/// Manufacturers (their ids are their names) with the colours their
/// catalog devices come in.
#[rustfmt::skip]
const MANUFACTURERS: &[(&str, [&str; 8])] = &[
    ("Apple", ["Black", "White", "Silver", "Gold", "Space Gray", "Blue", "Green", "(PRODUCT)RED"]),
    ("Samsung", ["Phantom Black", "Phantom White", "Cloud Blue", "Lavender", "Mint", "Cream", "Graphite", "Burgundy"]),
    ("Google", ["Obsidian", "Snow", "Hazel", "Sage", "Coral", "Bay", "Charcoal", "Porcelain"]),
    ("Motorola", ["Cosmic Black", "Glacier Blue", "Frost White", "Forest Green", "Viva Magenta", "Polar Silver", "Sunrise Orange", "Meteorite Gray"]),
    ("LG", ["Aurora Black", "Platinum Gray", "Moroccan Blue", "Illusion Sunset", "Aurora White", "Raspberry Rose", "Classy Blue", "Aurora Green"]),
    ("Sony", ["Black", "Platinum Silver", "Khaki Green", "Blue", "Lavender", "Sage Green", "White", "Purple"]),
    ("Nokia", ["Midnight Sun", "Ocean Blue", "Nordic Blue", "Pine Green", "Charcoal", "Sand", "Polar Night", "Dusk"]),
    ("OnePlus", ["Volcanic Black", "Emerald Forest", "Morning Mist", "Silky Black", "Flowy Emerald", "Titan Black", "Eternal Green", "Pine Green"]),
    ("BlackBerry", ["Black", "Silver", "Slate", "Champagne", "Atomic Red", "Space Blue", "Bronze", "Titanium"]),
    ("Kyocera", ["Black", "Blue", "Gray", "Green", "Orange", "Camo", "Red", "Yellow"]),
];

/// The colours of a manufacturer's devices.
fn palette(maker: &str) -> &'static [&'static str; 8] {
    MANUFACTURERS
        .iter()
        .find(|(name, _)| *name == maker)
        .map(|(_, colours)| colours)
        .expect("the seed names only known manufacturers")
}

fn insert_manufacturers(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO manufacturers (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for (maker, _) in MANUFACTURERS {
            insert.execute(params![
                tenant.code,
                maker,
                seq,
                json(&named(maker, maker))?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Employees
// ---------------------------------------------------------------------------

/// An employee with the rights the sandbox keeps beside the API's record.
struct Staff {
    employee: Employee,
    manager_id: Option<String>,
    is_approver: bool,
    can_move_service: bool,
}

/// What an employee may do beyond ordering for themselves.
#[derive(Clone, Copy)]
enum Role {
    Employee,
    /// Has reports (and may move service between them) but approves nothing.
    Lead,
    /// Has reports and approves their orders.
    Approver,
}

impl Staff {
    fn new(employee: Employee, manager_id: Option<&str>, role: Role) -> Staff {
        Staff {
            employee,
            manager_id: manager_id.map(str::to_owned),
            is_approver: matches!(role, Role::Approver),
            can_move_service: !matches!(role, Role::Employee),
        }
    }
}

/// An active employee; the company id and e-mail derive from the name.
fn employee(
    tenant: &TenantSeed,
    id: &str,
    (first, last): (&str, &str),
    office_phone: Option<String>,
    department: Option<(&str, &str)>,
) -> Employee {
    let handle = handle(first, last);
    Employee {
        meta: None,
        id: id.to_owned(),
        company_employee_id: Some(format!("{handle}.{}", tenant.code.to_lowercase())),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Some(format!("{handle}@{}", tenant.email_domain)),
        office_phone,
        department: department.map(|(id, name)| IdName {
            id: id.to_owned(),
            name: name.to_owned(),
        }),
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
fn generated_staff(
    tenant: &TenantSeed,
    first: u64,
    count: usize,
    manager: impl Fn(usize) -> (Option<String>, Role),
) -> Vec<Staff> {
    (0..count)
        .map(|i| {
            let n = first + i as u64;
            let name = (
                tenant.first_names[i % tenant.first_names.len()],
                tenant.last_names[(i * 7 + 3) % tenant.last_names.len()],
            );
            let department =
                tenant.departments[(mix(n) % tenant.departments.len() as u64) as usize];
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

/// Peter and Maria of the tutorial, the integration's service account, and
/// 30 more: six report to Maria (the first of them leads three more), the
/// tenth approves for the next ten, the last ten report to no one.
fn acme_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let development = Some(tenant.departments[0]);
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

/// Marc, who approves for Chloe and six more, and two who report to no one.
fn globex_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let mut staff = vec![
        Staff::new(
            employee(
                tenant,
                MARC_ID,
                ("Marc", "Gagnon"),
                Some("5145550100".into()),
                Some(tenant.departments[2]),
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
                Some(tenant.departments[0]),
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

/// Amelia, who approves for Oliver and six more, and two who report to no one.
fn initech_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let mut staff = vec![
        Staff::new(
            employee(
                tenant,
                AMELIA_ID,
                ("Amelia", "Clarke"),
                Some("02079460001".into()),
                Some(tenant.departments[1]),
            ),
            None,
            Role::Approver,
        ),
        Staff::new(
            employee(
                tenant,
                OLIVER_ID,
                ("Oliver", "Bennett"),
                Some("02079460002".into()),
                Some(tenant.departments[0]),
            ),
            Some(AMELIA_ID),
            Role::Employee,
        ),
    ];
    staff.extend(generated_staff(tenant, 2, 8, |i| {
        ((i < 6).then(|| AMELIA_ID.to_owned()), Role::Employee)
    }));
    staff
}

// ---------------------------------------------------------------------------
// Lines: service assets and the devices on them
// ---------------------------------------------------------------------------

/// A line and the device on it (linked by columns, not inside the bodies).
struct Line {
    service: ServiceAsset,
    device: DeviceAsset,
}

/// When a line may be upgraded.
#[derive(Clone, Copy)]
enum Upgrade {
    /// Since that day (in the past): the contract ended.
    Since(Ymd),
    /// 120 days after seeding.
    NotYet,
}

/// What a generated line is made of.
struct LineSpec<'a> {
    service_id: String,
    device_id: String,
    number: String,
    owner: &'a Employee,
    vendor: &'a VendorSeed,
    upgrade: Upgrade,
    /// (manufacturer, model) of the device; drawn at random when `None`.
    model: Option<(&'static str, &'static str)>,
    /// Seeds the line's pseudo-random details.
    salt: u64,
}

/// Devices people have on their lines: (manufacturer, model).
const ASSET_MODELS: &[(&str, &str)] = &[
    ("Apple", "iPhone 11"),
    ("Apple", "iPhone 12"),
    ("Apple", "iPhone XR"),
    ("Samsung", "Galaxy S21"),
    ("Samsung", "Galaxy A52"),
    ("Google", "Pixel 6"),
    ("Motorola", "Moto G Power"),
    ("LG", "V60 ThinQ"),
    ("Sony", "Xperia 10 IV"),
    ("Nokia", "G50"),
    ("OnePlus", "9 Pro"),
    ("BlackBerry", "KEY2"),
    ("Kyocera", "DuraForce Pro 2"),
];

/// A day at 06:00 UTC, as the backend writes contract dates.
fn six_am(day: Ymd) -> String {
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

fn line(tenant: &TenantSeed, spec: LineSpec, soon: &str) -> Line {
    let mut rng = Lcg::new(spec.salt);
    let (maker, model) = spec
        .model
        .unwrap_or_else(|| ASSET_MODELS[rng.below(ASSET_MODELS.len() as u64) as usize]);
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
        sim_id: Some(format!("{}{}", tenant.iccid_prefix, rng.digits(16))),
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
fn generated_lines(tenant: &TenantSeed, people: &[Staff], first: u64, soon: &str) -> Vec<Line> {
    people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let n = first + i as u64;
            let mut rng = Lcg::new(n ^ 0x5EED);
            let vendor = &tenant.vendors[rng.below(tenant.vendors.len() as u64) as usize];
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

/// The spec of the `n`-th line in the tenant's numbering, with a random device.
fn numbered_line<'a>(
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

/// Oliver's line (Vodafone, eligible), Amelia's, and one for each generated
/// employee.
fn initech_lines(tenant: &TenantSeed, staff: &[Staff], soon: &str) -> Vec<Line> {
    let (amelia, oliver) = (&staff[0].employee, &staff[1].employee);
    let mut lines = vec![
        line(
            tenant,
            numbered_line(
                tenant,
                0,
                oliver,
                INITECH_VENDORS[0].id,
                Upgrade::Since((2023, 2, 14)),
            ),
            soon,
        ),
        line(
            tenant,
            numbered_line(
                tenant,
                1,
                amelia,
                INITECH_VENDORS[1].id,
                Upgrade::Since((2022, 11, 30)),
            ),
            soon,
        ),
    ];
    lines.extend(generated_lines(tenant, &staff[2..], 2, soon));
    lines
}

fn insert_people_and_lines(tx: &Transaction, soon: &str) -> rusqlite::Result<()> {
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
    for tenant in TENANTS {
        let staff = (tenant.staff)(tenant);
        for person in &staff {
            insert_employee.execute(params![
                tenant.code,
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
                tenant.code,
                service.id,
                owner,
                vendor,
                device.id,
                line_seq,
                json(&service)?
            ])?;
            insert_device.execute(params![
                tenant.code,
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

// ---------------------------------------------------------------------------
// Catalog devices
// ---------------------------------------------------------------------------

/// A model family of the generated catalog: it comes in four storage sizes
/// from `STORAGES_GB[first_storage]` and in `colours` of its maker's colours.
struct Family {
    maker: &'static str,
    name: &'static str,
    /// List price of the smallest size, in whole dollars.
    base_dollars: i64,
    first_storage: usize,
    colours: usize,
}

const STORAGES_GB: [u32; 6] = [16, 32, 64, 128, 256, 512];
const SIZES_PER_FAMILY: usize = 4;

const fn family(
    maker: &'static str,
    name: &'static str,
    base_dollars: i64,
    first_storage: usize,
    colours: usize,
) -> Family {
    Family {
        maker,
        name,
        base_dollars,
        first_storage,
        colours,
    }
}

const FAMILIES: &[Family] = &[
    family("Apple", "iPhone 5", 200, 0, 3),
    family("Apple", "iPhone 6", 300, 0, 4),
    family("Apple", "iPhone 7", 400, 0, 5),
    family("Apple", "iPhone 8", 500, 1, 4),
    family("Apple", "iPhone X", 700, 2, 3),
    family("Apple", "iPhone XR", 550, 2, 6),
    family("Apple", "iPhone 11", 600, 2, 6),
    family("Apple", "iPhone 12", 700, 2, 6),
    family("Apple", "iPhone 13", 800, 2, 6),
    family("Apple", "iPhone 14", 900, 2, 5),
    family("Apple", "iPhone 15", 1000, 2, 5),
    family("Apple", "iPhone 15 Pro", 1200, 2, 4),
    family("Apple", "iPhone SE", 430, 1, 3),
    family("Samsung", "Galaxy S8", 300, 0, 4),
    family("Samsung", "Galaxy S9", 400, 0, 4),
    family("Samsung", "Galaxy S10", 600, 1, 5),
    family("Samsung", "Galaxy S20", 700, 2, 4),
    family("Samsung", "Galaxy S21", 750, 2, 5),
    family("Samsung", "Galaxy S22", 800, 2, 5),
    family("Samsung", "Galaxy S23", 850, 2, 6),
    family("Samsung", "Galaxy S24", 900, 2, 6),
    family("Samsung", "Galaxy Note 10", 950, 2, 3),
    family("Samsung", "Galaxy Note 20", 1000, 2, 3),
    family("Samsung", "Galaxy A52", 450, 1, 5),
    family("Samsung", "Galaxy A54", 500, 1, 5),
    family("Samsung", "Galaxy Z Flip5", 1000, 2, 4),
    family("Samsung", "Galaxy Z Fold5", 1400, 2, 3),
    family("Google", "Pixel 3", 400, 0, 3),
    family("Google", "Pixel 4", 500, 1, 3),
    family("Google", "Pixel 5", 600, 1, 3),
    family("Google", "Pixel 6", 600, 1, 4),
    family("Google", "Pixel 6a", 350, 1, 3),
    family("Google", "Pixel 7", 600, 2, 4),
    family("Google", "Pixel 7a", 500, 1, 5),
    family("Google", "Pixel 8", 700, 2, 4),
    family("Google", "Pixel 8 Pro", 1000, 2, 5),
    family("Motorola", "Moto G Power", 200, 0, 3),
    family("Motorola", "Moto G Stylus", 300, 1, 4),
    family("Motorola", "Moto G 5G", 250, 1, 3),
    family("Motorola", "Edge", 600, 2, 4),
    family("Motorola", "Edge+", 800, 2, 3),
    family("Motorola", "Razr", 1000, 2, 5),
    family("LG", "G7 ThinQ", 400, 0, 4),
    family("LG", "G8 ThinQ", 500, 1, 4),
    family("LG", "V40 ThinQ", 600, 1, 3),
    family("LG", "V60 ThinQ", 700, 2, 4),
    family("LG", "Velvet", 600, 2, 5),
    family("LG", "Wing", 900, 2, 3),
    family("Sony", "Xperia 1 V", 1200, 2, 4),
    family("Sony", "Xperia 5 V", 900, 2, 4),
    family("Sony", "Xperia 10 V", 400, 1, 5),
    family("Sony", "Xperia XZ3", 500, 0, 3),
    family("Nokia", "G50", 250, 0, 4),
    family("Nokia", "X20", 350, 1, 4),
    family("Nokia", "XR21", 450, 1, 3),
    family("Nokia", "8.3 5G", 550, 1, 4),
    family("OnePlus", "9", 700, 2, 4),
    family("OnePlus", "9 Pro", 900, 2, 4),
    family("OnePlus", "10 Pro", 900, 2, 4),
    family("OnePlus", "11", 700, 2, 5),
    family("OnePlus", "12", 800, 2, 5),
    family("OnePlus", "Nord N30", 300, 1, 3),
    family("BlackBerry", "KEY2", 600, 0, 3),
    family("BlackBerry", "KEY2 LE", 400, 0, 4),
    family("BlackBerry", "Priv", 500, 0, 3),
    family("BlackBerry", "Motion", 450, 0, 3),
    family("Kyocera", "DuraForce Pro 2", 400, 0, 3),
    family("Kyocera", "DuraForce Ultra 5G", 600, 1, 4),
    family("Kyocera", "DuraXV Extreme", 100, 0, 3),
    family("Kyocera", "DuraSport 5G", 300, 0, 4),
];

/// One size and colour of a family.
struct Variant {
    family: &'static Family,
    size: usize,
    colour: &'static str,
}

impl Variant {
    fn storage_gb(&self) -> u32 {
        STORAGES_GB[self.family.first_storage + self.size]
    }

    fn name(&self) -> String {
        format!(
            "{} {} ({}GB) - {}",
            self.family.maker,
            self.family.name,
            self.storage_gb(),
            self.colour
        )
    }

    /// List price in whole dollars: each size up costs more.
    fn list_dollars(&self) -> i64 {
        let base = self.family.base_dollars;
        base + self.size as i64 * (50 + base / 10)
    }
}

/// Every variant of every family, family by family, size by size.
fn variants() -> Vec<Variant> {
    let mut variants = Vec::new();
    for (index, family) in FAMILIES.iter().enumerate() {
        let colours = palette(family.maker);
        for size in 0..SIZES_PER_FAMILY {
            for c in 0..family.colours {
                variants.push(Variant {
                    family,
                    size,
                    colour: colours[(index * 3 + c) % colours.len()],
                });
            }
        }
    }
    variants
}

/// What each vendor (by position) knocks off the list price, in dollars.
const SUBSIDIES: [i64; 5] = [0, 50, 20, 100, 30];

/// A vendor's price for a variant in the tenant's currency: the list price
/// less the vendor's subsidy, give or take $20, capped at $1,500, ending in
/// .99 (or free).
fn variant_price_cents(
    variant: &Variant,
    vendor_index: usize,
    rng: &mut Lcg,
    currency: &str,
) -> i64 {
    let jitter = rng.below(5) as i64 * 10 - 20;
    let dollars = variant.list_dollars() - SUBSIDIES[vendor_index % SUBSIDIES.len()] + jitter;
    local_cents(dollars.min(1500), currency)
}

/// Whole US dollars as a `.99` price in `currency` (0 stays free).
fn local_cents(dollars: i64, currency: &str) -> i64 {
    let units = match currency {
        "CAD" => dollars * 135 / 100,
        "GBP" => dollars * 80 / 100,
        _ => dollars,
    };
    if units <= 0 {
        0
    } else {
        units * 100 - 1
    }
}

/// The tutorial's device: Apple iPhone 5 (16GB) - Black at Verizon, $199.99.
const TUTORIAL_DEVICE_ID: &str = "9194713904";

fn catalog_device(
    id: String,
    name: String,
    maker: &str,
    vendor: &VendorSeed,
    price: Amount,
) -> CatalogDevice {
    CatalogDevice {
        meta: None,
        image_url: Some(format!("/sandbox/images/devices/{id}.svg")),
        id,
        name,
        manufacturer: Some(named(maker, maker)),
        vendor: Some(vendor.named()),
        price: Some(price),
        access_method: Some(vendor.access.clone()),
        device_features: None,
    }
}

/// Every variant at every vendor: over 5,000 devices.
fn command_catalog(tenant: &TenantSeed) -> Vec<CatalogDevice> {
    let mut devices = Vec::new();
    for variant in variants() {
        let name = variant.name();
        for (v, vendor) in tenant.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let tutorial = name == "Apple iPhone 5 (16GB) - Black" && vendor.id == "98";
            let (id, cents) = if tutorial {
                (TUTORIAL_DEVICE_ID.to_owned(), 19_999)
            } else {
                let cents = variant_price_cents(&variant, v, &mut Lcg::new(n), tenant.currency);
                ((tenant.numbering.catalog_device)(n), cents)
            };
            let price = Amount::one_time(cents, tenant.currency);
            devices.push(catalog_device(
                id,
                name.clone(),
                variant.family.maker,
                vendor,
                price,
            ));
        }
    }
    devices
}

/// Fifteen variants spread over the families, at each vendor.
fn rivermine_catalog(tenant: &TenantSeed) -> Vec<CatalogDevice> {
    let mut devices = Vec::new();
    for variant in variants().into_iter().skip(40).step_by(75).take(15) {
        for (v, vendor) in tenant.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let cents = variant_price_cents(&variant, v, &mut Lcg::new(n), tenant.currency);
            let price = Amount::one_time(cents, tenant.currency);
            let id = (tenant.numbering.catalog_device)(n);
            devices.push(catalog_device(
                id,
                variant.name(),
                variant.family.maker,
                vendor,
                price,
            ));
        }
    }
    devices
}

/// An Atlas catalog model: one item per vendor, whose colour and storage
/// are chosen as device features.
struct AtlasModel {
    maker: &'static str,
    model: &'static str,
    /// Price with the smallest storage, in whole pounds.
    pounds: i64,
    storages_gb: &'static [u32],
    /// Extra cost of each storage size up, in whole pounds.
    storage_step_pounds: i64,
    colours: &'static [&'static str],
}

const fn atlas_model(
    maker: &'static str,
    model: &'static str,
    pounds: i64,
    storages_gb: &'static [u32],
    storage_step_pounds: i64,
    colours: &'static [&'static str],
) -> AtlasModel {
    AtlasModel {
        maker,
        model,
        pounds,
        storages_gb,
        storage_step_pounds,
        colours,
    }
}

#[rustfmt::skip]
const ATLAS_MODELS: &[AtlasModel] = &[
    atlas_model("Apple", "iPhone 15", 799, &[128, 256, 512], 100, &["Black", "Blue", "Pink", "Yellow"]),
    atlas_model("Apple", "iPhone 15 Pro", 999, &[128, 256, 512], 100, &["Black Titanium", "White Titanium", "Natural Titanium"]),
    atlas_model("Apple", "iPhone SE", 429, &[64, 128], 50, &["Midnight", "Starlight", "(PRODUCT)RED"]),
    atlas_model("Samsung", "Galaxy S24", 799, &[128, 256], 60, &["Onyx Black", "Marble Grey", "Cobalt Violet", "Amber Yellow"]),
    atlas_model("Samsung", "Galaxy A54", 449, &[128, 256], 50, &["Awesome Graphite", "Awesome White", "Awesome Lime"]),
    atlas_model("Samsung", "Galaxy Z Flip5", 1049, &[256, 512], 100, &["Graphite", "Cream", "Mint", "Lavender"]),
    atlas_model("Google", "Pixel 8", 699, &[128, 256], 60, &["Obsidian", "Hazel", "Rose"]),
    atlas_model("Google", "Pixel 7a", 449, &[128, 256], 40, &["Charcoal", "Snow", "Sea", "Coral"]),
    atlas_model("Sony", "Xperia 10 V", 399, &[128, 256], 40, &["Black", "White", "Lavender", "Sage Green"]),
    atlas_model("Nokia", "XR21", 499, &[64, 128, 256], 30, &["Midnight Black", "Pine Green", "Granite"]),
];

/// What each Atlas vendor (by position) adds to the price, in pounds.
const ATLAS_VENDOR_MARKUPS: [i64; 4] = [0, 10, -20, -30];

impl AtlasModel {
    /// COLOUR (the fourth colour costs £15 more) and STORAGE (each size up
    /// costs more; the smallest is included), both required.
    fn features(&self) -> Vec<DeviceFeature> {
        let gbp = |pounds: i64| Some(Amount::one_time(pounds * 100, "GBP"));
        let colours = self
            .colours
            .iter()
            .enumerate()
            .map(|(i, colour)| DeviceFeatureChoice {
                id: choice_code("COL", colour),
                label: (*colour).to_owned(),
                price: gbp(if i == 3 { 15 } else { 0 }),
            })
            .collect();
        let storages = self
            .storages_gb
            .iter()
            .enumerate()
            .map(|(i, gb)| DeviceFeatureChoice {
                id: format!("STO_{gb}"),
                label: format!("{gb}GB"),
                price: gbp(i as i64 * self.storage_step_pounds),
            })
            .collect();
        vec![
            DeviceFeature {
                id: "COLOUR".into(),
                label: "Colour".into(),
                kind: PropertyType::Choice,
                validation: Required,
                choices: colours,
            },
            DeviceFeature {
                id: "STORAGE".into(),
                label: "Storage".into(),
                kind: PropertyType::Choice,
                validation: Required,
                choices: storages,
            },
        ]
    }
}

/// `PREFIX_WORDS` from a label: `("COL", "Black Titanium")` → `COL_BLACK_TITANIUM`.
fn choice_code(prefix: &str, label: &str) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    format!("{prefix}_{}", words.join("_"))
}

/// Each model once per vendor, with features and a `data:` image.
fn atlas_catalog(tenant: &TenantSeed) -> Vec<CatalogDevice> {
    let mut devices = Vec::new();
    for model in ATLAS_MODELS {
        let image = data_uri_image(model.model, model.maker);
        for (v, vendor) in tenant.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let pounds = model.pounds + ATLAS_VENDOR_MARKUPS[v % ATLAS_VENDOR_MARKUPS.len()];
            let price = Amount::one_time(pounds * 100, tenant.currency);
            let name = format!("{} {}", model.maker, model.model);
            let mut device = catalog_device(
                (tenant.numbering.catalog_device)(n),
                name,
                model.maker,
                vendor,
                price,
            );
            device.image_url = Some(image.clone());
            device.device_features = Some(model.features());
            devices.push(device);
        }
    }
    devices
}

fn insert_catalog_devices(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO catalog_devices (tenant, id, seq, name, manufacturer_id, vendor_id,
             price_cents, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for device in (tenant.catalog)(tenant) {
            insert.execute(params![
                tenant.code,
                device.id,
                seq,
                device.name,
                device.manufacturer.as_ref().map(|m| &m.id),
                device.vendor.as_ref().map(|v| &v.id),
                device.price.as_ref().map(|p| p.amount.cents),
                json(&device)?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Images for the Atlas tenant
// ---------------------------------------------------------------------------

/// A small phone-shaped SVG with a label, as a base64 `data:` URI (about
/// 500 bytes), the way Atlas inlines its images.
fn data_uri_image(label: &str, seed: &str) -> String {
    const BODIES: [&str; 6] = [
        "#1f2937", "#374151", "#0f766e", "#7c3aed", "#b91c1c", "#1d4ed8",
    ];
    let body = BODIES[(seed.bytes().map(u64::from).sum::<u64>() % BODIES.len() as u64) as usize];
    let text = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let svg = format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="160" viewBox="0 0 96 160">"#,
            r#"<rect x="8" y="4" width="80" height="152" rx="12" fill="{body}"/>"#,
            r##"<rect x="14" y="18" width="68" height="118" rx="3" fill="#e5eef9"/>"##,
            r##"<text x="48" y="80" font-family="sans-serif" font-size="9" text-anchor="middle" fill="#111827">{text}</text>"##,
            "</svg>"
        ),
        body = body,
        text = text
    );
    format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes()))
}

/// Standard base64 (RFC 4648 section 4) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .fold(0u32, |acc, byte| acc << 8 | u32::from(*byte))
            << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------

/// A plan every vendor of a country offers under its own name and price.
struct PlanTier {
    name: &'static str,
    /// Monthly price in cents, before the vendor's adjustment.
    cents: i64,
    included: &'static [&'static str],
    /// (id, description, monthly cents).
    optional: &'static [(&'static str, &'static str, i64)],
}

/// How many tiers each vendor offers (the first vendor of ACME also has the
/// tutorial's plan).
const TIERS_PER_VENDOR: usize = 3;

const US_PLAN_TIERS: &[PlanTier] = &[
    PlanTier {
        name: "Business Unlimited",
        cents: 7000,
        included: &["Unlimited Talk & Text", "Unlimited Data"],
        optional: &[
            ("410", "Mobile Hotspot 15GB", 1000),
            ("411", "International Calling", 1500),
            ("412", "Device Protection", 1100),
        ],
    },
    PlanTier {
        name: "Business Data Share 10GB",
        cents: 4500,
        included: &[
            "Unlimited Talk & Text",
            "10GB Shared Data",
            "Mobile Hotspot",
        ],
        optional: &[
            ("420", "Visual Voicemail", 299),
            ("421", "Extra 5GB Data", 2500),
        ],
    },
    PlanTier {
        name: "Business Talk & Text",
        cents: 2500,
        included: &["Unlimited Talk & Text"],
        optional: &[
            ("430", "Data Pack 2GB", 1500),
            ("431", "Visual Voicemail", 299),
        ],
    },
    PlanTier {
        name: "Business Essentials 5GB",
        cents: 3500,
        included: &["Unlimited Talk & Text", "5GB Data"],
        optional: &[
            ("440", "International Travel Pass", 1000),
            ("441", "Extra 5GB Data", 1500),
            ("442", "Mobile Hotspot 5GB", 500),
            ("443", "Device Protection", 1100),
        ],
    },
];

const CA_PLAN_TIERS: &[PlanTier] = &[
    PlanTier {
        name: "Business Unlimited 50 GB",
        cents: 8500,
        included: &["Unlimited Canada-wide Talk & Text", "50 GB Data"],
        optional: &[
            ("510", "US Roaming Pass", 1500),
            ("511", "Visual Voicemail", 500),
            ("512", "Device Protection", 1400),
        ],
    },
    PlanTier {
        name: "Business Talk & Text",
        cents: 3500,
        included: &["Unlimited Canada-wide Talk & Text"],
        optional: &[
            ("520", "Data Add-on 5 GB", 2000),
            ("521", "Call Display & Voicemail", 800),
        ],
    },
];

const UK_PLAN_TIERS: &[PlanTier] = &[
    PlanTier {
        name: "Business Unlimited",
        cents: 3000,
        included: &["Unlimited Minutes & Texts", "Unlimited Data", "EU Roaming"],
        optional: &[
            ("610", "Worldwide Roaming Bolt-on", 1000),
            ("611", "Insurance", 900),
        ],
    },
    PlanTier {
        name: "Business 20GB",
        cents: 1800,
        included: &["Unlimited Minutes & Texts", "20GB Data"],
        optional: &[
            ("620", "EU Roaming", 500),
            ("621", "Extra 10GB", 800),
            ("622", "International Calls 300 min", 600),
        ],
    },
];

/// The tutorial's plan, at Verizon.
fn tutorial_plan(tenant: &TenantSeed) -> Plan {
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

fn included_feature(description: &str) -> Feature {
    Feature {
        id: None,
        description: description.to_owned(),
        price: None,
    }
}

fn optional_feature(id: &str, description: &str, cents: i64, currency: &str) -> Feature {
    Feature {
        id: Some(id.to_owned()),
        description: description.to_owned(),
        price: Some(Amount::monthly(cents, currency)),
    }
}

/// For each vendor, up to three of the country's tiers (starting at a
/// different one for each vendor), each vendor $2 dearer than the previous;
/// Verizon also has the tutorial's plan, first.
fn plans(tenant: &TenantSeed) -> Vec<Plan> {
    let mut plans = Vec::new();
    if tenant.platform == Platform::Command {
        plans.push(tutorial_plan(tenant));
    }
    let tiers = tenant.plan_tiers;
    let mut n = 0;
    for (v, vendor) in tenant.vendors.iter().enumerate() {
        for k in 0..TIERS_PER_VENDOR.min(tiers.len()) {
            let tier = &tiers[(v + k) % tiers.len()];
            n += 1;
            plans.push(Plan {
                meta: None,
                id: (tenant.numbering.plan)(n - 1),
                name: format!("{} {}", vendor.short, tier.name),
                price: Some(Amount::monthly(
                    tier.cents + v as i64 * 200,
                    tenant.currency,
                )),
                vendor: Some(vendor.named()),
                included_features: Some(
                    tier.included.iter().map(|d| included_feature(d)).collect(),
                ),
                optional_features: Some(
                    tier.optional
                        .iter()
                        .map(|(id, description, cents)| {
                            optional_feature(id, description, *cents, tenant.currency)
                        })
                        .collect(),
                ),
            });
        }
    }
    plans
}

fn insert_plans(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO plans (tenant, id, seq, vendor_id, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for plan in plans(tenant) {
            let vendor = plan.vendor.as_ref().map(|v| v.id.clone());
            insert.execute(params![tenant.code, plan.id, seq, vendor, json(&plan)?])?;
            seq += 1;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Accessories
// ---------------------------------------------------------------------------

/// (name, compatible manufacturer or `None` for any, US price in whole
/// dollars, short label for generated images).
#[rustfmt::skip]
const ACCESSORIES: &[(&str, Option<&str>, i64, &str)] = &[
    ("Apple iPhone 15 Silicone Case - Black", Some("Apple"), 49, "Case"),
    ("Apple 20W USB-C Power Adapter", Some("Apple"), 19, "Charger"),
    ("Apple USB-C to Lightning Cable (1 m)", Some("Apple"), 19, "Cable"),
    ("Samsung Galaxy S24 Clear Case", Some("Samsung"), 29, "Case"),
    ("Samsung 25W Super Fast Charger", Some("Samsung"), 19, "Charger"),
    ("Google Pixel 8 Case - Charcoal", Some("Google"), 29, "Case"),
    ("Motorola TurboPower 30 Charger", Some("Motorola"), 24, "Charger"),
    ("LG Cookie Plus Leather Pouch", Some("LG"), 15, "Pouch"),
    ("BlackBerry KEY2 Leather Pocket", Some("BlackBerry"), 39, "Pocket"),
    ("Kyocera DuraForce Belt Clip Holster", Some("Kyocera"), 25, "Holster"),
    ("Universal Car Vent Mount", None, 15, "Mount"),
    ("Universal 10,000 mAh Power Bank", None, 35, "Power bank"),
];

fn accessories(tenant: &TenantSeed) -> Vec<Accessory> {
    ACCESSORIES
        .iter()
        .enumerate()
        .map(|(n, (name, maker, dollars, label))| {
            let id = (tenant.numbering.accessory)(n as u64);
            let image_url = match tenant.platform {
                Platform::Atlas => data_uri_image(label, name),
                _ => format!("/sandbox/images/devices/{id}.svg"),
            };
            Accessory {
                meta: None,
                id,
                name: (*name).to_owned(),
                image_url: Some(image_url),
                manufacturer: maker.map(|maker| named(maker, maker)),
                price: Some(Amount::one_time(
                    local_cents(*dollars, tenant.currency),
                    tenant.currency,
                )),
                vendor: None,
            }
        })
        .collect()
}

fn insert_accessories(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO accessories (tenant, id, seq, compatible_manufacturer_id, body)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS {
        for accessory in accessories(tenant) {
            let maker = accessory.manufacturer.as_ref().map(|m| m.id.clone());
            insert.execute(params![
                tenant.code,
                accessory.id,
                seq,
                maker,
                json(&accessory)?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

const US_ID: &str = "70144640";
const CANADA_ID: &str = "70144641";
const UK_ID: &str = "70144642";

/// The 50 states and DC, by name: (name, abbreviation).
const US_STATES: &[(&str, &str)] = &[
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("District of Columbia", "DC"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
];

/// The 13 provinces and territories, by name.
const CANADIAN_PROVINCES: &[(&str, &str)] = &[
    ("Alberta", "AB"),
    ("British Columbia", "BC"),
    ("Manitoba", "MB"),
    ("New Brunswick", "NB"),
    ("Newfoundland and Labrador", "NL"),
    ("Northwest Territories", "NT"),
    ("Nova Scotia", "NS"),
    ("Nunavut", "NU"),
    ("Ontario", "ON"),
    ("Prince Edward Island", "PE"),
    ("Quebec", "QC"),
    ("Saskatchewan", "SK"),
    ("Yukon", "YT"),
];

/// The four nations, with their ISO 3166-2:GB codes.
const UK_NATIONS: &[(&str, &str)] = &[
    ("England", "ENG"),
    ("Scotland", "SCT"),
    ("Wales", "WLS"),
    ("Northern Ireland", "NIR"),
];

/// A state's region id, as on the real service: Alaska 158385986, Alabama
/// 158385987, Wyoming 158386042; the others count on from 158385988.
fn us_state_id(index: usize, abbreviation: &str) -> String {
    match abbreviation {
        "AK" => "158385986".into(),
        "AL" => "158385987".into(),
        "WY" => "158386042".into(),
        _ => (158_385_986 + index as u64).to_string(),
    }
}

fn address_field(
    id: &str,
    label: &str,
    (min, max): (u32, u32),
    validation: Validation,
) -> AddressField {
    AddressField {
        id: id.to_owned(),
        label: label.to_owned(),
        min_length: Some(min),
        max_length: Some(max),
        validation,
        options: None,
        pattern: None,
        reg_ex: None,
    }
}

fn options(list: &[(&str, &str)]) -> Option<Vec<AddressOption>> {
    Some(
        list.iter()
            .map(|(label, value)| AddressOption {
                label: (*label).to_owned(),
                value: (*value).to_owned(),
            })
            .collect(),
    )
}

fn country(
    id: &str,
    name: &str,
    abbreviation: &str,
    country_code: &str,
    currency: Currency,
) -> Region {
    Region {
        meta: None,
        id: id.to_owned(),
        name: name.to_owned(),
        abbreviation: Some(abbreviation.to_owned()),
        kind: RegionType::Country,
        parent_id: None,
        country_code: Some(country_code.to_owned()),
        currency: Some(currency),
        address_format: None,
        postal_code_pattern: None,
        postal_code_reg_ex: None,
    }
}

fn currency(code: &str, name: &str, symbol: &str) -> Currency {
    Currency {
        code: code.to_owned(),
        name: name.to_owned(),
        symbol: symbol.to_owned(),
    }
}

fn united_states() -> Region {
    let address = vec![
        address_field("LINE_1", "Address Line1", (1, 100), Required),
        address_field("LINE_2", "Address Line2", (0, 100), Optional),
        address_field("CITY", "City", (1, 50), Required),
        AddressField {
            options: options(US_STATES),
            reg_ex: Some("[A-Za-z][A-Za-z]".into()),
            ..address_field("STATE", "State", (2, 2), Required)
        },
        AddressField {
            pattern: Some("[99999] or [99999-9999]".into()),
            reg_ex: Some("[0-9]{5}(-[0-9]{4})?".into()),
            ..address_field("POSTAL_CODE", "Zip Code", (5, 10), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("99999".into()),
        postal_code_reg_ex: Some(r"^\d{5}$".into()),
        ..country(
            US_ID,
            "United States",
            "US",
            "1",
            currency("USD", "US Dollars", "$"),
        )
    }
}

fn canada() -> Region {
    let postal = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]";
    let address = vec![
        address_field("LINE_1", "Address Line 1", (1, 100), Required),
        address_field("LINE_2", "Address Line 2", (0, 100), Optional),
        address_field("CITY", "City", (1, 50), Required),
        AddressField {
            options: options(CANADIAN_PROVINCES),
            reg_ex: Some("[A-Za-z]{2}".into()),
            ..address_field("PROVINCE", "Province/Territory", (2, 2), Required)
        },
        AddressField {
            pattern: Some("A9A 9A9".into()),
            reg_ex: Some(postal.into()),
            ..address_field("POSTAL_CODE", "Postal Code", (6, 7), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("A9A 9A9".into()),
        postal_code_reg_ex: Some(format!("^{postal}$")),
        ..country(
            CANADA_ID,
            "Canada",
            "CA",
            "1",
            currency("CAD", "Canadian Dollars", "$"),
        )
    }
}

fn united_kingdom() -> Region {
    let postcode = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}";
    let address = vec![
        address_field("LINE_1", "Address Line 1", (1, 100), Required),
        address_field("LINE_2", "Address Line 2", (0, 100), Optional),
        address_field("TOWN", "Town/City", (1, 50), Required),
        address_field("COUNTY", "County", (0, 50), Optional),
        AddressField {
            pattern: Some("SW1A 1AA".into()),
            reg_ex: Some(postcode.into()),
            ..address_field("POSTCODE", "Postcode", (5, 8), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("SW1A 1AA".into()),
        postal_code_reg_ex: Some(format!("^{postcode}$")),
        ..country(
            UK_ID,
            "United Kingdom",
            "GB",
            "44",
            currency("GBP", "Pound Sterling", "£"),
        )
    }
}

fn subdivision(id: String, (name, abbreviation): (&str, &str), parent: &str) -> Region {
    Region {
        meta: None,
        id,
        name: name.to_owned(),
        abbreviation: Some(abbreviation.to_owned()),
        kind: RegionType::StateProvince,
        parent_id: Some(parent.to_owned()),
        country_code: None,
        currency: None,
        address_format: None,
        postal_code_pattern: None,
        postal_code_reg_ex: None,
    }
}

/// The three countries, then the states, provinces and nations of each.
fn regions() -> Vec<Region> {
    let mut regions = vec![united_states(), canada(), united_kingdom()];
    for (i, state) in US_STATES.iter().enumerate() {
        regions.push(subdivision(us_state_id(i, state.1), *state, US_ID));
    }
    for (i, province) in CANADIAN_PROVINCES.iter().enumerate() {
        regions.push(subdivision(
            (158_386_101 + i).to_string(),
            *province,
            CANADA_ID,
        ));
    }
    for (i, nation) in UK_NATIONS.iter().enumerate() {
        regions.push(subdivision((158_386_201 + i).to_string(), *nation, UK_ID));
    }
    regions
}

fn insert_regions(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx
        .prepare_cached("INSERT INTO regions (id, parent_id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    for (seq, region) in regions().iter().enumerate() {
        insert.execute(params![region.id, region.parent_id, seq, json(region)?])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Order properties
// ---------------------------------------------------------------------------

fn text(id: &str, label: &str, validation: Validation, (min, max): (u32, u32)) -> PropertyField {
    PropertyField {
        id: id.to_owned(),
        label: label.to_owned(),
        kind: PropertyType::Text,
        validation,
        min_length: Some(min),
        max_length: Some(max),
        pattern: None,
        reg_ex: None,
        text: None,
        choices: None,
    }
}

/// `field` with a regular expression and, optionally, a human hint.
fn ruled(field: PropertyField, reg_ex: &str, pattern: Option<&str>) -> PropertyField {
    PropertyField {
        reg_ex: Some(reg_ex.to_owned()),
        pattern: pattern.map(str::to_owned),
        ..field
    }
}

fn date(
    id: &str,
    label: &str,
    validation: Validation,
    pattern: &str,
    reg_ex: &str,
) -> PropertyField {
    PropertyField {
        kind: PropertyType::Date,
        min_length: None,
        max_length: None,
        ..ruled(text(id, label, validation, (0, 0)), reg_ex, Some(pattern))
    }
}

/// A CHOICE field; `other`, when given, comes last and asks for free text.
fn choice(
    id: &str,
    label: &str,
    validation: Validation,
    choices: &[(&str, &str)],
    other: Option<(&str, &str)>,
) -> PropertyField {
    let plain = choices.iter().map(|(id, label)| (id, label, false));
    let other = other.iter().map(|(id, label)| (id, label, true));
    PropertyField {
        kind: PropertyType::Choice,
        min_length: None,
        max_length: None,
        choices: Some(
            plain
                .chain(other)
                .map(|(id, label, is_other)| PropertyChoice {
                    id: (*id).to_owned(),
                    label: (*label).to_owned(),
                    is_other,
                })
                .collect(),
        ),
        ..text(id, label, validation, (0, 0))
    }
}

fn group(
    group_id: &str,
    fields: Vec<PropertyField>,
    applies_to: &[(&str, AppliesTo)],
) -> StoredPropertyGroup {
    StoredPropertyGroup {
        group: PropertyGroup {
            group_id: group_id.to_owned(),
            fields,
        },
        applies_to: applies_to
            .iter()
            .map(|(id, applies)| ((*id).to_owned(), *applies))
            .collect(),
    }
}

const MM_DD_YYYY: &str = "(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}";
const DD_MM_YYYY: &str = "(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[0-9]{4}";
const YYYY_MM_DD: &str = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

fn us_contact_number() -> PropertyField {
    ruled(
        text("CONTACT_NUMBER", "Contact Phone Number", Required, (10, 20)),
        "[0-9]{10,20}",
        None,
    )
}

fn us_service_number() -> PropertyField {
    ruled(
        text("SERVICE_NUMBER", "Service Number", Required, (10, 10)),
        "[0-9]{10}",
        None,
    )
}

fn us_reason() -> PropertyField {
    choice(
        "Reason",
        "Reason",
        Required,
        &[
            ("19", "Broken Device"),
            ("2", "Job required upgrade to data device"),
            ("21", "Eligible for upgrade"),
        ],
        Some(("99", "Other (please specify)")),
    )
}

fn us_requested_date(validation: Validation) -> PropertyField {
    date(
        "REQUESTED_DATE",
        "Requested Delivery Date",
        validation,
        "mm/dd/yyyy",
        MM_DD_YYYY,
    )
}

fn additional_instructions(label: &str, max: u32) -> PropertyField {
    text("ADDITIONAL_INSTRUCTIONS", label, Optional, (0, max))
}

/// The US carriers' UPGRADE properties. Verizon's accept the tutorial's
/// order exactly (only CONTACT_NUMBER, SERVICE_NUMBER and Reason required).
fn command_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    use AppliesTo::{DeviceOrders, PlanOrders};
    match vendor.id {
        "98" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                text("CONTACT_NUMBER_EXT", "Ext", Optional, (0, 10)),
                us_reason(),
                us_requested_date(Optional),
                additional_instructions("Additional Instructions", 4000),
                choice(
                    "DEVICE_PROTECTION",
                    "Device protection plan",
                    Optional,
                    &[("1", "None"), ("2", "Total Equipment Coverage")],
                    None,
                ),
                choice(
                    "PORT_BILLING_CYCLE",
                    "Bill cycle start",
                    Optional,
                    &[("1", "Immediately"), ("2", "Next bill cycle")],
                    None,
                ),
            ],
            &[
                ("DEVICE_PROTECTION", DeviceOrders),
                ("PORT_BILLING_CYCLE", PlanOrders),
            ],
        )],
        "97" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                ruled(
                    text("COST_CENTER", "Cost Center", Required, (7, 7)),
                    "[A-Z]{2}-[0-9]{4}",
                    Some("AA-9999"),
                ),
                us_reason(),
                us_requested_date(Optional),
                additional_instructions("Additional Instructions", 4000),
                choice(
                    "INSURANCE",
                    "Mobile insurance",
                    Optional,
                    &[("1", "Decline"), ("2", "Mobile Insurance ($15/month)")],
                    None,
                ),
            ],
            &[("INSURANCE", DeviceOrders)],
        )],
        "99" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                ruled(
                    text("CONTACT_EMAIL", "Contact Email", Required, (5, 100)),
                    r"[^@\s]+@[^@\s]+\.[^@\s]+",
                    Some("name@example.com"),
                ),
                choice(
                    "Reason",
                    "Reason",
                    Required,
                    &[
                        ("21", "Eligible for upgrade"),
                        ("19", "Broken Device"),
                        ("30", "Lost or stolen"),
                    ],
                    Some(("99", "Other (please specify)")),
                ),
                us_requested_date(Required),
                choice(
                    "PORT_BILLING_CYCLE",
                    "Bill cycle start",
                    Optional,
                    &[("1", "Immediately"), ("2", "Next bill cycle")],
                    None,
                ),
            ],
            &[("PORT_BILLING_CYCLE", PlanOrders)],
        )],
        "96" => vec![group(
            "MISCELLANEOUS",
            vec![
                us_contact_number(),
                us_service_number(),
                ruled(
                    text("ACCOUNT_PIN", "Account PIN", Required, (4, 8)),
                    "[0-9]{4,8}",
                    Some("9999"),
                ),
                us_reason(),
                additional_instructions("Additional Instructions", 1000),
            ],
            &[],
        )],
        // US Cellular: a second group, only for orders that ship a device.
        _ => vec![
            group(
                "MISCELLANEOUS",
                vec![
                    us_contact_number(),
                    us_reason(),
                    additional_instructions("Additional Instructions", 500),
                ],
                &[],
            ),
            group(
                "SHIPPING",
                vec![
                    choice(
                        "SIGNATURE_REQUIRED",
                        "Signature on delivery",
                        Required,
                        &[("Y", "Yes"), ("N", "No")],
                        None,
                    ),
                    choice(
                        "DELIVERY_WINDOW",
                        "Delivery window",
                        Optional,
                        &[("AM", "Morning (8am-12pm)"), ("PM", "Afternoon (12pm-5pm)")],
                        None,
                    ),
                ],
                &[
                    ("SIGNATURE_REQUIRED", DeviceOrders),
                    ("DELIVERY_WINDOW", DeviceOrders),
                ],
            ),
        ],
    }
}

/// The Canadian carriers' UPGRADE properties: bilingual labels, a required
/// language choice (with "other"), ISO dates; each carrier varies a little.
fn rivermine_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    let other = Some(("OT", "Other (please specify) / Autre (préciser)"));
    let mut fields = vec![
        ruled(
            text(
                "CONTACT_NUMBER",
                "Contact phone number / Numéro de téléphone",
                Required,
                (10, 10),
            ),
            "[0-9]{10}",
            Some("4165550123"),
        ),
        ruled(
            text(
                "SERVICE_NUMBER",
                "Service number / Numéro de service",
                Required,
                (10, 10),
            ),
            "[0-9]{10}",
            None,
        ),
        choice(
            "LANGUAGE",
            "Language / Langue",
            Required,
            &[("EN", "English / Anglais"), ("FR", "French / Français")],
            other,
        ),
        choice(
            "Reason",
            "Reason / Raison",
            Required,
            &[
                (
                    "21",
                    "Eligible for upgrade / Admissible à une mise à niveau",
                ),
                ("19", "Broken device / Appareil brisé"),
            ],
            Some(("99", "Other (please specify) / Autre (préciser)")),
        ),
        date(
            "REQUESTED_DATE",
            "Requested delivery date / Date de livraison souhaitée",
            Optional,
            "yyyy-mm-dd",
            YYYY_MM_DD,
        ),
        additional_instructions(
            "Additional instructions / Instructions supplémentaires",
            2000,
        ),
    ];
    let mut applies_to = Vec::new();
    match vendor.id {
        "201" => {
            fields.push(choice(
                "TRADE_IN",
                "Trade in the old device / Échanger l'ancien appareil",
                Optional,
                &[("Y", "Yes / Oui"), ("N", "No / Non")],
                None,
            ));
            applies_to.push(("TRADE_IN", AppliesTo::DeviceOrders));
        }
        "202" => fields.insert(
            1,
            text("CONTACT_NUMBER_EXT", "Ext / Poste", Optional, (0, 6)),
        ),
        "203" => fields.insert(
            1,
            ruled(
                text(
                    "CONTACT_EMAIL",
                    "Contact email / Courriel",
                    Optional,
                    (0, 100),
                ),
                r"[^@\s]+@[^@\s]+\.[^@\s]+",
                Some("nom@exemple.ca"),
            ),
        ),
        _ => {
            fields.remove(1);
        }
    }
    vec![group("MISCELLANEOUS", fields, &applies_to)]
}

/// The UK carriers' UPGRADE properties: a required purchase order number,
/// UK phone numbers, dd/mm/yyyy dates; each carrier varies a little.
fn atlas_properties(vendor: &VendorSeed) -> Vec<StoredPropertyGroup> {
    let mut fields = vec![
        text("PO_NUMBER", "Purchase Order", Required, (6, 12)),
        ruled(
            text("CONTACT_NUMBER", "Contact Phone Number", Required, (10, 11)),
            "0?[0-9]{10}",
            Some("07700900123"),
        ),
        choice(
            "Reason",
            "Reason",
            Required,
            &[
                ("21", "Eligible for upgrade"),
                ("19", "Broken Device"),
                ("25", "Lost or stolen"),
            ],
            Some(("99", "Other (please specify)")),
        ),
        date(
            "REQUESTED_DATE",
            "Requested Delivery Date",
            Optional,
            "dd/mm/yyyy",
            DD_MM_YYYY,
        ),
    ];
    let mut applies_to = Vec::new();
    match vendor.short {
        "Vodafone" => {
            fields.push(choice(
                "DATA_WIPE",
                "Secure data wipe of the old device",
                Optional,
                &[("Y", "Yes"), ("N", "No")],
                None,
            ));
            applies_to.push(("DATA_WIPE", AppliesTo::DeviceOrders));
        }
        "EE" => fields.push(text("COST_CENTRE", "Cost Centre", Optional, (0, 20))),
        "Three" => {
            fields.push(choice(
                "ROAMING",
                "Roaming bolt-on",
                Optional,
                &[
                    ("NONE", "None"),
                    ("EU", "EU Roam"),
                    ("WW", "Worldwide Roam"),
                ],
                None,
            ));
            applies_to.push(("ROAMING", AppliesTo::PlanOrders));
        }
        _ => fields.push(additional_instructions("Additional Instructions", 1000)),
    }
    vec![group("MISCELLANEOUS", fields, &applies_to)]
}

fn insert_order_properties(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body)
         VALUES (?1, ?2, 'UPGRADE', ?3)",
    )?;
    for tenant in TENANTS {
        for vendor in tenant.vendors {
            insert.execute(params![
                tenant.code,
                vendor.id,
                json(&(tenant.properties)(vendor))?
            ])?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The hostile tenant
// ---------------------------------------------------------------------------

/// `HOSTILE` ("Hostile Data Inc."): a Premium Mobile tenant for security
/// testing, whose every text a widget shows carries script or markup
/// payloads, bidirectional text or combining characters. Its ids stay
/// plain digits so URLs work, and its data is coherent enough that a whole
/// UPGRADE order can be placed on it: Mallory's line `66620001` (on the
/// CDMA carrier `661`, with the device asset `66630001`), five catalog
/// devices on that carrier, the plan `6665000001` with optional features,
/// UPGRADE properties with one required TEXT (no `regEx`) and one required
/// CHOICE, and shipping to the United States.
///
/// The texts are public so that tests can check that answers carry them
/// verbatim.
pub mod hostile {
    /// The tenant's code (`X-TNGO-TENANT`).
    pub const TENANT: &str = "HOSTILE";
    /// The tenant's name.
    pub const TENANT_NAME: &str = "Hostile Data Inc.";
    /// The one user (password `sandbox`).
    pub const USERNAME: &str = "mallory.hostile";
    /// What the sign-in page says of the user.
    pub const USER_DESCRIPTION: &str = "Security testing (Premium Mobile, US): every name, label and image URL carries script and markup payloads";

    /// The raw payloads the texts below are made of.
    pub const SCRIPT: &str = "<script>window.__pwned=1</script>";
    pub const IMG_ONERROR: &str = "<img src=x onerror=\"window.__pwned=1\">";
    pub const SVG_ONLOAD: &str = "\"><svg onload=window.__pwned=1>";
    pub const JAVASCRIPT_URL: &str = "javascript:window.__pwned=1";
    pub const BROKEN_MARKUP: &str = "<b><i>unclosed";
    /// A right-to-left override (U+202E) with Arabic and Hebrew text.
    pub const BIDI: &str = "\u{202E}gnp.exe\u{202C} مرحبا بالعالم שלום עולם";
    /// Letters piled with combining marks ("Zalgo").
    pub const ZALGO: &str = "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361}";

    /// Mallory, the user: an employee with one report.
    pub const MALLORY_ID: &str = "66600001";
    pub const MALLORY_FIRST_NAME: &str = "Mallory<img src=x onerror=\"window.__pwned=1\">";
    pub const MALLORY_LAST_NAME: &str = "<script>window.__pwned=1</script>Hostile";
    /// Mallory's report, who has no line.
    pub const REPORT_ID: &str = "66600002";
    pub const REPORT_FIRST_NAME: &str = "\u{202E}evE\u{202C} إيف";
    pub const REPORT_LAST_NAME: &str = "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361} כהן";
    pub const DEPARTMENT_ID: &str = "66610001";
    pub const DEPARTMENT: &str = "\"><svg onload=window.__pwned=1> Security <b><i>unclosed";

    /// The carriers: the line's (CDMA) and another (GSM).
    pub const VENDOR_ID: &str = "661";
    pub const VENDOR_NAME: &str = "<script>window.__pwned=1</script> Wireless";
    pub const OTHER_VENDOR_ID: &str = "662";
    pub const OTHER_VENDOR_NAME: &str = "\"><svg onload=window.__pwned=1> Mobile";

    /// Manufacturers: (id, name).
    pub const MANUFACTURERS: [(&str, &str); 3] = [
        ("6601", "<img src=x onerror=\"window.__pwned=1\">Phones"),
        ("6602", "javascript:window.__pwned=1"),
        (
            "6603",
            "\u{202E}ynoS\u{202C} Z\u{0351}\u{0358}\u{0363}a\u{0310}\u{0315}l\u{0303}\u{0330}",
        ),
    ];

    /// Mallory's line and the device on it.
    pub const SERVICE_ID: &str = "66620001";
    pub const SERVICE_NUMBER: &str = "2025550166";
    pub const DEVICE_ASSET_ID: &str = "66630001";
    /// The device asset's manufacturer (`MANUFACTURERS[0]`).
    pub const DEVICE_MANUFACTURER_ID: &str = "6601";
    pub const DEVICE_MODEL: &str = "<b><i>unclosed Model";
    pub const DEVICE_COMPANY_ASSET_ID: &str = "Mallory's <script>window.__pwned=1</script> phone";
    /// The device's ESN.
    pub const DEVICE_SERIAL: &str = "27182818284";
    pub const DEVICE_SIM: &str = "89010666000000000001";

    /// The catalog devices; the fifth's name is [`long_text`] (`None` here).
    pub const CATALOG: [CatalogSeed; 6] = [
        CatalogSeed {
            id: "6664000001",
            name: Some("<script>window.__pwned=1</script> Phone X"),
            image: CatalogImage::Fixed("javascript:alert(1)"),
            manufacturer_id: "6601",
            vendor_id: VENDOR_ID,
            cents: 19_999,
        },
        CatalogSeed {
            id: "6664000002",
            name: Some("<img src=x onerror=\"window.__pwned=1\"> Phone Y"),
            image: CatalogImage::Fixed("data:text/html,<script>window.__pwned=1</script>"),
            manufacturer_id: "6602",
            vendor_id: VENDOR_ID,
            cents: 29_999,
        },
        CatalogSeed {
            id: "6664000003",
            name: Some("\"><svg onload=window.__pwned=1> Phone Z"),
            image: CatalogImage::Long,
            manufacturer_id: "6603",
            vendor_id: VENDOR_ID,
            cents: 9_999,
        },
        CatalogSeed {
            id: "6664000004",
            name: Some("<b><i>unclosed Phone"),
            image: CatalogImage::Fixed("javascript:window.__pwned=1"),
            manufacturer_id: "6601",
            vendor_id: VENDOR_ID,
            cents: 0,
        },
        CatalogSeed {
            id: "6664000005",
            name: None,
            image: CatalogImage::Fixed(
                "/sandbox/images/devices/6664000005.svg?\"><script>window.__pwned=1</script>",
            ),
            manufacturer_id: "6602",
            vendor_id: VENDOR_ID,
            cents: 49_999,
        },
        CatalogSeed {
            id: "6664000006",
            name: Some("\u{202E}enohP\u{202C} هاتف טלפון Z\u{0351}\u{0358}a\u{0310}\u{0315}l\u{0303}g\u{0352}o\u{0346}"),
            image: CatalogImage::Fixed("/sandbox/images/devices/6664000006.svg"),
            manufacturer_id: "6603",
            vendor_id: OTHER_VENDOR_ID,
            cents: 39_999,
        },
    ];

    /// A catalog device of the hostile tenant.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct CatalogSeed {
        pub id: &'static str,
        /// `None`: [`long_text`].
        pub name: Option<&'static str>,
        pub image: CatalogImage,
        pub manufacturer_id: &'static str,
        pub vendor_id: &'static str,
        /// One-time price in US cents.
        pub cents: i64,
    }

    /// How a catalog device's image URL is made.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum CatalogImage {
        /// This very text.
        Fixed(&'static str),
        /// [`long_image_url`] of the device.
        Long,
    }

    /// The plan, on [`VENDOR_ID`].
    pub const PLAN_ID: &str = "6665000001";
    pub const PLAN_NAME: &str = "<script>window.__pwned=1</script> Unlimited <b><i>unclosed";
    pub const INCLUDED_FEATURES: [&str; 3] = [
        "<img src=x onerror=\"window.__pwned=1\"> Talk & Text",
        "\u{202E}atad\u{202C} بيانات נתונים",
        "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361} Roaming",
    ];
    /// Optional features: (id, description, monthly cents); the third's
    /// description is [`long_text`] (`None` here).
    pub const OPTIONAL_FEATURES: [(&str, Option<&str>, i64); 3] = [
        (
            "6661",
            Some("\"><svg onload=window.__pwned=1> Hotspot"),
            1000,
        ),
        ("6662", Some("javascript:window.__pwned=1"), 500),
        ("6663", None, 100),
    ];

    /// Accessories: (id, name, image URL, compatible manufacturer id).
    pub const ACCESSORIES: [(&str, &str, &str, Option<&str>); 2] = [
        (
            "6667000001",
            "<img src=x onerror=\"window.__pwned=1\"> Case",
            "javascript:alert(1)",
            Some("6601"),
        ),
        (
            "6667000002",
            "\u{202E}regrahC\u{202C} شاحن מטען",
            "/sandbox/images/accessories/6667000002.svg",
            None,
        ),
    ];

    /// The UPGRADE properties (both carriers): group, then the required
    /// TEXT, the required CHOICE with its choices and "other" choice, and
    /// an optional TEXT whose label is [`long_text`] and whose default is
    /// [`IMG_ONERROR`].
    pub const PROPERTY_GROUP: &str = "MISCELLANEOUS";
    pub const NOTE_FIELD: &str = "NOTE";
    pub const NOTE_LABEL: &str = "<script>window.__pwned=1</script> Note";
    pub const NOTE_PATTERN: &str = "\"><svg onload=window.__pwned=1>";
    pub const FLAVOUR_FIELD: &str = "FLAVOUR";
    pub const FLAVOUR_LABEL: &str = "<img src=x onerror=\"window.__pwned=1\"> Flavour";
    pub const FLAVOUR_CHOICES: [(&str, &str); 3] = [
        ("1", "<script>window.__pwned=1</script> Vanilla"),
        ("2", "\u{202E}ytsaT\u{202C} لذيذ טעים"),
        (
            "3",
            "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361}",
        ),
    ];
    pub const FLAVOUR_OTHER: (&str, &str) = ("99", "<b><i>unclosed Other (please specify)");
    pub const REMARKS_FIELD: &str = "REMARKS";
    pub const REMARKS_PATTERN: &str = "javascript:window.__pwned=1";

    /// A 2,000-character text of markup, quotes and script: a catalog
    /// device's name, an optional feature's description, a property label.
    pub fn long_text() -> String {
        let unit = "<b>Long</b> \"text\" & <script>window.__pwned=1</script> ";
        unit.chars().cycle().take(2000).collect()
    }

    /// A site-relative image URL of over 4,000 characters.
    pub fn long_image_url(device_id: &str) -> String {
        format!(
            "/sandbox/images/devices/{device_id}.svg?pad={}",
            "A".repeat(4000)
        )
    }
}

fn insert_hostile_tenant(tx: &Transaction) -> rusqlite::Result<()> {
    use hostile::*;
    tx.execute(
        "INSERT INTO tenants (code, name, platform, currency, country_id) VALUES (?1, ?2, ?3, 'USD', ?4)",
        params![TENANT, TENANT_NAME, Platform::Command.as_str(), US_ID],
    )?;
    tx.execute(
        "INSERT INTO users (username, password, tenant, employee_id, description, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            USERNAME,
            PASSWORD,
            TENANT,
            MALLORY_ID,
            USER_DESCRIPTION,
            USERS.len()
        ],
    )?;
    let department = Some(IdName {
        id: DEPARTMENT_ID.to_owned(),
        name: DEPARTMENT.to_owned(),
    });
    let mallory = Employee {
        meta: None,
        id: MALLORY_ID.to_owned(),
        company_employee_id: Some(USERNAME.to_owned()),
        first_name: MALLORY_FIRST_NAME.to_owned(),
        last_name: MALLORY_LAST_NAME.to_owned(),
        email: Some("mallory@hostile.example".to_owned()),
        office_phone: Some("2025550100".to_owned()),
        department: department.clone(),
        status: EntityStatus::Active,
    };
    let report = Employee {
        id: REPORT_ID.to_owned(),
        company_employee_id: Some("eve.hostile".to_owned()),
        first_name: REPORT_FIRST_NAME.to_owned(),
        last_name: REPORT_LAST_NAME.to_owned(),
        email: Some("eve@hostile.example".to_owned()),
        office_phone: Some("2025550101".to_owned()),
        ..mallory.clone()
    };
    // Mallory leads Eve (so she may order for her) but approves nothing.
    let people = [
        (&mallory, None, Role::Lead),
        (&report, Some(MALLORY_ID), Role::Employee),
    ];
    let next_seq = |table: &str| -> rusqlite::Result<i64> {
        tx.query_row(
            &format!("SELECT COALESCE(MAX(seq) + 1, 0) FROM {table}"),
            [],
            |row| row.get(0),
        )
    };
    for (person, manager, role) in people {
        let staff = Staff::new(person.clone(), manager, role);
        tx.execute(
            "INSERT INTO employees (tenant, id, company_employee_id, manager_id, is_approver,
                 can_move_service, seq, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                TENANT,
                person.id,
                person.company_employee_id,
                staff.manager_id,
                staff.is_approver,
                staff.can_move_service,
                next_seq("employees")?,
                json(person)?
            ],
        )?;
    }

    let vendors = [
        VendorSeed {
            id: VENDOR_ID,
            name: VENDOR_NAME,
            short: VENDOR_NAME,
            access: AccessMethod::Cdma,
        },
        VendorSeed {
            id: OTHER_VENDOR_ID,
            name: OTHER_VENDOR_NAME,
            short: OTHER_VENDOR_NAME,
            access: AccessMethod::Gsm,
        },
    ];
    for vendor in &vendors {
        tx.execute(
            "INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
            params![
                TENANT,
                vendor.id,
                next_seq("vendors")?,
                json(&vendor.body())?
            ],
        )?;
        tx.execute(
            "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body)
             VALUES (?1, ?2, 'UPGRADE', ?3)",
            params![TENANT, vendor.id, json(&hostile_properties())?],
        )?;
    }
    let maker = |id: &str| -> NamedRef {
        let name = MANUFACTURERS
            .iter()
            .find(|(maker, _)| *maker == id)
            .map(|(_, name)| *name)
            .expect("the hostile seed names only its own manufacturers");
        named(id, name)
    };
    for (id, _) in MANUFACTURERS {
        tx.execute(
            "INSERT INTO manufacturers (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
            params![TENANT, id, next_seq("manufacturers")?, json(&maker(id))?],
        )?;
    }

    let line_vendor = &vendors[0];
    let service = ServiceAsset {
        meta: None,
        id: SERVICE_ID.to_owned(),
        service_number: SERVICE_NUMBER.to_owned(),
        status: EntityStatus::Active,
        contract_dates: Some(ContractDates {
            activated: Some(six_am((2018, 3, 1))),
            start: Some(six_am((2020, 3, 1))),
            end: Some(six_am((2022, 3, 1))),
            last_device_upgrade: Some(six_am((2020, 3, 1))),
        }),
        upgrade_eligibility_date: Some(six_am((2022, 3, 1))),
        vendor: Some(line_vendor.named()),
        device: None,
        employee: Some(named(MALLORY_ID, &mallory.full_name())),
        order_actions: None,
    };
    let device = DeviceAsset {
        meta: None,
        id: DEVICE_ASSET_ID.to_owned(),
        access_method: Some(line_vendor.access.clone()),
        company_asset_id: Some(DEVICE_COMPANY_ASSET_ID.to_owned()),
        mac_address: Some("A4:5E:60:66:60:01".to_owned()),
        manufacturer: Some(maker(DEVICE_MANUFACTURER_ID)),
        model: Some(DEVICE_MODEL.to_owned()),
        serial_number: Some(SerialNumber {
            kind: SerialNumberType::Esn,
            value: DEVICE_SERIAL.to_owned(),
        }),
        sim_id: Some(DEVICE_SIM.to_owned()),
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    };
    tx.execute(
        "INSERT INTO services (tenant, id, employee_id, vendor_id, device_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            TENANT,
            SERVICE_ID,
            MALLORY_ID,
            line_vendor.id,
            DEVICE_ASSET_ID,
            next_seq("services")?,
            json(&service)?
        ],
    )?;
    tx.execute(
        "INSERT INTO device_assets (tenant, id, employee_id, service_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            TENANT,
            DEVICE_ASSET_ID,
            MALLORY_ID,
            SERVICE_ID,
            next_seq("device_assets")?,
            json(&device)?
        ],
    )?;

    for CatalogSeed {
        id,
        name,
        image,
        manufacturer_id: maker_id,
        vendor_id,
        cents,
    } in CATALOG
    {
        let vendor = vendors
            .iter()
            .find(|vendor| vendor.id == vendor_id)
            .expect("the hostile seed names only its own vendors");
        let image_url = match image {
            CatalogImage::Fixed(url) => url.to_owned(),
            CatalogImage::Long => long_image_url(id),
        };
        let device = CatalogDevice {
            meta: None,
            id: id.to_owned(),
            name: name.map_or_else(long_text, str::to_owned),
            image_url: Some(image_url),
            manufacturer: Some(maker(maker_id)),
            vendor: Some(vendor.named()),
            price: Some(Amount::one_time(cents, "USD")),
            access_method: Some(vendor.access.clone()),
            device_features: None,
        };
        tx.execute(
            "INSERT INTO catalog_devices (tenant, id, seq, name, manufacturer_id, vendor_id,
                 price_cents, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                TENANT,
                device.id,
                next_seq("catalog_devices")?,
                device.name,
                maker_id,
                vendor_id,
                cents,
                json(&device)?
            ],
        )?;
    }

    let plan = Plan {
        meta: None,
        id: PLAN_ID.to_owned(),
        name: PLAN_NAME.to_owned(),
        price: Some(Amount::monthly(5000, "USD")),
        vendor: Some(line_vendor.named()),
        included_features: Some(
            INCLUDED_FEATURES
                .iter()
                .map(|d| included_feature(d))
                .collect(),
        ),
        optional_features: Some(
            OPTIONAL_FEATURES
                .iter()
                .map(|(id, description, cents)| {
                    let description = description.map_or_else(long_text, str::to_owned);
                    optional_feature(id, &description, *cents, "USD")
                })
                .collect(),
        ),
    };
    tx.execute(
        "INSERT INTO plans (tenant, id, seq, vendor_id, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            TENANT,
            PLAN_ID,
            next_seq("plans")?,
            line_vendor.id,
            json(&plan)?
        ],
    )?;

    for (id, name, image_url, maker_id) in ACCESSORIES {
        let accessory = Accessory {
            meta: None,
            id: id.to_owned(),
            name: name.to_owned(),
            image_url: Some(image_url.to_owned()),
            manufacturer: maker_id.map(maker),
            price: Some(Amount::one_time(2_999, "USD")),
            vendor: None,
        };
        tx.execute(
            "INSERT INTO accessories (tenant, id, seq, compatible_manufacturer_id, body)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                TENANT,
                id,
                next_seq("accessories")?,
                maker_id,
                json(&accessory)?
            ],
        )?;
    }
    Ok(())
}

/// The hostile tenant's UPGRADE properties: payload labels, choices and
/// hints, but simple rules.
fn hostile_properties() -> Vec<StoredPropertyGroup> {
    use hostile::*;
    let note = PropertyField {
        pattern: Some(NOTE_PATTERN.to_owned()),
        ..text(NOTE_FIELD, NOTE_LABEL, Required, (1, 200))
    };
    let flavour = choice(
        FLAVOUR_FIELD,
        FLAVOUR_LABEL,
        Required,
        &FLAVOUR_CHOICES,
        Some(FLAVOUR_OTHER),
    );
    let remarks = PropertyField {
        pattern: Some(REMARKS_PATTERN.to_owned()),
        text: Some(IMG_ONERROR.to_owned()),
        ..text(REMARKS_FIELD, &long_text(), Optional, (0, 4000))
    };
    vec![group(PROPERTY_GROUP, vec![note, flavour, remarks], &[])]
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// A value as the JSON text of a `body` column.
fn json<T: Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// SplitMix64's finaliser: scatters the bits of a number.
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A deterministic pseudo-random stream: a 64-bit LCG, mixed on output.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        Lcg(mix(seed))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        mix(self.0)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// Upper-case hexadecimal digits.
    fn hex(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b"0123456789ABCDEF"[self.below(16) as usize]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use mobproc_types::{
        Accessory, CatalogDevice, DeviceAsset, Employee, NamedRef, Plan, Region, ServiceAsset,
        Vendor,
    };
    use rusqlite::Connection;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use tempfile::TempDir;

    use super::*;
    use crate::db::Db;

    /// 2025-06-15T16:26:40Z.
    const NOW: i64 = 1_750_004_800;

    /// A freshly created and seeded database file, and a connection on it.
    fn seeded() -> (TempDir, Connection) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("seed.sqlite3");
        Db::open(&path, false, NOW, 0).expect("the database opens and seeds");
        let connection = Connection::open(&path).expect("the seeded file opens");
        (dir, connection)
    }

    fn strings(connection: &Connection, sql: &str) -> Vec<String> {
        let mut statement = connection.prepare(sql).unwrap();
        let rows = statement.query_map([], |row| row.get(0)).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    }

    fn count(connection: &Connection, sql: &str) -> i64 {
        connection.query_row(sql, [], |row| row.get(0)).unwrap()
    }

    fn body<T: DeserializeOwned>(connection: &Connection, sql: &str) -> T {
        let text: String = connection.query_row(sql, [], |row| row.get(0)).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// Every body of `table` parses as `T` and writes back to the same text.
    fn assert_bodies_round_trip<T: DeserializeOwned + Serialize>(
        connection: &Connection,
        table: &str,
    ) {
        let bodies = strings(connection, &format!("SELECT body FROM {table}"));
        assert!(!bodies.is_empty(), "{table} is empty");
        for text in bodies {
            let value: T = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("a body of {table} does not parse ({e}): {text}"));
            assert_eq!(serde_json::to_string(&value).unwrap(), text, "in {table}");
            assert!(
                !text.contains("_meta"),
                "a body of {table} has links: {text}"
            );
        }
    }

    #[test]
    fn acme_has_at_least_5000_catalog_devices_on_every_vendor() {
        let (_dir, db) = seeded();
        let total = count(
            &db,
            "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'ACME'",
        );
        assert!(total >= 5000, "only {total} devices");
        for vendor in ["95", "96", "97", "98", "99"] {
            let sql = format!(
                "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'ACME' AND vendor_id = '{vendor}'"
            );
            assert!(count(&db, &sql) >= 1000, "vendor {vendor}");
        }
        let (min, max): (i64, i64) = db
            .query_row(
                "SELECT MIN(price_cents), MAX(price_cents) FROM catalog_devices WHERE tenant = 'ACME'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((min, max), (0, 149_999));
        let gsm_at_att: Vec<CatalogDevice> = strings(
            &db,
            "SELECT body FROM catalog_devices WHERE tenant = 'ACME' AND vendor_id = '97' LIMIT 5",
        )
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect();
        assert!(gsm_at_att
            .iter()
            .all(|d| d.access_method == Some(AccessMethod::Gsm)));
    }

    #[test]
    fn the_tutorials_records_exist_as_its_confirmation_shows_them() {
        let (_dir, db) = seeded();
        let peter: Employee = body(&db, "SELECT body FROM employees WHERE id = '28673732'");
        let expected = r#"{"id":"28673732","companyEmployeeId":"peter.edwards.acme","firstName":"Peter","lastName":"Edwards","email":"peter.edwards@acme.com","officePhone":"2035559999","department":{"id":"11569020385","name":"Development"},"status":"ACTIVE"}"#;
        assert_eq!(serde_json::to_string(&peter).unwrap(), expected);
        let manager: Option<String> = db
            .query_row(
                "SELECT manager_id FROM employees WHERE id = '28673732'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(manager.as_deref(), Some(MARIA_ID));

        let service: ServiceAsset = body(&db, "SELECT body FROM services WHERE id = '38382349'");
        assert_eq!(service.service_number, "2035557676");
        assert_eq!(
            service.upgrade_eligibility_date.as_deref(),
            Some("2016-01-21T06:00:00Z")
        );
        assert_eq!(service.vendor.as_ref().map(|v| v.id.as_str()), Some("98"));
        assert_eq!(
            service.contract_dates.unwrap().activated.as_deref(),
            Some("2010-01-20T06:00:00Z")
        );
        let device_id: String = db
            .query_row(
                "SELECT device_id FROM services WHERE id = '38382349'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(device_id, "35362368");

        let device: DeviceAsset = body(&db, "SELECT body FROM device_assets WHERE id = '35362368'");
        let expected = r#"{"id":"35362368","accessMethod":"CDMA","companyAssetId":"Peter's Cookie","macAddress":"90:33:20:94:31","manufacturer":{"id":"LG","name":"LG"},"model":"Cookie Plus","serialNumber":{"type":"ESN","value":"4289183847832"},"simId":"83924758342478392342","status":"ACTIVE"}"#;
        assert_eq!(serde_json::to_string(&device).unwrap(), expected);

        let iphone: CatalogDevice = body(
            &db,
            "SELECT body FROM catalog_devices WHERE id = '9194713904'",
        );
        assert_eq!(iphone.name, "Apple iPhone 5 (16GB) - Black");
        assert_eq!(iphone.price, Some(Amount::one_time(19_999, "USD")));
        assert_eq!(iphone.vendor.map(|v| v.id), Some("98".into()));
        assert_eq!(iphone.access_method, Some(AccessMethod::Cdma));
        assert_eq!(
            iphone.image_url.as_deref(),
            Some("/sandbox/images/devices/9194713904.svg")
        );

        let plan: Plan = body(&db, "SELECT body FROM plans WHERE id = '6568886698'");
        assert_eq!(plan.price, Some(Amount::monthly(5867, "USD")));
        let included: Vec<_> = plan
            .included_features
            .unwrap()
            .into_iter()
            .map(|f| f.description)
            .collect();
        assert_eq!(
            included,
            ["Total Equipment Coverage", "VZ Navigator", "Base Package"]
        );
        let optional = plan.optional_features.unwrap();
        assert_eq!(optional[0].id.as_deref(), Some("122"));
        assert_eq!(optional[0].price, Some(Amount::monthly(30_000, "USD")));
        assert_eq!(optional[1].id.as_deref(), Some("293"));
        assert_eq!(optional[1].price, Some(Amount::monthly(20_000, "USD")));
    }

    #[test]
    fn every_body_parses_back_into_its_api_type() {
        let (_dir, db) = seeded();
        assert_bodies_round_trip::<Employee>(&db, "employees");
        assert_bodies_round_trip::<ServiceAsset>(&db, "services");
        assert_bodies_round_trip::<DeviceAsset>(&db, "device_assets");
        assert_bodies_round_trip::<Vendor>(&db, "vendors");
        assert_bodies_round_trip::<NamedRef>(&db, "manufacturers");
        assert_bodies_round_trip::<CatalogDevice>(&db, "catalog_devices");
        assert_bodies_round_trip::<Plan>(&db, "plans");
        assert_bodies_round_trip::<Accessory>(&db, "accessories");
        assert_bodies_round_trip::<Region>(&db, "regions");
        assert_bodies_round_trip::<Vec<StoredPropertyGroup>>(&db, "order_properties");
    }

    #[test]
    fn seeding_twice_gives_identical_rows() {
        let dump = |db: &Connection| {
            let mut rows = Vec::new();
            for sql in [
                "SELECT tenant || id || seq || name || manufacturer_id || vendor_id || price_cents || body
                 FROM catalog_devices ORDER BY tenant, id",
                "SELECT tenant || id || seq || body FROM plans ORDER BY tenant, id",
                "SELECT tenant || id || seq || body FROM services ORDER BY tenant, id",
                "SELECT tenant || id || seq || body FROM device_assets ORDER BY tenant, id",
                "SELECT tenant || id || seq || body FROM employees ORDER BY tenant, id",
            ] {
                rows.extend(strings(db, sql));
            }
            rows
        };
        let (_first_dir, first) = seeded();
        let (_second_dir, second) = seeded();
        assert_eq!(dump(&first), dump(&second));
    }

    #[test]
    fn every_vendor_has_upgrade_properties_and_verizons_take_the_tutorials_order() {
        let (_dir, db) = seeded();
        let missing = count(
            &db,
            "SELECT COUNT(*) FROM vendors v WHERE NOT EXISTS (SELECT 1 FROM order_properties p
             WHERE p.tenant = v.tenant AND p.vendor_id = v.id AND p.transaction_type = 'UPGRADE')",
        );
        assert_eq!(missing, 0);
        let verizon: Vec<StoredPropertyGroup> = body(
            &db,
            "SELECT body FROM order_properties WHERE tenant = 'ACME' AND vendor_id = '98'",
        );
        let fields = &verizon[0].group.fields;
        let ids: Vec<_> = fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "CONTACT_NUMBER",
                "SERVICE_NUMBER",
                "CONTACT_NUMBER_EXT",
                "Reason",
                "REQUESTED_DATE",
                "ADDITIONAL_INSTRUCTIONS",
                "DEVICE_PROTECTION",
                "PORT_BILLING_CYCLE"
            ]
        );
        let required: Vec<_> = fields
            .iter()
            .filter(|f| f.validation == Required)
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(required, ["CONTACT_NUMBER", "SERVICE_NUMBER", "Reason"]);
        let reason = fields.iter().find(|f| f.id == "Reason").unwrap();
        assert!(reason
            .choices
            .as_ref()
            .unwrap()
            .iter()
            .any(|c| c.id == "21"));
        assert_eq!(
            verizon[0].field_applies_to("DEVICE_PROTECTION"),
            AppliesTo::DeviceOrders
        );
        assert_eq!(
            verizon[0].field_applies_to("PORT_BILLING_CYCLE"),
            AppliesTo::PlanOrders
        );
        for tenant in TENANTS {
            for vendor in tenant.vendors {
                for group in (tenant.properties)(vendor) {
                    let ids: HashSet<_> = group.group.fields.iter().map(|f| &f.id).collect();
                    assert_eq!(ids.len(), group.group.fields.len(), "{}", vendor.id);
                    for field in &group.group.fields {
                        if let Some(pattern) = &field.reg_ex {
                            regex::Regex::new(pattern).expect("a valid regular expression");
                        }
                        let others = field.choices.iter().flatten().filter(|c| c.is_other);
                        assert!(others.count() <= 1);
                    }
                }
            }
        }
    }

    #[test]
    fn every_line_has_its_vendor_device_and_owner() {
        let (_dir, db) = seeded();
        let orphans = count(
            &db,
            "SELECT COUNT(*) FROM services s WHERE
                 NOT EXISTS (SELECT 1 FROM vendors v WHERE v.tenant = s.tenant AND v.id = s.vendor_id)
              OR NOT EXISTS (SELECT 1 FROM device_assets d WHERE d.tenant = s.tenant
                             AND d.id = s.device_id AND d.service_id = s.id)
              OR NOT EXISTS (SELECT 1 FROM employees e WHERE e.tenant = s.tenant AND e.id = s.employee_id)",
        );
        assert_eq!(orphans, 0);
        let orphan_devices = count(
            &db,
            "SELECT COUNT(*) FROM device_assets d WHERE NOT EXISTS
                 (SELECT 1 FROM manufacturers m WHERE m.tenant = d.tenant
                  AND m.id = json_extract(d.body, '$.manufacturer.id'))",
        );
        assert_eq!(orphan_devices, 0);
        let missing_vendors = count(
            &db,
            "SELECT COUNT(*) FROM catalog_devices c WHERE NOT EXISTS
                 (SELECT 1 FROM vendors v WHERE v.tenant = c.tenant AND v.id = c.vendor_id)
             UNION ALL SELECT COUNT(*) FROM plans p WHERE NOT EXISTS
                 (SELECT 1 FROM vendors v WHERE v.tenant = p.tenant AND v.id = p.vendor_id)",
        );
        assert_eq!(missing_vendors, 0);
    }

    #[test]
    fn every_manager_and_user_exists() {
        let (_dir, db) = seeded();
        let orphans = count(
            &db,
            "SELECT COUNT(*) FROM employees e WHERE e.manager_id IS NOT NULL AND NOT EXISTS
                 (SELECT 1 FROM employees m WHERE m.tenant = e.tenant AND m.id = e.manager_id)",
        );
        assert_eq!(orphans, 0);
        let homeless = count(
            &db,
            "SELECT COUNT(*) FROM users u WHERE u.password <> 'sandbox' OR NOT EXISTS
                 (SELECT 1 FROM employees e WHERE e.tenant = u.tenant AND e.id = u.employee_id)",
        );
        assert_eq!(homeless, 0);
        let marias = count(
            &db,
            "SELECT COUNT(*) FROM employees WHERE manager_id = '28673700'",
        );
        assert!(marias >= 6);
        let approvers = strings(
            &db,
            "SELECT id FROM employees WHERE is_approver = 1 ORDER BY seq",
        );
        assert!(approvers.iter().any(|id| id == MARIA_ID));
        assert!(approvers.iter().any(|id| id == MARC_ID));
        assert!(approvers.iter().any(|id| id == AMELIA_ID));
        assert!(count(&db, "SELECT COUNT(*) FROM employees WHERE tenant = 'ACME'") > 30);
    }

    #[test]
    fn not_yet_eligible_lines_become_eligible_120_days_after_seeding() {
        let (_dir, db) = seeded();
        let soon = "2025-10-13T00:00:00Z";
        assert_eq!(not_yet_eligible_date(NOW), soon);
        let second: ServiceAsset = body(&db, "SELECT body FROM services WHERE id = '38382350'");
        assert_eq!(second.upgrade_eligibility_date.as_deref(), Some(soon));
        assert_eq!(second.vendor.map(|v| v.id), Some("97".into()));
        let later = count(
            &db,
            &format!(
                "SELECT COUNT(*) FROM services WHERE json_extract(body, '$.upgradeEligibilityDate') = '{soon}'"
            ),
        );
        let total = count(&db, "SELECT COUNT(*) FROM services");
        assert!(later * 6 > total && later * 3 < total, "{later} of {total}");
    }

    #[test]
    fn one_device_asset_lacks_its_serial_number_and_sim() {
        let (_dir, db) = seeded();
        let incomplete = strings(
            &db,
            "SELECT id FROM device_assets WHERE json_extract(body, '$.serialNumber') IS NULL
             AND json_extract(body, '$.simId') IS NULL",
        );
        assert_eq!(incomplete, ["35363003"]);
    }

    #[test]
    fn atlas_devices_have_features_and_small_data_images() {
        let (_dir, db) = seeded();
        let devices: Vec<CatalogDevice> = strings(
            &db,
            "SELECT body FROM catalog_devices WHERE tenant = 'INITECH'",
        )
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect();
        assert!(devices.len() >= 40);
        for device in &devices {
            assert!(device.id.contains('_'));
            let image = device.image_url.as_deref().unwrap();
            assert!(image.starts_with("data:image/svg+xml;base64,"));
            assert!(image.len() < 600, "{} bytes", image.len());
            let features = device.device_features.as_ref().unwrap();
            let storage = features.iter().find(|f| f.id == "STORAGE").unwrap();
            let prices: Vec<_> = storage
                .choices
                .iter()
                .map(|c| c.price.as_ref().unwrap().amount.cents)
                .collect();
            assert_eq!(prices[0], 0);
            assert!(prices.windows(2).all(|pair| pair[0] < pair[1]));
            assert!(features
                .iter()
                .any(|f| f.id == "COLOUR" && f.choices.len() >= 3));
        }
        let vodafone = devices
            .iter()
            .filter(|d| d.vendor.as_ref().unwrap().id == "410000_1000001")
            .count();
        assert!(vodafone >= 5);
    }

    #[test]
    fn the_hostile_tenant_can_take_a_whole_upgrade_order_with_plain_ids() {
        let (_dir, db) = seeded();
        let tenant: (String, String, String, String) = db
            .query_row(
                "SELECT name, platform, currency, country_id FROM tenants WHERE code = 'HOSTILE'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            tenant,
            (
                "Hostile Data Inc.".into(),
                "command".into(),
                "USD".into(),
                US_ID.into()
            )
        );
        let users = strings(
            &db,
            "SELECT username || ' ' || employee_id || ' ' || password FROM users WHERE tenant = 'HOSTILE'",
        );
        assert_eq!(users, ["mallory.hostile 66600001 sandbox"]);
        for table in [
            "employees",
            "services",
            "device_assets",
            "vendors",
            "manufacturers",
            "catalog_devices",
            "plans",
            "accessories",
        ] {
            let ids = strings(
                &db,
                &format!("SELECT id FROM {table} WHERE tenant = 'HOSTILE'"),
            );
            assert!(!ids.is_empty(), "{table}");
            for id in ids {
                assert!(id.chars().all(|c| c.is_ascii_digit()), "{table} {id}");
            }
        }
        let line: ServiceAsset = body(
            &db,
            "SELECT body FROM services WHERE tenant = 'HOSTILE' AND id = '66620001'",
        );
        assert!(line.upgrade_eligibility_date.as_deref() < Some("2025-01-01"));
        let vendor: Vendor = body(
            &db,
            "SELECT body FROM vendors WHERE tenant = 'HOSTILE' AND id = '661'",
        );
        assert!(matches!(
            vendor.access_method,
            Some(AccessMethod::Cdma | AccessMethod::Gsm)
        ));
        let device: DeviceAsset = body(
            &db,
            "SELECT body FROM device_assets WHERE tenant = 'HOSTILE' AND service_id = '66620001'",
        );
        assert_eq!(
            device.serial_number.map(|s| s.value).as_deref(),
            Some(hostile::DEVICE_SERIAL)
        );
        let on_the_line = count(
            &db,
            "SELECT COUNT(*) FROM catalog_devices WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
        );
        assert!(on_the_line >= 5, "{on_the_line}");
        let plan: Plan = body(
            &db,
            "SELECT body FROM plans WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
        );
        assert!(!plan.included_features.unwrap().is_empty());
        assert!(plan.optional_features.unwrap().len() >= 2);
        let groups: Vec<StoredPropertyGroup> = body(
            &db,
            "SELECT body FROM order_properties WHERE tenant = 'HOSTILE' AND vendor_id = '661'",
        );
        let required: Vec<_> = groups
            .iter()
            .flat_map(|g| &g.group.fields)
            .filter(|f| f.validation == Required)
            .map(|f| (f.kind.clone(), f.reg_ex.is_none()))
            .collect();
        assert_eq!(
            required,
            [(PropertyType::Text, true), (PropertyType::Choice, true)]
        );
        let names = strings(
            &db,
            "SELECT name FROM catalog_devices WHERE tenant = 'HOSTILE'",
        );
        assert!(names.iter().all(|n| n.contains('<') || !n.is_ascii()));
        assert!(names.iter().any(|n| n.chars().count() == 2000));
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn imeis_pass_the_luhn_check() {
        assert_eq!(luhn_check_digit("49015420323751"), '8');
        let mut rng = Lcg::new(7);
        let serial = serial_number("Apple", &AccessMethod::Gsm, &mut rng);
        assert_eq!(serial.kind, SerialNumberType::Imei);
        assert_eq!(serial.value.len(), 15);
    }

    #[test]
    fn regions_carry_the_tutorials_labels_and_ids() {
        let (_dir, db) = seeded();
        let us: Region = body(&db, "SELECT body FROM regions WHERE id = '70144640'");
        let labels: Vec<_> = us
            .address_format
            .unwrap()
            .into_iter()
            .map(|f| (f.id, f.label))
            .collect();
        assert_eq!(labels[0], ("LINE_1".into(), "Address Line1".into()));
        assert_eq!(labels[2], ("CITY".into(), "City".into()));
        assert_eq!(labels[3], ("STATE".into(), "State".into()));
        assert_eq!(labels[4], ("POSTAL_CODE".into(), "Zip Code".into()));
        let states = strings(
            &db,
            "SELECT id || ' ' || json_extract(body, '$.abbreviation') FROM regions
             WHERE parent_id = '70144640' ORDER BY seq",
        );
        assert_eq!(states.len(), 51);
        assert_eq!(states[0], "158385987 AL");
        assert_eq!(states[1], "158385986 AK");
        assert_eq!(states[50], "158386042 WY");
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM regions WHERE parent_id = '70144641'"
            ),
            13
        );
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM regions WHERE parent_id = '70144642'"
            ),
            4
        );
    }
}
