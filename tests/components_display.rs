//! Component tests of what the widget shows people, in a real headless
//! Chromium (wasm-bindgen-test): dates and money for the browser's region
//! through `Intl`, and the catalog's search, carrier filter and network
//! names as rendered.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

use mobproc_types::{AccessMethod, Amount, CatalogDevice, ErrorBody, ErrorStatus, NamedRef};
use mobproc_widget::api::ApiError;
use mobproc_widget::app::context::Ctx;
use mobproc_widget::components::ErrorPanel;
use mobproc_widget::config::{Config, RawConfig};
use mobproc_widget::i18n::Locale;
use mobproc_widget::steps::device::catalog::Catalog;
use mobproc_widget::{browser, format};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Settings with the `locale` a host page configured.
fn config(locale: &str) -> Arc<Config> {
    let raw = RawConfig::from_json(&format!(
        r#"{{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2", "clientId": "mobproc-widget", "tenant": "ACME", "locale": "{locale}"}}"#
    ))
    .unwrap();
    Arc::new(raw.check().unwrap())
}

fn host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// Mounts `view` in a fresh element with the widget's context; returns the element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    mount_in(host(), view)
}

/// Mounts `view` in `host` with the widget's context; returns `host`.
fn mount_in<V: IntoView + 'static>(
    host: web_sys::HtmlElement,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let events: web_sys::EventTarget = host.clone().into();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Ctx::new(config("en"), Locale::En, events));
        view()
    });
    handle.forget();
    host
}

async fn settle() {
    browser::sleep(20).await;
}

#[wasm_bindgen_test]
fn dates_and_money_follow_the_region_texts_the_language() {
    let ctx = |locale: &str| Ctx::new(config(locale), Locale::from_tag(locale), host().into());

    let british = ctx("en-GB");
    assert_eq!(british.locale, Locale::En, "English texts");
    assert_eq!(british.format_locale, "en-GB");
    assert_eq!(
        format::date("2023-02-14", british.format_locale),
        "14 Feb 2023"
    );

    let canadian = ctx("en-CA");
    assert_eq!(
        format::money(&Amount::one_time(106599, "CAD"), canadian.format_locale),
        "$1,065.99",
        "Canadian dollars without CA$ in Canada"
    );

    let french = ctx("fr-CA");
    assert_eq!(french.format_locale, "fr-CA");
    assert_eq!(
        format::date("2023-02-14", french.format_locale),
        "14 févr. 2023"
    );
    let dollars = format::money(&Amount::one_time(106599, "CAD"), french.format_locale);
    assert!(
        dollars.starts_with("1") && dollars.contains("065,99") && dollars.ends_with('$'),
        "{dollars}"
    );
}

fn device(id: &str, name: &str, carrier: &str, network: AccessMethod) -> CatalogDevice {
    let named = |id: &str, name: &str| NamedRef {
        meta: None,
        id: id.into(),
        name: Some(name.into()),
        logo_url: None,
    };
    CatalogDevice {
        meta: None,
        id: id.into(),
        name: name.into(),
        image_url: None,
        manufacturer: Some(named("apple", "Apple")),
        vendor: Some(named(&carrier.to_lowercase(), carrier)),
        price: Some(Amount::one_time(99900, "USD")),
        access_method: Some(network),
        device_features: None,
    }
}

fn catalog() -> Arc<Vec<CatalogDevice>> {
    Arc::new(vec![
        device(
            "red",
            "iPhone 15 (PRODUCT)RED",
            "Sprint",
            AccessMethod::CdmaPcs,
        ),
        device("max", "iPhone 15 Pro Max", "Verizon", AccessMethod::Cdma),
        device("pro", "iPhone 15 Pro", "Verizon", AccessMethod::Cdma),
        device("11", "iPhone 11", "AT&T Mobility", AccessMethod::Gsm),
        device("5", "iPhone 5", "AT&T Mobility", AccessMethod::Gsm),
    ])
}

/// The pixels from the list's top a row is drawn at (its inline `top`:
/// the widget's stylesheet, which positions rows by it, is not mounted here).
fn drawn_at(row: &web_sys::Element) -> f64 {
    let style = row.get_attribute("style").unwrap_or_default();
    let top = style
        .split(';')
        .find_map(|rule| rule.trim().strip_prefix("top:"))
        .unwrap_or_else(|| panic!("a row has its top: {style}"));
    top.trim().trim_end_matches("px").parse().unwrap()
}

