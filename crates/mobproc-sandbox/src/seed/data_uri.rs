//! Images for the Atlas tenant, inlined as `data:` URIs.

/// A small phone-shaped SVG with a label, as a base64 `data:` URI (about
/// 500 bytes), the way Atlas inlines its images.
pub(super) fn data_uri_image(label: &str, seed: &str) -> String {
    const BODIES: [&str; 6] = [
        "#1f2937", "#374151", "#0f766e", "#7c3aed", "#b91c1c", "#1d4ed8",
    ];
    let body = BODIES[(seed.bytes().map(u64::from).sum::<u64>() % BODIES.len() as u64) as usize];
    let text = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let svg = format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="160" viewBox="0 0 96 160">"#,
            r#"<rect x="8" y="4" width="80" height="152" rx="12" fill="{body}"/>"#,
            r##"<rect x="14" y="18" width="68" height="118" rx="3" fill="#e5eef9"/>"##,
            r##"<text x="48" y="80" font-family="sans-serif" font-size="9" text-anchor="middle" fill="#111827">{text}</text>"##,
            "</svg>"
        ),
        body = body,
        text = text
    );
    format!("data:image/svg+xml;base64,{}", base64(svg.as_bytes()))
}

/// Standard base64 (RFC 4648 section 4) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .fold(0u32, |acc, byte| acc << 8 | u32::from(*byte))
            << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
