//! Client authentication with HTTP Basic.

use super::*;

// --- client authentication with HTTP Basic ---

impl Sandbox {
    async fn token_with_basic(&self, authorization: &str, pairs: &[(&str, &str)]) -> Reply {
        self.post_with(
            "/as/token.oauth2",
            pairs,
            &[("authorization", authorization)],
        )
        .await
    }
}

#[tokio::test]
async fn the_token_endpoint_accepts_http_basic() {
    let sandbox = Sandbox::new().await;
    let authorization = basic(INTEGRATION, INTEGRATION_SECRET);
    let body = without(
        &without(&password("peter.edwards"), "client_id"),
        "client_secret",
    );
    let reply = sandbox.token_with_basic(&authorization, &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let tokens: TokenResponse = reply.json();
    let validation: TokenValidation = sandbox.introspect(&tokens.access_token).await.json();
    assert_eq!(validation.client_id, INTEGRATION);

    // The same client_id in the body too is fine; the refresh grant works alike.
    let refresh_body = [
        ("grant_type", "refresh_token"),
        ("client_id", INTEGRATION),
        ("refresh_token", tokens.refresh_token.as_deref().unwrap()),
    ];
    let reply = sandbox
        .token_with_basic(&authorization, &refresh_body)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The scheme's name is case-insensitive.
    let lower = authorization.replacen("Basic", "basic", 1);
    assert_eq!(
        sandbox.token_with_basic(&lower, &body).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn basic_and_a_body_secret_together_are_refused() {
    let sandbox = Sandbox::new().await;
    let authorization = basic(INTEGRATION, INTEGRATION_SECRET);
    let both = password("peter.edwards");
    let other_id = with(
        &without(&password("peter.edwards"), "client_secret"),
        "client_id",
        WIDGET,
    );
    for body in [
        both,
        without(&password("peter.edwards"), "client_id"),
        other_id,
    ] {
        let reply = sandbox.token_with_basic(&authorization, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(reply.oauth_error(), "invalid_request", "{body:?}");
    }
    for broken in ["Basic", "Basic !!!", "Basic aWQ"] {
        let body = without(&password("peter.edwards"), "client_secret");
        let reply = sandbox.token_with_basic(broken, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{broken}");
        assert_eq!(reply.oauth_error(), "invalid_request", "{broken}");
    }
}

#[tokio::test]
async fn wrong_basic_credentials_are_invalid_client_with_a_challenge() {
    let sandbox = Sandbox::new().await;
    let body = without(
        &without(&password("peter.edwards"), "client_id"),
        "client_secret",
    );
    for authorization in [
        basic(INTEGRATION, "wrong"),
        basic(INTEGRATION, ""),
        basic("nobody", INTEGRATION_SECRET),
        basic(WIDGET, ""),
        basic(&INTEGRATION.to_uppercase(), INTEGRATION_SECRET),
    ] {
        let reply = sandbox.token_with_basic(&authorization, &body).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{authorization}");
        assert_eq!(reply.oauth_error(), "invalid_client", "{authorization}");
        assert!(
            reply.header(header::WWW_AUTHENTICATE).starts_with("Basic "),
            "{authorization}"
        );
    }
    // Without Basic, a wrong body secret is still 401, without a challenge.
    let reply = sandbox
        .token(&with(&password("peter.edwards"), "client_secret", "wrong"))
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.headers.get(header::WWW_AUTHENTICATE).is_none());
    // Another scheme is not client authentication: the body decides.
    let reply = sandbox
        .post_with(
            "/as/token.oauth2",
            &password("peter.edwards"),
            &[("authorization", "Bearer something")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}
