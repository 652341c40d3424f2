//! Component tests of the form parts: the error summary (its links focus
//! their fields, inside a shadow root too) and the text area for long
//! free text, mounted in a real headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use mobproc_widget::app::context::Ctx;
use mobproc_widget::browser;
use mobproc_widget::components::{ErrorSummary, FieldIssue, TextField};
use mobproc_widget::config::RawConfig;
use mobproc_widget::i18n::Locale;
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

/// Mounts `view` with the widget's context in `host`.
fn mount_in<V: IntoView + 'static>(host: web_sys::HtmlElement, view: impl FnOnce() -> V + 'static) {
    let events: web_sys::EventTarget = host.clone().into();
    let handle = leptos::mount::mount_to(host, move || {
        provide_context(Ctx::new(config(), Locale::En, events));
        view()
    });
    handle.forget();
}

fn new_div() -> web_sys::HtmlElement {
    document().create_element("div").unwrap().unchecked_into()
}

async fn settle() {
    browser::sleep(20).await;
}

fn text_field(id: &'static str, label: &'static str) -> impl IntoView {
    let value = RwSignal::new(String::new());
    view! {
        <TextField
            id=id
            label=label
            value=Signal::derive(move || value.get())
            on_input=Callback::new(move |v| value.set(v))
            error=Signal::derive(|| None::<String>)
        />
    }
}

#[wasm_bindgen_test]
async fn the_summary_counts_the_problems_and_its_links_focus_their_fields_in_a_shadow_root() {
    let page_host = new_div();
    document().body().unwrap().append_child(&page_host).unwrap();
    let shadow = page_host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let root = new_div();
    shadow.append_child(&root).unwrap();
    let issues = RwSignal::new(Vec::<FieldIssue>::new());
    mount_in(root.clone(), move || {
        view! {
            <ErrorSummary issues=issues/>
            {text_field("first-name", "First name")}
            {text_field("phone", "Phone")}
        }
    });
    settle().await;
    assert!(
        root.query_selector("[data-testid=error-summary]")
            .unwrap()
            .is_none(),
        "nothing wrong: no summary"
    );

    issues.set(vec![
        FieldIssue {
            field_id: "first-name".into(),
            label: "First name".into(),
            problem: "This is required.".into(),
        },
        FieldIssue {
            field_id: "phone".into(),
            label: "Phone".into(),
            problem: "Enter 10 digits.".into(),
        },
    ]);
    settle().await;
    let summary = root
        .query_selector("[data-testid=error-summary]")
        .unwrap()
        .expect("the summary");
    // Announced once, as it appears: only the announcement is live.
    let alerts = root.query_selector_all("[role=alert]").unwrap();
    assert_eq!(alerts.length(), 1);
    let announcement = alerts.item(0).unwrap();
    assert_eq!(announcement.text_content().unwrap(), "2 problems to fix");
    assert!(
        summary.query_selector("[aria-live]").unwrap().is_none(),
        "nothing else in the box is live"
    );
    let title = summary.query_selector("h3").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "2 problems to fix");
    assert_eq!(
        summary.get_attribute("aria-labelledby"),
        Some(title.id()),
        "the box is named by its title"
    );
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let phone_link: web_sys::HtmlElement = links.item(1).unwrap().unchecked_into();
    assert_eq!(
        phone_link.text_content().unwrap(),
        "Phone: Enter 10 digits."
    );
    assert_eq!(phone_link.get_attribute("href").as_deref(), Some("#phone"));

    let hash_before = browser::location_hash();
    phone_link.click();
    settle().await;
    let focused = shadow
        .active_element()
        .expect("a focused element in the shadow root");
    assert_eq!(focused.id(), "phone");
    assert_eq!(
        browser::location_hash(),
        hash_before,
        "the page's address is the host's"
    );

    // A field fixed while typing: the box follows, nothing is announced.
    issues.update(|all| all.truncate(1));
    settle().await;
    assert_eq!(
        root.query_selector("[data-testid=error-summary] h3")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "1 problem to fix"
    );
    assert_eq!(announcement.text_content().unwrap(), "2 problems to fix");
    assert!(
        announcement.is_connected(),
        "the same announcement, not a new one"
    );
    issues.set(Vec::new());
    settle().await;
    assert!(
        root.query_selector("[data-testid=error-summary]")
            .unwrap()
            .is_none(),
        "all fixed: no summary"
    );
}

#[wasm_bindgen_test]
async fn a_multiline_text_field_is_a_labelled_limited_text_area_with_its_error() {
    let host = new_div();
    document().body().unwrap().append_child(&host).unwrap();
    let value = RwSignal::new("Leave it at reception".to_owned());
    let error = RwSignal::new(None::<String>);
    mount_in(host.clone(), move || {
        view! {
            <TextField
                id="notes"
                label="Additional Instructions"
                value=Signal::derive(move || value.get())
                on_input=Callback::new(move |v| value.set(v))
                error=error
                max_length=4000
                hint="For the carrier"
                multiline=true
            />
        }
    });
    settle().await;
    assert!(host.query_selector("input").unwrap().is_none());
    let area = host
        .query_selector("textarea")
        .unwrap()
        .expect("a text area");
    let area_value = || {
        js_sys::Reflect::get(&area, &"value".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(area.id(), "notes");
    assert_eq!(area_value(), "Leave it at reception");
    assert_eq!(area.get_attribute("maxlength").as_deref(), Some("4000"));
    let label = host.query_selector("label").unwrap().unwrap();
    assert_eq!(label.get_attribute("for").as_deref(), Some("notes"));
    assert_eq!(
        area.get_attribute("aria-describedby").as_deref(),
        Some("notes-hint notes-count")
    );
    let left = || {
        host.query_selector("[data-testid=notes-count]")
            .unwrap()
            .expect("the characters left")
            .text_content()
            .unwrap()
    };
    assert_eq!(left(), "3979 characters left");

    js_sys::Reflect::set(&area, &"value".into(), &"Ring 4412".into()).unwrap();
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "Ring 4412");
    assert_eq!(left(), "3991 characters left");

    error.set(Some("Enter at most 4000 characters.".into()));
    settle().await;
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        area.get_attribute("aria-describedby").as_deref(),
        Some("notes-hint notes-count notes-error")
    );
}
