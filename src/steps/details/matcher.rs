//! The API's `regEx` values matched by the browser's own `RegExp` (no regex
//! engine in the bundle).

use mobproc_types::validation::PatternMatcher;

/// Matches whole values with the browser's `RegExp`.
pub struct BrowserRegex;

#[cfg(target_arch = "wasm32")]
impl PatternMatcher for BrowserRegex {
    fn full_match(&self, pattern: &str, text: &str) -> Option<bool> {
        use wasm_bindgen::JsValue;
        let constructor =
            js_sys::Function::from(js_sys::Reflect::get(&js_sys::global(), &"RegExp".into()).ok()?);
        let args = js_sys::Array::of2(
            &JsValue::from_str(&format!("^(?:{pattern})$")),
            &JsValue::from_str("u"),
        );
        let regex = js_sys::Reflect::construct(&constructor, &args).ok()?;
        let regex: js_sys::RegExp = wasm_bindgen::JsCast::unchecked_into(regex);
        Some(regex.test(text))
    }
}

/// Outside a browser (native unit tests of other logic) patterns constrain nothing.
#[cfg(not(target_arch = "wasm32"))]
impl PatternMatcher for BrowserRegex {
    fn full_match(&self, _pattern: &str, _text: &str) -> Option<bool> {
        None
    }
}
