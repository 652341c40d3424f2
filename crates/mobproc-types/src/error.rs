//! The MOBPROC error body.

use crate::json::{FromJson, Json, JsonError, ToJson};
use serde::{Deserialize, Serialize};

/// The `status` of an error body: the HTTP status as a number, or a word
/// such as `"ERROR"` that some backends send for a failed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum ErrorStatus {
    Code(u16),
    Text(String),
}

/// By hand: the derive does not read serde's `untagged`.
impl FromJson for ErrorStatus {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(text) => Ok(ErrorStatus::Text(text.clone())),
            number => u16::from_json(number).map(ErrorStatus::Code),
        }
    }
}

impl ToJson for ErrorStatus {
    fn write_json(&self, out: &mut String) {
        match self {
            ErrorStatus::Code(code) => code.write_json(out),
            ErrorStatus::Text(text) => text.write_json(out),
        }
    }
}

/// An error answer: `{ "status", "id", "errorCode", "message" }`.
///
/// `id` is unique per occurrence (quote it to support). The sandbox adds
/// `errors` when one request has several problems (an order failing
/// validation), each naming the offending field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub status: ErrorStatus,
    pub id: String,
    pub error_code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorDetail>,
}

/// One problem in a request that has several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    pub error_code: String,
    pub message: String,
    /// A JSON-path-like pointer into the request, e.g. `orderRequest.shipTo.address.POSTAL_CODE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}
