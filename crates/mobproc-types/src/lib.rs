//! Models of the Tangoe Mobile Procurement (MOBPROC) v1 REST API.
//!
//! One crate, used by both the widget (compiled to `wasm32-unknown-unknown`)
//! and the sandbox server, so the two sides can never disagree on a shape.
//!
//! Conventions:
//! - Responses ignore fields they don't know; everything the documentation
//!   does not always show is an `Option` and is skipped when absent, so a
//!   parsed example reserializes to the same JSON value.
//! - Request types (`OrderRequest`, `ApprovalRequest`) deny unknown fields:
//!   a misspelled key is an error, not a silently dropped value.
//! - Enums the API may extend keep unknown values (see [`open_enum!`]).
//! - Money is held in integer cents ([`Money`]).
//! - With the `openapi` feature (the sandbox's, never the widget's) every
//!   model also derives `utoipa::ToSchema`, for the sandbox's OpenAPI document.
//! - Every model derives serde's traits (the sandbox's) and
//!   [`json::FromJson`] / [`json::ToJson`] (the widget's: a small reader and
//!   writer, so that the widget's wasm holds no serde), both from the same
//!   `#[serde(...)]` attributes.

// The derives name this crate by its path, inside it too.
extern crate self as mobproc_types;

#[macro_use]
mod open_enum;

pub mod acknowledgements;
pub mod approval;
pub mod assets;
pub mod auth;
pub mod catalog;
pub mod common;
pub mod date;
pub mod employees;
pub mod error;
pub mod expected_format;
pub mod json;
pub mod money;
pub mod moves;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod orders;
pub mod properties;
pub mod regions;
pub mod rules;
pub mod sort;
pub mod validation;

pub use acknowledgements::*;
pub use approval::*;
pub use assets::*;
pub use auth::*;
pub use catalog::*;
pub use common::*;
pub use employees::*;
pub use error::*;
pub use money::*;
pub use moves::*;
pub use orders::*;
pub use properties::*;
pub use regions::*;
pub use rules::*;
