//! Reading an OpenAPI document as JSON: its operations and references, and
//! whether a JSON value fits one of its schemas.

use serde_json::Value;

/// The methods an operation may be documented under.
const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

/// Every `(method, path)` the document describes.
pub fn operations(document: &Value) -> Vec<(String, String)> {
    let paths = document["paths"]
        .as_object()
        .expect("the document has paths");
    paths
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .iter()
                .filter(|method| item.get(**method).is_some())
                .map(move |method| (method.to_string(), path.clone()))
        })
        .collect()
}

/// Every `$ref` anywhere in `value`.
pub fn refs(value: &Value) -> Vec<String> {
    match value {
        Value::Object(map) => map
            .iter()
            .flat_map(|(key, item)| match (key.as_str(), item) {
                ("$ref", Value::String(target)) => vec![target.clone()],
                _ => refs(item),
            })
            .collect(),
        Value::Array(items) => items.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}

/// `value`, or what its `$ref` points to (followed until it is no reference).
pub fn resolve<'a>(document: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(target) => {
            let pointer = target.strip_prefix('#').unwrap_or(target);
            let found = document
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{target} does not resolve"));
            resolve(document, found)
        }
        None => value,
    }
}

/// The JSON schema of an operation's answer with `status`.
pub fn response_schema(document: &Value, method: &str, path: &str, status: &str) -> Value {
    let answer = &document["paths"][path][method]["responses"][status];
    assert!(answer.is_object(), "{method} {path} documents no {status}");
    resolve(document, answer)["content"]["application/json"]["schema"].clone()
}

/// Panics, saying where, unless `value` fits `schema`.
#[track_caller]
pub fn assert_fits(document: &Value, value: &Value, schema: &Value, context: &str) {
    if let Err(problem) = fits(document, value, schema) {
        panic!("{context}: {problem}\n{value:#}");
    }
}

/// Whether `value` fits `schema`: its JSON type, every key of an object a
/// documented property and every required property there, recursively
/// through references, `oneOf`/`anyOf`/`allOf` and array items.
pub fn fits(document: &Value, value: &Value, schema: &Value) -> Result<(), String> {
    let schema = resolve(document, schema);
    for choice in ["oneOf", "anyOf"] {
        if let Some(options) = schema[choice].as_array() {
            let problems: Vec<String> = options
                .iter()
                .filter_map(|option| fits(document, value, option).err())
                .collect();
            if problems.len() == options.len() {
                return Err(format!("fits none of {choice}: {}", problems.join(" | ")));
            }
            return Ok(());
        }
    }
    for part in schema["allOf"].as_array().into_iter().flatten() {
        fits(document, value, part)?;
    }
    check_type(value, &schema["type"])?;
    match value {
        Value::Object(map) => {
            if let Some(properties) = schema["properties"].as_object() {
                for (key, item) in map {
                    let property = properties
                        .get(key)
                        .ok_or_else(|| format!("'{key}' is not a documented property"))?;
                    fits(document, item, property)
                        .map_err(|problem| format!("{key}: {problem}"))?;
                }
            }
            for required in schema["required"].as_array().into_iter().flatten() {
                let name = required.as_str().unwrap_or_default();
                if !map.contains_key(name) {
                    return Err(format!("the required '{name}' is missing"));
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (index, item) in items.iter().enumerate() {
                    fits(document, item, item_schema)
                        .map_err(|problem| format!("[{index}]: {problem}"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `value` is of the schema's `type` (a name or a list; none: any).
fn check_type(value: &Value, kind: &Value) -> Result<(), String> {
    let allowed: Vec<&str> = match kind {
        Value::String(name) => vec![name.as_str()],
        Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
        _ => return Ok(()),
    };
    let is = |name: &str| match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    };
    if allowed.iter().any(|name| is(name)) {
        Ok(())
    } else {
        Err(format!("{value} is not of type {kind}"))
    }
}
