//! Carrier disclosures and consents of the ownership transfers
//! (`GET /acknowledgements`, and the `acknowledgements` of XFER orders).

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

use crate::common::Meta;

open_enum!(
    /// The kind of answer an acknowledgement takes; the API has one.
    AcknowledgementType {
        Boolean = "BOOLEAN",
    }
);

open_enum!(
    /// Whether an acknowledgement must be accepted for the order to go ahead.
    AcknowledgementValidation {
        Required = "REQUIRED",
        Optional = "OPTIONAL",
    }
);

/// `GET /acknowledgements?transactionType=&vendor=`: text to show, then the
/// consents to ask for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcknowledgementsResponse {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default)]
    pub infoblocks: Vec<InfoBlock>,
    #[serde(default)]
    pub acknowledgements: Vec<Acknowledgement>,
}

/// A notice to show, with no input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InfoBlock {
    pub header: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of an [`InfoBlock`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Paragraph {
    pub text: String,
}

/// A consent the user ticks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: AcknowledgementType,
    pub validation: AcknowledgementValidation,
}

/// An acknowledgement's answer, in a request and echoed by confirmations.
/// `type` is optional on input (the documentation sometimes leaves it out)
/// and means `BOOLEAN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcknowledgementValue {
    pub id: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AcknowledgementType>,
    pub boolean: bool,
}

impl AcknowledgementValue {
    /// An accepted acknowledgement, as the widget sends it.
    pub fn accepted(id: impl Into<String>) -> Self {
        AcknowledgementValue {
            id: id.into(),
            kind: Some(AcknowledgementType::Boolean),
            boolean: true,
        }
    }
}
