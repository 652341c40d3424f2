//! Every documentation example parses into the shared types, and writing it
//! back loses no field that was present (compared as JSON values). The
//! widget's own reader and writer (`json::FromJson`, `json::ToJson`,
//! derived from the same serde attributes) read and write each exactly as
//! serde does.

use mobproc_types::date;
use mobproc_types::json::{FromJson, ToJson};
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

fn round_trip<T>(name: &str, json: &str) -> T
where
    T: DeserializeOwned + Serialize + FromJson + ToJson + PartialEq + std::fmt::Debug,
{
    let original: Value = serde_json::from_str(json).expect("fixture is JSON");
    let parsed: T = serde_json::from_value(original.clone())
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    let written = serde_json::to_value(&parsed).unwrap();
    let mut problems = Vec::new();
    missing(&original, &written, "$", &mut problems);
    assert!(problems.is_empty(), "{name} lost data: {problems:#?}");
    let read = T::from_json_text(json).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(read, parsed, "{name}: FromJson reads otherwise than serde");
    assert_eq!(
        parsed.to_json(),
        serde_json::to_string(&parsed).unwrap(),
        "{name}: ToJson writes otherwise than serde"
    );
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
        body.order_request.cart().optional_feature_ids,
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
    let monthly = &body.order_confirmation.cost_summary.as_ref().unwrap()[1];
    assert_eq!(monthly.amount, Money::from_cents(55867));
    assert_eq!(monthly.recurrence, Recurrence::Monthly);
}

#[test]
fn submitted_order_round_trips() {
    let (name, json) = fixture!("upgrade.order-submitted.json");
    let body: OrderResponse = round_trip(name, json);
    assert_eq!(body.order.segments()[0].status, OrderStatus::OrderSubmitted);
}

/// Our shape for `includeApprovers=true` (the docs name the fields only):
/// the level as a number, the approver as an employee.
#[test]
fn orders_awaiting_approval_round_trip_with_their_approver() {
    let (name, json) = fixture!("orders-awaiting-approval.response.json");
    let page: OrdersPage = round_trip(name, json);
    let order = &page.orders[0];
    assert_eq!(order.pending_approval_level, Some(1));
    assert_eq!(order.approver.as_ref().unwrap().id, "28673700");
    let (name, json) = fixture!("upgrade.order-submitted.json");
    let plain: OrderResponse = round_trip(name, json);
    assert!(plain.order.approver.is_none() && plain.order.pending_approval_level.is_none());
}

/// Every documented request, one per type, parses, passes its type's field
/// rules and writes back whole.
#[test]
fn every_documented_request_round_trips_and_follows_its_rules() {
    let requests = [
        fixture!("new-activation.order-request.json"),
        fixture!("upgrade.order-request.json"),
        fixture!("port-number.order-request.json"),
        fixture!("order-accessories.order-request.json"),
        fixture!("suspend.order-request.json"),
        fixture!("unsuspend.order-request.json"),
        fixture!("deactivate.order-request.json"),
        fixture!("update-features.order-request.json"),
        fixture!("swap-devices.order-request.json"),
        fixture!("xfer-service-out.order-request.json"),
        fixture!("xfer-service-in.order-request.json"),
        fixture!("xfer-service-in-and-port.order-request.json"),
    ];
    let mut kinds = Vec::new();
    for (name, json) in requests {
        let body: OrderRequestBody = round_trip(name, json);
        let request = body.order_request;
        let rules = rules_of(&request.transaction_type).expect("a known type");
        assert_eq!(rules.field_problems(&request), [], "{name}");
        kinds.push(request.transaction_type);
    }
    assert_eq!(kinds, TransactionType::KNOWN);
}

