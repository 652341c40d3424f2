//! Strategies for texts, ids, numbers and JSON values that tend to break
//! things.

use proptest::prelude::*;
use serde_json::{json, Value};

/// Texts that tend to break things.
const NASTY: &[&str] = &[
    "",
    " ",
    "\t",
    "0",
    "-1",
    "1e308",
    "4294967296",
    "18446744073709551616",
    "true",
    "null",
    "UPGRADE",
    "NEW",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%%",
    "_",
    "\\",
    "\"",
    "\u{0}",
    "\u{202E}abc",
    "مرحبا",
    "שלום",
    "Z\u{0351}\u{0358}a\u{0310}l\u{0303}g\u{0352}o",
    "😀👨‍👩‍👧",
    "\u{FEFF}",
    "\u{FFFF}",
    "12345678",
    "2016-04-28T18:10:27Z",
    "02/30/2024",
    "12/31/2030",
];

/// Ids of every kind and tenant, to swap in.
pub(crate) const IDS: &[&str] = &[
    "38382349",
    "38382350",
    "38382300",
    "35362368",
    "9194713904",
    "6568886698",
    "6568880001",
    "70144640",
    "70144641",
    "70144642",
    "158385987",
    "98",
    "97",
    "LG",
    "Apple",
    "Cookie Plus",
    "122",
    "293",
    "301",
    "410",
    "28673732",
    "28673700",
    "52000101",
    "100200_3000002",
    "512345_6000001",
    "300100_7778001",
    "66620001",
    "6664000001",
    "8711720",
    "8711721",
    "4289183847832",
    "83924758342478392342",
];

pub(crate) fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => ".{0,24}",
        2 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => prop::sample::select(IDS).prop_map(str::to_owned),
        1 => "[\\x00-\\x1f\\x7f]{1,6}",
        1 => "[0-9]{1,24}",
        1 => "[ -~]{0,40}",
        1 => (prop::sample::select(vec![100usize, 1_000, 5_000, 20_000, 70_000]), ".")
            .prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

pub(crate) fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(38382349)),
    ]
    .boxed()
}

/// Names of the request's fields and others.
pub(crate) const KEYS: &[&str] = &[
    "orderRequest",
    "externalOrderNumber",
    "transactionType",
    "serviceId",
    "existingDevice",
    "manufacturerId",
    "modelId",
    "serialNumber",
    "type",
    "value",
    "simId",
    "shoppingCart",
    "deviceId",
    "planId",
    "optionalFeatureIds",
    "deviceFeatureChoices",
    "featureId",
    "choiceId",
    "properties",
    "groupId",
    "fields",
    "id",
    "text",
    "choice",
    "otherText",
    "shipTo",
    "name",
    "regionId",
    "region",
    "address",
    "expedite",
    "action",
    "reason",
];

pub(crate) fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => text(),
    ]
    .boxed()
}

pub(crate) fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
    .boxed()
}
