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
        let headers: Vec<_> = cookie
            .map(|cookie| ("cookie", cookie))
            .into_iter()
            .collect();
        self.post_with(uri, pairs, &headers).await
    }

    /// POSTs a form with extra request headers.
    async fn post_with(
        &self,
        uri: &str,
        pairs: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut request =
            Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(form_encode_pairs(pairs))).unwrap())
            .await
    }

    /// Whether introspection accepts the access token.
    async fn is_live(&self, token: &str) -> bool {
        self.introspect(token).await.status == StatusCode::OK
    }

    /// How many sign-in sessions exist.
    async fn session_count(&self) -> i64 {
        self.state
            .db
            .run(|c| Ok(c.query_row("SELECT COUNT(*) FROM oauth_sessions", [], |row| row.get(0))?))
            .await
            .unwrap()
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

    /// Shows the sign-in page for `request`, as a browser with no cookie
    /// would; answers the page's form token and its `PF_FORM=...` cookie.
    async fn sign_in_form(&self, request: &[(&str, &str)]) -> FormPass {
        let page = self.authorize(request, None).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        page.form_pass()
    }

    /// Posts the sign-in form for `request` with `fields`, the way the
    /// browser that got `pass` would: its token in the form, its cookie.
    async fn post_form(
        &self,
        request: &[(&str, &str)],
        pass: &FormPass,
        fields: &[(&'static str, &str)],
    ) -> Reply {
        let mut form = request.to_vec();
        form.push(("form_token", pass.token.as_str()));
        form.extend_from_slice(fields);
        self.post("/as/authorization.oauth2", &form, Some(&pass.cookie))
            .await
    }

    /// Signs in through the form (shown first, for its token); answers the
    /// redirect and the `PF=...` cookie.
    async fn sign_in(&self, request: &[(&str, &str)]) -> (Reply, String) {
        let pass = self.sign_in_form(request).await;
        let reply = self.post_form(request, &pass, &PETER).await;
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

    /// The `name=value` of the `Set-Cookie` for cookie `name`, if any.
    fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|value| value.to_str().unwrap())
            .find(|value| value.starts_with(&format!("{name}=")))
            .map(|value| value.split(';').next().unwrap().to_owned())
    }

    fn session_cookie(&self) -> Option<String> {
        self.cookie("PF")
    }

    /// The sign-in page's form token and the cookie that goes with it.
    fn form_pass(&self) -> FormPass {
        let start = r#"<input type="hidden" name="form_token" value=""#;
        let at = self.body.find(start).expect("a form_token field") + start.len();
        let token = self.body[at..].split('"').next().unwrap().to_owned();
        let cookie = self.cookie("PF_FORM").expect("a PF_FORM cookie");
        assert_eq!(cookie, format!("PF_FORM={token}"));
        FormPass { token, cookie }
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(name).unwrap().to_str().unwrap()
    }
}

/// What a browser holds after seeing the sign-in page: the form's token
/// and the `PF_FORM=...` cookie.
struct FormPass {
    token: String,
    cookie: String,
}

/// Form or query parameters, by name.
type Pairs<'a> = Vec<(&'static str, &'a str)>;

/// The sign-in form's fields for Peter.
const PETER: [(&str, &str); 3] = [
    ("username", "peter.edwards"),
    ("password", "sandbox"),
    ("action", "login"),
];

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
    // The anti-CSRF token: in a hidden field and in a strict cookie.
    let pass = reply.form_pass();
    assert_eq!(pass.token.len(), 43);
    let set_cookie = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap())
        .find(|value| value.starts_with("PF_FORM="))
        .unwrap();
    for part in [
        "Max-Age=3600",
        "Path=/as/authorization.oauth2",
        "HttpOnly",
        "SameSite=Strict",
    ] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    // A same-origin policy, so that browsers send the form's real Origin.
    assert_eq!(reply.header(header::REFERRER_POLICY), "same-origin");
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
        let pass = sandbox.sign_in_form(&implicit("s")).await;
        let fields = [
            ("action", "login"),
            ("username", username),
            ("password", password),
        ];
        let reply = sandbox.post_form(&implicit("s"), &pass, &fields).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{username}");
        assert!(reply.location().is_none());
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains("Wrong username or password."));
        assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), SIGN_IN_CSP);
        // The page again, with the same token: the next try works.
        assert_eq!(reply.form_pass().token, pass.token);
    }
}

// --- the sign-in form against login CSRF ---

/// Asserts a refused sign-in form: the 403 error page, no redirect, no cookie.
fn assert_refused_form(reply: &Reply, what: &str) {
    assert_eq!(
        reply.status,
        StatusCode::FORBIDDEN,
        "{what}: {}",
        reply.body
    );
    assert!(reply.location().is_none(), "{what}");
    assert!(reply.session_cookie().is_none(), "{what}");
    assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), CSP, "{what}");
    assert!(
        reply.body.contains("cannot go on"),
        "{what}: {}",
        reply.body
    );
    assert!(
        reply.body.contains("nobody was signed in"),
        "{what}: {}",
        reply.body
    );
}

