//! The writer: a JSON object, field by field.

/// Writes one JSON object: `JsonWriter::new().string("token", t).finish()`.
#[derive(Debug, Clone)]
pub struct JsonWriter(String);

impl JsonWriter {
    /// An object with no field yet.
    pub fn new() -> JsonWriter {
        JsonWriter(String::from("{"))
    }

    fn name(mut self, name: &str) -> JsonWriter {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        push_string(&mut self.0, name);
        self.0.push(':');
        self
    }

    /// The field `name`, a string.
    pub fn string(self, name: &str, value: &str) -> JsonWriter {
        let mut writer = self.name(name);
        push_string(&mut writer.0, value);
        writer
    }

    /// The field `name`, a string or `null`.
    pub fn optional_string(self, name: &str, value: Option<&str>) -> JsonWriter {
        match value {
            Some(value) => self.string(name, value),
            None => self.raw(name, "null"),
        }
    }

    /// The field `name`, a whole number.
    pub fn number(self, name: &str, value: u64) -> JsonWriter {
        self.raw(name, &value.to_string())
    }

    /// The field `name`, `true` or `false`.
    pub fn bool(self, name: &str, value: bool) -> JsonWriter {
        self.raw(name, if value { "true" } else { "false" })
    }

    fn raw(self, name: &str, json: &str) -> JsonWriter {
        let mut writer = self.name(name);
        writer.0.push_str(json);
        writer
    }

    /// The object's text.
    pub fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

impl Default for JsonWriter {
    fn default() -> JsonWriter {
        JsonWriter::new()
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
