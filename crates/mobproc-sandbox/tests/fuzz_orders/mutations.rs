//! Mutations of the documentation's seed request, the strategy of the
//! mutated order requests.

use axum::http::Method;
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::common::*;
use crate::harness::{Bytes, Call};
use crate::headers_and_queries::{caller, confirm_query, content_type, one_of};
use crate::values::{json_value, key, number, text, IDS, KEYS};
use crate::FRESH;

/// One change to the seed request, at a JSON pointer.
#[derive(Debug, Clone)]
enum Mutation {
    /// Removes the member or item.
    Drop(String),
    /// Sets (or adds) the member or item.
    Set(String, Value),
    /// Sends the object's first key twice (the second time with this value).
    DuplicateKey(String, Value),
    /// Appends an item to the array.
    Push(String, Value),
}

/// Every pointer in the seed request, objects and arrays included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn seed_pointers() -> Vec<String> {
    let mut out = Vec::new();
    pointers(&seed_request(), String::new(), &mut out);
    out.retain(|p| !p.is_empty());
    out
}

/// The members whose values are ids.
const ID_POINTERS: &[&str] = &[
    "/orderRequest/serviceId",
    "/orderRequest/shoppingCart/deviceId",
    "/orderRequest/shoppingCart/planId",
    "/orderRequest/shoppingCart/optionalFeatureIds/0",
    "/orderRequest/shoppingCart/optionalFeatureIds/1",
    "/orderRequest/shipTo/regionId",
    "/orderRequest/existingDevice/manufacturerId",
    "/orderRequest/existingDevice/modelId",
    "/orderRequest/existingDevice/serialNumber/value",
    "/orderRequest/existingDevice/simId",
    "/orderRequest/properties/0/groupId",
    "/orderRequest/properties/0/fields/2/choice/id",
    "/orderRequest/transactionType",
];

/// A property value as a client might send it, right or wrong.
fn property_value() -> BoxedStrategy<Value> {
    let id = prop_oneof![
        3 => one_of(&[
            "CONTACT_NUMBER", "SERVICE_NUMBER", "CONTACT_NUMBER_EXT", "Reason", "REQUESTED_DATE",
            "ADDITIONAL_INSTRUCTIONS", "DEVICE_PROTECTION", "PORT_BILLING_CYCLE", "COST_CENTER",
        ])
        .prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
        1 => text().prop_map(Value::String),
        1 => json_value(),
    ];
    let kind = prop_oneof![
        3 => one_of(&["TEXT", "DATE", "CHOICE"]).prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
        1 => text().prop_map(Value::String),
        1 => json_value(),
    ];
    let choice = (
        prop_oneof![
            2 => one_of(&["1", "2", "19", "21", "99"]).prop_map(|b| Value::String(String::from_utf8(b).unwrap())),
            1 => text().prop_map(Value::String),
        ],
        prop::option::of(text()),
    )
        .prop_map(|(id, other)| match other {
            Some(other) => json!({"id": id, "otherText": other}),
            None => json!({"id": id}),
        });
    (id, kind, prop::option::of(text()), prop::option::of(choice))
        .prop_map(|(id, kind, text, choice)| {
            let mut field = json!({"id": id, "type": kind});
            if let Some(text) = text {
                field["text"] = Value::String(text);
            }
            if let Some(choice) = choice {
                field["choice"] = choice;
            }
            field
        })
        .boxed()
}

fn address_value() -> BoxedStrategy<Value> {
    (
        prop_oneof![
            3 => one_of(&["LINE_1", "LINE_2", "CITY", "STATE", "POSTAL_CODE", "PROVINCE", "POSTCODE"])
                .prop_map(|b| String::from_utf8(b).unwrap()),
            1 => text(),
        ],
        prop_oneof![
            2 => one_of(&["CT", "ct", "ZZ", "06477", "06477-1234", "0647", "1 Main St", "Orange"])
                .prop_map(|b| String::from_utf8(b).unwrap()),
            2 => text(),
        ],
    )
        .prop_map(|(id, value)| json!({"id": id, "value": value}))
        .boxed()
}

/// A value of a random JSON type.
fn retyped() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
        json_value(),
    ]
    .boxed()
}

