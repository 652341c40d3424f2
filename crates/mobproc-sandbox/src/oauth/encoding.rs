//! `application/x-www-form-urlencoded` writing, for the parameters the
//! authorization endpoint sends back in a redirect, and the reading of an
//! HTTP Basic `Authorization` header (base64 of two form-encoded values).

/// Encodes `value` as a form value: ASCII letters, digits and `*-._` stay,
/// a space becomes `+`, every other byte of its UTF-8 becomes `%XX`.
pub fn form_urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Encodes name/value pairs as `a=1&b=2`.
pub fn form_encode_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", form_urlencode(name), form_urlencode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes a form value: `+` is a space, `%XX` a byte; `None` when a `%`
/// is not followed by two hex digits or the bytes are not UTF-8.
pub fn form_urldecode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Decodes standard base64 (RFC 4648 section 4), padding optional;
/// `None` for anything else.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let data = text.trim_end_matches('=');
    let padding = text.len() - data.len();
    if data.len() % 4 == 1 || padding > 2 || (padding > 0 && !text.len().is_multiple_of(4)) {
        return None;
    }
    let data = data.as_bytes();
    let value = |byte: u8| -> Option<u32> {
        Some(match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for chunk in data.chunks(4) {
        let mut n = 0u32;
        for &byte in chunk {
            n = n << 6 | value(byte)?;
        }
        n <<= 6 * (4 - chunk.len()) as u32;
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unreserved_characters() {
        assert_eq!(form_urlencode("AZaz09*-._"), "AZaz09*-._");
        assert_eq!(form_urlencode(""), "");
    }

    #[test]
    fn encodes_everything_else() {
        assert_eq!(form_urlencode("a b"), "a+b");
        assert_eq!(
            form_urlencode("a+b&c=d#e?f/g~"),
            "a%2Bb%26c%3Dd%23e%3Ff%2Fg%7E"
        );
        assert_eq!(form_urlencode("100%"), "100%25");
        assert_eq!(form_urlencode("é€"), "%C3%A9%E2%82%AC");
        assert_eq!(form_urlencode("\n\"<>"), "%0A%22%3C%3E");
    }

    #[test]
    fn joins_pairs() {
        assert_eq!(
            form_encode_pairs(&[("error", "access_denied"), ("state", "x y&z")]),
            "error=access_denied&state=x+y%26z"
        );
        assert_eq!(form_encode_pairs(&[]), "");
    }

    #[test]
    fn decodes_form_values() {
        assert_eq!(form_urldecode("a+b%26c%3D").as_deref(), Some("a b&c="));
        assert_eq!(form_urldecode("%C3%A9t%c3%a9").as_deref(), Some("été"));
        assert_eq!(form_urldecode("plain-._~").as_deref(), Some("plain-._~"));
        assert_eq!(form_urldecode(""), Some(String::new()));
        for broken in ["%", "%4", "%zz", "a%2", "%FF"] {
            assert_eq!(form_urldecode(broken), None, "{broken}");
        }
        let text = "client id:s3cr&t/é+";
        assert_eq!(form_urldecode(&form_urlencode(text)).as_deref(), Some(text));
    }

    #[test]
    fn decodes_base64_with_or_without_padding() {
        for (encoded, plain) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zg", "f"),
            ("Zm8=", "fo"),
            ("Zm8", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ] {
            assert_eq!(
                base64_decode(encoded).as_deref(),
                Some(plain.as_bytes()),
                "{encoded}"
            );
        }
        assert_eq!(base64_decode("+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
        for broken in [
            "Z", "Zm9vY", "Zg===", "Zm8==", "Z===", "Zm9v!", "-_8=", "Zg=x", "=", "==",
        ] {
            assert_eq!(base64_decode(broken), None, "{broken}");
        }
    }
}
