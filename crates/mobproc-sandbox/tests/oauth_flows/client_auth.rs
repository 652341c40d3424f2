//! HTTP Basic client authentication at the token endpoint, over real HTTP.

use mobproc_types::{OAuthError, TokenResponse};
use reqwest::{header, StatusCode};

use crate::Server;

#[tokio::test]
async fn http_basic_client_authentication() {
    let server = Server::start().await;
    let body = [
        ("grant_type", "password"),
        ("username", "peter.edwards"),
        ("password", "sandbox"),
        ("scope", "MOBPROC"),
    ];
    let post = || server.http.post(format!("{}/as/token.oauth2", server.base));
    let answer = post()
        .basic_auth("acme-integration", Some("acme-integration-secret"))
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let tokens: TokenResponse = answer.json().await.unwrap();
    assert_eq!(
        server.introspect(&tokens.access_token).await.status(),
        StatusCode::OK
    );

    let wrong = post()
        .basic_auth("acme-integration", Some("wrong"))
        .form(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let challenge = wrong.headers()[header::WWW_AUTHENTICATE].to_str().unwrap();
    assert!(challenge.starts_with("Basic "), "{challenge}");
    let error: OAuthError = wrong.json().await.unwrap();
    assert_eq!(error.error, "invalid_client");

    let both = [
        body.as_slice(),
        &[("client_secret", "acme-integration-secret")],
    ]
    .concat();
    let twice = post()
        .basic_auth("acme-integration", Some("acme-integration-secret"))
        .form(&both)
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), StatusCode::BAD_REQUEST);
    let error: OAuthError = twice.json().await.unwrap();
    assert_eq!(error.error, "invalid_request");
}
