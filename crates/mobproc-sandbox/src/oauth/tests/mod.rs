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
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'";
/// The sign-in page's policy also allows the redirect URI's origin.
const SIGN_IN_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
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
        let reply = self.token(&password(username)).await;
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

/// A refresh request of the widget (a public client).
fn widget_refresh(token: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "refresh_token"),
        ("client_id", WIDGET),
        ("refresh_token", token),
    ]
}

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

fn refresh(token: &str) -> Pairs<'_> {
    vec![
        ("grant_type", "refresh_token"),
        ("client_id", INTEGRATION),
        ("client_secret", INTEGRATION_SECRET),
        ("refresh_token", token),
    ]
}

/// `Basic base64(urlencode(id):urlencode(secret))`, as RFC 6749 section 2.3.1 has it.
fn basic(id: &str, secret: &str) -> String {
    let joined = format!(
        "{}:{}",
        crate::oauth::encoding::form_urlencode(id),
        crate::oauth::encoding::form_urlencode(secret)
    );
    let mut encoded = crate::ids::base64_url(joined.as_bytes())
        .replace('-', "+")
        .replace('_', "/");
    while !encoded.len().is_multiple_of(4) {
        encoded.push('=');
    }
    format!("Basic {encoded}")
}

mod authorize;
mod client_basic;
mod code_flow;
mod grants;
mod introspection;
mod languages;
mod sign_in;
