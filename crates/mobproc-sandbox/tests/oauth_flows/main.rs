//! The OAuth flows over real HTTP, as a browser and a client drive them:
//! the implicit grant with its session cookie, the code grant with PKCE,
//! cancelling sign-in, a cross-site sign-in refused, and HTTP Basic client
//! authentication.
//!
//! Here: the harness (a served sandbox, a browser's sign-in page and the
//! redirects' parameters); the flows have their own files.

mod client_auth;
mod grants;
mod sign_in_form;

use std::collections::HashMap;

use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};
use regex::Regex;
use reqwest::{header, redirect, StatusCode, Url};
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
