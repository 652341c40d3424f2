//! The widget's root component. For now it reads its configuration and
//! checks that the configured API answers; the ordering steps come next.

use gloo_net::http::Request;
use leptos::prelude::*;
use mobproc_types::Ping;
use wasm_bindgen::JsCast;

use crate::config::{Config, RawConfig};

/// The id of the element the widget mounts on.
pub const MOUNT_ID: &str = "mobproc-widget";

/// Mounts [`App`] on `#mobproc-widget`, or on the body when there is none.
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    let host = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(element) => {
            let overrides = data_attributes(&element);
            leptos::mount::mount_to(
                element,
                move || view! { <App overrides=overrides.clone()/> },
            )
            .forget();
        }
        None => leptos::mount::mount_to_body(|| view! { <App overrides=Vec::new()/> }),
    }
}

fn data_attributes(element: &web_sys::HtmlElement) -> Vec<(String, String)> {
    let names = element.get_attribute_names();
    (0..names.length())
        .filter_map(|i| names.get(i).as_string())
        .filter_map(|name| {
            let setting = name.strip_prefix("data-")?.to_owned();
            Some((setting, element.get_attribute(&name)?))
        })
        .collect()
}

async fn load_config(overrides: Vec<(String, String)>) -> Result<Config, String> {
    let response = Request::get("config.json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!(
            "config.json could not be loaded ({}).",
            response.status()
        ));
    }
    let mut raw = RawConfig::from_json(&response.text().await.map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    for (name, value) in overrides {
        raw.set(&name, value);
    }
    raw.check().map_err(|e| e.to_string())
}

async fn ping(config: &Config) -> Result<Ping, String> {
    let response = Request::get(&format!("{}/ping?echoText=widget", config.api_base_url))
        .header("X-TNGO-TENANT", &config.tenant)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("The API answered {}.", response.status()));
    }
    response.json::<Ping>().await.map_err(|e| e.to_string())
}

/// The widget.
#[component]
pub fn App(
    /// Settings from the mount element's `data-*` attributes.
    overrides: Vec<(String, String)>,
) -> impl IntoView {
    let status = LocalResource::new(move || {
        let overrides = overrides.clone();
        async move {
            let config = load_config(overrides).await?;
            let ping = ping(&config).await?;
            Ok::<_, String>((config, ping))
        }
    });
    view! {
        <section class="mobproc" aria-labelledby="mobproc-title">
            <h1 id="mobproc-title">"Upgrade your mobile device or plan"</h1>
            <Suspense fallback=|| view! { <p role="status">"Connecting…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok((config, ping)) => view! {
                            <p role="status" data-testid="connection">
                                {format!("Connected to {} for tenant {}.", ping.backend, config.tenant)}
                            </p>
                        }.into_any(),
                        Err(message) => view! {
                            <p role="alert" data-testid="config-error">{message}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
