//! Plans: the tiers every vendor of a tenant offers, and the tutorial's plan.

use mobproc_types::{Amount, Feature, Plan};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::acme::tutorial_plan;
use super::tenants::TenantSeed;
use super::{json, TENANTS};
use crate::model::Platform;

/// A plan every vendor of a tenant offers under its own name and price
/// (`planTiers` in `seed/tenants/<code>.json`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct PlanTier {
    name: String,
    /// Monthly price in cents, before the vendor's adjustment.
    monthly_cents: i64,
    /// What the plan includes.
    included: Vec<String>,
    optional: Vec<OptionalFeatureSeed>,
}

/// A feature that may be added to a plan, at a monthly price.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OptionalFeatureSeed {
    id: String,
    description: String,
    monthly_cents: i64,
}

/// How many tiers each vendor offers (the first vendor of ACME also has the
/// tutorial's plan).
const TIERS_PER_VENDOR: usize = 3;

pub(super) fn included_feature(description: &str) -> Feature {
    Feature {
        id: None,
        description: description.to_owned(),
        price: None,
    }
}

pub(super) fn optional_feature(id: &str, description: &str, cents: i64, currency: &str) -> Feature {
    Feature {
        id: Some(id.to_owned()),
        description: description.to_owned(),
        price: Some(Amount::monthly(cents, currency)),
    }
}

/// For each vendor, up to three of the tenant's tiers (starting at a
/// different one for each vendor), each vendor $2 dearer than the previous;
/// Verizon also has the tutorial's plan, first.
fn plans(tenant: &TenantSeed) -> Vec<Plan> {
    let mut plans = Vec::new();
    if tenant.data.platform == Platform::Command {
        plans.push(tutorial_plan(tenant));
    }
    let tiers = &tenant.data.plan_tiers;
    let mut n = 0;
    for (v, vendor) in tenant.data.vendors.iter().enumerate() {
        for k in 0..TIERS_PER_VENDOR.min(tiers.len()) {
            let tier = &tiers[(v + k) % tiers.len()];
            n += 1;
            plans.push(Plan {
                meta: None,
                id: (tenant.numbering.plan)(n - 1),
                name: format!("{} {}", vendor.short, tier.name),
                price: Some(Amount::monthly(
                    tier.monthly_cents + v as i64 * 200,
                    &tenant.data.currency,
                )),
                vendor: Some(vendor.named()),
                included_features: Some(
                    tier.included.iter().map(|d| included_feature(d)).collect(),
                ),
                optional_features: Some(
                    tier.optional
                        .iter()
                        .map(|feature| {
                            optional_feature(
                                &feature.id,
                                &feature.description,
                                feature.monthly_cents,
                                &tenant.data.currency,
                            )
                        })
                        .collect(),
                ),
            });
        }
    }
    plans
}

pub(super) fn insert_plans(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO plans (tenant, id, seq, vendor_id, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut seq = 0;
    for tenant in TENANTS.iter() {
        for plan in plans(tenant) {
            let vendor = plan.vendor.as_ref().map(|v| v.id.clone());
            insert.execute(params![
                tenant.data.code,
                plan.id,
                seq,
                vendor,
                json(&plan)?
            ])?;
            seq += 1;
        }
    }
    Ok(())
}
