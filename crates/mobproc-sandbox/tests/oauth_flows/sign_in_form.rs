//! The sign-in form over real HTTP: cancelling sign-in, and a cross-site
//! sign-in refused.

use mobproc_types::TokenValidation;
use reqwest::{header, StatusCode};

use crate::{location_of, redirect_params, session_cookie, Server, SignInPage, SIGN_IN};

#[tokio::test]
async fn cancelling_sign_in() {
    let server = Server::start().await;
    let callback = server.callback();
    let request = [
        ("response_type", "token"),
        ("client_id", "mobproc-widget"),
        ("redirect_uri", callback.as_str()),
        ("scope", "MOBPROC"),
        ("state", "bye"),
    ];
    let page = server.sign_in_page(&request).await;
    let cancelled = server.submit(&page, &[("action", "cancel")]).await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    assert!(cancelled.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(
        location_of(&cancelled),
        format!(
            "{callback}#error=access_denied&error_description=The+user+cancelled+sign-in&state=bye"
        )
    );
}

#[tokio::test]
async fn a_cross_site_sign_in_is_refused() {
    let server = Server::start().await;
    let callback = server.callback();
    let request = [
        ("response_type", "token"),
        ("client_id", "mobproc-widget"),
        ("redirect_uri", callback.as_str()),
        ("scope", "MOBPROC"),
        ("state", "csrf"),
    ];
    // Mallory's own copy of the page: a form token that is hers.
    let mallory = server.sign_in_page(&request).await;
    let as_mallory = [
        ("username", "mallory"),
        ("password", "sandbox"),
        ("action", "login"),
    ];
    // Posted from her site, even with a matching cookie: refused.
    let forged = server
        .submit_from(&mallory, &as_mallory, "http://evil.example")
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(forged.headers().get(header::SET_COOKIE).is_none());
    assert!(forged.headers().get(header::LOCATION).is_none());
    // Posted into Peter's browser, which has its own PF_FORM cookie (or
    // none at all): the token does not match, refused too.
    let peter = server.sign_in_page(&request).await;
    let mixed = SignInPage {
        html: mallory.html.clone(),
        cookie: peter.cookie.clone(),
    };
    let forged = server.submit(&mixed, &as_mallory).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(forged.headers().get(header::SET_COOKIE).is_none());
    let page = forged.text().await.unwrap();
    assert!(page.contains("nobody was signed in"), "{page}");

    // Peter's own form still signs him in.
    let signed_in = server.submit(&peter, &SIGN_IN).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let cookie = session_cookie(&signed_in);
    let silent = [request.as_slice(), &[("prompt", "none")]].concat();
    let again = server.authorize(&silent, Some(&cookie)).await;
    let params = redirect_params(&location_of(&again));
    let validation: TokenValidation = server
        .introspect(&params["access_token"])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(validation.access_token.identifier, "peter.edwards");
}
