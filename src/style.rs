//! The widget's styles: each component's CSS file, colocated with it,
//! compiled in and applied as a constructed stylesheet (allowed by a CSP
//! without 'unsafe-inline'), to the page or inside a shadow root.

use wasm_bindgen::JsValue;

mod minify;

/// Every stylesheet, theme tokens first.
pub const CSS: &str = concat!(
    include_str!("app/app.css"),
    include_str!("app/account.css"),
    include_str!("components/fields.css"),
    include_str!("components/error_summary.css"),
    include_str!("steps/line/line.css"),
    include_str!("steps/device/device.css"),
    include_str!("steps/plan/plan.css"),
    include_str!("steps/review/review.css"),
    include_str!("steps/status/status.css"),
    include_str!("steps/features/features.css"),
    include_str!("steps/accessories/accessories.css"),
    include_str!("steps/acknowledgements/acknowledgements.css"),
    include_str!("steps/carrier/carrier.css"),
    include_str!("steps/summary/summary.css"),
    include_str!("approvals/approvals.css"),
    include_str!("diagnostics/diagnostics.css"),
    include_str!("move_line/move_line.css"),
);

const MINIFIED_LEN: usize = minify::minify::<0>(CSS.as_bytes()).1;
static MINIFIED: [u8; MINIFIED_LEN] = minify::minify::<MINIFIED_LEN>(CSS.as_bytes()).0;
/// [`CSS`] minified at compile time: what the page gets.
pub static MINIFIED_CSS: &str = match std::str::from_utf8(&MINIFIED) {
    Ok(css) => css,
    Err(_) => panic!("the minified CSS is not UTF-8"),
};

fn sheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(MINIFIED_CSS).ok()?;
    Some(sheet)
}

fn adopt(target: &JsValue) {
    let Some(sheet) = sheet() else { return };
    let key = JsValue::from_str("adoptedStyleSheets");
    let existing = js_sys::Reflect::get(target, &key)
        .ok()
        .map(|value| js_sys::Array::from(&value))
        .unwrap_or_default();
    existing.push(&sheet);
    let _ = js_sys::Reflect::set(target, &key, &existing);
}

/// Applies the styles to the page (the static site).
pub fn adopt_into_document(document: &web_sys::Document) {
    adopt(document);
}

/// Applies the styles inside a shadow root (embedded in a host page).
pub fn adopt_into_shadow(shadow: &web_sys::ShadowRoot) {
    adopt(shadow);
}
