//! The authorization endpoint: client, redirect URI and protocol checks.

use super::*;

// --- the authorization endpoint: client and redirect URI checks ---

#[tokio::test]
async fn unknown_or_missing_client_gets_an_error_page_and_no_redirect() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    for pairs in [
        with(&request, "client_id", "nobody"),
        without(&request, "client_id"),
        without(&request, "redirect_uri"),
    ] {
        let reply = sandbox.authorize(&pairs, None).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(reply.location().is_none());
        assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), CSP);
        assert!(reply.body.contains("cannot go on"), "{}", reply.body);
    }
}

#[tokio::test]
async fn redirect_uris_must_match_exactly() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    for uri in [
        "http://127.0.0.1:8080/oauth-callback.html/extra",
        "http://127.0.0.1:8080/oauth-callback.html/",
        "http://127.0.0.1:8080/oauth-callback",
        "http://127.0.0.1:8080.evil.example/oauth-callback.html",
        "http://127.0.0.1:9999/oauth-callback.html",
        "http://evil.example/oauth-callback.html",
        "http://127.0.0.1:8080/oauth-callback.html?x=1",
    ] {
        let reply = sandbox
            .authorize(&with(&request, "redirect_uri", uri), None)
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(reply.location().is_none(), "{uri}");
        let form = [
            with(&request, "redirect_uri", uri),
            vec![("action", "cancel")],
        ]
        .concat();
        let posted = sandbox.post("/as/authorization.oauth2", &form, None).await;
        assert_eq!(posted.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(posted.location().is_none(), "{uri}");
    }
    let localhost = with(&request, "redirect_uri", "http://localhost:8080/index.html");
    assert_eq!(
        sandbox.authorize(&localhost, None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_redirect_uri_error_page_names_only_the_uri_sent() {
    let sandbox = Sandbox::new().await;
    let sent = "http://evil.example/<b>cb</b>?a=1&b=2";
    let reply = sandbox
        .authorize(&with(&implicit("s"), "redirect_uri", sent), None)
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let html = &reply.body;
    assert!(
        html.contains("http://evil.example/&lt;b&gt;cb&lt;/b&gt;?a=1&amp;b=2"),
        "{html}"
    );
    assert!(html.contains("is not registered for this client"), "{html}");
    assert!(!html.contains("<b>cb"));
    // None of the URIs the client may use is listed.
    for allowed in [
        "oauth-callback.html",
        "index.html",
        "portal.html",
        "127.0.0.1:8080/",
    ] {
        assert!(!html.contains(allowed), "{allowed}: {html}");
    }
}

#[tokio::test]
async fn a_redirect_uri_with_a_query_keeps_it() {
    let sandbox = Sandbox::with(|config| {
        config.redirect_uris = vec!["http://localhost:3000/cb?app=1".into()];
    })
    .await;
    let request = with(
        &code_request(),
        "redirect_uri",
        "http://localhost:3000/cb?app=1",
    );
    let (reply, _) = sandbox.sign_in(&request).await;
    let location = reply.location().unwrap();
    assert!(
        location.starts_with("http://localhost:3000/cb?app=1&code="),
        "{location}"
    );
}

// --- the authorization endpoint: protocol errors go back to the client ---

#[tokio::test]
async fn protocol_errors_are_redirected_with_the_state() {
    let sandbox = Sandbox::new().await;
    let token = implicit("s1");
    let code = code_request();
    let cases = [
        (
            with(&token, "response_type", "id_token"),
            "unsupported_response_type",
            '?',
        ),
        (without(&token, "response_type"), "invalid_request", '?'),
        (with(&token, "scope", "openid"), "invalid_scope", '#'),
        (without(&token, "scope"), "invalid_scope", '#'),
        (with(&token, "prompt", "consent"), "invalid_request", '#'),
        (without(&code, "code_challenge"), "invalid_request", '?'),
        (
            with(&code, "code_challenge_method", "plain"),
            "invalid_request",
            '?',
        ),
        (
            without(&code, "code_challenge_method"),
            "invalid_request",
            '?',
        ),
        (
            with(&code, "code_challenge", "short"),
            "invalid_request",
            '?',
        ),
        (with(&code, "scope", "MOBPROCX"), "invalid_scope", '?'),
        (with(&token, "prompt", "none"), "login_required", '#'),
    ];
    for (pairs, error, separator) in cases {
        let reply = sandbox.authorize(&pairs, None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{error}");
        let location = reply.location().unwrap();
        assert!(
            location.starts_with(&format!("{CALLBACK}{separator}error=")),
            "{location}"
        );
        let params = reply.redirect_params();
        assert_eq!(params["error"], error, "{location}");
        assert!(!params["error_description"].is_empty());
        assert_eq!(
            params.get("state"),
            pairs
                .iter()
                .find(|p| p.0 == "state")
                .map(|p| p.1.to_owned())
                .as_ref()
        );
    }
}

#[tokio::test]
async fn cancel_answers_access_denied() {
    let sandbox = Sandbox::new().await;
    let request = implicit("keep me");
    let pass = sandbox.sign_in_form(&request).await;
    let reply = sandbox
        .post_form(&request, &pass, &[("action", "cancel")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.location().unwrap(),
        format!("{CALLBACK}#error=access_denied&error_description=The+user+cancelled+sign-in&state=keep+me")
    );
    assert!(reply.session_cookie().is_none());

    let pass = sandbox.sign_in_form(&code_request()).await;
    let reply = sandbox
        .post_form(&code_request(), &pass, &[("action", "cancel")])
        .await;
    assert!(reply
        .location()
        .unwrap()
        .starts_with(&format!("{CALLBACK}?error=access_denied&")));
}