#[tokio::test]
async fn a_cross_site_sign_in_plants_no_session() {
    // Mallory shows herself the sign-in page and makes Peter's browser post
    // it, with her credentials, from her site.
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let mallory = sandbox.sign_in_form(&request).await;
    let mut form = request.clone();
    form.extend([
        ("form_token", mallory.token.as_str()),
        ("username", "mallory"),
        ("password", "sandbox"),
        ("action", "login"),
    ]);
    let evil = ("origin", "http://evil.example");
    // Peter's browser has no PF_FORM cookie (or SameSite=Strict keeps it home).
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &[evil])
        .await;
    assert_refused_form(&reply, "no cookie, foreign origin");
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &[])
        .await;
    assert_refused_form(&reply, "no cookie, no origin");
    // Even a matching cookie does not help a form from another origin.
    let with_cookie = [evil, ("cookie", mallory.cookie.as_str())];
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &with_cookie)
        .await;
    assert_refused_form(&reply, "matching cookie, foreign origin");
    assert_eq!(sandbox.session_count().await, 0);
    // So a silent request afterwards finds nobody signed in.
    let silent = with(&request, "prompt", "none");
    let reply = sandbox.authorize(&silent, None).await;
    assert_eq!(reply.redirect_params()["error"], "login_required");
}

#[tokio::test]
async fn the_form_token_must_echo_the_cookie() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let mine = sandbox.sign_in_form(&request).await;
    let other = sandbox.sign_in_form(&request).await;
    assert_ne!(mine.token, other.token);
    let cases: [(&str, Option<&str>, Option<&str>); 5] = [
        ("neither", None, None),
        ("no cookie", Some(&mine.token), None),
        ("no token", None, Some(&mine.cookie)),
        (
            "another page's token",
            Some(&other.token),
            Some(&mine.cookie),
        ),
        ("an empty token", Some(""), Some("PF_FORM=")),
    ];
    for (what, token, cookie) in cases {
        for action in ["login", "cancel"] {
            let mut form = request.clone();
            if let Some(token) = token {
                form.push(("form_token", token));
            }
            form.extend([
                ("username", "peter.edwards"),
                ("password", "sandbox"),
                ("action", action),
            ]);
            let reply = sandbox
                .post("/as/authorization.oauth2", &form, cookie)
                .await;
            assert_refused_form(&reply, &format!("{what}, {action}"));
        }
    }
    assert_eq!(sandbox.session_count().await, 0);
    // The right pair signs in.
    let reply = sandbox.post_form(&request, &mine, &PETER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.session_cookie().is_some());
}

#[tokio::test]
async fn the_form_must_come_from_the_sandbox_origin() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let pass = sandbox.sign_in_form(&request).await;
    let mut form = request.clone();
    form.push(("form_token", pass.token.as_str()));
    form.extend(PETER);
    let host = ("host", "127.0.0.1:8080");
    let cookie = ("cookie", pass.cookie.as_str());
    let own_page = "http://127.0.0.1:8080/as/authorization.oauth2?client_id=mobproc-widget";
    let passing: [&[(&str, &str)]; 5] = [
        &[("origin", "http://127.0.0.1:8080")],
        &[("origin", "http://localhost:8080")],
        &[("referer", own_page)],
        &[("origin", "null"), ("sec-fetch-site", "same-origin")],
        &[],
    ];
    for extra in passing {
        let headers = [&[host, cookie][..], extra].concat();
        let reply = sandbox
            .post_with("/as/authorization.oauth2", &form, &headers)
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{extra:?}: {}",
            reply.body
        );
        assert!(reply.session_cookie().is_some(), "{extra:?}");
    }
    let sessions = sandbox.session_count().await;
    let refused: [&[(&str, &str)]; 6] = [
        &[("origin", "http://evil.example")],
        &[("origin", "http://127.0.0.1:8081")],
        &[("origin", "null")],
        &[("origin", "null"), ("sec-fetch-site", "cross-site")],
        &[("referer", "http://evil.example/attack.html")],
        &[("origin", "http://evil.example"), ("referer", own_page)],
    ];
    for extra in refused {
        let headers = [&[host, cookie][..], extra].concat();
        let reply = sandbox
            .post_with("/as/authorization.oauth2", &form, &headers)
            .await;
        assert_refused_form(&reply, &format!("{extra:?}"));
        assert!(reply.body.contains("from another site"), "{}", reply.body);
    }
    assert_eq!(sandbox.session_count().await, sessions);
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

/// A refresh request of the widget (a public client).
fn widget_refresh(token: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "refresh_token"),
        ("client_id", WIDGET),
        ("refresh_token", token),
    ]
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

// --- client authentication with HTTP Basic ---

/// `Basic base64(urlencode(id):urlencode(secret))`, as RFC 6749 section 2.3.1 has it.
fn basic(id: &str, secret: &str) -> String {
    let joined = format!(
        "{}:{}",
        super::encoding::form_urlencode(id),
        super::encoding::form_urlencode(secret)
    );
    let mut encoded = crate::ids::base64_url(joined.as_bytes())
        .replace('-', "+")
        .replace('_', "/");
    while !encoded.len().is_multiple_of(4) {
        encoded.push('=');
    }
    format!("Basic {encoded}")
}

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
