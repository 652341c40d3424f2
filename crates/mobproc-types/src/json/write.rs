//! The writer: [`ToJson`] for a value (derived from a type's serde
//! attributes, `#[derive(ToJson)]`), [`ObjectWriter`] for an object
//! written field by field.

/// A type written as JSON, as serde's `Serialize` writes it.
pub trait ToJson {
    /// Appends this value's JSON to `out`.
    fn write_json(&self, out: &mut String);

    /// This value's JSON text.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Writes a JSON object onto a text, field by field (what
/// `#[derive(ToJson)]` generates calls).
pub struct ObjectWriter<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> ObjectWriter<'o> {
    /// Opens an object on `out`.
    pub fn new(out: &'o mut String) -> ObjectWriter<'o> {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Writes the field `name` with `value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        push_string(self.out, name);
        self.out.push(':');
        value.write_json(self.out);
    }

    /// Closes the object.
    pub fn finish(self) {
        self.out.push('}');
    }
}

/// The text of one JSON object, whose fields `fields` writes (for a value
/// stored otherwise than its type's fields).
pub fn object_text(fields: impl FnOnce(&mut ObjectWriter)) -> String {
    let mut out = String::new();
    let mut object = ObjectWriter::new(&mut out);
    fields(&mut object);
    object.finish();
    out
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        push_string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        push_string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integers_to_json {
    ($($integer:ty),*) => {$(
        impl ToJson for $integer {
            fn write_json(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}

integers_to_json!(u16, u32, u64, i64);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// A pair is an array of two, as serde writes a tuple.
impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

/// `text` as a JSON string, onto `out`.
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
