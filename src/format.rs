//! Money and dates for people, through the browser's `Intl` (no bundled
//! locale data). The pure part, which picks what `Intl` is given, is tested
//! natively.

use mobproc_types::{Amount, Money};

/// The number and ISO currency `Intl.NumberFormat` gets for an amount.
pub fn money_input(amount: &Amount) -> (f64, &str) {
    (amount.amount.as_decimal(), amount.currency_code.as_str())
}

/// Milliseconds since the epoch of an API timestamp or date, for `Intl.DateTimeFormat`.
pub fn timestamp_ms(text: &str) -> Option<f64> {
    let date = mobproc_types::date::parse_date(text)?;
    let days = mobproc_types::date::days_from_civil(date);
    let seconds = text
        .split_once('T')
        .and_then(|(_, time)| {
            let mut parts = time
                .trim_end_matches('Z')
                .split(':')
                .map(|p| p.parse::<i64>().ok());
            Some(parts.next()?? * 3600 + parts.next()?? * 60 + parts.next().flatten().unwrap_or(0))
        })
        .unwrap_or(0);
    Some(((days * 86_400) + seconds) as f64 * 1000.0)
}

/// Whether a line may be upgraded at `now_ms`: it has no date, or the date has come.
pub fn is_eligible(eligibility_date: Option<&str>, now_ms: f64) -> bool {
    eligibility_date
        .and_then(timestamp_ms)
        .is_none_or(|at| at <= now_ms)
}

/// The `format` function of an `Intl` formatter, made once per locale and
/// options: making one costs far more than using it, and a list formats
/// many values.
#[cfg(target_arch = "wasm32")]
fn cached_format(key: String, make: impl FnOnce() -> js_sys::Function) -> js_sys::Function {
    use std::cell::RefCell;
    thread_local! {
        static FORMATS: RefCell<Vec<(String, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }
    FORMATS.with(|formats| {
        if let Some((_, format)) = formats.borrow().iter().find(|(k, _)| *k == key) {
            return format.clone();
        }
        let format = make();
        formats.borrow_mut().push((key, format.clone()));
        format
    })
}

/// An amount in its currency for `locale` (`en-US`, `fr-CA`), e.g. `$199.99`, `199,99 $`.
#[cfg(target_arch = "wasm32")]
pub fn money(amount: &Amount, locale: &str) -> String {
    use wasm_bindgen::JsValue;
    let (value, currency) = money_input(amount);
    let format = cached_format(format!("money {locale} {currency}"), || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"style".into(), &"currency".into());
        let _ = js_sys::Reflect::set(&options, &"currency".into(), &currency.into());
        let locales = js_sys::Array::of1(&JsValue::from_str(locale));
        js_sys::Intl::NumberFormat::new(&locales, &options).format()
    });
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| plain_money(amount))
}

/// Native stand-in (tests of pure logic only).
#[cfg(not(target_arch = "wasm32"))]
pub fn money(amount: &Amount, _locale: &str) -> String {
    plain_money(amount)
}

/// An amount without `Intl`: `-19.99 USD`.
pub fn plain_money(amount: &Amount) -> String {
    let cents = amount.amount.cents;
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!(
        "{sign}{}.{:02} {}",
        cents / 100,
        cents % 100,
        amount.currency_code
    )
}

/// A date for `locale`, in UTC (contract dates are days, not moments).
#[cfg(target_arch = "wasm32")]
pub fn date(text: &str, locale: &str) -> String {
    use wasm_bindgen::JsValue;
    let Some(ms) = timestamp_ms(text) else {
        return text.to_owned();
    };
    let format = cached_format(format!("date {locale}"), || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        let locales = js_sys::Array::of1(&JsValue::from_str(locale));
        js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
    });
    format
        .call1(&JsValue::NULL, &js_sys::Date::new(&JsValue::from_f64(ms)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| text.to_owned())
}

/// Native stand-in (tests of pure logic only).
#[cfg(not(target_arch = "wasm32"))]
pub fn date(text: &str, _locale: &str) -> String {
    text.split('T').next().unwrap_or(text).to_owned()
}

/// An image URL the widget may show: http(s), site-relative, or a `data:`
/// image. Anything else (`javascript:`, `data:text/html`, ...) is dropped, so
/// hostile catalog data can neither run nor trip the page's CSP.
pub fn safe_image_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let image_data = [
        "data:image/png",
        "data:image/jpeg",
        "data:image/gif",
        "data:image/webp",
        "data:image/svg+xml",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix));
    let web = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (url.starts_with('/') && !url.starts_with("//"));
    ((web || image_data) && url.len() <= 100_000).then(|| url.to_owned())
}

/// A sum of amounts in one currency (device plus its feature choices).
pub fn add(base: &Amount, extra: impl IntoIterator<Item = Money>) -> Amount {
    Amount {
        amount: extra.into_iter().fold(base.amount, |total, m| total + m),
        ..base.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_without_intl_is_exact_in_cents() {
        assert_eq!(plain_money(&Amount::one_time(19999, "USD")), "199.99 USD");
        assert_eq!(plain_money(&Amount::one_time(-1905, "CAD")), "-19.05 CAD");
        assert_eq!(plain_money(&Amount::monthly(7, "EUR")), "0.07 EUR");
    }

    #[test]
    fn money_goes_to_intl_as_decimal_and_currency() {
        assert_eq!(money_input(&Amount::monthly(55867, "CAD")), (558.67, "CAD"));
    }

    #[test]
    fn timestamps_become_epoch_milliseconds() {
        assert_eq!(
            timestamp_ms("2016-04-28T18:10:27Z"),
            Some(1_461_867_027_000.0)
        );
        assert_eq!(timestamp_ms("2016-04-28"), Some(1_461_801_600_000.0));
        assert_eq!(timestamp_ms("soon"), None);
    }

    #[test]
    fn eligibility_is_now_or_a_date_to_come() {
        let now = timestamp_ms("2026-11-27T00:00:00Z").unwrap();
        assert!(is_eligible(Some("2016-01-21T06:00:00Z"), now));
        assert!(!is_eligible(Some("2027-03-27T00:00:00Z"), now));
        assert!(is_eligible(None, now));
    }

    #[test]
    fn only_web_and_image_data_urls_are_shown() {
        assert_eq!(
            safe_image_url(Some("https://cdn.example/p.png")).as_deref(),
            Some("https://cdn.example/p.png")
        );
        assert_eq!(
            safe_image_url(Some("/sandbox/images/devices/1.svg")).as_deref(),
            Some("/sandbox/images/devices/1.svg")
        );
        assert!(safe_image_url(Some("data:image/svg+xml;base64,PHN2Zy8+")).is_some());
        assert_eq!(safe_image_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_image_url(Some(" JavaScript:alert(1)")), None);
        assert_eq!(
            safe_image_url(Some("data:text/html,<script>alert(1)</script>")),
            None
        );
        assert_eq!(
            safe_image_url(Some("//evil.example/x.png")),
            None,
            "protocol-relative hosts are refused"
        );
        assert_eq!(safe_image_url(None), None);
    }

    #[test]
    fn feature_choices_add_to_the_device_price() {
        let total = add(
            &Amount::one_time(69900, "GBP"),
            [Money::from_cents(5000), Money::from_cents(0)],
        );
        assert_eq!(total, Amount::one_time(74900, "GBP"));
    }
}
