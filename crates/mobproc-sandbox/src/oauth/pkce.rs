//! Proof Key for Code Exchange (RFC 7636), S256 only.

use sha2::{Digest, Sha256};

use crate::ids::base64_url;

/// The S256 challenge of `verifier`: BASE64URL(SHA256(verifier)).
pub fn challenge_of(verifier: &str) -> String {
    base64_url(&Sha256::digest(verifier.as_bytes()))
}

/// Whether `verifier` is 43 to 128 unreserved characters, as RFC 7636 requires.
pub fn is_valid_verifier(verifier: &str) -> bool {
    (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// Whether `challenge` looks like an S256 challenge: 43 base64url characters.
pub fn is_valid_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636 appendix B.
    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    #[test]
    fn matches_the_rfc_7636_example() {
        assert_eq!(challenge_of(VERIFIER), CHALLENGE);
        assert_ne!(challenge_of(&VERIFIER[1..]), CHALLENGE);
    }

    #[test]
    fn checks_verifier_and_challenge_shapes() {
        assert!(is_valid_verifier(VERIFIER));
        assert!(is_valid_verifier(&"a~.-_".repeat(26)[..128]));
        assert!(!is_valid_verifier(&VERIFIER[1..]));
        assert!(!is_valid_verifier(&"a".repeat(129)));
        assert!(!is_valid_verifier(&format!("{}+", &VERIFIER[1..])));
        assert!(is_valid_challenge(CHALLENGE));
        assert!(!is_valid_challenge(&CHALLENGE[1..]));
        assert!(!is_valid_challenge(&format!("{}=", &CHALLENGE[1..])));
    }
}
