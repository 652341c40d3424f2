//! The password and refresh grants, and refresh-token reuse.

use super::*;

// --- the password and refresh grants ---

#[tokio::test]
async fn the_password_grant_checks_client_user_and_platform() {
    let sandbox = Sandbox::new().await;
    for username in [
        "command://peter.edwards",
        "peter.edwards",
        "rivermine://chloe.tremblay",
    ] {
        let tokens = sandbox.password_grant(username).await;
        assert!(tokens.refresh_token.is_some());
    }
    let cases: Vec<(Pairs, StatusCode, &str)> = vec![
        (
            with(&password("peter.edwards"), "client_secret", "wrong"),
            StatusCode::UNAUTHORIZED,
            "invalid_client",
        ),
        (
            without(&password("peter.edwards"), "client_secret"),
            StatusCode::UNAUTHORIZED,
            "invalid_client",
        ),
        (
            with(&password("peter.edwards"), "client_id", "nobody"),
            StatusCode::UNAUTHORIZED,
            "invalid_client",
        ),
        (
            without(
                &with(&password("peter.edwards"), "client_id", WIDGET),
                "client_secret",
            ),
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
        ),
        (
            password("rivermine://peter.edwards"),
            StatusCode::BAD_REQUEST,
            "invalid_grant",
        ),
        (
            password("ldap://peter.edwards"),
            StatusCode::BAD_REQUEST,
            "invalid_grant",
        ),
        (password("nobody"), StatusCode::BAD_REQUEST, "invalid_grant"),
        (
            with(&password("peter.edwards"), "password", "wrong"),
            StatusCode::BAD_REQUEST,
            "invalid_grant",
        ),
        (
            with(&password("peter.edwards"), "scope", "openid"),
            StatusCode::BAD_REQUEST,
            "invalid_scope",
        ),
        (
            without(&password("peter.edwards"), "scope"),
            StatusCode::BAD_REQUEST,
            "invalid_scope",
        ),
        (
            without(&password("peter.edwards"), "username"),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            without(&password("peter.edwards"), "password"),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            without(&password("peter.edwards"), "client_id"),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            with(
                &password("peter.edwards"),
                "grant_type",
                "client_credentials",
            ),
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
        ),
        (
            without(&password("peter.edwards"), "grant_type"),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
    ];
    for (pairs, status, error) in cases {
        let reply = sandbox.token(&pairs).await;
        assert_eq!(reply.status, status, "{pairs:?}: {}", reply.body);
        assert_eq!(reply.oauth_error(), error, "{pairs:?}");
        assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    }
}

#[tokio::test]
async fn a_token_request_that_is_not_a_form_is_invalid() {
    let sandbox = Sandbox::new().await;
    let request = Request::post("/as/token.oauth2")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"grant_type":"password"}"#))
        .unwrap();
    let reply = sandbox.send(request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.oauth_error(), "invalid_request");
}

#[tokio::test]
async fn refresh_tokens_rotate() {
    let sandbox = Sandbox::new().await;
    let first = sandbox.password_grant("peter.edwards").await;
    let old_refresh = first.refresh_token.unwrap();
    let reply = sandbox.token(&refresh(&old_refresh)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let second: TokenResponse = reply.json();
    assert_ne!(second.access_token, first.access_token);
    let new_refresh = second.refresh_token.unwrap();
    assert_ne!(new_refresh, old_refresh);
    assert_eq!(
        sandbox.introspect(&second.access_token).await.status,
        StatusCode::OK
    );

    let reused = sandbox.token(&refresh(&old_refresh)).await;
    assert_eq!(reused.oauth_error(), "invalid_grant");
    let unknown = sandbox.token(&refresh("nope")).await;
    assert_eq!(unknown.oauth_error(), "invalid_grant");
    let other_client = [
        ("grant_type", "refresh_token"),
        ("client_id", WIDGET),
        ("refresh_token", new_refresh.as_str()),
    ];
    assert_eq!(
        sandbox.token(&other_client).await.oauth_error(),
        "invalid_grant"
    );
    let no_secret = without(&refresh(&new_refresh), "client_secret");
    assert_eq!(
        sandbox.token(&no_secret).await.oauth_error(),
        "invalid_client"
    );
    let missing = without(&refresh(&new_refresh), "refresh_token");
    assert_eq!(
        sandbox.token(&missing).await.oauth_error(),
        "invalid_request"
    );
    // A refresh token is not an access token.
    assert_eq!(
        sandbox.introspect(&new_refresh).await.status,
        StatusCode::UNAUTHORIZED
    );

    sandbox.state.clock.advance(24 * 3600);
    let expired = sandbox.token(&refresh(&new_refresh)).await;
    assert_eq!(expired.oauth_error(), "invalid_grant");
}

#[tokio::test]
async fn reusing_a_refresh_token_revokes_its_whole_grant() {
    let sandbox = Sandbox::new().await;
    let first = sandbox.password_grant("peter.edwards").await;
    let unrelated = sandbox.password_grant("peter.edwards").await;
    let old_refresh = first.refresh_token.unwrap();
    let second: TokenResponse = sandbox.token(&refresh(&old_refresh)).await.json();
    let third: TokenResponse = sandbox
        .token(&refresh(second.refresh_token.as_deref().unwrap()))
        .await
        .json();
    assert_eq!(
        sandbox.introspect(&third.access_token).await.status,
        StatusCode::OK
    );

    // A thief (or a confused client) presents the first, rotated, token.
    let reused = sandbox.token(&refresh(&old_refresh)).await;
    assert_eq!(reused.status, StatusCode::BAD_REQUEST);
    assert_eq!(reused.oauth_error(), "invalid_grant");
    // Every token of the grant is revoked: the latest refresh token ...
    let latest = third.refresh_token.unwrap();
    assert_eq!(
        sandbox.token(&refresh(&latest)).await.oauth_error(),
        "invalid_grant"
    );
    // ... and every access token.
    for token in [
        &first.access_token,
        &second.access_token,
        &third.access_token,
    ] {
        assert_eq!(
            sandbox.introspect(token).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Another sign-in of the same user and client is not touched.
    assert_eq!(
        sandbox.introspect(&unrelated.access_token).await.status,
        StatusCode::OK
    );
    let unrelated_refresh = unrelated.refresh_token.unwrap();
    assert_eq!(
        sandbox.token(&refresh(&unrelated_refresh)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_refresh_token_presented_by_another_client_revokes_nothing() {
    let sandbox = Sandbox::new().await;
    let first = sandbox.password_grant("peter.edwards").await;
    let old_refresh = first.refresh_token.unwrap();
    let second: TokenResponse = sandbox.token(&refresh(&old_refresh)).await.json();
    let other_client = [
        ("grant_type", "refresh_token"),
        ("client_id", WIDGET),
        ("refresh_token", old_refresh.as_str()),
    ];
    assert_eq!(
        sandbox.token(&other_client).await.oauth_error(),
        "invalid_grant"
    );
    assert_eq!(
        sandbox.introspect(&second.access_token).await.status,
        StatusCode::OK
    );
}
