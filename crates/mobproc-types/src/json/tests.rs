use serde::de::DeserializeOwned;

use super::*;
use crate::*;

/// Reads `text` both ways: the reader must agree with serde.
fn agrees<T: FromJson + DeserializeOwned + PartialEq + fmt::Debug>(text: &str) -> T {
    let by_hand = T::from_json_text(text);
    let by_serde = serde_json::from_str::<T>(text);
    match (by_hand, by_serde) {
        (Ok(hand), Ok(serde)) => {
            assert_eq!(hand, serde, "{text}");
            hand
        }
        (hand, serde) => panic!("they disagree on {text}:\nby hand {hand:?}\nserde {serde:?}"),
    }
}

/// Both readers refuse `text`; this one's message.
fn both_refuse<T: FromJson + DeserializeOwned + fmt::Debug>(text: &str) -> String {
    assert!(
        serde_json::from_str::<T>(text).is_err(),
        "serde reads {text}"
    );
    T::from_json_text(text).unwrap_err().to_string()
}

macro_rules! fixture {
    ($file:literal) => {
        include_str!(concat!("../../tests/fixtures/", $file))
    };
}

#[test]
fn the_documentations_answers_read_as_serde_reads_them() {
    let line: ServiceAsset = agrees(fixture!("service-with-order-actions.response.json"));
    assert!(line.device.is_some());
    let page: EmployeesPage = agrees(fixture!("employees-with-meta.fragment.json"));
    assert!(!page.employees.is_empty());
    let error: ErrorBody = agrees(fixture!("error.response.json"));
    assert_eq!(error.status, ErrorStatus::Code(400));
    let token: TokenResponse = agrees(fixture!("token-password-grant.response.json"));
    assert_eq!(token.expires_in, 7199);
    agrees::<TokenResponse>(fixture!("token-refresh-grant.response.json"));
    let paged: EmployeesPage = agrees(fixture!("pagination-meta.fragment.json"));
    assert_eq!(paged.meta.and_then(|m| m.total_count), Some(72));
}

#[test]
fn the_signed_in_user_and_the_lines_read_as_serde_reads_them() {
    let employee = r#"{"id": "7", "firstName": "Peter", "lastName": "Edwards", "status": "ACTIVE",
        "department": {"id": "d1", "name": "Sales"}, "email": null, "extra": [1, {"a": true}]}"#;
    let me: Me = agrees(&format!(
        r#"{{"user": {employee}, "actor": {employee}, "transactionTypes": ["UPGRADE", "SOMETHING_NEW"],
            "isApprover": false, "canMoveService": true, "customAttributes": [{{"name": "n", "value": "v"}}]}}"#
    ));
    assert_eq!(
        me.transaction_types[1],
        TransactionType::Unknown("SOMETHING_NEW".into())
    );
    let page: ServicesPage = agrees(
        r#"{"_meta": {"limit": 100, "offset": 0, "totalCount": 1}, "services": [{"id": "1",
            "serviceNumber": "2035551234", "status": "SUSPENDED", "vendor": {"id": "v", "name": "Verizon"},
            "device": {"id": "d", "serialNumber": {"type": "IMEI", "value": "3"},
            "service": {"id": "1", "serviceNumber": "2035551234", "status": "ACTIVE"}}}]}"#,
    );
    assert_eq!(page.services[0].status, EntityStatus::Suspended);
    agrees::<ServicesPage>(r#"{}"#);
    agrees::<Ping>(r#"{"echoText": null, "backend": "sandbox", "status": "UP"}"#);
    agrees::<ErrorBody>(
        r#"{"status": "ERROR", "id": "x", "errorCode": "c", "message": "m",
            "errors": [{"errorCode": "e", "message": "f", "field": "shipTo"}]}"#,
    );
}

