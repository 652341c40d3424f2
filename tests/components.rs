//! Component tests: the widget's parts mounted in a real headless Chromium
//! (wasm-bindgen-test), checked through the DOM and the browser's own APIs
//! (Intl, RegExp, sessionStorage, history).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_types::validation::PatternMatcher;
use mobproc_types::{Amount, CatalogDevice, ErrorBody, ErrorStatus, NamedRef};
use mobproc_widget::api::ApiError;
use mobproc_widget::app::context::Ctx;
use mobproc_widget::components::{ErrorPanel, StepNav, TextField};
use mobproc_widget::config::RawConfig;
use mobproc_widget::i18n::Locale;
use mobproc_widget::steps::details::BrowserRegex;
use mobproc_widget::steps::device::filter::{Filter, Index};
use mobproc_widget::{auth, browser, format};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn config() -> Arc<mobproc_widget::config::Config> {
    let raw = RawConfig::from_json(
        r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2", "clientId": "mobproc-widget", "tenant": "ACME"}"#,
    )
    .unwrap();
    Arc::new(raw.check().unwrap())
}

/// Mounts `view` in a fresh element with the widget's context; returns the element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let events: web_sys::EventTarget = host.clone().into();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Ctx::new(config(), Locale::En, events));
        view()
    });
    handle.forget();
    host
}

async fn settle() {
    browser::sleep(20).await;
}

fn query(root: &web_sys::HtmlElement, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
}

#[wasm_bindgen_test]
async fn a_text_field_labels_its_input_and_announces_its_error() {
    let error = RwSignal::new(None::<String>);
    let value = RwSignal::new("20355".to_owned());
    let root = mount(move || {
        view! {
            <TextField
                id="contact"
                label="Contact Phone Number"
                value=Signal::derive(move || value.get())
                on_input=Callback::new(move |v| value.set(v))
                error=error
                required=true
                hint="10 digits"
            />
        }
    });
    settle().await;
    let input: web_sys::HtmlInputElement = query(&root, "input").unchecked_into();
    let label = query(&root, "label");
    assert_eq!(label.get_attribute("for").as_deref(), Some("contact"));
    assert!(label
        .text_content()
        .unwrap()
        .contains("Contact Phone Number"));
    assert!(
        label.text_content().unwrap().contains("required"),
        "the required mark is spoken"
    );
    assert_eq!(input.value(), "20355");
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("contact-hint")
    );

    error.set(Some("Enter at least 10 characters.".into()));
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("contact-hint contact-error")
    );
    let message = query(&root, "#contact-error");
    assert_eq!(
        message.text_content().unwrap(),
        "Enter at least 10 characters."
    );
    assert!(!message.has_attribute("hidden"));

    input.set_value("2035559999");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        value.get_untracked(),
        "2035559999",
        "typing reaches the draft"
    );
}

#[wasm_bindgen_test]
async fn an_error_panel_shows_the_message_code_and_support_id_with_a_retry() {
    let retried = RwSignal::new(0);
    let error = ApiError::Api {
        status: 500,
        body: ErrorBody {
            status: ErrorStatus::Code(500),
            id: "tghwn".into(),
            error_code: "500-internal-error".into(),
            message: "Something broke.".into(),
            errors: Vec::new(),
        },
    };
    let root = mount(
        move || view! { <ErrorPanel error=error retry=Callback::new(move |_| retried.update(|n| *n += 1))/> },
    );
    settle().await;
    assert_eq!(
        query(&root, "[role=alert]")
            .get_attribute("data-testid")
            .as_deref(),
        Some("error")
    );
    assert_eq!(
        query(&root, "[data-testid=error-message]")
            .text_content()
            .unwrap(),
        "Something broke."
    );
    assert_eq!(
        query(&root, "[data-testid=error-code]")
            .text_content()
            .unwrap(),
        "500-internal-error"
    );
    assert_eq!(
        query(&root, "[data-testid=error-id]")
            .text_content()
            .unwrap(),
        "tghwn"
    );
    query(&root, "button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn a_network_error_says_nothing_is_lost_and_has_no_ids() {
    let root = mount(|| view! { <ErrorPanel error=ApiError::Network/> });
    settle().await;
    let text = query(&root, "[role=alert]").text_content().unwrap();
    assert!(text.contains("could not be reached"), "{text}");
    assert!(root
        .query_selector("[data-testid=error-code]")
        .unwrap()
        .is_none());
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "no retry without a safe one"
    );
}

