//! Random identifiers: tokens, codes, session ids, error ids.

/// `bytes` random bytes from the operating system, as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).expect("the operating system's random source works");
    buffer.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random, URL-safe token of about `bytes` bytes of entropy.
pub fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer).expect("the operating system's random source works");
    base64_url(&buffer)
}

/// A short id for one error occurrence (quote it to support), like `tghwn`.
pub fn error_id() -> String {
    let mut buffer = [0u8; 8];
    getrandom::fill(&mut buffer).expect("the operating system's random source works");
    buffer.iter().map(|b| (b'a' + b % 26) as char).collect()
}

/// Base64url without padding (RFC 4648 section 5), as PKCE uses it.
pub fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, b| acc << 8 | *b as u32) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_url_matches_rfc_4648_vectors() {
        assert_eq!(base64_url(b""), "");
        assert_eq!(base64_url(b"f"), "Zg");
        assert_eq!(base64_url(b"fo"), "Zm8");
        assert_eq!(base64_url(b"foo"), "Zm9v");
        assert_eq!(base64_url(b"foob"), "Zm9vYg");
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn tokens_differ() {
        assert_ne!(random_token(32), random_token(32));
        assert_eq!(random_hex(4).len(), 8);
        assert_eq!(error_id().len(), 8);
    }
}
