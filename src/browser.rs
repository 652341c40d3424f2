//! Thin wrappers over the browser APIs the widget uses, so components and
//! flows read as plain Rust. Everything here needs a browser (wasm32).

use wasm_bindgen::{JsCast, JsValue};

fn window() -> web_sys::Window {
    web_sys::window().expect("the widget runs in a browser window")
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `n` bytes from the browser's cryptographic random source.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// A random number in [0, 1), for jitter (not for secrets).
pub fn random_unit() -> f64 {
    js_sys::Math::random()
}

/// The session storage of this tab, if the browser allows it.
fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Reads a value from this tab's sessionStorage.
pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Writes a value to this tab's sessionStorage (ignored when unavailable).
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a value from this tab's sessionStorage.
pub fn session_remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Takes a value out of sessionStorage: it can be read only once.
pub fn session_take(key: &str) -> Option<String> {
    let value = session_get(key);
    session_remove(key);
    value
}

/// The page's address.
pub fn location_href() -> String {
    window().location().href().unwrap_or_default()
}

/// The page's fragment (with its `#`), or "".
pub fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The page's query (with its `?`), or "".
pub fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Replaces the address bar's URL without loading anything (drops the
/// OAuth answer from history at once).
pub fn replace_url(url: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Leaves the page for `url`.
pub fn navigate(url: &str) {
    let _ = window().location().assign(url);
}

/// Opens a small window (the sign-in popup); `None` when blocked.
pub fn open_popup(url: &str) -> Option<web_sys::Window> {
    window()
        .open_with_url_and_target_and_features(url, "mobproc-sign-in", "popup,width=520,height=720")
        .ok()
        .flatten()
}

/// The browser's preferred language, e.g. `fr-CA`.
pub fn language() -> String {
    window().navigator().language().unwrap_or_default()
}

/// The browser's languages, most preferred first (`navigator.languages`,
/// else `navigator.language`).
pub fn languages() -> Vec<String> {
    let navigator = window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Folds texts for search with the browser's Unicode tables, in one call:
/// decomposed (NFD), combining accents removed, lower case. "Téléphone"
/// becomes "telephone". A line break inside a text counts as a space.
pub fn fold_for_search(texts: Vec<String>) -> Vec<String> {
    let count = texts.len();
    let joined = texts
        .iter()
        .map(|text| text.replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n");
    let accents = js_sys::RegExp::new("[\\u0300-\\u036f]", "g");
    let folded: String = js_sys::JsString::from(joined)
        .normalize("NFD")
        .replace_by_pattern(&accents, "")
        .to_lower_case()
        .into();
    let folded: Vec<String> = folded.split('\n').map(str::to_owned).collect();
    if folded.len() == count {
        folded
    } else {
        // Not expected; plain ASCII folding keeps search working.
        texts.iter().map(|t| t.to_ascii_lowercase()).collect()
    }
}

/// Resolves `relative` against `base` (an absolute URL).
pub fn resolve_url(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base)
        .map(|url| url.href())
        .unwrap_or_else(|_| relative.to_owned())
}

/// The origin of an absolute URL.
pub fn origin_of(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` once the browser is idle (`requestIdleCallback`, at most two
/// seconds later), or shortly where the browser has no such call.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let global = js_sys::global();
    let idle = js_sys::Reflect::get(&global, &"requestIdleCallback".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request_idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            let _ = request_idle.call2(&global, &callback, &options);
        }
        None => {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                50,
            );
        }
    }
}

/// The `detail` of an event for the host page: a plain object, built
/// field by field (`EventDetail::new().with("step", "plan")`), so that the
/// first load needs no JSON serializer for it.
#[derive(Debug, Clone)]
pub struct EventDetail(js_sys::Object);

impl EventDetail {
    /// An object with no field.
    pub fn new() -> EventDetail {
        EventDetail(js_sys::Object::new())
    }

    /// This object with `name` set to `value` (`None` gives `null`).
    pub fn with(self, name: &str, value: impl Into<JsValue>) -> EventDetail {
        let value = value.into();
        // `None` converts to `undefined`, which JSON leaves out.
        let value = if value.is_undefined() {
            JsValue::NULL
        } else {
            value
        };
        let _ = js_sys::Reflect::set(&self.0, &name.into(), &value);
        self
    }
}

impl Default for EventDetail {
    fn default() -> EventDetail {
        EventDetail::new()
    }
}

impl From<EventDetail> for JsValue {
    fn from(detail: EventDetail) -> JsValue {
        detail.0.into()
    }
}

/// Sends a DOM event `mobproc:<name>` from `target` to the host page
/// (bubbling, and out of a shadow root).
pub fn dispatch(target: &web_sys::EventTarget, name: &str, detail: EventDetail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail.into());
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("mobproc:{name}"), &init)
    {
        let _ = target.dispatch_event(&event);
    }
}

/// SHA-256 of `text` through the browser's SubtleCrypto.
pub async fn sha256(text: &str) -> Option<Vec<u8>> {
    let subtle = window().crypto().ok()?.subtle();
    let data = js_sys::Uint8Array::from(text.as_bytes());
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", &data)
        .ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The `HtmlElement` behind an element, when it is one.
pub fn html_element(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    element.dyn_into().ok()
}

/// Loads `url` in a hidden frame and waits, at most `timeout_ms`, for the
/// message that frame posts from `origin` with `{ source, answer }`; gives
/// its `answer`. The frame goes either way.
pub async fn answer_from_hidden_frame(
    url: &str,
    origin: &str,
    source: &str,
    timeout_ms: u32,
) -> Option<String> {
    use std::cell::RefCell;
    use std::rc::Rc;
    let document = window().document()?;
    let frame = document.create_element("iframe").ok()?;
    for (name, value) in [("hidden", ""), ("aria-hidden", "true"), ("tabindex", "-1")] {
        frame.set_attribute(name, value).ok()?;
    }
    // Hidden even where the host page's CSS styles every iframe.
    let style = js_sys::Reflect::get(&frame, &"style".into()).ok()?;
    js_sys::Reflect::set(&style, &"display".into(), &"none".into()).ok()?;
    frame.set_attribute("src", url).ok()?;
    let answer: Rc<RefCell<Option<String>>> = Rc::default();
    let on_message = {
        let (answer, frame, origin, source) = (
            answer.clone(),
            frame.clone(),
            origin.to_owned(),
            source.to_owned(),
        );
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let read = |target: &JsValue, key: &str| {
                    js_sys::Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
                };
                let from_our_frame =
                    js_sys::Object::is(&read(&event, "source"), &read(&frame, "contentWindow"));
                let data = event.data();
                if event.origin() == origin
                    && from_our_frame
                    && read(&data, "source").as_string().as_deref() == Some(source.as_str())
                {
                    *answer.borrow_mut() = read(&data, "answer").as_string();
                }
            },
        )
    };
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let body = document.body()?;
    let _ = body.append_child(&frame);
    let deadline = now_ms() + f64::from(timeout_ms);
    while answer.borrow().is_none() && now_ms() < deadline {
        sleep(50).await;
    }
    let _ = window()
        .remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    frame.remove();
    answer.take()
}

/// Sends a GET to `url` with the browser's cookies for it, and ignores the
/// answer (an opaque one from another origin will do).
pub async fn get_with_cookies(url: &str) {
    let _ = gloo_net::http::Request::get(url)
        .credentials(web_sys::RequestCredentials::Include)
        .mode(web_sys::RequestMode::NoCors)
        .send()
        .await;
}