fn mutation() -> BoxedStrategy<Mutation> {
    let pointer = prop::sample::select(seed_pointers());
    prop_oneof![
        3 => pointer.clone().prop_map(Mutation::Drop),
        2 => (pointer.clone(), retyped()).prop_map(|(p, v)| Mutation::Set(p, v)),
        3 => (pointer.clone(), text()).prop_map(|(p, t)| Mutation::Set(p, Value::String(t))),
        1 => (pointer.clone(), number()).prop_map(|(p, n)| Mutation::Set(p, n)),
        2 => (pointer.clone(), retyped()).prop_map(|(p, v)| Mutation::DuplicateKey(p, v)),
        3 => (
            prop::sample::select(ID_POINTERS),
            prop_oneof![3 => prop::sample::select(IDS).prop_map(str::to_owned), 1 => text()],
        )
            .prop_map(|(p, id)| Mutation::Set(p.to_owned(), Value::String(id))),
        2 => ((0usize..4), property_value()).prop_map(|(i, v)| {
            Mutation::Set(format!("/orderRequest/properties/0/fields/{i}"), v)
        }),
        1 => property_value().prop_map(|v| Mutation::Push("/orderRequest/properties/0/fields".into(), v)),
        1 => json_value().prop_map(|v| Mutation::Push("/orderRequest/properties".into(), v)),
        2 => ((0usize..5), address_value()).prop_map(|(i, v)| {
            Mutation::Set(format!("/orderRequest/shipTo/address/{i}"), v)
        }),
        1 => address_value().prop_map(|v| Mutation::Push("/orderRequest/shipTo/address".into(), v)),
        1 => (prop::sample::select(KEYS), retyped()).prop_map(|(k, v)| {
            Mutation::Set(format!("/orderRequest/{k}"), v)
        }),
        1 => (key(), retyped()).prop_map(|(k, v)| {
            Mutation::Set(format!("/orderRequest/shoppingCart/{}", k.replace('~', "~0").replace('/', "~1")), v)
        }),
        1 => retyped().prop_map(|v| Mutation::Push("/orderRequest/shoppingCart/optionalFeatureIds".into(), v)),
        1 => text().prop_map(|t| Mutation::Set("/orderRequest/shipTo/name".into(), Value::String(t))),
        1 => any::<bool>().prop_map(|b| Mutation::Set("/orderRequest/shipTo/expedite".into(), Value::Bool(b))),
    ]
    .boxed()
}

/// The parent pointer and last token of a pointer.
fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

/// Applies a mutation to the value; returns the text of a duplicated key
/// to splice in, if any.
fn apply(value: &mut Value, mutation: &Mutation) -> Option<(String, String)> {
    match mutation {
        Mutation::Drop(pointer) => {
            let (parent, last) = split(pointer)?;
            match value.pointer_mut(parent)? {
                Value::Object(map) => {
                    map.remove(&last);
                }
                Value::Array(items) => {
                    if let Ok(i) = last.parse::<usize>() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                }
                _ => {}
            }
            None
        }
        Mutation::Set(pointer, new) => {
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = new.clone();
                return None;
            }
            let (parent, last) = split(pointer)?;
            match value.pointer_mut(parent)? {
                Value::Object(map) => {
                    map.insert(last, new.clone());
                }
                Value::Array(items) => items.push(new.clone()),
                _ => {}
            }
            None
        }
        Mutation::Push(pointer, new) => {
            match value.pointer_mut(pointer) {
                Some(Value::Array(items)) => items.push(new.clone()),
                Some(slot) => *slot = json!([new]),
                None => {}
            }
            None
        }
        Mutation::DuplicateKey(pointer, second) => {
            let Some(Value::Object(map)) = value.pointer(pointer) else {
                return None;
            };
            let (key, _) = map.iter().next()?;
            let object = serde_json::to_string(map).ok()?;
            let duplicated = format!(
                "{{{}:{},{}",
                serde_json::to_string(key).ok()?,
                serde_json::to_string(second).ok()?,
                &object[1..]
            );
            Some((object, duplicated))
        }
    }
}

/// How the mutated request's `externalOrderNumber` is set.
#[derive(Debug, Clone)]
enum External {
    /// A new one for every case: valid mutations make new orders.
    Fresh,
    /// The documentation's (`12345678`): repeats and duplicates.
    Seed,
    /// Left to the mutations.
    AsMutated,
}

pub(crate) fn mutated_request() -> BoxedStrategy<Call> {
    let external = prop_oneof![
        6 => Just(External::Fresh),
        2 => Just(External::Seed),
        2 => Just(External::AsMutated),
    ];
    (
        prop::collection::vec(mutation(), 0..4),
        external,
        confirm_query(),
        caller(),
        content_type(),
    )
        .prop_map(
            |(mutations, external, query, (auth, headers), content_type)| {
                let mut request = seed_request();
                match external {
                    External::Fresh => {
                        request["orderRequest"]["externalOrderNumber"] = json!(FRESH);
                    }
                    External::Seed | External::AsMutated => {}
                }
                let mut splices = Vec::new();
                for mutation in &mutations {
                    splices.extend(apply(&mut request, mutation));
                }
                let mut body = request.to_string();
                for (object, duplicated) in splices {
                    body = body.replacen(&object, &duplicated, 1);
                }
                Call {
                    method: Method::POST,
                    target: format!("/orders{query}"),
                    auth,
                    headers,
                    content_type,
                    body: Bytes(body.into_bytes()),
                }
            },
        )
        .boxed()
}
