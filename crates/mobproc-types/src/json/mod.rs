//! A small JSON reader and writer: what the widget reads and writes goes
//! through it, not serde, whose parser, serializer and a visitor per type
//! would weigh several times as much in the widget's wasm. The sandbox
//! keeps serde.
//!
//! [`FromJson`] and [`ToJson`] are derived (`#[derive(FromJson, ToJson)]`,
//! from `mobproc-json-derive`) from the same `#[serde(...)]` attributes as
//! the type's serde derives, so both read and write the same JSON: a
//! missing `Option` field is `None`, unknown fields are ignored unless the
//! type refuses them, fields left out when written are the same. Tests
//! check that the two agree on the documentation's examples, byte for byte
//! when written.

mod parse;
mod write;

#[cfg(test)]
mod tests;

pub use mobproc_json_derive::{FromJson, ToJson};
pub use parse::parse;
pub use write::{object_text, ObjectWriter, ToJson};

use std::fmt;

/// A parsed JSON value. Numbers keep their text: the type they are read
/// as decides what is valid.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(String),
    Array(Vec<Json<'a>>),
    /// Fields in the order of the text.
    Object(Vec<(String, Json<'a>)>),
}

/// Why a JSON text could not be read as the type asked for: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(String);

impl JsonError {
    /// An error saying `problem`.
    pub fn new(problem: impl Into<String>) -> JsonError {
        JsonError(problem.into())
    }

    /// This error, found in `place` of the value read: a field's name,
    /// or an item's index as `[3]`. Places join into a path
    /// (`services[3].device.id: expected a string, found a number`).
    fn inside(self, place: &str) -> JsonError {
        let dot = if place.starts_with('[') { "" } else { "." };
        let separator = if self.0.starts_with(['.', '[']) {
            ""
        } else {
            ": "
        };
        JsonError(format!("{dot}{place}{separator}{}", self.0))
    }

    /// The error, inside the array item at `index`.
    fn at_index(self, index: usize) -> JsonError {
        self.inside(&format!("[{index}]"))
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.strip_prefix('.').unwrap_or(&self.0))
    }
}

impl std::error::Error for JsonError {}

/// A type read from a parsed JSON value.
pub trait FromJson: Sized {
    /// Reads `value` as this type.
    fn from_json(value: &Json) -> Result<Self, JsonError>;

    /// What a missing field of this type is, when it may be missing
    /// (`None` for an `Option`).
    fn when_missing() -> Option<Self> {
        None
    }

    /// Parses `text` and reads it as this type.
    fn from_json_text(text: &str) -> Result<Self, JsonError> {
        Self::from_json(&parse(text)?)
    }
}

impl<'a> Json<'a> {
    /// What kind of value this is, for errors.
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn expected(&self, what: &str) -> JsonError {
        JsonError::new(format!("expected {what}, found {}", self.kind()))
    }

    /// This value as an object's fields.
    pub fn object(&self) -> Result<Object<'_, 'a>, JsonError> {
        match self {
            Json::Object(fields) => Ok(Object { fields }),
            other => Err(other.expected("an object")),
        }
    }

    /// This value as a string.
    pub fn string(&self) -> Result<&str, JsonError> {
        match self {
            Json::String(text) => Ok(text),
            other => Err(other.expected("a string")),
        }
    }

    /// This value as a whole number no larger than `max`.
    pub fn whole_number(&self, max: u64) -> Result<u64, JsonError> {
        match self {
            Json::Number(text) => text
                .parse::<u64>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| {
                    JsonError::new(format!("expected a whole number up to {max}, found {text}"))
                }),
            other => Err(other.expected("a whole number")),
        }
    }
}

impl Json<'_> {
    /// This number as a decimal (an amount of money): finite, as serde
    /// reads an `f64`.
    pub fn decimal(&self) -> Result<f64, JsonError> {
        match self {
            Json::Number(text) => text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| JsonError::new(format!("expected a finite number, found {text}"))),
            other => Err(other.expected("a number")),
        }
    }

    /// This number's whole part, for a count of milliseconds that an
    /// earlier version wrote with a fraction (`1733245678901.0`).
    pub fn whole_part(&self) -> Result<u64, JsonError> {
        match self {
            Json::Number(text) => text
                .split_once('.')
                .map_or(*text, |(whole, _)| whole)
                .parse()
                .map_err(|_| JsonError::new(format!("expected a count, found {text}"))),
            other => Err(other.expected("a count")),
        }
    }
}

/// An object's fields, read by name.
#[derive(Debug, Clone, Copy)]
pub struct Object<'v, 'a> {
    fields: &'v [(String, Json<'a>)],
}

impl<'v, 'a> Object<'v, 'a> {
    /// The value of the field `name`, if the object has it.
    pub fn get(&self, name: &str) -> Option<&'v Json<'a>> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The field `name` read as `T`; an error names the field.
    pub fn field<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        match self.get(name) {
            Some(value) => read_field(name, value, T::from_json),
            None => T::when_missing().ok_or_else(|| missing(name)),
        }
    }

    /// The field `name` read as `T`, or `T`'s default when it is missing.
    pub fn field_or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, JsonError> {
        match self.get(name) {
            Some(value) => read_field(name, value, T::from_json),
            None => Ok(T::default()),
        }
    }

    /// The field `name`, which must be there, read by `read` (for a value
    /// read otherwise than its type's [`FromJson`], such as
    /// [`Json::whole_part`]); an error names the field.
    pub fn field_with<T>(
        &self,
        name: &str,
        read: impl FnOnce(&Json<'a>) -> Result<T, JsonError>,
    ) -> Result<T, JsonError> {
        let value = self.get(name).ok_or_else(|| missing(name))?;
        read_field(name, value, read)
    }

    /// An error for the first field whose name is not in `known`.
    pub fn only(&self, known: &[&str]) -> Result<(), JsonError> {
        match self
            .fields
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((name, _)) => Err(JsonError::new(format!("unknown field `{name}`"))),
            None => Ok(()),
        }
    }
}

fn missing(name: &str) -> JsonError {
    JsonError::new(format!("missing field `{name}`"))
}

/// `value`, the field `name`, read by `read`; an error names the field.
fn read_field<'a, T>(
    name: &str,
    value: &Json<'a>,
    read: impl FnOnce(&Json<'a>) -> Result<T, JsonError>,
) -> Result<T, JsonError> {
    read(value).map_err(|e| e.inside(name))
}

impl FromJson for String {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.string().map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Bool(b) => Ok(*b),
            other => Err(other.expected("a boolean")),
        }
    }
}

impl FromJson for u16 {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.whole_number(u16::MAX.into()).map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.whole_number(u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromJson for u64 {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.whole_number(u64::MAX)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    fn when_missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            // A loop, not `collect::<Result<_, _>>()`: that adapter's code,
            // copied for each item type, weighed more than the readers.
            Json::Array(items) => {
                let mut read = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    read.push(T::from_json(item).map_err(|e| e.at_index(i))?);
                }
                Ok(read)
            }
            other => Err(other.expected("an array")),
        }
    }
}

/// A pair, from an array of two (as serde reads a tuple).
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::Array(items) if items.len() == 2 => Ok((
                A::from_json(&items[0]).map_err(|e| e.inside("[0]"))?,
                B::from_json(&items[1]).map_err(|e| e.inside("[1]"))?,
            )),
            other => Err(other.expected("an array of two")),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        T::from_json(value).map(Box::new)
    }
}
