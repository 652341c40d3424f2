//! Strategies for header values, callers, query strings and content
//! types.

use proptest::prelude::*;

use crate::common::*;
use crate::harness::{Auth, Bytes};
use crate::values::{text, IDS};

/// Header value bytes that HTTP allows: visible ASCII, spaces, tabs and
/// obs-text (bytes 0x80–0xFF, not UTF-8 as a rule).
fn header_bytes() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        2 => "[ -~]{0,40}".prop_map(String::into_bytes),
        1 => prop::collection::vec(
            prop_oneof![Just(b'\t'), 0x20u8..0x7f, 0x80u8..=0xff],
            0..40
        ),
        1 => ".{0,12}".prop_map(String::into_bytes).prop_filter_map("a header value", |bytes| {
            bytes
                .iter()
                .all(|b| *b == b'\t' || (*b >= 0x20 && *b != 0x7f))
                .then_some(bytes)
        }),
        2 => prop::sample::select(IDS).prop_map(|s| s.as_bytes().to_vec()),
    ]
    .boxed()
}

pub(crate) fn one_of(values: &'static [&'static str]) -> BoxedStrategy<Vec<u8>> {
    prop::sample::select(values)
        .prop_map(|s| s.as_bytes().to_vec())
        .boxed()
}

fn auth() -> BoxedStrategy<Auth> {
    prop_oneof![
        12 => Just(Auth::Peter),
        3 => Just(Auth::Maria),
        1 => Just(Auth::Missing),
        1 => header_bytes().prop_map(|b| Auth::Raw(Bytes(b))),
        1 => prop::sample::select(vec!["bearer ", "BEARER  ", "Bearer\t", "Basic ", "Bearer", " Bearer "])
            .prop_map(Auth::PeterWith),
    ]
    .boxed()
}

