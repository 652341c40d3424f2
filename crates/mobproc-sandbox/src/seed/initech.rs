//! INITECH: the Atlas tenant, in the United Kingdom. Its data is in
//! `seed/tenants/initech.json`, `seed/properties/initech.json` and
//! `seed/atlas-models.json`; here are its composite numbering, Amelia and
//! Oliver with their lines, and its catalog of models whose colour and
//! storage are device features.

use std::sync::LazyLock;

use mobproc_types::Validation::Required;
use mobproc_types::{Amount, CatalogDevice, DeviceFeature, DeviceFeatureChoice, PropertyType};
use serde::Deserialize;

use super::catalog::catalog_device;
use super::data_uri::data_uri_image;
use super::lines::{generated_lines, line, numbered_line, Line, Upgrade};
use super::people::{employee, generated_staff, Role, Staff};
use super::tenants::{Numbering, TenantSeed};

/// Initech UK: the Atlas tenant, in pounds, with composite ids and devices
/// that have colour and storage choices.
pub(super) fn tenant() -> TenantSeed {
    TenantSeed {
        data: data_file!("tenants/initech.json"),
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
        properties: data_file!("properties/initech.json"),
    }
}

pub(super) const AMELIA_ID: &str = "100200_3000001";
pub(super) const OLIVER_ID: &str = "100200_3000002";

/// Amelia, who approves for Oliver and six more, and two who report to no one.
fn initech_staff(tenant: &TenantSeed) -> Vec<Staff> {
    let mut staff = vec![
        Staff::new(
            employee(
                tenant,
                AMELIA_ID,
                ("Amelia", "Clarke"),
                Some("02079460001".into()),
                Some(&tenant.data.departments[1]),
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
                Some(&tenant.data.departments[0]),
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
                &tenant.data.vendors[0].id,
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
                &tenant.data.vendors[1].id,
                Upgrade::Since((2022, 11, 30)),
            ),
            soon,
        ),
    ];
    lines.extend(generated_lines(tenant, &staff[2..], 2, soon));
    lines
}

/// An Atlas catalog model of `seed/atlas-models.json`: one item per
/// vendor, whose colour and storage are chosen as device features.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AtlasModel {
    maker: String,
    model: String,
    /// Price with the smallest storage, in whole pounds.
    pounds: i64,
    storages_gb: Vec<u32>,
    /// Extra cost of each storage size up, in whole pounds.
    storage_step_pounds: i64,
    colours: Vec<String>,
}

static ATLAS_MODELS: LazyLock<Vec<AtlasModel>> = LazyLock::new(|| data_file!("atlas-models.json"));

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
    for model in ATLAS_MODELS.iter() {
        let image = data_uri_image(&model.model, &model.maker);
        for (v, vendor) in tenant.data.vendors.iter().enumerate() {
            let n = devices.len() as u64;
            let pounds = model.pounds + ATLAS_VENDOR_MARKUPS[v % ATLAS_VENDOR_MARKUPS.len()];
            let price = Amount::one_time(pounds * 100, &tenant.data.currency);
            let name = format!("{} {}", model.maker, model.model);
            let mut device = catalog_device(
                (tenant.numbering.catalog_device)(n),
                name,
                &model.maker,
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
