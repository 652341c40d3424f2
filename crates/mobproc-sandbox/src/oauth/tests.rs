//! Router tests: every route of the authorization server, through the whole app.

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use mobproc_types::{OAuthError, TokenResponse, TokenValidation};
use reqwest::Url;
use tempfile::TempDir;
use tower::ServiceExt;

use super::encoding::form_encode_pairs;
use crate::{app, AppState, Config};

/// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const WIDGET: &str = "mobproc-widget";
const CALLBACK: &str = "http://127.0.0.1:8080/oauth-callback.html";
const INTEGRATION: &str = "acme-integration";
const INTEGRATION_SECRET: &str = "acme-integration-secret";
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
/// The sign-in page's policy also allows the redirect URI's origin.
const SIGN_IN_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     form-action 'self' http://127.0.0.1:8080; frame-ancestors 'none'";

struct Sandbox {
    state: AppState,
    _dir: TempDir,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Sandbox {
    async fn new() -> Self {
        Self::with(|_| {}).await
    }

    async fn with(configure: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_tests(dir.path().join("sandbox.sqlite3"));
        configure(&mut config);
        let state = AppState::open(config).unwrap();
        Sandbox { state, _dir: dir }
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8(bytes.to_vec()).unwrap(),
        }
    }

    async fn get(&self, uri: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(uri);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    async fn post(&self, uri: &str, pairs: &[(&str, &str)], cookie: Option<&str>) -> Reply {
        let mut request =
            Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(form_encode_pairs(pairs))).unwrap())
            .await
    }

    async fn authorize(&self, pairs: &[(&str, &str)], cookie: Option<&str>) -> Reply {
        let uri = format!("/as/authorization.oauth2?{}", form_encode_pairs(pairs));
        self.get(&uri, cookie).await
    }

    async fn token(&self, pairs: &[(&str, &str)]) -> Reply {
        self.post("/as/token.oauth2", pairs, None).await
    }

    async fn introspect(&self, token: &str) -> Reply {
        let uri = format!(
            "/as/introspect.oauth2?{}",
            form_encode_pairs(&[("token", token)])
        );
        self.get(&uri, None).await
    }

    /// Signs in through the form; answers the redirect and the `PF=...` cookie.
    async fn sign_in(&self, request: &[(&str, &str)]) -> (Reply, String) {
        let mut form = request.to_vec();
        form.extend([
            ("username", "peter.edwards"),
            ("password", "sandbox"),
            ("action", "login"),
        ]);
        let reply = self.post("/as/authorization.oauth2", &form, None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let cookie = reply.session_cookie().expect("a session cookie");
        (reply, cookie)
    }

    async fn password_grant(&self, username: &str) -> TokenResponse {
        let reply = self
            .token(&[
                ("grant_type", "password"),
                ("client_id", INTEGRATION),
                ("client_secret", INTEGRATION_SECRET),
                ("username", username),
                ("password", "sandbox"),
                ("scope", "MOBPROC"),
            ])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()
    }
}

impl Reply {
    fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .map(|value| value.to_str().unwrap())
    }

    /// The parameters of the redirect: the fragment's when there is one,
    /// else the query's.
    fn redirect_params(&self) -> HashMap<String, String> {
        let url = Url::parse(self.location().expect("a redirect")).unwrap();
        let encoded = url.fragment().or(url.query()).unwrap_or_default();
        let parsed = Url::parse(&format!("http://decode.invalid/?{encoded}")).unwrap();
        parsed.query_pairs().into_owned().collect()
    }

    fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn oauth_error(&self) -> String {
        self.json::<OAuthError>().error
    }

    fn session_cookie(&self) -> Option<String> {
        let set_cookie = self.headers.get(header::SET_COOKIE)?.to_str().unwrap();
        Some(set_cookie.split(';').next()?.to_owned())
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(name).unwrap().to_str().unwrap()
    }
}

/// Form or query parameters, by name.
type Pairs<'a> = Vec<(&'static str, &'a str)>;

