//! The size floor: a counter and one list fetched as JSON, behind a
//! `Transition`. Everything the widget does costs more code than this.

use leptos::prelude::*;

/// One row of the fetched list.
#[derive(serde::Deserialize, Clone)]
struct Item {
    id: String,
    name: String,
}

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(0);
    let items = LocalResource::new(|| async {
        let response = gloo_net::http::Request::get("items.json")
            .send()
            .await
            .map_err(|e| e.to_string())?;
        response
            .json::<Vec<Item>>()
            .await
            .map_err(|e| e.to_string())
    });
    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>"Count: " {count}</button>
        <Transition fallback=|| "Loading…">
            {move || Suspend::new(async move {
                match items.await {
                    Ok(items) => items
                        .into_iter()
                        .map(|item| view! { <p id=item.id>{item.name}</p> })
                        .collect_view()
                        .into_any(),
                    Err(error) => view! { <p role="alert">{error}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
