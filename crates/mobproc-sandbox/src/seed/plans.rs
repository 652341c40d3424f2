//! Plans: tiers every vendor of a country offers.

use mobproc_types::{Amount, Feature, Plan};
use rusqlite::{params, Transaction};

use super::acme::tutorial_plan;
use super::tenants::TenantSeed;
use super::{json, TENANTS};
use crate::model::Platform;

/// A plan every vendor of a country offers under its own name and price.
pub(super) struct PlanTier {
    pub(super) name: &'static str,
    /// Monthly price in cents, before the vendor's adjustment.
    pub(super) cents: i64,
    pub(super) included: &'static [&'static str],
    /// (id, description, monthly cents).
    pub(super) optional: &'static [(&'static str, &'static str, i64)],
}

/// How many tiers each vendor offers (the first vendor of ACME also has the
/// tutorial's plan).
const TIERS_PER_VENDOR: usize = 3;

pub(super) const US_PLAN_TIERS: &[PlanTier] = &[
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

pub(super) const CA_PLAN_TIERS: &[PlanTier] = &[
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

pub(super) const UK_PLAN_TIERS: &[PlanTier] = &[
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

pub(super) fn insert_plans(tx: &Transaction) -> rusqlite::Result<()> {
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