fn implicit(state: &str) -> Pairs<'_> {
    vec![
        ("response_type", "token"),
        ("client_id", WIDGET),
        ("redirect_uri", CALLBACK),
        ("scope", "MOBPROC"),
        ("state", state),
    ]
}

fn code_request() -> Pairs<'static> {
    vec![
        ("response_type", "code"),
        ("client_id", WIDGET),
        ("redirect_uri", CALLBACK),
        ("scope", "openid MOBPROC"),
        ("state", "s-code"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
    ]
}

fn with<'a>(base: &[(&'static str, &'a str)], name: &'static str, value: &'a str) -> Pairs<'a> {
    let mut pairs: Vec<_> = base.iter().filter(|(n, _)| *n != name).copied().collect();
    pairs.push((name, value));
    pairs
}

fn without<'a>(base: &[(&'static str, &'a str)], name: &str) -> Pairs<'a> {
    base.iter().filter(|(n, _)| *n != name).copied().collect()
}

/// Signs in for a code and answers it.
async fn get_code(sandbox: &Sandbox) -> String {
    let (reply, _) = sandbox.sign_in(&code_request()).await;
    assert!(reply
        .location()
        .unwrap()
        .starts_with(&format!("{CALLBACK}?code=")));
    let params = reply.redirect_params();
    assert_eq!(params["state"], "s-code");
    params["code"].clone()
}

fn exchange(code: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "authorization_code"),
        ("client_id", WIDGET),
        ("code", code),
        ("redirect_uri", CALLBACK),
        ("code_verifier", VERIFIER),
    ]
}

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
    let form = [implicit("keep me"), vec![("action", "cancel")]].concat();
    let reply = sandbox.post("/as/authorization.oauth2", &form, None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        reply.location().unwrap(),
        format!("{CALLBACK}#error=access_denied&error_description=The+user+cancelled+sign-in&state=keep+me")
    );
    assert!(reply.session_cookie().is_none());

    let form = [code_request(), vec![("action", "cancel")]].concat();
    let reply = sandbox.post("/as/authorization.oauth2", &form, None).await;
    assert!(reply
        .location()
        .unwrap()
        .starts_with(&format!("{CALLBACK}?error=access_denied&")));
}

// --- the sign-in page and session ---