#[wasm_bindgen_test]
async fn continue_follows_its_condition() {
    let ready = RwSignal::new(false);
    let pressed = RwSignal::new(0);
    let root = mount(move || {
        view! { <StepNav on_next=Callback::new(move |_| pressed.update(|n| *n += 1)) next_enabled=Signal::derive(move || ready.get())/> }
    });
    settle().await;
    let next: web_sys::HtmlButtonElement = query(&root, "[data-testid=next]").unchecked_into();
    assert!(next.disabled());
    ready.set(true);
    settle().await;
    assert!(!next.disabled());
    next.click();
    assert_eq!(pressed.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn the_browsers_regexp_matches_whole_values() {
    assert_eq!(
        BrowserRegex.full_match("[0-9]{5}(-[0-9]{4})?", "06477"),
        Some(true)
    );
    assert_eq!(
        BrowserRegex.full_match("[0-9]{5}(-[0-9]{4})?", "06477-1234"),
        Some(true)
    );
    assert_eq!(
        BrowserRegex.full_match("[0-9]{5}", "064770"),
        Some(false),
        "anchored at both ends"
    );
    assert_eq!(
        BrowserRegex.full_match("[A-Za-z][A-Za-z]", "CT"),
        Some(true)
    );
    assert_eq!(
        BrowserRegex.full_match("(unclosed", "x"),
        None,
        "a broken pattern constrains nothing"
    );
}

#[wasm_bindgen_test]
fn money_and_dates_go_through_intl() {
    assert_eq!(
        format::money(&Amount::one_time(19999, "USD"), "en-US"),
        "$199.99"
    );
    let french = format::money(&Amount::monthly(55867, "CAD"), "fr-CA");
    assert!(
        french.starts_with("558,67") && french.ends_with('$'),
        "{french}"
    );
    assert_eq!(
        format::money(&Amount::one_time(69900, "GBP"), "en-US"),
        "£699.00"
    );
    assert_eq!(
        format::date("2016-01-21T06:00:00Z", "en-US"),
        "Jan 21, 2016"
    );
    assert_eq!(
        format::date("2016-01-21T06:00:00Z", "fr-CA"),
        "21 janv. 2016"
    );
    // Formatters are made once per locale and currency, then reused: the
    // ones made above must not answer for another locale or currency.
    assert_eq!(
        format::money(&Amount::one_time(500, "USD"), "en-US"),
        "$5.00"
    );
    let french_dollars = format::money(&Amount::one_time(500, "USD"), "fr-CA");
    assert!(
        french_dollars.starts_with("5,00") && french_dollars.contains("US"),
        "{french_dollars}"
    );
    assert_eq!(format::date("2016-01-21", "en-US"), "Jan 21, 2016");
}

#[wasm_bindgen_test]
fn the_oauth_answer_leaves_the_address_bar_at_once() {
    let page = browser::location_href();
    let clean = page.split('#').next().unwrap().to_owned();
    browser::replace_url(&format!(
        "{clean}#access_token=secret-token&token_type=Bearer&expires_in=60&state=abc"
    ));
    auth::capture_answer_from_address_bar();
    assert_eq!(
        browser::location_href(),
        clean,
        "the token is gone from the URL"
    );
    assert!(matches!(
        auth::take_arrived(),
        Some(auth::oauth::Callback::Token { .. })
    ));
    assert!(auth::take_arrived().is_none(), "taken once");
}

#[wasm_bindgen_test]
async fn a_state_is_honoured_once_and_a_foreign_one_never() {
    let config = config();
    let url = auth::begin(&config, false, None).await.unwrap();
    let state = url
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let answer = format!("#access_token=t0k&token_type=Bearer&expires_in=120&state={state}");
    let session = auth::complete(&config, auth::oauth::parse_callback(&answer).unwrap())
        .await
        .unwrap();
    assert_eq!(session.token, "t0k");
    assert!(session.seconds_left(browser::now_ms()) > 100);
    let again = auth::complete(&config, auth::oauth::parse_callback(&answer).unwrap()).await;
    assert!(
        matches!(
            again,
            Err(auth::SignInError::Refused(
                auth::oauth::StateProblem::Unknown
            ))
        ),
        "reused"
    );
    let forged = auth::oauth::parse_callback("#access_token=x&state=made-up").unwrap();
    assert!(matches!(
        auth::complete(&config, forged).await,
        Err(auth::SignInError::Refused(_))
    ));
    let keys: Vec<String> = (0..web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .length()
        .unwrap())
        .filter_map(|i| {
            web_sys::window()
                .unwrap()
                .local_storage()
                .unwrap()
                .unwrap()
                .key(i)
                .unwrap()
        })
        .collect();
    assert!(keys.is_empty(), "nothing in localStorage: {keys:?}");
}

#[wasm_bindgen_test]
fn the_token_stays_in_memory_unless_configured() {
    let config = config();
    let session = auth::Session {
        token: "t".into(),
        expires_at_ms: browser::now_ms() + 60_000.0,
    };
    auth::store_session(&config, Some(&session));
    assert_eq!(auth::stored_session(&config), None);
    let mut keep = (*config).clone();
    keep.keep_token_in_session_storage = true;
    auth::store_session(&keep, Some(&session));
    assert_eq!(auth::stored_session(&keep), Some(session));
    auth::store_session(&keep, None);
    assert_eq!(auth::stored_session(&keep), None);
}

#[wasm_bindgen_test]
fn search_folds_case_and_accents_with_the_browsers_tables() {
    assert_eq!(
        browser::fold_for_search(vec!["Téléphone ÉCRAN".into(), "Ça\nva".into(), "".into()]),
        ["telephone ecran", "ca va", ""],
        "one folded text per text, a line break inside one read as a space"
    );

    let device = |id: &str, name: &str| CatalogDevice {
        meta: None,
        id: id.into(),
        name: name.into(),
        image_url: None,
        manufacturer: Some(NamedRef {
            meta: None,
            id: "maker".into(),
            name: Some("Fabricant Élite".into()),
            logo_url: None,
        }),
        vendor: None,
        price: Some(Amount::one_time(10000, "CAD")),
        access_method: None,
        device_features: None,
    };
    let catalog = vec![
        device("1", "Zèbre Z1"),
        device("2", "Téléphone robuste"),
        device("3", "Écran tactile X"),
        device("4", "Dell Tab"),
    ];
    let index = Index::new(&catalog, browser::fold_for_search);
    let found = |search: &str| -> Vec<&str> {
        index
            .filter(&Filter {
                search: search.into(),
                ..Filter::default()
            })
            .into_iter()
            .map(|i| catalog[i as usize].id.as_str())
            .collect()
    };
    assert_eq!(found("TELEPHONE"), ["2"], "no accent typed");
    assert_eq!(found("téléphone"), ["2"], "accents typed");
    assert_eq!(found("elite ecran"), ["3"], "name and maker words");
    assert_eq!(
        found(""),
        ["4", "3", "2", "1"],
        "sorted by name with accents folded: Dell, Écran, Téléphone, Zèbre"
    );
}
