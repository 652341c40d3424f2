//! Content-Security-Policy violation reports, read into a small typed
//! record: the legacy `report-uri` body (`{"csp-report": {...}}`) and the
//! Reporting API's array (`[{"type": "csp-violation", "body": {...}}]`).
//! Every text is capped; anything else a body carries is dropped unread.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::bounded::{capped, Weigh};

/// Longest text kept from a report field, in bytes.
pub const CSP_TEXT_CAP: usize = 512;

/// Most reports read from one body (the Reporting API sends batches).
const REPORTS_PER_BODY: usize = 32;

/// One CSP violation, with the legacy `report-uri` format's field names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct CspReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub violated_directive: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_directive: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_code: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_number: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_number: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub script_sample: Option<String>,
}

impl Weigh for CspReport {
    fn weight(&self) -> usize {
        std::mem::size_of::<Self>()
            + [
                &self.document_uri,
                &self.blocked_uri,
                &self.violated_directive,
                &self.effective_directive,
                &self.original_policy,
                &self.disposition,
                &self.referrer,
                &self.source_file,
                &self.script_sample,
            ]
            .into_iter()
            .map(Weigh::weight)
            .sum::<usize>()
    }
}

impl CspReport {
    /// The reports in a body of either format; none when it is neither.
    pub fn parse(body: &[u8]) -> Vec<CspReport> {
        let first = body.iter().find(|b| !b.is_ascii_whitespace());
        let reports = match first {
            Some(b'{') => serde_json::from_slice::<Legacy>(body).map(|legacy| vec![legacy.report]),
            Some(b'[') => serde_json::from_slice::<Batch>(body).map(|batch| batch.0),
            _ => return Vec::new(),
        };
        let mut reports = reports.unwrap_or_default();
        reports.retain(|report| !report.is_empty());
        reports
    }

    /// Whether the report names anything at all.
    fn is_empty(&self) -> bool {
        *self == CspReport::default()
    }
}

/// `{"csp-report": {...}}`.
#[derive(Deserialize)]
struct Legacy {
    #[serde(rename = "csp-report", deserialize_with = "report_fields")]
    report: CspReport,
}

/// `[{"type": "csp-violation", "body": {...}}, ...]`: the CSP violations
/// among the entries, other entries skipped unread.
struct Batch(Vec<CspReport>);

impl<'de> Deserialize<'de> for Batch {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(BatchVisitor)
    }
}

struct BatchVisitor;

impl<'de> Visitor<'de> for BatchVisitor {
    type Value = Batch;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of reports")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Batch, A::Error> {
        let mut reports = Vec::new();
        while let Some(entry) = seq.next_element::<Entry>()? {
            if let Entry(Some(report)) = entry {
                if reports.len() < REPORTS_PER_BODY {
                    reports.push(report);
                }
            }
        }
        Ok(Batch(reports))
    }
}

/// One Reporting API entry: its report when it is a CSP violation.
struct Entry(Option<CspReport>);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a report entry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let (mut kind, mut body) = (None, None);
        while let Some(key) = map.next_key::<Text>()? {
            match key.0.as_deref() {
                Some("type") => kind = map.next_value::<Text>()?.0,
                Some("body") => body = Some(map.next_value::<Fields>()?.0),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Entry(
            body.filter(|_| kind.as_deref() == Some("csp-violation")),
        ))
    }

    // Anything but an object (numbers, arrays, ...) is skipped unread.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Entry(None))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Entry, E> {
        Ok(Entry(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Entry, E> {
        Ok(Entry(None))
    }
}

/// A report's fields, each read as [`Text`]: capped, other types dropped.
struct Fields(CspReport);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        report_fields(deserializer).map(Fields)
    }
}

fn report_fields<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CspReport, D::Error> {
    deserializer.deserialize_map(FieldsVisitor)
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = CspReport;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a CSP report object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CspReport, A::Error> {
        let mut report = CspReport::default();
        while let Some(key) = map.next_key::<Text>()? {
            let number = |text: Text| text.0.and_then(|t| t.parse::<u64>().ok());
            let slot = match key.0.as_deref().unwrap_or("") {
                "document-uri" | "documentURL" => &mut report.document_uri,
                "blocked-uri" | "blockedURL" => &mut report.blocked_uri,
                "violated-directive" => &mut report.violated_directive,
                "effective-directive" | "effectiveDirective" => &mut report.effective_directive,
                "original-policy" | "originalPolicy" => &mut report.original_policy,
                "disposition" => &mut report.disposition,
                "referrer" => &mut report.referrer,
                "status-code" | "statusCode" => {
                    report.status_code = number(map.next_value()?);
                    continue;
                }
                "source-file" | "sourceFile" => &mut report.source_file,
                "line-number" | "lineNumber" => {
                    report.line_number = number(map.next_value()?);
                    continue;
                }
                "column-number" | "columnNumber" => {
                    report.column_number = number(map.next_value()?);
                    continue;
                }
                "script-sample" | "sample" => &mut report.script_sample,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Text>()?.0;
        }
        Ok(report)
    }
}

/// A string or number, as capped text; any other JSON value reads as
/// nothing, skipped without being kept.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a number")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text(Some(capped(value, CSP_TEXT_CAP))))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
        Ok(Text(Some(value.to_string())))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
        Ok(Text(Some(value.to_string())))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
        Ok(Text(Some(value.to_string())))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
}
