//! The hostile tenant (`HOSTILE`, user `mallory.hostile`): the API hands
//! its script and markup payloads back verbatim (JSON-escaped, never
//! altered, never HTML-escaped), and a whole UPGRADE order can be
//! confirmed and submitted on it.
//!
//! Here: the payloads themselves, signing in, and people and lines; the
//! catalog and the orders have their own files.

mod catalog;
#[path = "../common/mod.rs"]
mod common;
mod orders;

use axum::body::Body;
use axum::http::Method;
use common::*;
use mobproc_sandbox::seed::hostile::*;

/// The raw answer carries markup as it is: JSON escapes quotes, never
/// angle brackets or ampersands into HTML entities or `\u` escapes.
#[track_caller]
fn assert_not_html_escaped(answer: &Answer) {
    for escaped in [
        "&lt;", "&gt;", "&quot;", "&#", "\\u003c", "\\u003e", "\\u0026",
    ] {
        assert!(
            !answer.text.contains(escaped),
            "the answer holds {escaped}: {}",
            &answer.text[..answer.text.len().min(400)]
        );
    }
}

#[track_caller]
fn ok(answer: Answer) -> Answer {
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_not_html_escaped(&answer);
    answer
}

#[test]
fn the_payloads_are_payloads() {
    // A guard against the seed's texts being "cleaned" at the source.
    assert!(MALLORY_FIRST_NAME.contains(IMG_ONERROR));
    assert!(MALLORY_LAST_NAME.contains(SCRIPT));
    assert!(DEPARTMENT.contains(SVG_ONLOAD) && DEPARTMENT.contains(BROKEN_MARKUP));
    assert!(VENDOR_NAME.contains("<script>"));
    assert!(PLAN_NAME.contains(SCRIPT) && PLAN_NAME.contains(BROKEN_MARKUP));
    assert!(REPORT_FIRST_NAME.starts_with('\u{202E}'));
    assert!(REPORT_LAST_NAME
        .chars()
        .any(|c| ('\u{0300}'..='\u{036F}').contains(&c)));
    assert_eq!(long_text().chars().count(), 2000);
    assert!(long_image_url("1").len() > 4000);
    let images: Vec<_> = CATALOG.iter().map(|d| d.image).collect();
    assert!(images.contains(&CatalogImage::Fixed("javascript:alert(1)")));
    assert!(images.contains(&CatalogImage::Long));
    assert!(images.iter().any(
        |i| matches!(i, CatalogImage::Fixed(url) if url.starts_with("data:text/html,<script>"))
    ));
    for id in [MALLORY_ID, SERVICE_ID, DEVICE_ASSET_ID, PLAN_ID, VENDOR_ID]
        .into_iter()
        .chain(CATALOG.iter().map(|d| d.id))
        .chain(OPTIONAL_FEATURES.iter().map(|f| f.0))
        .chain(MANUFACTURERS.iter().map(|m| m.0))
    {
        assert!(id.chars().all(|c| c.is_ascii_digit()), "{id}");
    }
}

#[tokio::test]
async fn mallory_signs_in_with_the_password_grant() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .send(
            request(Method::POST, "/as/token.oauth2")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "grant_type=password&username={USERNAME}&password=sandbox&scope=MOBPROC\
                     &client_id=acme-integration&client_secret=acme-integration-secret"
                )))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let token = answer.body["access_token"].as_str().unwrap().to_owned();
    let me = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/me")
                .header("authorization", format!("Bearer {token}"))
                .header("x-tngo-tenant", TENANT)
                .header("client_id", "acme-integration")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(me.status, 200, "{}", me.text);
    assert_eq!(me.body["user"]["firstName"], MALLORY_FIRST_NAME);
    let ping = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/ping?echoText=hi")
                .header("x-tngo-tenant", TENANT)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(ping.status, 200, "{}", ping.text);
    assert!(ping.text.contains("Premium Mobile"), "{}", ping.text);
}

#[tokio::test]
async fn people_and_lines_carry_their_payloads_verbatim() {
    let sandbox = Sandbox::new();
    let mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;

    let me = ok(mallory.get("/me").await);
    let user = &me.body["user"];
    assert_eq!(user["id"], MALLORY_ID);
    assert_eq!(user["firstName"], MALLORY_FIRST_NAME);
    assert_eq!(user["lastName"], MALLORY_LAST_NAME);
    assert_eq!(user["department"]["name"], DEPARTMENT);
    // JSON escapes the quote and nothing else.
    assert!(me
        .text
        .contains(r#"Mallory<img src=x onerror=\"window.__pwned=1\">"#));
    assert!(me.text.contains("<script>window.__pwned=1</script>Hostile"));

    let employees = ok(mallory.get("/employees").await);
    let people = employees.body["employees"].as_array().unwrap();
    let eve = people.iter().find(|e| e["id"] == REPORT_ID).unwrap();
    assert_eq!(eve["firstName"], REPORT_FIRST_NAME);
    assert_eq!(eve["lastName"], REPORT_LAST_NAME);
    assert!(
        employees.text.contains('\u{202E}'),
        "the override is sent as is"
    );

    let services = ok(mallory
        .get(&format!("/assets/services?employee={MALLORY_ID}"))
        .await);
    let line = &services.body["services"][0];
    assert_eq!(line["id"], SERVICE_ID);
    assert_eq!(line["vendor"]["name"], VENDOR_NAME);
    assert_eq!(
        line["employee"]["name"],
        format!("{MALLORY_FIRST_NAME} {MALLORY_LAST_NAME}")
    );

    let device = ok(mallory
        .get(&format!("/assets/devices/{DEVICE_ASSET_ID}"))
        .await);
    let device = &device.body;
    assert_eq!(device["model"], DEVICE_MODEL);
    assert_eq!(device["companyAssetId"], DEVICE_COMPANY_ASSET_ID);
    assert_eq!(device["manufacturer"]["name"], MANUFACTURERS[0].1);
    assert_eq!(device["serialNumber"]["value"], DEVICE_SERIAL);
}
