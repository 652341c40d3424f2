//! Deterministic seed data: three tenants, one per backend platform, with
//! their people, lines, catalog, plans, accessories and order properties,
//! plus the regions (countries with their address formats, and their
//! states and provinces), and a fourth, hostile tenant for security
//! testing (see [`hostile`]).
//!
//! # Where it lives
//!
//! What is plainly data is JSON under the crate's `seed/` folder, compiled
//! into the binary ([`include_str!`]) and read with serde, so a newcomer can
//! change a list without reading generators:
//!
//! - `tenants/<code>.json`: a tenant's name, platform, currency, country,
//!   e-mail domain, carriers (`vendors`), departments, names for generated
//!   people, users and plan tiers;
//! - `properties/<code>.json`: each carrier's order property groups by
//!   transaction type (the format is described in `properties.rs`);
//! - `regions.json`, `manufacturers.json` (makers and their colours),
//!   `catalog-families.json` (the generated catalog of ACME and GLOBEX),
//!   `atlas-models.json` (INITECH's catalog), `line-devices.json` (devices
//!   on people's lines), `accessories.json`.
//!
//! What is made by rules stays in Rust: one module per tenant (`acme`,
//! `globex`, `initech`: how it numbers things, its named people and their
//! lines, its catalog; `hostile`: all of it, as constants tests compare
//! with), and one per kind of record for what the tenants share (`people`,
//! `lines`, `vendors`, `catalog`, `plans`, `accessories`, `regions`,
//! `users`, `properties`). Each module inserts its own table's rows;
//! [`seed`] below gives the order.
//!
//! Everything is generated from these tables and a fixed pseudo-random
//! stream, so two seedings are byte for byte the same. The only thing that
//! depends on the moment of seeding is the eligibility date of the lines that
//! are "not yet eligible": 120 days after it.
//!
//! Bodies are the API's JSON without `_meta` and without logo URLs; the API
//! adds those when it answers. Image URLs are site-relative paths under
//! `/sandbox/images/`, except on the Atlas tenant, whose images are `data:`
//! URIs as on the real Atlas backend.

/// Parses the JSON file `seed/<name>` of the crate, compiled into the binary.
/// A file that does not parse is a bug of the build: seeding panics, naming
/// the file and the error (so every test that seeds fails).
macro_rules! data_file {
    ($name:literal) => {
        $crate::seed::parse_data_file(
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/seed/", $name)),
        )
    };
}

mod accessories;
mod acme;
mod catalog;
mod data_uri;
mod globex;
pub mod hostile;
mod initech;
mod lines;
mod people;
mod plans;
mod properties;
mod random;
mod regions;
mod tenants;
mod users;
mod vendors;

use std::sync::LazyLock;

use mobproc_types::date::format_timestamp;
use mobproc_types::NamedRef;
use rusqlite::Transaction;
use serde::de::DeserializeOwned;
use serde::Serialize;

use tenants::TenantSeed;

/// Fills the (existing, empty) tables with the seed data. `now` is the Unix
/// time of seeding; lines that are not yet eligible for an upgrade become
/// eligible 120 days after it.
pub fn seed(tx: &Transaction, now: i64) -> rusqlite::Result<()> {
    let soon = not_yet_eligible_date(now);
    tenants::insert_tenants(tx)?;
    users::insert_oauth_clients(tx)?;
    regions::insert_regions(tx)?;
    vendors::insert_vendors(tx)?;
    vendors::insert_manufacturers(tx)?;
    people::insert_people_and_lines(tx, &soon)?;
    users::insert_users(tx)?;
    catalog::insert_catalog_devices(tx)?;
    plans::insert_plans(tx)?;
    accessories::insert_accessories(tx)?;
    properties::insert_order_properties(tx)?;
    hostile::insert_hostile_tenant(tx)?;
    crate::seed_orders::seed(tx)?;
    Ok(())
}

/// The day (at midnight UTC) that "not yet eligible" lines become eligible.
fn not_yet_eligible_date(now: i64) -> String {
    format_timestamp((now.div_euclid(86_400) + 120) * 86_400)
}

/// The tenants of the seed, in the order their rows are inserted.
static TENANTS: LazyLock<Vec<TenantSeed>> =
    LazyLock::new(|| vec![acme::tenant(), globex::tenant(), initech::tenant()]);

/// A `{ id, name }` reference (links and logos are added when answering).
fn named(id: &str, name: &str) -> NamedRef {
    NamedRef {
        meta: None,
        id: id.to_owned(),
        name: Some(name.to_owned()),
        logo_url: None,
    }
}

/// The data of the file `seed/<name>`, whose text is `text`.
fn parse_data_file<T: DeserializeOwned>(name: &str, text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("seed/{name} is not valid: {e}"))
}

/// A value as the JSON text of a `body` column.
fn json<T: Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

#[cfg(test)]
mod tests;
