//! Device images and carrier/manufacturer logos, drawn as SVG by the
//! sandbox itself so that no answer points at an outside host.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/{kind}/{file}", get(image))
}

/// A stable colour for a name, from a small palette with good contrast on white text.
fn colour(name: &str) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#1d4ed8", "#047857", "#b91c1c", "#7c3aed", "#c2410c", "#0f766e", "#be185d", "#374151",
    ];
    let hash = name
        .bytes()
        .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    PALETTE[hash as usize % PALETTE.len()]
}

/// Escapes text for an SVG text node.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A phone outline with the device's id under it.
pub fn device_svg(id: &str) -> String {
    let fill = colour(id);
    let label = escape(&id.chars().take(14).collect::<String>());
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="160" viewBox="0 0 120 160" role="img" aria-label="Device {label}"><rect x="30" y="10" width="60" height="118" rx="10" fill="{fill}"/><rect x="36" y="22" width="48" height="92" rx="3" fill="#f8fafc"/><circle cx="60" cy="121" r="3.5" fill="#f8fafc"/><text x="60" y="150" font-family="sans-serif" font-size="10" text-anchor="middle" fill="#334155">{label}</text></svg>"##
    )
}

/// A round badge with the first letters of a name.
pub fn logo_svg(name: &str) -> String {
    let fill = colour(name);
    let initials: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .collect::<String>()
        .to_uppercase();
    let initials = escape(&initials);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48" role="img" aria-label="{initials}"><circle cx="24" cy="24" r="23" fill="{fill}"/><text x="24" y="30" font-family="sans-serif" font-size="16" font-weight="700" text-anchor="middle" fill="#fff">{initials}</text></svg>"##
    )
}

async fn image(Path((kind, file)): Path<(String, String)>) -> Response {
    let Some(id) = file.strip_suffix(".svg") else {
        return (StatusCode::NOT_FOUND, "no such image").into_response();
    };
    let svg = match kind.as_str() {
        "devices" | "accessories" => device_svg(id),
        "manufacturers" | "vendors" => logo_svg(id),
        _ => return (StatusCode::NOT_FOUND, "no such image").into_response(),
    };
    let mut response = svg.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_escape_their_text_and_are_stable() {
        assert!(device_svg("<x>").contains("&lt;x&gt;"));
        assert_eq!(logo_svg("Verizon"), logo_svg("Verizon"));
        assert!(logo_svg("Verizon Wireless").contains(">VE<"));
    }
}