#[tokio::test]
async fn the_sign_in_page_carries_the_request_and_the_demo_users() {
    let sandbox = Sandbox::new().await;
    let reply = sandbox.authorize(&implicit("<\"state\">"), None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), SIGN_IN_CSP);
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    assert!(reply.header(header::CONTENT_TYPE).starts_with("text/html"));
    let html = &reply.body;
    assert!(html.contains("<title>Sign in — MOBPROC sandbox</title>"));
    assert!(html.contains(r#"<form method="post" action="/as/authorization.oauth2">"#));
    assert!(
        html.contains(r#"<input type="hidden" name="state" value="&lt;&quot;state&quot;&gt;">"#)
    );
    assert!(html.contains(&format!(r#"name="redirect_uri" value="{CALLBACK}""#)));
    assert!(html.contains(r#"name="action" value="login">Sign in<"#));
    assert!(html.contains(r#"name="action" value="cancel""#));
    assert!(html.contains("<code>peter.edwards</code>"));
    assert!(html.contains("<code>sandbox</code>"));
    assert!(!html.contains("<script"));
}

#[tokio::test]
async fn a_wrong_password_shows_the_page_again() {
    let sandbox = Sandbox::new().await;
    for (username, password) in [
        ("peter.edwards", "wrong"),
        ("nobody", "sandbox"),
        ("rivermine://peter.edwards", "sandbox"),
        ("", ""),
    ] {
        let form = [
            implicit("s"),
            vec![
                ("action", "login"),
                ("username", username),
                ("password", password),
            ],
        ]
        .concat();
        let reply = sandbox.post("/as/authorization.oauth2", &form, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{username}");
        assert!(reply.location().is_none());
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains("Wrong username or password."));
        assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), SIGN_IN_CSP);
    }
}

#[tokio::test]
async fn signing_in_issues_a_token_in_the_fragment_and_starts_a_session() {
    let sandbox = Sandbox::new().await;
    let (reply, cookie) = sandbox.sign_in(&implicit("abc 123")).await;
    let set_cookie = reply.header(header::SET_COOKIE);
    assert!(set_cookie.starts_with("PF="));
    for part in ["HttpOnly", "SameSite=Lax", "Path=/as", "Max-Age=28800"] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    let location = reply.location().unwrap();
    assert!(
        location.starts_with(&format!("{CALLBACK}#access_token=")),
        "{location}"
    );
    assert!(location.ends_with("&token_type=Bearer&expires_in=3600&scope=MOBPROC&state=abc+123"));
    let params = reply.redirect_params();
    assert!(!params.contains_key("refresh_token"));
    let validation: TokenValidation = sandbox.introspect(&params["access_token"]).await.json();
    assert_eq!(validation.client_id, WIDGET);
    assert_eq!(validation.access_token.identifier, "peter.edwards");

    // With the session: a token at once, without the page.
    let again = sandbox.authorize(&implicit("two"), Some(&cookie)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let second = again.redirect_params();
    assert_ne!(second["access_token"], params["access_token"]);
    assert_eq!(second["state"], "two");
    let silent = with(&implicit("s"), "prompt", "none");
    assert_eq!(
        sandbox.authorize(&silent, Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );

    // prompt=login always asks.
    let forced = with(&implicit("s"), "prompt", "login");
    let page = sandbox.authorize(&forced, Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"name="prompt" value="login""#));
}

#[tokio::test]
async fn no_state_means_no_state_in_the_answer() {
    let sandbox = Sandbox::new().await;
    let request = without(&implicit("s"), "state");
    let (reply, _) = sandbox.sign_in(&request).await;
    assert!(!reply.redirect_params().contains_key("state"));
    assert!(reply.location().unwrap().ends_with("&scope=MOBPROC"));
}

#[tokio::test]
async fn sessions_expire_after_eight_hours() {
    let sandbox = Sandbox::new().await;
    let (_, cookie) = sandbox.sign_in(&implicit("s")).await;
    sandbox.state.clock.advance(8 * 3600);
    let reply = sandbox.authorize(&implicit("s"), Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let silent = with(&implicit("s"), "prompt", "none");
    let reply = sandbox.authorize(&silent, Some(&cookie)).await;
    assert_eq!(reply.redirect_params()["error"], "login_required");
}

#[tokio::test]
async fn logout_ends_the_session() {
    let sandbox = Sandbox::new().await;
    let (_, cookie) = sandbox.sign_in(&implicit("s")).await;
    let uri = format!(
        "/as/logout.oauth2?redirect_uri={}",
        super::encoding::form_urlencode(CALLBACK)
    );
    let reply = sandbox.get(&uri, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.location().is_none());
    assert!(reply
        .header(header::SET_COOKIE)
        .starts_with("PF=; Max-Age=0"));
    assert!(reply.body.contains(&format!(r#"<a href="{CALLBACK}">"#)));
    let page = sandbox.authorize(&implicit("s"), Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);

    let elsewhere = sandbox
        .get(
            "/as/logout.oauth2?redirect_uri=http%3A%2F%2Fevil.example%2F",
            None,
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::OK);
    assert!(!elsewhere.body.contains("evil.example"));
}

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

// --- the password and refresh grants ---

fn password(username: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "password"),
        ("client_id", INTEGRATION),
        ("client_secret", INTEGRATION_SECRET),
        ("username", username),
        ("password", "sandbox"),
        ("scope", "MOBPROC"),
    ]
}

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

fn refresh(token: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "refresh_token"),
        ("client_id", INTEGRATION),
        ("client_secret", INTEGRATION_SECRET),
        ("refresh_token", token),
    ]
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
