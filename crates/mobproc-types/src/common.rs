//! Shapes shared by many resources: `_meta` links and named references.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

/// The `_meta` block: fully qualified links, plus paging figures on
/// collections. Each link is present only where it points somewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_devices: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_services: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_history: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_shipments: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_children: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_previous: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_next: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u32>,
}

impl Meta {
    /// A `_meta` with only `href`.
    pub fn href(href: impl Into<String>) -> Self {
        Meta {
            href: Some(href.into()),
            ..Meta::default()
        }
    }
}

/// A link to another object with its display name (manufacturers, vendors,
/// regions): `{ "_meta": {...}, "id", "name", "logoUrl"? }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NamedRef {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
}

/// An `{ "id": ... }` reference, as requests send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IdRef {
    pub id: String,
}

/// `{ "id", "name" }`, e.g. an employee's department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdName {
    pub id: String,
    pub name: String,
}

/// The answer of `GET /ping`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Ping {
    pub echo_text: Option<String>,
    pub backend: String,
    pub status: String,
}

/// The `{ "items": [...] }` wrapper that some collections use, with its `_meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Items<T> {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub items: Vec<T>,
}
