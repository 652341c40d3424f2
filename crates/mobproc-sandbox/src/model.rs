//! The sandbox's own records: what the store keeps beyond the API's shapes.

use mobproc_types::rules::{rules_of, Backend};
use mobproc_types::{PropertyGroup, TransactionType};
use serde::{Deserialize, Serialize};

/// The backend a tenant runs on; behaviour differs by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Premium Mobile, a.k.a. Command: `existingDevice` required; paging by containing page.
    Command,
    /// Rivermine: no `existingDevice`; plan-only upgrades ship nothing.
    Rivermine,
    /// Atlas: device features, composite ids, `data:` images.
    Atlas,
}

impl Platform {
    /// The token's `platform` word.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Command => "command",
            Platform::Rivermine => "rivermine",
            Platform::Atlas => "atlas",
        }
    }

    /// Parses the stored word.
    pub fn parse(text: &str) -> Option<Platform> {
        match text {
            "command" => Some(Platform::Command),
            "rivermine" => Some(Platform::Rivermine),
            "atlas" => Some(Platform::Atlas),
            _ => None,
        }
    }

    /// The name `/ping` gives for the backend.
    pub fn backend_name(self) -> &'static str {
        match self {
            Platform::Command => "Premium Mobile",
            Platform::Rivermine => "Rivermine",
            Platform::Atlas => "Atlas",
        }
    }

    /// The backend of the shared rule table.
    pub fn backend(self) -> Backend {
        match self {
            Platform::Command => Backend::PremiumMobile,
            Platform::Rivermine => Backend::Rivermine,
            Platform::Atlas => Backend::Atlas,
        }
    }

    /// Every transaction type the backend takes, in the API's order.
    pub fn transaction_types(self) -> Vec<TransactionType> {
        TransactionType::KNOWN
            .iter()
            .filter(|kind| rules_of(kind).is_some_and(|rules| rules.runs_on(self.backend())))
            .cloned()
            .collect()
    }
}

/// A tenant (customer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub code: String,
    pub name: String,
    pub platform: Platform,
    /// ISO 4217 code of the tenant's prices.
    pub currency: String,
    /// The region id of the tenant's home country.
    pub country_id: String,
}

/// Which orders a property applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum AppliesTo {
    /// Every order.
    #[default]
    Always,
    /// Only orders with a device (dropped by `orderExcludesDevice=true`).
    DeviceOrders,
    /// Only orders with a plan (dropped by `orderExcludesPlan=true`).
    PlanOrders,
}

/// The `vendor_id` of stored order properties that apply to every vendor
/// of a tenant (a vendor's own properties for the type win over them).
pub const EVERY_VENDOR: &str = "*";

/// A vendor's order property group as stored: the API's group, plus to
/// which orders each field applies (by field id; absent means always).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredPropertyGroup {
    pub group: PropertyGroup,
    #[serde(default)]
    pub applies_to: Vec<(String, AppliesTo)>,
}

impl StoredPropertyGroup {
    /// To which orders the field `id` applies.
    pub fn field_applies_to(&self, id: &str) -> AppliesTo {
        self.applies_to
            .iter()
            .find(|(field, _)| field == id)
            .map(|(_, applies)| *applies)
            .unwrap_or_default()
    }

    /// The group with only the fields that apply to an order with (or
    /// without) a device and a plan; `None` when no field is left.
    pub fn for_order(&self, has_device: bool, has_plan: bool) -> Option<PropertyGroup> {
        let fields: Vec<_> = self
            .group
            .fields
            .iter()
            .filter(|field| match self.field_applies_to(&field.id) {
                AppliesTo::Always => true,
                AppliesTo::DeviceOrders => has_device,
                AppliesTo::PlanOrders => has_plan,
            })
            .cloned()
            .collect();
        (!fields.is_empty()).then(|| PropertyGroup {
            group_id: self.group.group_id.clone(),
            fields,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atlas_takes_three_types_the_others_all_twelve() {
        assert_eq!(
            Platform::Command.transaction_types(),
            TransactionType::KNOWN
        );
        assert_eq!(Platform::Rivermine.transaction_types().len(), 12);
        assert_eq!(
            Platform::Atlas.transaction_types(),
            [
                TransactionType::NewActivation,
                TransactionType::Upgrade,
                TransactionType::OrderAccessories
            ]
        );
        for platform in [Platform::Command, Platform::Rivermine, Platform::Atlas] {
            assert_eq!(
                Backend::from_ping_name(platform.backend_name()),
                Some(platform.backend())
            );
        }
    }
}
