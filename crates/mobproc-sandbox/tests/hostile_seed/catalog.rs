//! The hostile tenant's catalog (devices, plans, vendors, manufacturers,
//! accessories) and order properties carry their payloads verbatim.

use mobproc_sandbox::seed::hostile::*;

use crate::common::*;
use crate::ok;

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
