use super::*;
use mobproc_types::Feature;

fn json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).unwrap()
}

fn usd(recurrence: &str, amount: f64) -> serde_json::Value {
    serde_json::json!({ "amount": amount, "currencyCode": "USD", "recurrence": recurrence })
}

struct Data {
    lines: Vec<ServiceAsset>,
    catalog: Vec<CatalogDevice>,
    plans: Vec<Plan>,
    vendors: Vec<Vendor>,
    details: Vec<Plan>,
    accessories: Vec<Accessory>,
}

fn data() -> Data {
    let mut detail: Plan = json(serde_json::json!({
        "id": "p1", "name": "Nationwide 450", "price": usd("MONTHLY", 45.0)
    }));
    detail.optional_features = Some(vec![Feature {
        id: Some("f1".into()),
        description: "Voice Mail".into(),
        price: Some(Amount::monthly(500, "USD")),
    }]);
    Data {
        lines: vec![json(serde_json::json!({
            "id": "s1", "serviceNumber": "5125550134", "status": "ACTIVE"
        }))],
        catalog: vec![json(serde_json::json!({
            "id": "d1", "name": "Apple iPhone 5", "price": usd("ONETIME", 199.99)
        }))],
        plans: vec![json(serde_json::json!({
            "id": "p1", "name": "Nationwide 450", "price": usd("MONTHLY", 45.0)
        }))],
        vendors: vec![json(serde_json::json!({ "id": "v1", "name": "Verizon" }))],
        details: vec![detail],
        accessories: vec![json(serde_json::json!({
            "id": "a1", "name": "Case", "price": usd("ONETIME", 20.0)
        }))],
    }
}

fn sources(data: &Data) -> Sources<'_> {
    Sources {
        lines: &data.lines,
        catalog: &data.catalog,
        plans: &data.plans,
        vendors: &data.vendors,
        plan_details: &data.details,
        accessories: &data.accessories,
    }
}

fn upgrade() -> Draft {
    let mut draft = Draft::new("W-1".into());
    draft.service_id = Some("s1".into());
    draft.device_id = Some("d1".into());
    draft.plan_id = Some("p1".into());
    draft.feature_ids = vec!["f1".into()];
    draft.set_accessory_count("a1", 2);
    draft
}

#[test]
fn lists_the_choices_named_and_priced_from_the_loaded_data() {
    let data = data();
    let summary = contents(&upgrade(), sources(&data), None);
    assert_eq!(summary.line.as_deref(), Some("(512) 555-0134"));
    assert_eq!(summary.device.as_ref().unwrap().name, "Apple iPhone 5");
    assert_eq!(summary.plan.as_ref().unwrap().name, "Nationwide 450");
    assert_eq!(summary.features[0].name, "Voice Mail");
    assert_eq!(summary.accessories.len(), 1);
    assert_eq!(summary.accessories[0].quantity, 2);
    assert_eq!(summary.carrier, None);
    assert!(!summary.is_empty());
}

#[test]
fn before_the_review_the_totals_add_up_the_catalog_prices() {
    let data = data();
    let summary = contents(&upgrade(), sources(&data), None);
    assert!(!summary.confirmed);
    // 199.99 + 2 × 20.00 once; 45.00 + 5.00 a month.
    assert_eq!(
        summary.totals,
        vec![Amount::one_time(23999, "USD"), Amount::monthly(5000, "USD")]
    );
}

#[test]
fn the_review_totals_count_only_while_the_draft_is_what_was_confirmed() {
    let data = data();
    let draft = upgrade();
    let confirmed = ConfirmedOrder {
        draft: Draft {
            confirmed_request: Some("key".into()),
            ..draft.clone()
        },
        costs: vec![Amount::one_time(25000, "USD")],
        cart: None,
    };
    let summary = contents(&draft, sources(&data), Some(&confirmed));
    assert!(summary.confirmed);
    assert_eq!(summary.totals, vec![Amount::one_time(25000, "USD")]);

    let mut changed = draft.clone();
    changed.set_accessory_count("a1", 1);
    let summary = contents(&changed, sources(&data), Some(&confirmed));
    assert!(!summary.confirmed);
    assert_eq!(summary.totals[0], Amount::one_time(21999, "USD"));
    assert_eq!(summary.totals[1], Amount::monthly(5000, "USD"));
}

#[test]
fn the_carrier_and_the_ship_to_show_once_chosen() {
    let data = data();
    let mut draft = Draft::new("W-1".into());
    assert!(contents(&draft, sources(&data), None).is_empty());
    assert_eq!(contents(&draft, sources(&data), None).ship_to, None);
    draft.choose_carrier("v1".into());
    draft.ship_to.name = "Peter Edwards".into();
    draft.ship_to.set("CITY", "Orange".into());
    let summary = contents(&draft, sources(&data), None);
    assert_eq!(summary.carrier.as_deref(), Some("Verizon"));
    assert_eq!(summary.ship_to.as_deref(), Some("Peter Edwards, Orange"));
    assert!(summary.totals.is_empty());
}

#[test]
fn what_the_data_does_not_name_is_left_out() {
    let summary = contents(&upgrade(), Sources::default(), None);
    assert_eq!(summary, Contents::default());
}

#[test]
fn the_rows_say_the_choices_then_the_totals() {
    let data = data();
    let t = crate::i18n::Locale::En.texts();
    let money = |a: &Amount| format!("{:.2}", a.amount.as_decimal());
    let rows = rows(contents(&upgrade(), sources(&data), None), t, money);
    let shown: Vec<_> = rows
        .iter()
        .map(|r| (r.id, r.name.as_str(), r.price.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("summary-line", "(512) 555-0134", ""),
            ("summary-device", "Apple iPhone 5", "199.99"),
            ("summary-plan", "Nationwide 450", "45.00/month"),
            ("summary-feature", "Voice Mail", "5.00/month"),
            ("summary-accessory", "2 × Case", "2 × 20.00"),
            ("summary-onetime", "", "239.99"),
            ("summary-monthly", "", "50.00"),
        ]
    );
    assert_eq!(rows[1].label, "New device");
}