#[test]
fn request_parts_of_the_new_types_are_modelled() {
    let (name, json) = fixture!("suspend.order-request.json");
    let suspend: OrderRequestBody = round_trip(name, json);
    let date = &suspend.order_request.properties[0].fields[4];
    assert_eq!(date.kind, PropertyType::Date);
    assert_eq!(date.date.as_deref(), Some("2016-12-22T00:00:00+00:00"));

    let (name, json) = fixture!("swap-devices.order-request.json");
    let swap: OrderRequestBody = round_trip(name, json);
    let existing = swap.order_request.existing_device.unwrap();
    assert!(existing.is_other());
    assert_eq!(
        existing.other_make_model_name.as_deref(),
        Some("Acme StarPhone 2000")
    );
    assert!(!swap.order_request.new_device.unwrap().is_other());

    let (name, json) = fixture!("xfer-service-in.order-request.json");
    let xfer: OrderRequestBody = round_trip(name, json);
    let acknowledgements = xfer.order_request.acknowledgements.unwrap();
    assert_eq!(acknowledgements[0].kind, None, "type left out stays out");
    assert!(acknowledgements.iter().all(|a| a.boolean));
    let address = &xfer.order_request.ship_to.unwrap().address[0];
    assert_eq!(address.label.as_deref(), Some("Address Line1"));

    let (name, json) = fixture!("update-features.order-request.json");
    let features: OrderRequestBody = round_trip(name, json);
    let cart = features.order_request.cart();
    assert_eq!(cart.features[0].action, FeatureAction::Add);
    assert_eq!(
        cart.feature_request_comment.as_deref(),
        Some("Please also add Caller ID")
    );
}

#[test]
fn confirmations_of_every_shape_round_trip() {
    for (name, json) in [
        fixture!("suspend.order-confirmation.json"),
        fixture!("deactivate.order-confirmation.json"),
        fixture!("xfer-service-out.order-confirmation.json"),
        fixture!("swap-devices.order-confirmation.json"),
    ] {
        let body: ConfirmationResponse = round_trip(name, json);
        let confirmation = body.order_confirmation;
        assert!(confirmation.cost_summary.is_none(), "{name} has no cost");
        assert!(confirmation.shopping_cart.is_none(), "{name} has no cart");
        assert!(confirmation.service.is_some(), "{name} names its line");
    }
    let (name, json) = fixture!("xfer-service-out.order-confirmation.json");
    let out: ConfirmationResponse = round_trip(name, json);
    assert_eq!(out.order_confirmation.acknowledgements, Some(vec![]));

    let (name, json) = fixture!("swap-devices.order-confirmation.json");
    let swap: ConfirmationResponse = round_trip(name, json);
    let new_device = swap.order_confirmation.new_device.unwrap();
    assert_eq!(new_device.model.id, "iPhone 6 (64GB) - Space Gray");
    assert_eq!(new_device.sim_id, None);

    let (name, json) = fixture!("update-features.order-confirmation.json");
    let features: ConfirmationResponse = round_trip(name, json);
    let cart = features.order_confirmation.shopping_cart.unwrap();
    assert_eq!(cart.features.unwrap()[0].action, Some(FeatureAction::Add));
    assert_eq!(cart.quantity, 0);

    let (name, json) = fixture!("new-activation.order-confirmation.json");
    let activation: ConfirmationResponse = round_trip(name, json);
    let confirmation = activation.order_confirmation;
    assert!(confirmation.service.is_none());
    assert_eq!(confirmation.postal_code.as_deref(), Some("06477"));
    let cart = confirmation.shopping_cart.unwrap();
    assert_eq!(cart.quantity, 1);
    assert_eq!(
        cart.accessories.unwrap()[0].vendor.as_ref().unwrap().id,
        "98"
    );

    let (name, json) = fixture!("xfer-service-in.order-confirmation.json");
    let xfer: ConfirmationResponse = round_trip(name, json);
    assert_eq!(xfer.order_confirmation.current_vendor.unwrap().id, "888");
    assert_eq!(xfer.order_confirmation.acknowledgements.unwrap().len(), 2);
}

