//! The authorization code flow, and code replay.

use super::*;

// --- the code flow ---

#[tokio::test]
async fn the_code_flow_issues_tokens_once() {
    let sandbox = Sandbox::new().await;
    let code = get_code(&sandbox).await;
    let reply = sandbox.token(&exchange(&code)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    let tokens: TokenResponse = reply.json();
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(tokens.expires_in, 3600);
    assert_eq!(tokens.scope.as_deref(), Some("MOBPROC"));
    assert!(tokens.refresh_token.is_some());
    assert_eq!(
        sandbox.introspect(&tokens.access_token).await.status,
        StatusCode::OK
    );

    let reuse = sandbox.token(&exchange(&code)).await;
    assert_eq!(reuse.status, StatusCode::BAD_REQUEST);
    assert_eq!(reuse.oauth_error(), "invalid_grant");
    assert_eq!(
        sandbox.introspect(&tokens.access_token).await.status,
        StatusCode::UNAUTHORIZED
    );
    let refresh = sandbox
        .token(&[
            ("grant_type", "refresh_token"),
            ("client_id", WIDGET),
            ("refresh_token", tokens.refresh_token.as_deref().unwrap()),
        ])
        .await;
    assert_eq!(refresh.oauth_error(), "invalid_grant");
}

#[tokio::test]
async fn a_code_is_refused_when_anything_differs() {
    let sandbox = Sandbox::new().await;
    let other_verifier = "x".repeat(43);
    let cases: Vec<(Pairs, &str)> = vec![
        (
            vec![("code_verifier", other_verifier.as_str())],
            "invalid_grant",
        ),
        (
            vec![("redirect_uri", "http://127.0.0.1:8080/index.html")],
            "invalid_grant",
        ),
        (
            vec![
                ("client_id", INTEGRATION),
                ("client_secret", INTEGRATION_SECRET),
            ],
            "invalid_grant",
        ),
    ];
    for (changes, error) in cases {
        let code = get_code(&sandbox).await;
        let mut pairs = exchange(&code);
        for (name, value) in changes {
            pairs = with(&pairs, name, value);
        }
        let reply = sandbox.token(&pairs).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{pairs:?}");
        assert_eq!(reply.oauth_error(), error, "{pairs:?}");
        // A refused code is spent.
        assert_eq!(
            sandbox.token(&exchange(&code)).await.oauth_error(),
            "invalid_grant"
        );
    }
    let unknown = sandbox.token(&exchange("not-a-code")).await;
    assert_eq!(unknown.oauth_error(), "invalid_grant");
}

#[tokio::test]
async fn replaying_a_code_revokes_only_its_own_tokens_and_only_with_its_verifier() {
    let sandbox = Sandbox::new().await;
    let old_code = get_code(&sandbox).await;
    let old: TokenResponse = sandbox.token(&exchange(&old_code)).await.json();
    // The old grant's refresh token rotates: its successor is the grant's too.
    let rotated: TokenResponse = sandbox
        .token(&widget_refresh(old.refresh_token.as_deref().unwrap()))
        .await
        .json();
    // A later, independent sign-in of the same user with the same client.
    sandbox.state.clock.advance(10);
    let new_code = get_code(&sandbox).await;
    let new: TokenResponse = sandbox.token(&exchange(&new_code)).await.json();

    // Replays that are not the code's own client and verifier revoke nothing,
    // however often and however late.
    sandbox.state.clock.advance(3000);
    let other_verifier = "y".repeat(43);
    let wrong: Vec<Pairs> = vec![
        with(&exchange(&old_code), "code_verifier", &other_verifier),
        with(
            &with(&exchange(&old_code), "client_id", INTEGRATION),
            "client_secret",
            INTEGRATION_SECRET,
        ),
        with(
            &exchange(&old_code),
            "redirect_uri",
            "http://127.0.0.1:8080/index.html",
        ),
    ];
    for pairs in wrong.iter().chain(wrong.iter()) {
        let reply = sandbox.token(pairs).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{pairs:?}");
        assert_eq!(reply.oauth_error(), "invalid_grant", "{pairs:?}");
    }
    assert!(sandbox.is_live(&rotated.access_token).await);
    assert!(sandbox.is_live(&new.access_token).await);

    // The code's own replay revokes its grant (the rotated tokens too) and
    // nothing else.
    let reply = sandbox.token(&exchange(&old_code)).await;
    assert_eq!(reply.oauth_error(), "invalid_grant");
    assert!(reply.body.contains("revoked"), "{}", reply.body);
    assert!(!sandbox.is_live(&old.access_token).await);
    assert!(!sandbox.is_live(&rotated.access_token).await);
    let rotated_refresh = rotated.refresh_token.clone().unwrap();
    assert_eq!(
        sandbox
            .token(&widget_refresh(&rotated_refresh))
            .await
            .oauth_error(),
        "invalid_grant"
    );
    assert!(sandbox.is_live(&new.access_token).await);
    let new_refresh = new.refresh_token.clone().unwrap();
    assert_eq!(
        sandbox.token(&widget_refresh(&new_refresh)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn codes_expire_after_a_minute() {
    let sandbox = Sandbox::new().await;
    let code = get_code(&sandbox).await;
    sandbox.state.clock.advance(60);
    let reply = sandbox.token(&exchange(&code)).await;
    assert_eq!(reply.oauth_error(), "invalid_grant");
    assert!(reply.body.contains("expired"));
}

#[tokio::test]
async fn code_exchange_needs_every_parameter() {
    let sandbox = Sandbox::new().await;
    let code = get_code(&sandbox).await;
    for name in ["code", "redirect_uri", "code_verifier", "client_id"] {
        let reply = sandbox.token(&without(&exchange(&code), name)).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{name}");
        assert_eq!(reply.oauth_error(), "invalid_request", "{name}");
    }
    let short = with(&exchange(&code), "code_verifier", "too-short");
    assert_eq!(sandbox.token(&short).await.oauth_error(), "invalid_request");
    // None of these spent the code.
    assert_eq!(sandbox.token(&exchange(&code)).await.status, StatusCode::OK);
}
