//! The OAuth flows over real HTTP, as a browser and a client drive them:
//! the implicit grant with its session cookie, the code grant with PKCE,
//! and cancelling sign-in.

use std::collections::HashMap;

use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, ids::base64_url, AppState, Config};
use mobproc_types::{Me, OAuthError, TokenResponse, TokenValidation};
use regex::Regex;
use reqwest::{header, redirect, StatusCode, Url};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

/// A sandbox serving on a free local port, and a client that does not
/// follow redirects.
struct Server {
    base: String,
    http: reqwest::Client,
    _dir: TempDir,
}

impl Server {
    async fn start() -> Server {
        let dir = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config = Config::for_tests(dir.path().join("sandbox.sqlite3"));
        config.addr = addr;
        let limits = ServeLimits::from_config(&config);
        let service = app(AppState::open(config).unwrap());
        tokio::spawn(serve(listener, service, limits, std::future::pending()));
        let http = reqwest::Client::builder()
            .redirect(redirect::Policy::none())
            .build()
            .unwrap();
        Server {
            base: format!("http://{addr}"),
            http,
            _dir: dir,
        }
    }

    fn callback(&self) -> String {
        format!("{}/oauth-callback.html", self.base)
    }

    /// GETs the authorization endpoint with `params`, with the session cookie if any.
    async fn authorize(&self, params: &[(&str, &str)], cookie: Option<&str>) -> reqwest::Response {
        let mut request = self
            .http
            .get(format!("{}/as/authorization.oauth2", self.base))
            .query(params);
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    /// Submits the sign-in page's form as a browser would: its hidden
    /// inputs, plus `fields`.
    async fn submit(&self, page: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        assert!(page.contains(r#"<form method="post" action="/as/authorization.oauth2">"#));
        let mut form = hidden_inputs(page);
        form.extend(fields.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        self.http
            .post(format!("{}/as/authorization.oauth2", self.base))
            .form(&form)
            .send()
            .await
            .unwrap()
    }

    async fn introspect(&self, token: &str) -> reqwest::Response {
        self.http
            .get(format!("{}/as/introspect.oauth2", self.base))
            .query(&[("token", token)])
            .send()
            .await
            .unwrap()
    }

    async fn token(&self, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}/as/token.oauth2", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }
}

/// The name and (unescaped) value of every hidden input of a page.
fn hidden_inputs(page: &str) -> Vec<(String, String)> {
    let input = Regex::new(r#"<input type="hidden" name="([^"]*)" value="([^"]*)">"#).unwrap();
    input
        .captures_iter(page)
        .map(|captures| (unescape(&captures[1]), unescape(&captures[2])))
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn location_of(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .expect("a redirect")
        .to_str()
        .unwrap()
        .to_owned()
}

/// The parameters of a redirect: the fragment's when there is one, else the query's.
fn redirect_params(location: &str) -> HashMap<String, String> {
    let url = Url::parse(location).unwrap();
    let encoded = url.fragment().or(url.query()).unwrap_or_default();
    let decoder = Url::parse(&format!("http://decode.invalid/?{encoded}")).unwrap();
    decoder.query_pairs().into_owned().collect()
}

/// The `PF=...` pair of a response's `Set-Cookie`.
fn session_cookie(response: &reqwest::Response) -> String {
    let set_cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .expect("a cookie");
    let set_cookie = set_cookie.to_str().unwrap();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("Path=/as"));
    set_cookie.split(';').next().unwrap().to_owned()
}

const SIGN_IN: [(&str, &str); 3] = [
    ("username", "peter.edwards"),
    ("password", "sandbox"),
    ("action", "login"),
];

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
    let page = page.text().await.unwrap();
    assert!(page.contains(r#"<label for="username">"#));

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
    let page = server.authorize(&request, None).await.text().await.unwrap();
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
    let page = server.authorize(&request, None).await.text().await.unwrap();
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