#[test]
fn submitted_orders_of_every_shape_round_trip() {
    let (name, json) = fixture!("deactivate.order-submitted.json");
    let deactivate: OrderResponse = round_trip(name, json);
    assert!(deactivate.order.segments().is_empty(), "no orderSegments");
    assert!(deactivate.order.ship_to.is_none());
    assert_eq!(
        deactivate
            .order
            .updated
            .as_deref()
            .and_then(date::parse_timestamp),
        date::parse_timestamp("2016-12-20T15:02:11Z"),
        "+00:00 reads as Z"
    );

    let (name, json) = fixture!("suspend.order-submitted.json");
    let suspend: OrderResponse = round_trip(name, json);
    assert!(suspend.order.ship_to.as_ref().unwrap().is_empty());
    let segment = &suspend.order.segments()[0];
    assert_eq!(segment.plan.as_ref().unwrap().name, None, "nameless plan");
    assert!(segment.device.is_none());

    let (name, json) = fixture!("xfer-service-out.order-submitted.json");
    let out: OrderResponse = round_trip(name, json);
    assert!(out.order.segments()[0].plan.is_none());
    assert!(out.order.updated.is_some());

    let (name, json) = fixture!("update-features.order-submitted.json");
    let features: OrderResponse = round_trip(name, json);
    assert_eq!(
        features.order.segments()[0].features[0].action,
        Some(FeatureAction::Add)
    );

    let (name, json) = fixture!("order-accessories.order-submitted.json");
    let accessories: OrderResponse = round_trip(name, json);
    assert_eq!(
        accessories.order.segments()[0].accessories[0].name,
        "Car Charger"
    );
}

#[test]
fn acknowledgements_features_actions_and_moves_round_trip() {
    let (name, json) = fixture!("acknowledgements.response.json");
    let acks: AcknowledgementsResponse = round_trip(name, json);
    assert_eq!(acks.infoblocks[0].paragraphs.len(), 2);
    assert_eq!(
        acks.acknowledgements[0].validation,
        AcknowledgementValidation::Required
    );

    let (name, json) = fixture!("features.response.json");
    let features: FeaturesPage = round_trip(name, json);
    assert!(!features.features[0].active && features.features[1].active);

    let (name, json) = fixture!("service-with-order-actions.response.json");
    let line: ServiceAsset = round_trip(name, json);
    assert!(
        line.offers(&TransactionType::SwapDevices),
        "the device's actions count"
    );
    assert!(!line.offers(&TransactionType::NewActivation));

    let (name, json) = fixture!("move.request.json");
    let request: MoveServiceRequest = round_trip(name, json);
    assert_eq!(
        request.new_owner(),
        Some(NewOwner::CompanyEmployeeId("maria.lopez.acme"))
    );
    let both = r#"{"newOwnerEmployeeId":"1","newOwnerCompanyEmployeeId":"a","moveCharges":"MOVE_NO_CHARGES"}"#;
    let both: MoveServiceRequest = serde_json::from_str(both).unwrap();
    assert_eq!(both.new_owner(), None, "exactly one owner id");
    let (name, json) = fixture!("move.response.json");
    let moved: MovedService = round_trip(name, json);
    assert_eq!(moved.device.unwrap().model.unwrap().name, "Cookie Plus");
    assert_eq!(moved.vendor.unwrap().billing.unwrap().id, "98");
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
    let in_cart = r#"{"orderRequest":{"transactionType":"UPDATE_FEATURES","serviceId":"1","shoppingCart":{"features":[{"id":"1","action":"ADD","when":"now"}]}}}"#;
    let error = serde_json::from_str::<OrderRequestBody>(in_cart).unwrap_err();
    assert!(error.to_string().contains("when"), "{error}");
    let in_ack = r#"{"orderRequest":{"transactionType":"XFER_SERVICE_OUT","serviceId":"1","acknowledgements":[{"id":"A","boolean":true,"label":"x"}]}}"#;
    let error = serde_json::from_str::<OrderRequestBody>(in_ack).unwrap_err();
    assert!(error.to_string().contains("label"), "{error}");
}
