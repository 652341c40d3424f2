//! The hostile tenant (`HOSTILE`, user `mallory.hostile`): the API hands
//! its script and markup payloads back verbatim (JSON-escaped, never
//! altered, never HTML-escaped), and a whole UPGRADE order can be
//! confirmed and submitted on it.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::*;
use mobproc_sandbox::seed::hostile::*;
use serde_json::{json, Value};

const US_ID: &str = "70144640";

/// What an image URL of the seed looks like in an answer: site-relative
/// ones on the sandbox's origin, anything else exactly as seeded.
fn answered_url(seeded: &str) -> String {
    if seeded.starts_with('/') {
        format!("http://{HOST}{seeded}")
    } else {
        seeded.to_owned()
    }
}

fn catalog_name(name: Option<&str>) -> String {
    name.map_or_else(long_text, str::to_owned)
}

fn catalog_image(id: &str, image: CatalogImage) -> String {
    match image {
        CatalogImage::Fixed(url) => answered_url(url),
        CatalogImage::Long => answered_url(&long_image_url(id)),
    }
}

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

/// An UPGRADE order as the widget would place it on Mallory's line, with
/// payloads in what a person types too.
fn mallory_order(external_order_number: &str) -> Value {
    json!({"orderRequest": {
        "externalOrderNumber": external_order_number,
        "transactionType": "UPGRADE",
        "serviceId": SERVICE_ID,
        "existingDevice": {
            "manufacturerId": DEVICE_MANUFACTURER_ID,
            "modelId": DEVICE_MODEL,
            "serialNumber": {"type": "ESN", "value": DEVICE_SERIAL},
            "simId": DEVICE_SIM
        },
        "shoppingCart": {
            "deviceId": CATALOG[0].id,
            "planId": PLAN_ID,
            "optionalFeatureIds": [OPTIONAL_FEATURES[0].0, OPTIONAL_FEATURES[2].0]
        },
        "properties": [{
            "groupId": PROPERTY_GROUP,
            "fields": [
                {"id": NOTE_FIELD, "type": "TEXT", "text": SCRIPT},
                {"id": FLAVOUR_FIELD, "type": "CHOICE",
                 "choice": {"id": FLAVOUR_OTHER.0, "otherText": IMG_ONERROR}},
                {"id": REMARKS_FIELD, "type": "TEXT", "text": BIDI}
            ]
        }],
        "shipTo": {
            "name": "Mallory <b><i>unclosed",
            "regionId": US_ID,
            "address": [
                {"id": "LINE_1", "value": SVG_ONLOAD},
                {"id": "CITY", "value": ZALGO},
                {"id": "STATE", "value": "CA"},
                {"id": "POSTAL_CODE", "value": "90210"}
            ],
            "expedite": false
        }
    }})
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

#[tokio::test]
async fn the_catalog_carries_its_payloads_verbatim() {
    let sandbox = Sandbox::new();
    let mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;

    let listed = ok(mallory
        .get(&format!("/catalog/devices?vendor={VENDOR_ID}&limit=50"))
        .await);
    let devices = listed.body["devices"].as_array().unwrap();
    let on_the_line: Vec<_> = CATALOG
        .iter()
        .filter(|d| d.vendor_id == VENDOR_ID)
        .collect();
    assert_eq!(devices.len(), on_the_line.len(), "{}", listed.text);
    for CatalogSeed {
        id,
        name,
        image,
        manufacturer_id: maker,
        vendor_id: vendor,
        cents,
    } in CATALOG
    {
        let answer = ok(mallory.get(&format!("/catalog/devices/{id}")).await);
        let device = &answer.body;
        assert_eq!(device["name"], catalog_name(name), "{id}");
        assert_eq!(device["imageUrl"], catalog_image(id, image), "{id}");
        assert_eq!(device["manufacturer"]["id"], maker);
        let maker_name = MANUFACTURERS.iter().find(|m| m.0 == maker).unwrap().1;
        assert_eq!(device["manufacturer"]["name"], maker_name);
        assert_eq!(device["vendor"]["id"], vendor);
        let amount = device["price"]["amount"].as_f64().unwrap();
        assert_eq!((amount * 100.0).round() as i64, cents, "{}", answer.text);
        if vendor == VENDOR_ID {
            let in_list = devices.iter().find(|d| d["id"] == id).unwrap();
            assert_eq!(in_list["name"], device["name"]);
            assert_eq!(in_list["imageUrl"], device["imageUrl"]);
        }
    }
    // The search matches payload text as text.
    let found = ok(mallory
        .get("/catalog/devices?search=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E%20Phone")
        .await);
    assert_eq!(
        found.body["devices"][0]["id"], CATALOG[0].id,
        "{}",
        found.text
    );

    let plan = ok(mallory.get(&format!("/catalog/plans/{PLAN_ID}")).await);
    let plan = &plan.body;
    assert_eq!(plan["name"], PLAN_NAME);
    assert_eq!(plan["vendor"]["name"], VENDOR_NAME);
    let included: Vec<_> = plan["includedFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["description"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(included, INCLUDED_FEATURES);
    let optional = plan["optionalFeatures"].as_array().unwrap();
    assert_eq!(optional.len(), OPTIONAL_FEATURES.len());
    for (feature, (id, description, _)) in optional.iter().zip(OPTIONAL_FEATURES) {
        assert_eq!(feature["id"], id);
        assert_eq!(feature["description"], catalog_name(description));
    }

    let vendors = ok(mallory.get("/vendors").await);
    let names: Vec<_> = vendors.body["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, [VENDOR_NAME, OTHER_VENDOR_NAME], "{}", vendors.text);
    for (id, name) in MANUFACTURERS {
        let maker = ok(mallory.get(&format!("/manufacturers/{id}")).await);
        assert_eq!(maker.body["name"], name);
    }

    let accessories = ok(mallory
        .get(&format!(
            "/catalog/accessories?compatibleWithDeviceAssetId={DEVICE_ASSET_ID}"
        ))
        .await);
    let listed = accessories.body["accessories"].as_array().unwrap();
    assert_eq!(listed.len(), ACCESSORIES.len(), "{}", accessories.text);
    for (id, name, image, _) in ACCESSORIES {
        let accessory = listed.iter().find(|a| a["id"] == id).unwrap();
        assert_eq!(accessory["name"], name);
        assert_eq!(accessory["imageUrl"], answered_url(image));
    }
}

#[tokio::test]
async fn order_properties_carry_payload_labels_choices_and_hints() {
    let sandbox = Sandbox::new();
    let mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;
    let answer = ok(mallory
        .get(&format!(
            "/orders/properties?transactionType=UPGRADE&service={SERVICE_ID}"
        ))
        .await);
    let text = answer.text.clone();
    let groups = answer.body["properties"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no property groups in {text}"));
    assert_eq!(groups.len(), 1, "{text}");
    assert_eq!(groups[0]["groupId"], PROPERTY_GROUP);
    let fields = groups[0]["fields"].as_array().unwrap();
    let field = |id: &str| fields.iter().find(|f| f["id"] == id).unwrap().clone();

    let note = field(NOTE_FIELD);
    assert_eq!(note["label"], NOTE_LABEL);
    assert_eq!(note["pattern"], NOTE_PATTERN);
    assert_eq!(note["validation"], "REQUIRED");
    assert_eq!(note["type"], "TEXT");
    assert!(note.get("regEx").is_none(), "{note}");

    let flavour = field(FLAVOUR_FIELD);
    assert_eq!(flavour["label"], FLAVOUR_LABEL);
    assert_eq!(flavour["validation"], "REQUIRED");
    let choices: Vec<(String, String)> = flavour["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_owned(),
                c["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String)> = FLAVOUR_CHOICES
        .iter()
        .map(|(id, label)| (id.to_string(), label.to_string()))
        .collect();
    expected.push((FLAVOUR_OTHER.0.into(), FLAVOUR_OTHER.1.into()));
    assert_eq!(choices, expected);

    let remarks = field(REMARKS_FIELD);
    assert_eq!(remarks["label"], long_text());
    assert_eq!(remarks["pattern"], REMARKS_PATTERN);
    assert_eq!(remarks["text"], IMG_ONERROR);
}

#[tokio::test]
async fn a_whole_order_confirms_and_submits_with_its_payloads_echoed() {
    let sandbox = Sandbox::new();
    let mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;
    let order = mallory_order("hostile-1");

    let confirmed = ok(mallory.post("/orders?confirm=true", &order).await);
    let confirmation = &confirmed.body["orderConfirmation"];
    assert_eq!(confirmed.body["status"], "SUCCESS");
    let text = confirmed.text.clone();
    for payload in [
        CATALOG[0].name.unwrap(),
        PLAN_NAME,
        VENDOR_NAME,
        NOTE_LABEL,
        SCRIPT,
        IMG_ONERROR,
        BIDI,
        SVG_ONLOAD,
        ZALGO,
        MALLORY_FIRST_NAME,
    ] {
        let encoded = serde_json::to_string(payload).unwrap();
        assert!(
            text.contains(&encoded[1..encoded.len() - 1]),
            "the confirmation lacks {payload}: {text}"
        );
    }
    assert!(text.contains(&long_text().replace('"', "\\\"")));
    // Echoed values come back exactly.
    let echoed = confirmation.to_string();
    assert!(echoed.contains("Mallory <b><i>unclosed"), "{echoed}");

    let submitted = ok(mallory.post("/orders", &order).await);
    let stored = &submitted.body["order"];
    let order_id = stored["orderId"].as_str().unwrap().to_owned();
    assert_eq!(stored["externalOrderNumber"], "hostile-1");
    assert_eq!(stored["accountHolder"]["firstName"], MALLORY_FIRST_NAME);
    let segment = &stored["orderSegments"]["items"][0];
    assert_eq!(segment["device"]["name"], CATALOG[0].name.unwrap());
    assert_eq!(segment["plan"]["name"], PLAN_NAME);
    assert_eq!(segment["vendor"]["name"], VENDOR_NAME);

    let read = ok(mallory.get(&format!("/orders/{order_id}")).await);
    let mut read_back = read.body["order"].clone();
    // `updated` moves with the status; the rest is as submitted.
    read_back.as_object_mut().unwrap().remove("updated");
    let mut as_submitted = stored.clone();
    as_submitted.as_object_mut().unwrap().remove("updated");
    assert_eq!(read_back, as_submitted, "read back as submitted");
    let listed = ok(mallory.get("/orders?externalOrderNumber=hostile-1").await);
    assert_eq!(listed.body["orders"][0]["orderId"], order_id.as_str());
    ok(mallory.get(&format!("/orders/{order_id}/history")).await);

    // The same request again is the same order; nothing leaks to ACME.
    let again = ok(mallory.post("/orders", &order).await);
    assert_eq!(again.body["order"]["orderId"], order_id.as_str());
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_eq!(peter.get(&format!("/orders/{order_id}")).await.status, 404);
    assert_eq!(
        peter
            .get(&format!("/catalog/devices/{}", CATALOG[0].id))
            .await
            .status,
        404
    );
    let wrong_tenant = User {
        sandbox: &sandbox,
        token: mallory.token.clone(),
        tenant: "ACME",
        acting_for: None,
    };
    assert_error(
        &wrong_tenant.get("/me").await,
        403,
        "403-tenant-not-allowed",
    );
}

#[tokio::test]
async fn mallory_may_order_for_her_report_but_her_report_has_no_line() {
    let sandbox = Sandbox::new();
    let mut mallory = User::sign_in(&sandbox, USERNAME, "HOSTILE").await;
    mallory.acting_for = Some(REPORT_ID.into());
    let me = ok(mallory.get("/me").await);
    assert_eq!(me.body["actor"]["firstName"], REPORT_FIRST_NAME);
    let services = ok(mallory
        .get(&format!("/assets/services?employee={REPORT_ID}"))
        .await);
    assert_eq!(services.body["services"].as_array().unwrap().len(), 0);
}
