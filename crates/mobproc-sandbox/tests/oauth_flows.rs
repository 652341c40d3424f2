//! The OAuth flows over real HTTP, as a browser and a client drive them:
//! the implicit grant with its session cookie, the code grant with PKCE,
//! cancelling sign-in, a cross-site sign-in refused, and HTTP Basic client
//! authentication.

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

    /// Shows the sign-in page for `params`, as a browser without cookies.
    async fn sign_in_page(&self, params: &[(&str, &str)]) -> SignInPage {
        let response = self.authorize(params, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = cookie_named(&response, "PF_FORM").expect("a PF_FORM cookie");
        SignInPage {
            html: response.text().await.unwrap(),
            cookie,
        }
    }

    /// Submits the sign-in page's form as the browser that was shown it
    /// would: its hidden inputs (the form token among them) plus `fields`,
    /// with the page's cookie and the sandbox's own origin.
    async fn submit(&self, page: &SignInPage, fields: &[(&str, &str)]) -> reqwest::Response {
        self.submit_from(page, fields, &self.base).await
    }

    /// As [`Server::submit`], from a page of `origin`.
    async fn submit_from(
        &self,
        page: &SignInPage,
        fields: &[(&str, &str)],
        origin: &str,
    ) -> reqwest::Response {
        let html = &page.html;
        assert!(html.contains(r#"<form method="post" action="/as/authorization.oauth2">"#));
        let mut form = hidden_inputs(html);
        assert!(form.iter().any(|(name, _)| name == "form_token"));
        form.extend(fields.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        self.http
            .post(format!("{}/as/authorization.oauth2", self.base))
            .header(header::COOKIE, &page.cookie)
            .header(header::ORIGIN, origin)
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

/// The sign-in page as a browser holds it: its HTML and the `PF_FORM=...`
/// cookie it came with.
struct SignInPage {
    html: String,
    cookie: String,
}

/// The `name=value` of a response's `Set-Cookie` for cookie `name`.
fn cookie_named(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap())
        .find(|value| value.starts_with(&format!("{name}=")))
        .map(|value| value.split(';').next().unwrap().to_owned())
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
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap())
        .find(|value| value.starts_with("PF="))
        .expect("a session cookie");
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
