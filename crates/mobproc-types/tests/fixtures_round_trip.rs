//! Every documentation example parses into the shared types, and writing it
//! back loses no field that was present (compared as JSON values).

use mobproc_types::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Where `actual` lacks something of `expected`, or holds another value.
fn missing(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want {
                match have.get(key) {
                    Some(other) => missing(value, other, &format!("{path}.{key}"), problems),
                    None => problems.push(format!("{path}.{key} was dropped")),
                }
            }
        }
        (Value::Array(want), Value::Array(have)) if want.len() == have.len() => {
            for (i, (w, h)) in want.iter().zip(have).enumerate() {
                missing(w, h, &format!("{path}[{i}]"), problems);
            }
        }
        (want, have) if want == have => {}
        (want, have) => problems.push(format!("{path}: {want} became {have}")),
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(name: &str, json: &str) -> T {
    let original: Value = serde_json::from_str(json).expect("fixture is JSON");
    let parsed: T = serde_json::from_value(original.clone())
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    let written = serde_json::to_value(&parsed).unwrap();
    let mut problems = Vec::new();
    missing(&original, &written, "$", &mut problems);
    assert!(problems.is_empty(), "{name} lost data: {problems:#?}");
    parsed
}

macro_rules! fixture {
    ($file:literal) => {
        ($file, include_str!(concat!("fixtures/", $file)))
    };
}

#[test]
fn upgrade_request_round_trips() {
    let (name, json) = fixture!("upgrade.order-request.json");
    let body: OrderRequestBody = round_trip(name, json);
    assert_eq!(
        body.order_request.shopping_cart.optional_feature_ids,
        ["122", "293"]
    );
    assert_eq!(
        body.order_request.ship_to.unwrap().region_id(),
        Some("70144640")
    );
}

#[test]
fn confirmation_round_trips_with_exact_money() {
    let (name, json) = fixture!("upgrade.order-confirmation.json");
    let body: ConfirmationResponse = round_trip(name, json);
    let monthly = &body.order_confirmation.cost_summary[1];
    assert_eq!(monthly.amount, Money::from_cents(55867));
    assert_eq!(monthly.recurrence, Recurrence::Monthly);
}

#[test]
fn submitted_order_round_trips() {
    let (name, json) = fixture!("upgrade.order-submitted.json");
    let body: OrderResponse = round_trip(name, json);
    assert_eq!(
        body.order.order_segments.items[0].status,
        OrderStatus::OrderSubmitted
    );
}

#[test]
fn properties_round_trip() {
    let (name, json) = fixture!("orders-properties.response.json");
    let body: PropertiesResponse = round_trip(name, json);
    let reason = &body.properties.items[0].fields[4];
    assert_eq!(reason.kind, PropertyType::Choice);
    assert_eq!(reason.choices.as_ref().unwrap().len(), 2);
}

#[test]
fn other_choice_fragment_round_trips() {
    let (name, json) = fixture!("orders-properties.other-choice-request-fragment.json");
    let value: Value = serde_json::from_str(json).unwrap();
    let groups = value["orderRequest"]["properties"].to_string();
    let groups: Vec<PropertyGroupValue> = round_trip(name, &groups);
    let carrier = groups[0].fields[1].choice.as_ref().unwrap();
    assert_eq!(carrier.other_text.as_deref(), Some("Allied Cellular"));
}

#[test]
fn ship_to_fragment_accepts_region_object() {
    let (name, json) = fixture!("ship-to.request-fragment.json");
    let value: Value = serde_json::from_str(json).unwrap();
    let ship_to: ShipToRequest = round_trip(name, &value["shipTo"].to_string());
    assert_eq!(ship_to.region_id(), Some("70144640"));
}

#[test]
fn regions_round_trip() {
    let (name, json) = fixture!("region-detail.response.json");
    let us: Region = round_trip(name, json);
    assert_eq!(us.address_format.unwrap().len(), 6);
    let (name, json) = fixture!("regions-states.response.json");
    let states: RegionsPage = round_trip(name, json);
    assert_eq!(states.regions[0].kind, RegionType::StateProvince);
}

#[test]
fn employees_and_paging_round_trip() {
    let (name, json) = fixture!("employees-with-meta.fragment.json");
    let page: EmployeesPage = round_trip(name, json);
    assert_eq!(page.employees.len(), 2);
    let (name, json) = fixture!("pagination-meta.fragment.json");
    let page: EmployeesPage = round_trip(name, json);
    assert_eq!(page.meta.unwrap().total_count, Some(72));
}

#[test]
fn tokens_round_trip() {
    let (name, json) = fixture!("token-password-grant.response.json");
    let _: TokenResponse = round_trip(name, json);
    let (name, json) = fixture!("token-refresh-grant.response.json");
    let _: TokenResponse = round_trip(name, json);
    let (name, json) = fixture!("token-validate.response.json");
    let validation: TokenValidation = round_trip(name, json);
    assert_eq!(validation.access_token.platform, "command");
}

#[test]
fn approval_and_error_round_trip() {
    let (name, json) = fixture!("approval.request.json");
    let _: ApprovalRequest = round_trip(name, json);
    let (name, json) = fixture!("approval.response.json");
    let answer: ApprovalResponse = round_trip(name, json);
    assert_eq!(answer.status, ApprovalStatus::ApprovalQueued);
    let (name, json) = fixture!("error.response.json");
    let error: ErrorBody = round_trip(name, json);
    assert_eq!(error.status, ErrorStatus::Code(400));
}

#[test]
fn unknown_enum_values_are_kept() {
    let status: OrderStatus = serde_json::from_str("\"BACKORDERED\"").unwrap();
    assert_eq!(status, OrderStatus::Unknown("BACKORDERED".into()));
    assert_eq!(serde_json::to_string(&status).unwrap(), "\"BACKORDERED\"");
    let method: AccessMethod = serde_json::from_str("\"NR_5G\"").unwrap();
    assert_eq!(method.as_str(), "NR_5G");
}

#[test]
fn responses_ignore_unknown_fields_but_requests_refuse_them() {
    let device: CatalogDevice =
        serde_json::from_str(r#"{"id":"1","name":"Phone","colourHex":"black"}"#).unwrap();
    assert_eq!(device.name, "Phone");
    let request = r#"{"orderRequest":{"transactionType":"UPGRADE","serviceId":"1","shoppingCart":{"planId":"2"},"shipTo2":{}}}"#;
    let error = serde_json::from_str::<OrderRequestBody>(request).unwrap_err();
    assert!(error.to_string().contains("shipTo2"), "{error}");
}
