//! Regions, from `seed/regions.json`: the countries with their address
//! formats, then the states, provinces and nations of each.
//!
//! A country in the file is the API's region, plus its `subdivisions`
//! (`id`, `name`, `abbreviation`) and, when the address has a field that
//! picks one of them, that field's id as `subdivisionField`: its `options`
//! are the subdivisions (label the name, value the abbreviation).

use mobproc_types::{AddressOption, Region, RegionType};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::json;

/// The United States' region id (the hostile tenant's country).
pub(super) const US_ID: &str = "70144640";

/// A country as `seed/regions.json` writes it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CountrySeed {
    #[serde(flatten)]
    country: Region,
    /// The address field whose options are the subdivisions, if any.
    #[serde(default)]
    subdivision_field: Option<String>,
    subdivisions: Vec<SubdivisionSeed>,
}

/// A state, province or nation of a country.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubdivisionSeed {
    id: String,
    name: String,
    abbreviation: String,
}

impl SubdivisionSeed {
    fn region(&self, parent: &str) -> Region {
        Region {
            meta: None,
            id: self.id.clone(),
            name: self.name.clone(),
            abbreviation: Some(self.abbreviation.clone()),
            kind: RegionType::StateProvince,
            parent_id: Some(parent.to_owned()),
            country_code: None,
            currency: None,
            address_format: None,
            postal_code_pattern: None,
            postal_code_reg_ex: None,
        }
    }
}

/// The countries (their subdivision field listing the subdivisions), then
/// the subdivisions of each, in the file's order.
fn regions() -> Vec<Region> {
    let countries: Vec<CountrySeed> = data_file!("regions.json");
    let mut regions = Vec::new();
    for seed in &countries {
        let mut country = seed.country.clone();
        let options: Vec<AddressOption> = seed
            .subdivisions
            .iter()
            .map(|subdivision| AddressOption {
                label: subdivision.name.clone(),
                value: subdivision.abbreviation.clone(),
            })
            .collect();
        if let Some(id) = &seed.subdivision_field {
            let field = country
                .address_format
                .iter_mut()
                .flatten()
                .find(|field| &field.id == id)
                .unwrap_or_else(|| panic!("seed/regions.json: {} has no field {id}", country.name));
            field.options = Some(options);
        }
        regions.push(country);
    }
    for seed in &countries {
        let parent = &seed.country.id;
        regions.extend(seed.subdivisions.iter().map(|s| s.region(parent)));
    }
    regions
}

pub(super) fn insert_regions(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx
        .prepare_cached("INSERT INTO regions (id, parent_id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    for (seq, region) in regions().iter().enumerate() {
        insert.execute(params![region.id, region.parent_id, seq, json(region)?])?;
    }
    Ok(())
}
