//! The implicit grant with its session cookie, and the code grant with
//! PKCE, over real HTTP.

use mobproc_sandbox::ids::base64_url;
use mobproc_types::{Me, OAuthError, TokenResponse, TokenValidation};
use reqwest::{header, StatusCode};
use sha2::{Digest, Sha256};

use crate::{location_of, redirect_params, session_cookie, Server, SIGN_IN};

#[tokio::test]
async fn implicit_flow_with_session_cookie() {
    let server = Server::start().await;
    let callback = server.callback();
    let request = [
        ("response_type", "token"),
        ("client_id", "mobproc-widget"),
        ("redirect_uri", callback.as_str()),
        ("scope", "MOBPROC"),
        ("state", "st/4 & more"),
    ];
    let page = server.authorize(&request, None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'"));
    assert!(page
        .text()
        .await
        .unwrap()
        .contains(r#"<label for="username">"#));
    let page = server.sign_in_page(&request).await;

    let signed_in = server.submit(&page, &SIGN_IN).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let cookie = session_cookie(&signed_in);
    let location = location_of(&signed_in);
    assert!(
        location.starts_with(&format!("{callback}#access_token=")),
        "{location}"
    );
    let params = redirect_params(&location);
    assert_eq!(params["state"], "st/4 & more");
    assert_eq!(params["token_type"], "Bearer");
    assert_eq!(params["scope"], "MOBPROC");
    let token = &params["access_token"];

    let validation: TokenValidation = server.introspect(token).await.json().await.unwrap();
    assert_eq!(validation.client_id, "mobproc-widget");
    assert_eq!(validation.access_token.identifier, "peter.edwards");
    assert_eq!(validation.access_token.tenant, "ACME");
    assert_eq!(validation.access_token.platform, "command");

    // The API accepts the token.
    let me = server
        .http
        .get(format!("{}/mobproc/v1/me", server.base))
        .bearer_auth(token)
        .header("X-TNGO-TENANT", "ACME")
        .header("client_id", "mobproc-widget")
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me: Me = me.json().await.unwrap();
    assert_eq!(me.user.first_name, "Peter");

    // Signed in: the next authorization answers at once, with a new token.
    let again = server.authorize(&request, Some(&cookie)).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let second = redirect_params(&location_of(&again));
    assert_ne!(&second["access_token"], token);
    assert_eq!(
        server.introspect(&second["access_token"]).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn code_flow_with_pkce() {
    let server = Server::start().await;
    let callback = server.callback();
    let verifier = "a-long-enough-verifier-for-rfc-7636-0123456789";
    let challenge = base64_url(&Sha256::digest(verifier.as_bytes()));
    let request = [
        ("response_type", "code"),
        ("client_id", "mobproc-widget"),
        ("redirect_uri", callback.as_str()),
        ("scope", "MOBPROC"),
        ("state", "pkce"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let page = server.sign_in_page(&request).await;
    let signed_in = server.submit(&page, &SIGN_IN).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let location = location_of(&signed_in);
    assert!(
        location.starts_with(&format!("{callback}?code=")),
        "{location}"
    );
    let params = redirect_params(&location);
    assert_eq!(params["state"], "pkce");

    let exchange = [
        ("grant_type", "authorization_code"),
        ("client_id", "mobproc-widget"),
        ("code", params["code"].as_str()),
        ("redirect_uri", callback.as_str()),
        ("code_verifier", verifier),
    ];
    let answer = server.token(&exchange).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.headers()[header::CACHE_CONTROL], "no-store");
    let tokens: TokenResponse = answer.json().await.unwrap();
    assert!(tokens.refresh_token.is_some());
    let validation: TokenValidation = server
        .introspect(&tokens.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(validation.access_token.identifier, "peter.edwards");

    let reused = server.token(&exchange).await;
    assert_eq!(reused.status(), StatusCode::BAD_REQUEST);
    let error: OAuthError = reused.json().await.unwrap();
    assert_eq!(error.error, "invalid_grant");
    assert_eq!(
        server.introspect(&tokens.access_token).await.status(),
        StatusCode::UNAUTHORIZED
    );
}
