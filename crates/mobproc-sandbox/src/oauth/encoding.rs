//! `application/x-www-form-urlencoded` writing, for the parameters the
//! authorization endpoint sends back in a redirect.

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
}
