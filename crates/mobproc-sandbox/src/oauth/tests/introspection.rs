//! Token introspection.

use super::*;

// --- introspection ---

#[tokio::test]
async fn introspection_describes_live_tokens() {
    let sandbox = Sandbox::new().await;
    let tokens = sandbox.password_grant("rivermine://chloe.tremblay").await;
    sandbox.state.clock.advance(600);
    let reply = sandbox.introspect(&tokens.access_token).await;
    assert_eq!(reply.status, StatusCode::OK);
    let validation: TokenValidation = reply.json();
    assert_eq!(validation.scope, "MOBPROC");
    assert_eq!(validation.client_id, INTEGRATION);
    assert!(
        (2995..=3000).contains(&validation.expires_in),
        "{}",
        validation.expires_in
    );
    let subject = validation.access_token;
    assert_eq!(subject.platform, "rivermine");
    assert_eq!(subject.tenant, "GLOBEX");
    assert_eq!(subject.multitenant, "false");
    assert_eq!(subject.domain.as_deref(), Some("*"));
    assert_eq!(subject.identity_provider, "sandbox");
    assert_eq!(subject.identifier, "chloe.tremblay");

    let bearer = Request::get("/as/introspect.oauth2")
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", tokens.access_token),
        )
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        sandbox
            .send(bearer)
            .await
            .json::<TokenValidation>()
            .client_id,
        INTEGRATION
    );
}

#[tokio::test]
async fn introspection_refuses_unknown_and_expired_tokens() {
    let sandbox = Sandbox::new().await;
    let missing = sandbox.get("/as/introspect.oauth2", None).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.oauth_error(), "invalid_request");

    let unknown = sandbox.introspect("nope").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.oauth_error(), "invalid_token");
    assert!(unknown
        .header(header::WWW_AUTHENTICATE)
        .contains("invalid_token"));

    // Lifetimes to the second: the system's clock must not tick meanwhile.
    sandbox.state.clock.freeze();
    let tokens = sandbox.password_grant("peter.edwards").await;
    let (reply, _) = sandbox.sign_in(&implicit("s")).await;
    let implicit_token = reply.redirect_params()["access_token"].clone();
    sandbox.state.clock.advance(3599);
    assert_eq!(
        sandbox.introspect(&tokens.access_token).await.status,
        StatusCode::OK
    );
    sandbox.state.clock.advance(1);
    for token in [&tokens.access_token, &implicit_token] {
        let expired = sandbox.introspect(token).await;
        assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
        assert_eq!(expired.oauth_error(), "invalid_token");
    }
}