#[test]
fn what_serde_refuses_is_refused_with_where_and_why() {
    assert_eq!(
        both_refuse::<ServicesPage>(r#"{"services": [{"id": "1", "status": "ACTIVE"}]}"#),
        "services[0]: missing field `serviceNumber`"
    );
    assert_eq!(
        both_refuse::<ServicesPage>(
            r#"{"services": [{"id": 1, "serviceNumber": "2", "status": "ACTIVE"}]}"#
        ),
        "services[0].id: expected a string, found a number"
    );
    assert_eq!(
        both_refuse::<SerialNumber>(r#"{"type": "IMEI", "value": "1", "kind": "x"}"#),
        "unknown field `kind`"
    );
    assert_eq!(
        both_refuse::<Meta>(r#"{"limit": -1}"#),
        "limit: expected a whole number up to 4294967295, found -1"
    );
    both_refuse::<Meta>(r#"{"limit": 1.5}"#);
    both_refuse::<Meta>(r#"{"limit": 4294967296}"#);
    both_refuse::<ErrorBody>(r#"{"status": true, "id": "x", "errorCode": "c", "message": "m"}"#);
    both_refuse::<Ping>(r#"[]"#);
}

#[test]
fn the_parser_reads_every_json_form() {
    let value =
        parse(" {\"a\": [1, -2.5e3, 0, true, false, null], \"b\": {}, \"c\": []} ").unwrap();
    let o = value.object().unwrap();
    assert_eq!(
        o.get("a"),
        Some(&Json::Array(vec![
            Json::Number("1"),
            Json::Number("-2.5e3"),
            Json::Number("0"),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null,
        ]))
    );
    assert_eq!(o.get("b"), Some(&Json::Object(Vec::new())));
    assert_eq!(o.get("z"), None);
    let text = r#""tab\t quote\" slash\/ back\\ \u00e9 \ud83d\ude00 é""#;
    assert_eq!(
        String::from_json_text(text).unwrap(),
        "tab\t quote\" slash/ back\\ é 😀 é"
    );
    assert_eq!(
        String::from_json_text(text).unwrap(),
        serde_json::from_str::<String>(text).unwrap()
    );
}

#[test]
fn the_parser_says_where_the_text_is_wrong() {
    let error = |text: &str| parse(text).unwrap_err().to_string();
    assert_eq!(
        error("{\n  \"a\": 1,\n  \"b\" 2\n}"),
        "expected `:` at line 3 column 7"
    );
    assert_eq!(
        error("{\"a\": 1} x"),
        "trailing characters after the JSON value at line 1 column 10"
    );
    assert_eq!(error("[1, 2"), "expected `,` or `]` at line 1 column 6");
    assert_eq!(error("\"abc"), "unterminated string at line 1 column 2");
    assert_eq!(
        error("\"a\nb\""),
        "control character in a string at line 1 column 3"
    );
    assert_eq!(
        error("\"\\ud83d\""),
        "unpaired surrogate in a string at line 1 column 8"
    );
    assert_eq!(
        error("\"\\x\""),
        "invalid escape in a string at line 1 column 4"
    );
    assert_eq!(error("01"), "invalid number at line 1 column 3");
    assert_eq!(error("1."), "invalid number at line 1 column 3");
    assert_eq!(
        error("{'a': 1}"),
        "expected a field name in quotes at line 1 column 2"
    );
    assert_eq!(error("tru"), "expected a value at line 1 column 1");
    assert_eq!(error(""), "unexpected end of the text at line 1 column 1");
    // A hostile nesting is refused, not followed down the stack.
    let deep = "[".repeat(10_000);
    assert!(
        error(&deep).starts_with("nested too deeply"),
        "{}",
        error(&deep)
    );
    for text in [
        "{\"a\": 1,}",
        "[1,]",
        "{\"a\" 1}",
        "nul",
        "-",
        "1e",
        "\"\\u12\"",
    ] {
        assert!(parse(text).is_err(), "{text}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "{text}"
        );
    }
}

#[test]
fn the_writer_writes_what_json_readers_read_back() {
    let text = object_text(|o| {
        o.field("token", "a\"b\\c\n\u{1}é😀");
        o.field("none", &None::<String>);
        o.field("some", &Some("x"));
        o.field("ms", &1_733_245_678_901u64);
        o.field("popup", &true);
        o.field("pair", &("a", vec![-1i64, 2]));
    });
    assert_eq!(
        text,
        r#"{"token":"a\"b\\c\n\u0001é😀","none":null,"some":"x","ms":1733245678901,"popup":true,"pair":["a",[-1,2]]}"#
    );
    let by_serde: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(by_serde["token"], "a\"b\\c\n\u{1}é😀");
    assert_eq!(by_serde["ms"], 1_733_245_678_901u64);
    let by_hand = parse(&text).unwrap();
    assert_eq!(
        by_hand.object().unwrap().field::<String>("token").unwrap(),
        "a\"b\\c\n\u{1}é😀"
    );
    assert_eq!(object_text(|_| {}), "{}");
}
