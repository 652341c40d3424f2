//! A sandbox on a fresh SQLite file, driven through `tower::ServiceExt::oneshot`.
#![allow(dead_code)] // each test binary uses its own share of these helpers

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use mobproc_sandbox::{app, AppState, Config};
use serde_json::Value;
use tower::ServiceExt;

/// The Host every test request names, so links are predictable.
pub const HOST: &str = "sandbox.test";
/// The widget's OAuth client.
pub const CLIENT: &str = "mobproc-widget";
/// The admin key of a default configuration.
pub const ADMIN_KEY: &str = "sandbox-admin";

/// A seeded sandbox of its own.
pub struct Sandbox {
    pub state: AppState,
    pub app: Router,
    _dir: tempfile::TempDir,
}

/// An answer: status, headers, JSON body (Null when not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Answer {
    /// The MOBPROC `errorCode` of an error answer.
    pub fn error_code(&self) -> &str {
        self.body["errorCode"].as_str().unwrap_or("")
    }
}

impl Sandbox {
    /// A sandbox with the default configuration.
    pub fn new() -> Sandbox {
        Sandbox::with(|_| {})
    }

    /// A sandbox with the configuration changed by `change`.
    pub fn with(change: impl FnOnce(&mut Config)) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_tests(dir.path().join("sandbox.sqlite3"));
        change(&mut config);
        let state = AppState::open(config).expect("the sandbox opens");
        Sandbox {
            app: app(state.clone()),
            state,
            _dir: dir,
        }
    }

    /// A sandbox on an already opened state (the caller keeps its file).
    pub fn from_state(state: AppState) -> Sandbox {
        Sandbox {
            app: app(state.clone()),
            state,
            _dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A live access token for a seeded user, written straight to the store
    /// (the OAuth flows have tests of their own).
    pub async fn token(&self, username: &str) -> String {
        let token = format!(
            "test-token-{username}-{}",
            mobproc_sandbox::ids::random_hex(8)
        );
        let now = self.state.clock.now();
        let (t, u) = (token.clone(), username.to_owned());
        self.state
            .db
            .run(move |c| {
                c.execute(
                    "INSERT INTO oauth_tokens (token, kind, client_id, username, scope, issued_at, expires_at)
                     VALUES (?1, 'access', ?2, ?3, 'MOBPROC', ?4, ?5)",
                    rusqlite::params![t, CLIENT, u, now, now + 3600],
                )?;
                Ok(())
            })
            .await
            .unwrap();
        token
    }

    /// Sends a request and reads the whole answer.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Answer {
            status,
            headers,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
            text,
        }
    }
}

/// A request builder with the Host set.
pub fn request(method: Method, path: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(path)
        .header("host", HOST)
}

/// The headers every API call carries, for a tenant.
pub fn api_request(
    method: Method,
    path: &str,
    token: &str,
    tenant: &str,
) -> axum::http::request::Builder {
    request(method, &format!("/mobproc/v1{path}"))
        .header("authorization", format!("Bearer {token}"))
        .header("x-tngo-tenant", tenant)
        .header("client_id", CLIENT)
}

/// A signed-in user of a tenant, for short calls.
pub struct User<'a> {
    pub sandbox: &'a Sandbox,
    pub token: String,
    pub tenant: &'static str,
    /// `X-TNGO-CONTEXT-EMPLOYEEID` to send, if any.
    pub acting_for: Option<String>,
}

impl<'a> User<'a> {
    /// Signs `username` of `tenant` in.
    pub async fn sign_in(sandbox: &'a Sandbox, username: &str, tenant: &'static str) -> User<'a> {
        User {
            sandbox,
            token: sandbox.token(username).await,
            tenant,
            acting_for: None,
        }
    }

    fn builder(&self, method: Method, path: &str) -> axum::http::request::Builder {
        let builder = api_request(method, path, &self.token, self.tenant);
        match &self.acting_for {
            Some(id) => builder.header("x-tngo-context-employeeid", id),
            None => builder,
        }
    }

    /// `GET /mobproc/v1{path}`.
    pub async fn get(&self, path: &str) -> Answer {
        self.sandbox
            .send(self.builder(Method::GET, path).body(Body::empty()).unwrap())
            .await
    }

    /// `POST /mobproc/v1{path}` with a JSON body.
    pub async fn post(&self, path: &str, body: &Value) -> Answer {
        self.post_raw(path, body.to_string()).await
    }

    /// `POST /mobproc/v1{path}` with any body, sent as JSON.
    pub async fn post_raw(&self, path: &str, body: String) -> Answer {
        self.sandbox
            .send(
                self.builder(Method::POST, path)
                    .header("content-type", "application/json")
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
    }
}

/// The documentation's upgrade request.
pub fn seed_request() -> Value {
    serde_json::from_str(include_str!(
        "../../../mobproc-types/tests/fixtures/upgrade.order-request.json"
    ))
    .unwrap()
}

/// The documentation's confirmation of it.
pub fn seed_confirmation() -> Value {
    serde_json::from_str(include_str!(
        "../../../mobproc-types/tests/fixtures/upgrade.order-confirmation.json"
    ))
    .unwrap()
}

/// The documentation's submitted order.
pub fn seed_submitted() -> Value {
    serde_json::from_str(include_str!(
        "../../../mobproc-types/tests/fixtures/upgrade.order-submitted.json"
    ))
    .unwrap()
}

/// Moves the sandbox clock through the admin API.
pub async fn advance_clock(sandbox: &Sandbox, seconds: u32) {
    let answer = sandbox
        .send(
            request(Method::POST, "/sandbox/admin/clock")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .header("content-type", "application/json")
                .body(Body::from(format!("{{\"advanceSeconds\":{seconds}}}")))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
}

/// Sets the faults through the admin API.
pub async fn set_faults(sandbox: &Sandbox, faults: Value) -> Answer {
    sandbox
        .send(
            request(Method::PUT, "/sandbox/admin/faults")
                .header("x-sandbox-admin-key", ADMIN_KEY)
                .header("content-type", "application/json")
                .body(Body::from(faults.to_string()))
                .unwrap(),
        )
        .await
}

/// Asserts an answer is the MOBPROC error body with this status and code.
#[track_caller]
pub fn assert_error(answer: &Answer, status: u16, code: &str) {
    assert_eq!(answer.status.as_u16(), status, "{}", answer.text);
    assert_eq!(answer.error_code(), code, "{}", answer.text);
    assert_eq!(answer.body["status"], status, "{}", answer.text);
    assert!(
        answer.body["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{}",
        answer.text
    );
    assert!(
        answer.body["message"]
            .as_str()
            .is_some_and(|m| m.len() > 10),
        "{}",
        answer.text
    );
}