/// The tenant, client and context headers: mostly right, sometimes not.
fn headers() -> BoxedStrategy<Vec<(&'static str, Bytes)>> {
    let tenant = prop_oneof![
        12 => Just(Some(b"ACME".to_vec())),
        1 => Just(None),
        2 => one_of(&["acme", " ACME ", "GLOBEX", "INITECH", "HOSTILE", ""]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let client = prop_oneof![
        12 => Just(Some(CLIENT.as_bytes().to_vec())),
        1 => Just(None),
        1 => one_of(&["acme-integration", "MOBPROC-WIDGET", ""]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let context_employee = prop_oneof![
        8 => Just(None),
        2 => one_of(&["28673732", "28673700", "28673801", "28673811", "41600101", "66600001"]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let context_company = prop_oneof![
        8 => Just(None),
        1 => one_of(&["peter.edwards.acme", "maria.lopez.acme", "chloe.tremblay.globex"]).prop_map(Some),
        1 => header_bytes().prop_map(Some),
    ];
    let echoed = prop_oneof![3 => Just(None), 1 => header_bytes().prop_map(Some)];
    (
        tenant,
        client,
        context_employee,
        context_company,
        echoed.clone(),
        echoed,
    )
        .prop_map(
            |(tenant, client, employee, company, correlation, activity)| {
                [
                    ("x-tngo-tenant", tenant),
                    ("client_id", client),
                    ("x-tngo-context-employeeid", employee),
                    ("x-tngo-context-companyemployeeid", company),
                    ("x-tngo-context-correlationid", correlation),
                    ("x-tngo-context-activityid", activity),
                ]
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, Bytes(v))))
                .collect()
            },
        )
        .boxed()
}

/// Who calls, with which headers: mostly a well-formed call by Peter, or
/// by Maria acting for him; sometimes anything.
pub(crate) fn caller() -> BoxedStrategy<(Auth, Vec<(&'static str, Bytes)>)> {
    let echoed = || prop::option::weighted(0.3, header_bytes());
    let proper = |auth: Auth, context: Option<(&'static str, &'static [u8])>| {
        (echoed(), echoed()).prop_map(move |(correlation, activity)| {
            let mut headers = vec![
                ("x-tngo-tenant", Bytes(b"ACME".to_vec())),
                ("client_id", Bytes(CLIENT.as_bytes().to_vec())),
            ];
            if let Some((name, value)) = context {
                headers.push((name, Bytes(value.to_vec())));
            }
            headers.extend(correlation.map(|v| ("x-tngo-context-correlationid", Bytes(v))));
            headers.extend(activity.map(|v| ("x-tngo-context-activityid", Bytes(v))));
            (auth.clone(), headers)
        })
    };
    prop_oneof![
        6 => proper(Auth::Peter, None),
        1 => proper(Auth::Maria, Some(("x-tngo-context-employeeid", b"28673732"))),
        1 => proper(Auth::Maria, Some(("x-tngo-context-companyemployeeid", b"peter.edwards.acme"))),
        3 => (auth(), headers()),
    ]
    .boxed()
}

/// Percent-encodes all but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes the first 600 characters: URIs must stay under 64 KiB.
pub(crate) fn encode_short(text: &str) -> String {
    encode(&text.chars().take(600).collect::<String>())
}

/// A query parameter's value, as it goes on the wire.
fn query_value() -> BoxedStrategy<String> {
    prop_oneof![
        4 => text().prop_map(|t| encode_short(&t)),
        1 => one_of(&["%", "%Z", "%ZZ", "%C3%28", "%E0%A4%A", "%00", "+", "a+b", "%2B", "=", "=="])
            .prop_map(|b| String::from_utf8(b).unwrap()),
        2 => one_of(&[
            "0", "1", "5000", "5001", "-1", "25", "4294967295", "4294967296", "99999999999999999999",
            "1.5", "1e3", "NaN", "inf", "true", "false", "TRUE", "yes",
            "2016-04-28T18:10:27Z", "2016-04-28", "2016-02-30", "0000-01-01", "-0001-01-01T00:00:00Z",
            "2016-04-28T24:00:00Z", "2016-04-28T23:59:60Z", "2016-04-28T1:2Z", "2016-04-28T",
        ])
        .prop_map(|b| String::from_utf8(b).unwrap()),
    ]
    .boxed()
}

/// Query parameter names, known and not.
pub(crate) const QUERY_KEYS: &[&str] = &[
    "confirm",
    "limit",
    "offset",
    "externalOrderNumber",
    "employee",
    "status",
    "dateTimeUpdated",
    "orderSegment",
    "vendor",
    "manufacturer",
    "search",
    "minPrice",
    "maxPrice",
    "sort",
    "transactionType",
    "service",
    "orderExcludesDevice",
    "orderExcludesPlan",
    "companyEmployeeId",
    "serviceNumber",
    "includeServiceDetails",
    "includeUpgradeEligibleDate",
    "compatibleWithDeviceAssetId",
    "echoText",
];

pub(crate) fn query(keys: &'static [&'static str]) -> BoxedStrategy<String> {
    let pair = (
        prop_oneof![
            4 => prop::sample::select(keys).prop_map(str::to_owned),
            1 => text().prop_map(|t| encode_short(&t)),
        ],
        prop::option::weighted(0.9, query_value()),
    )
        .prop_map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k,
        });
    prop::collection::vec(pair, 0..5)
        .prop_map(|pairs| {
            if pairs.is_empty() {
                String::new()
            } else {
                format!("?{}", pairs.join("&"))
            }
        })
        .boxed()
}

/// The `?confirm=...` of `POST /orders`, plain and odd.
pub(crate) fn confirm_query() -> BoxedStrategy<String> {
    prop_oneof![
        4 => Just(String::new()),
        4 => Just("?confirm=true".to_owned()),
        1 => Just("?confirm=false".to_owned()),
        2 => one_of(&[
            "?confirm=TRUE", "?confirm=", "?confirm", "?confirm=1", "?confirm=true&confirm=false",
            "?confirm=true&confirm=true", "?CONFIRM=true", "?confirm=tru%65", "?confirm=%74rue",
            "?confirm=true%00", "?confirm=+true", "?&", "?", "?confirm=true&limit=-1",
        ])
        .prop_map(|b| String::from_utf8(b).unwrap()),
        2 => query_value().prop_map(|v| format!("?confirm={v}")),
        1 => query(QUERY_KEYS),
    ]
    .boxed()
}

pub(crate) fn content_type() -> BoxedStrategy<Option<String>> {
    prop_oneof![
        12 => Just(Some("application/json".to_owned())),
        1 => Just(None),
        1 => prop::sample::select(vec![
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/vnd.api+json",
            "APPLICATION/JSON",
            "application/jsonx",
        ])
        .prop_map(|s| Some(s.to_owned())),
    ]
    .boxed()
}
