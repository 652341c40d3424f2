//! Router tests: pictures drawn from what the database names, through the whole app.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use rusqlite::params;
use tempfile::TempDir;
use tower::ServiceExt;

use super::colour::{colour_of, NEUTRAL};
use super::*;
use crate::{app, AppState, Config};

/// The tutorial's device: "Apple iPhone 5 (16GB) - Black".
const TUTORIAL_DEVICE_ID: &str = "9194713904";

struct Sandbox {
    state: AppState,
    _dir: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::for_tests(dir.path().join("sandbox.sqlite3"));
        let state = AppState::open(config).unwrap();
        Sandbox { state, _dir: dir }
    }

    /// GETs a picture: asserts an SVG answer and returns it.
    async fn svg(&self, path: &str) -> String {
        let request = Request::get(format!("/sandbox/images/{path}"))
            .body(Body::empty())
            .unwrap();
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/svg+xml");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let svg = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        svg
    }

    /// The first (id, name) `sql` answers.
    async fn row(&self, sql: &'static str) -> (String, String) {
        self.state
            .db
            .read(move |c| Ok(c.query_row(sql, [], |row| Ok((row.get(0)?, row.get(1)?)))?))
            .await
            .unwrap()
    }

    async fn execute(&self, sql: &'static str, values: [&'static str; 2]) {
        self.state
            .db
            .run(move |c| Ok(c.execute(sql, params![values[0], values[1]])?))
            .await
            .unwrap();
    }
}

/// The visible text of an SVG: what its `<text>` elements hold.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .map(|part| {
            part.split_once('>')
                .unwrap()
                .1
                .split("</text>")
                .next()
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn a_device_is_drawn_in_the_colour_of_its_name_without_its_id() {
    let sandbox = Sandbox::new();
    let svg = sandbox
        .svg(&format!("devices/{TUTORIAL_DEVICE_ID}.svg"))
        .await;
    assert!(
        svg.contains(&format!(r#"fill="{}""#, colour_of("Black"))),
        "{svg}"
    );
    assert!(
        svg.contains("<title>Apple iPhone 5 (16GB) - Black</title>"),
        "{svg}"
    );
    assert!(!svg.contains(TUTORIAL_DEVICE_ID), "{svg}");
    assert!(texts(&svg).is_empty(), "{svg}");

    let (id, name) = sandbox
        .row("SELECT id, name FROM catalog_devices WHERE name LIKE '% - Blue' ORDER BY seq")
        .await;
    let svg = sandbox.svg(&format!("devices/{id}.svg")).await;
    let blue = colour_of("Blue");
    assert_ne!(blue, NEUTRAL);
    assert!(svg.contains(&format!(r#"fill="{blue}""#)), "{name}: {svg}");
    assert!(!svg.contains(&id), "{svg}");
    assert_eq!(svg, picture_svg(&name, device_kind(&name)));
}

#[tokio::test]
async fn a_flip_phone_and_an_accessory_are_drawn_as_what_they_are() {
    let sandbox = Sandbox::new();
    let (id, name) = sandbox
        .row("SELECT id, name FROM catalog_devices WHERE name LIKE '%Z Flip5%' ORDER BY seq")
        .await;
    let svg = sandbox.svg(&format!("devices/{id}.svg")).await;
    assert_eq!(svg, picture_svg(&name, Kind::Flip));
    let (id, name) = sandbox
        .row(
            "SELECT id, json_extract(body, '$.name') FROM accessories
             WHERE json_extract(body, '$.name') LIKE '%Silicone Case - Black' ORDER BY seq",
        )
        .await;
    let svg = sandbox.svg(&format!("devices/{id}.svg")).await;
    assert_eq!(svg, picture_svg(&name, Kind::Case));
    assert!(svg.contains(&format!(r#"fill="{}""#, colour_of("Black"))));
    assert!(!svg.contains(&id));
}

#[tokio::test]
async fn an_unknown_id_gets_a_neutral_picture() {
    let sandbox = Sandbox::new();
    for path in [
        "devices/no-such-device.svg",
        "accessories/%3Cscript%3E.svg",
        "vendors/0.svg",
        "manufacturers/Nobody.svg",
    ] {
        let svg = sandbox.svg(path).await;
        assert!(
            svg.contains(&format!(r#"fill="{NEUTRAL}""#)),
            "{path}: {svg}"
        );
        assert!(
            !svg.contains("<title>") && texts(&svg).is_empty(),
            "{path}: {svg}"
        );
        assert!(
            !svg.contains("script") && !svg.contains("no-such"),
            "{path}: {svg}"
        );
    }
}

#[tokio::test]
async fn carrier_and_maker_logos_show_their_names_not_their_ids() {
    let sandbox = Sandbox::new();
    for (path, label, title) in [
        ("vendors/98.svg", "V", "Verizon Wireless"),
        ("vendors/97.svg", "AT&amp;T", "AT&amp;T Mobility"),
        ("vendors/410000_1000003.svg", "O2", "O2 UK"),
        ("manufacturers/Apple.svg", "Apple", "Apple"),
        ("manufacturers/OnePlus.svg", "OP", "OnePlus"),
    ] {
        let svg = sandbox.svg(path).await;
        assert_eq!(texts(&svg), [label], "{path}: {svg}");
        assert!(
            svg.contains(&format!("<title>{title}</title>")),
            "{path}: {svg}"
        );
    }
}

#[tokio::test]
async fn hostile_names_are_escaped() {
    let sandbox = Sandbox::new();
    sandbox
        .execute(
            "INSERT INTO catalog_devices
             (tenant, id, seq, name, manufacturer_id, vendor_id, price_cents, body)
             VALUES ('ACME', ?1, 999999, ?2, 'Apple', '98', 100, '{}')",
            ["hostile-device", "<script>alert('x')</script> \"&\" Blue"],
        )
        .await;
    let svg = sandbox.svg("devices/hostile-device.svg").await;
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;&amp;&quot; Blue"));
    assert!(svg.contains(&format!(r#"fill="{}""#, colour_of("Blue"))));
    sandbox
        .execute(
            "INSERT INTO vendors (tenant, id, seq, body) VALUES ('ACME', ?1, 999999, ?2)",
            [
                "hostile-vendor",
                r#"{"id":"x","name":"<img src=x onerror=alert(1)>"}"#,
            ],
        )
        .await;
    let svg = sandbox.svg("vendors/hostile-vendor.svg").await;
    assert!(!svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("<title>&lt;img src=x onerror=alert(1)&gt;</title>"),
        "{svg}"
    );
}