/// The rows' texts, top to bottom as drawn; each row one row height below
/// the one before.
fn rows(root: &web_sys::HtmlElement) -> Vec<String> {
    let found = root
        .query_selector_all("[data-testid=\"device-row\"]")
        .unwrap();
    let mut rows: Vec<(f64, String)> = (0..found.length())
        .map(|i| {
            let row: web_sys::Element = found.item(i).unwrap().unchecked_into();
            (drawn_at(&row), row.text_content().unwrap_or_default())
        })
        .collect();
    let tops: Vec<f64> = rows.iter().map(|(top, _)| *top).collect();
    let mut sorted = tops.clone();
    sorted.sort_by(f64::total_cmp);
    let expected: Vec<f64> = (0..tops.len()).map(|i| i as f64 * 88.0).collect();
    assert_eq!(
        sorted, expected,
        "rows drawn one under the other from the top"
    );
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, text)| text).collect()
}

fn names(root: &web_sys::HtmlElement) -> Vec<String> {
    rows(root)
        .iter()
        .map(|row| row.split(" · ").next().unwrap_or("").replace("Apple", ""))
        .collect()
}

#[wasm_bindgen_test]
async fn the_catalog_ranks_searches_filters_carriers_and_names_networks() {
    let root = mount(|| view! { <Catalog devices=catalog()/> });
    settle().await;
    assert_eq!(
        names(&root),
        [
            "iPhone 5",
            "iPhone 11",
            "iPhone 15 (PRODUCT)RED",
            "iPhone 15 Pro",
            "iPhone 15 Pro Max"
        ],
        "natural name order"
    );
    let all = rows(&root);
    assert!(
        all.iter().any(|row| row.contains("Sprint · CDMA (PCS)")),
        "networks in words: {all:?}"
    );
    assert!(!all.iter().any(|row| row.contains("CDMA_PCS")), "{all:?}");

    let search: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=\"device-search\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    search.set_value("iPhone 15 Pro");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        names(&root),
        [
            "iPhone 15 Pro",
            "iPhone 15 Pro Max",
            "iPhone 15 (PRODUCT)RED"
        ],
        "what was asked first"
    );

    search.set_value("verizon");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        names(&root),
        ["iPhone 15 Pro", "iPhone 15 Pro Max"],
        "carriers are searched"
    );

    search.set_value("");
    search
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let carrier: web_sys::HtmlSelectElement = root
        .query_selector("[data-testid=\"device-carrier\"]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let label = root
        .query_selector("label[for=\"mobproc-device-carrier\"]")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().as_deref(), Some("Carrier"));
    carrier.set_value("at&t mobility");
    carrier
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        names(&root),
        ["iPhone 5", "iPhone 11"],
        "one carrier's devices"
    );
}

/// Mounts an error panel for `error`; returns the `mobproc:error` events'
/// details it sent to the host page, as JSON.
async fn error_events(error: ApiError) -> Vec<String> {
    let host = host();
    let heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&event.detail()).unwrap();
            heard.borrow_mut().push(String::from(detail));
        })
    };
    host.add_event_listener_with_callback("mobproc:error", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    mount_in(host, move || view! { <ErrorPanel error=error/> });
    settle().await;
    heard.take()
}

#[wasm_bindgen_test]
async fn an_error_panel_tells_the_host_page_what_went_wrong() {
    let from_the_api = ApiError::Api {
        status: 409,
        body: ErrorBody {
            status: ErrorStatus::Code(409),
            id: "tghwn".into(),
            error_code: "409-conflict".into(),
            message: "The line has an order in progress.".into(),
            errors: Vec::new(),
        },
    };
    assert_eq!(
        error_events(from_the_api).await,
        [
            r#"{"message":"The line has an order in progress.","errorCode":"409-conflict","id":"tghwn"}"#
        ]
    );
    // Without an error body, its code and id are null, not missing.
    let offline = error_events(ApiError::Network).await;
    assert_eq!(offline.len(), 1, "{offline:?}");
    assert!(
        offline[0].ends_with(r#"","errorCode":null,"id":null}"#),
        "{offline:?}"
    );
    assert!(
        offline[0].starts_with(r#"{"message":"The ordering service could not be reached."#),
        "{offline:?}"
    );
}
