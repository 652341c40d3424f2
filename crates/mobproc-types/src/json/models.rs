//! [`FromJson`] and [`ToJson`] for what their derives cannot read: an
//! error's status, a number or a word (serde's `untagged`).

use super::{FromJson, Json, JsonError, ToJson};
use crate::ErrorStatus;

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
