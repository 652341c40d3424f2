//! Unit tests of the OAuth pure part: the authorization URL, the answer
//! in the fragment or query, the attempts' `state`, and their storage.

use super::*;
use crate::config::RawConfig;

fn config(grant: &str) -> Config {
    RawConfig {
        api_base_url: Some("/mobproc/v1".into()),
        authorization_url: Some("https://idp.example/as/authorization.oauth2".into()),
        token_url: Some("https://idp.example/as/token.oauth2".into()),
        client_id: Some("mobproc-widget".into()),
        tenant: Some("ACME".into()),
        grant: Some(grant.into()),
        ..RawConfig::default()
    }
    .check()
    .unwrap()
}

fn attempt(state: &str, started_ms: f64) -> Attempt {
    Attempt {
        state: state.into(),
        started_ms,
        redirect_uri: "https://portal/".into(),
        code_verifier: None,
        popup: false,
    }
}

#[test]
fn implicit_authorize_url_carries_every_parameter_encoded() {
    let url = authorize_url(
        &config("implicit"),
        "https://portal.example/intranet?page=phones",
        "s t",
        None,
        None,
    );
    assert_eq!(
        url,
        "https://idp.example/as/authorization.oauth2?response_type=token&client_id=mobproc-widget&redirect_uri=https%3A%2F%2Fportal.example%2Fintranet%3Fpage%3Dphones&scope=MOBPROC&state=s%20t"
    );
}

#[test]
fn pkce_authorize_url_asks_for_a_code_with_s256() {
    let url = authorize_url(
        &config("authorizationCode"),
        "https://p/",
        "abc",
        Some("login"),
        Some("CHALLENGE"),
    );
    assert!(url.contains("response_type=code"));
    assert!(url.ends_with("&prompt=login&code_challenge=CHALLENGE&code_challenge_method=S256"));
}

#[test]
fn reads_token_error_and_code_answers() {
    assert_eq!(
        parse_callback(
            "#access_token=abc%2Fdef&token_type=Bearer&expires_in=7199&scope=MOBPROC&state=xyz"
        ),
        Some(Callback::Token {
            access_token: "abc/def".into(),
            expires_in: 7199,
            state: Some("xyz".into())
        })
    );
    assert_eq!(
        parse_callback("error=access_denied&error_description=The+user+cancelled&state=xyz"),
        Some(Callback::Error {
            error: "access_denied".into(),
            description: Some("The user cancelled".into()),
            state: Some("xyz".into())
        })
    );
    assert_eq!(
        parse_callback("?code=c0de&state=xyz"),
        Some(Callback::Code {
            code: "c0de".into(),
            state: Some("xyz".into())
        })
    );
    assert_eq!(parse_callback("#step=review"), None);
    assert_eq!(parse_callback(""), None);
    assert_eq!(
        parse_callback("#access_token=%zz"),
        None,
        "a broken escape is no answer"
    );
}

#[test]
fn a_state_is_accepted_once_and_only_when_it_matches_a_fresh_attempt() {
    assert_eq!(
        check_state(Some("a"), Some(attempt("a", 1000.0)), 2000.0)
            .unwrap()
            .state,
        "a"
    );
    assert_eq!(
        check_state(None, Some(attempt("a", 1000.0)), 2000.0),
        Err(StateProblem::Missing)
    );
    assert_eq!(
        check_state(Some(""), Some(attempt("a", 1000.0)), 2000.0),
        Err(StateProblem::Missing)
    );
    assert_eq!(
        check_state(Some("a"), None, 2000.0),
        Err(StateProblem::Unknown),
        "used or from another tab"
    );
    assert_eq!(
        check_state(Some("b"), Some(attempt("a", 1000.0)), 2000.0),
        Err(StateProblem::Unknown)
    );
    assert_eq!(
        check_state(
            Some("a"),
            Some(attempt("a", 1000.0)),
            1000.0 + ATTEMPT_LIFETIME_MS + 1.0
        ),
        Err(StateProblem::Expired)
    );
}

#[test]
fn a_code_answer_leaves_the_pages_own_parameters_in_the_address() {
    assert_eq!(
        without_answer("https://x.example/?tenant=GLOBEX&code=abc&state=s1"),
        "https://x.example/?tenant=GLOBEX"
    );
    assert_eq!(
        without_answer("https://x.example/p?error=access_denied&error_description=No&state=s"),
        "https://x.example/p"
    );
    assert_eq!(
        without_answer("https://x.example/#frag"),
        "https://x.example/"
    );
}

#[test]
fn encoding_round_trips_and_base64_matches_rfc_7636() {
    let text = "é & = ? #";
    assert_eq!(decode(&encode(text)).as_deref(), Some(text));
    // RFC 7636 appendix B: SHA-256 of the verifier, base64url.
    let digest: [u8; 32] = [
        19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173,
        109, 241, 68, 86, 110, 225, 137, 74, 203, 112, 249, 195,
    ];
    assert_eq!(
        base64_url(&digest),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    assert_eq!(
        without_fragment("https://p/x?a=1#access_token=t"),
        "https://p/x?a=1"
    );
}

#[test]
fn an_attempt_is_kept_and_read_back_as_it_was() {
    let mut pkce = attempt("s\"1", 1_733_245_678_901.0);
    pkce.code_verifier = Some("verifier".into());
    pkce.popup = true;
    for kept in [attempt("s1", 1_733_245_678_901.0), pkce] {
        assert_eq!(
            Attempt::from_json_text(&kept.to_storage()),
            Ok(kept.clone())
        );
    }
    // As the widget wrote it before (with serde): a fraction of a
    // millisecond, no verifier and no popup flag.
    let before =
        r#"{"state":"s1","startedMs":1733245678901.0,"redirectUri":"https://portal.example/"}"#;
    let read = Attempt::from_json_text(before).unwrap();
    assert_eq!(read.started_ms, 1_733_245_678_901.0);
    assert_eq!((read.code_verifier, read.popup), (None, false));
    let problem = Attempt::from_json_text(r#"{"state":"s1","startedMs":-1,"redirectUri":"/"}"#);
    assert_eq!(
        problem.unwrap_err().to_string(),
        "startedMs: expected a count, found -1"
    );
}
