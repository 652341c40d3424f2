//! The widget's styles: each component's CSS file, colocated with it,
//! minified at compile time (`stylesheet!`) and applied as a constructed
//! stylesheet (allowed by a CSP without 'unsafe-inline'), to the page or
//! inside a shadow root.
//!
//! The frame's sheet ([`FRAME`]: theme tokens, the frame, fields, the first
//! step) is applied when the widget mounts. A later step's sheet is applied
//! by its component as it is built ([`require`]): its CSS is data of that
//! step's chunk, not of the first load.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

mod minify;

#[doc(hidden)]
pub use minify::minify;

/// A stylesheet, minified at compile time.
pub struct Stylesheet(&'static str);

impl Stylesheet {
    /// The sheet of `minified` (checked to be UTF-8 at compile time).
    #[doc(hidden)]
    pub const fn new(minified: &'static [u8]) -> Stylesheet {
        match std::str::from_utf8(minified) {
            Ok(css) => Stylesheet(css),
            Err(_) => panic!("the minified CSS is not UTF-8"),
        }
    }

    /// The minified CSS.
    pub fn css(&self) -> &'static str {
        self.0
    }
}

/// Declares a static [`Stylesheet`] of CSS (an `include_str!` of the
/// component's CSS file, or a `concat!` of several), minified at compile
/// time.
#[macro_export]
macro_rules! stylesheet {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $css:expr;) => {
        $(#[$meta])*
        $vis static $name: $crate::style::Stylesheet = {
            const CSS: &str = $css;
            const LEN: usize = $crate::style::minify::<0>(CSS.as_bytes()).1;
            static MINIFIED: [u8; LEN] = $crate::style::minify::<LEN>(CSS.as_bytes()).0;
            $crate::style::Stylesheet::new(&MINIFIED)
        };
    };
}

stylesheet! {
    /// The frame and the first step, theme tokens first: applied at mount.
    pub static FRAME = concat!(
        include_str!("app/app.css"),
        include_str!("app/account.css"),
        include_str!("components/fields.css"),
        include_str!("components/error_summary.css"),
        include_str!("steps/line/line.css"),
    );
}

/// Every sheet, the frame's first (the benchmark's plain page uses them
/// all; nothing in the widget does).
pub static ALL: [&Stylesheet; 13] = [
    &FRAME,
    &crate::steps::device::STYLE,
    &crate::steps::plan::STYLE,
    &crate::steps::review::STYLE,
    &crate::steps::status::STYLE,
    &crate::steps::features::STYLE,
    &crate::steps::accessories::STYLE,
    &crate::steps::acknowledgements::STYLE,
    &crate::steps::carrier::STYLE,
    &crate::steps::summary::STYLE,
    &crate::approvals::STYLE,
    &crate::diagnostics::panel::STYLE,
    &crate::move_line::STYLE,
];

/// Where the widget is mounted (the page, shadow roots), and the sheets
/// applied there.
#[derive(Default)]
struct Applied {
    targets: Vec<JsValue>,
    sheets: Vec<&'static Stylesheet>,
}

thread_local! {
    static APPLIED: RefCell<Applied> = RefCell::default();
}

fn adopt(target: &JsValue, stylesheet: &Stylesheet) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(stylesheet.css()).is_err() {
        return;
    }
    let key = JsValue::from_str("adoptedStyleSheets");
    let existing = js_sys::Reflect::get(target, &key)
        .ok()
        .map(|value| js_sys::Array::from(&value))
        .unwrap_or_default();
    existing.push(&sheet);
    let _ = js_sys::Reflect::set(target, &key, &existing);
}

/// Applies the frame's sheet, and every sheet required so far, to a new
/// mount target; later sheets will be applied there too.
fn add_target(target: JsValue) {
    APPLIED.with_borrow_mut(|applied| {
        adopt(&target, &FRAME);
        for sheet in &applied.sheets {
            adopt(&target, sheet);
        }
        applied.targets.push(target);
    });
}

/// Applies `sheet` wherever the widget is mounted, once: a component whose
/// CSS is not in the frame's sheet calls it as it is built.
pub fn require(sheet: &'static Stylesheet) {
    APPLIED.with_borrow_mut(|applied| {
        if applied
            .sheets
            .iter()
            .any(|known| std::ptr::eq(*known, sheet))
        {
            return;
        }
        applied.sheets.push(sheet);
        for target in &applied.targets {
            adopt(target, sheet);
        }
    });
}

/// Applies the styles to the page (the static site).
pub fn adopt_into_document(document: &web_sys::Document) {
    add_target(document.into());
}

/// Applies the styles inside a shadow root (embedded in a host page).
pub fn adopt_into_shadow(shadow: &web_sys::ShadowRoot) {
    add_target(shadow.into());
}
