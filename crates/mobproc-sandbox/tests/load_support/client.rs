//! A signed-in client of the API running the happy path, and what it saw.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{Kind, CLIENT_ID, CLIENT_SECRET};

/// What one client saw.
#[derive(Debug, Default)]
pub(super) struct ClientLog {
    pub(super) latencies: BTreeMap<Kind, Vec<Duration>>,
    pub(super) errors: BTreeMap<Kind, u64>,
    pub(super) examples: Vec<String>,
    /// `externalOrderNumber` → the `orderId` the submit answered.
    pub(super) submitted: BTreeMap<String, String>,
}

impl ClientLog {
    fn error(&mut self, kind: Kind, what: String) {
        *self.errors.entry(kind).or_default() += 1;
        if self.examples.len() < 5 {
            self.examples.push(format!("{}: {what}", kind.label()));
        }
    }
}

/// A signed-in client of the API.
pub(super) struct Client {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
    pub(super) token: String,
    /// `X-TNGO-CONTEXT-EMPLOYEEID` to send: Maria orders for Peter.
    pub(super) acting_for: Option<&'static str>,
}

impl Client {
    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self
            .http
            .request(method, format!("{}/mobproc/v1{path}", self.base))
            .bearer_auth(&self.token)
            .header("x-tngo-tenant", "ACME")
            .header("client_id", CLIENT_ID);
        match self.acting_for {
            Some(id) => builder.header("x-tngo-context-employeeid", id),
            None => builder,
        }
    }

    /// Sends a request; the JSON body of a 200, or what went wrong.
    async fn call(&self, builder: reqwest::RequestBuilder) -> Result<Value, String> {
        let response = builder
            .send()
            .await
            .map_err(|e| format!("no answer: {e}"))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| format!("{status}, the body broke off: {e}"))?;
        if status != reqwest::StatusCode::OK {
            return Err(format!(
                "{status}: {}",
                text.chars().take(300).collect::<String>()
            ));
        }
        serde_json::from_str(&text).map_err(|e| format!("200 but not JSON ({e})"))
    }
}

/// Signs `username` in with the password grant.
pub(super) async fn sign_in(
    http: &reqwest::Client,
    base: &str,
    username: &str,
) -> Result<String, String> {
    let response = http
        .post(format!("{base}/as/token.oauth2"))
        .form(&[
            ("grant_type", "password"),
            ("username", username),
            ("password", "sandbox"),
            ("scope", "MOBPROC"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .send()
        .await
        .map_err(|e| format!("the token endpoint did not answer: {e}"))?;
    let status = response.status();
    let body: Value = response
        .json()
        .await
        .map_err(|e| format!("the token answer is not JSON: {e}"))?;
    body["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("sign-in of {username} failed: {status} {body}"))
}

/// The documentation's upgrade request with another `externalOrderNumber`.
fn order_request(template: &Value, number: &str) -> Value {
    let mut order = template.clone();
    order["orderRequest"]["externalOrderNumber"] = json!(number);
    order
}

/// Runs the happy path until the deadline or the iteration limit.
pub(super) async fn run_client(
    client: Client,
    number: usize,
    template: Value,
    deadline: Instant,
    iterations: Option<u64>,
) -> ClientLog {
    let mut log = ClientLog::default();
    let mut iteration = 0u64;
    while Instant::now() < deadline && iterations.is_none_or(|limit| iteration < limit) {
        iteration += 1;
        let external = format!("load-{number}-{iteration}");
        let body = order_request(&template, &external);
        let steps = async {
            let catalog = timed(
                &mut log,
                Kind::Catalog,
                client.call(client.request(reqwest::Method::GET, "/catalog/devices?limit=50")),
            )
            .await?;
            let devices = catalog["devices"].as_array().map_or(0, Vec::len);
            if devices != 50 {
                return Err((Kind::Catalog, format!("{devices} devices instead of 50")));
            }
            let confirmation = timed(
                &mut log,
                Kind::Confirm,
                client.call(
                    client
                        .request(reqwest::Method::POST, "/orders?confirm=true")
                        .json(&body),
                ),
            )
            .await?;
            if !confirmation["orderConfirmation"].is_object() {
                return Err((
                    Kind::Confirm,
                    format!("no orderConfirmation: {confirmation}"),
                ));
            }
            let submitted = timed(
                &mut log,
                Kind::Submit,
                client.call(client.request(reqwest::Method::POST, "/orders").json(&body)),
            )
            .await?;
            let order_id = submitted["order"]["orderId"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if order_id.is_empty() || submitted["order"]["externalOrderNumber"] != external.as_str()
            {
                return Err((Kind::Submit, format!("not the order sent: {submitted}")));
            }
            log.submitted.insert(external.clone(), order_id.clone());
            let read = timed(
                &mut log,
                Kind::Read,
                client.call(client.request(reqwest::Method::GET, &format!("/orders/{order_id}"))),
            )
            .await?;
            if read["order"]["orderId"] != order_id.as_str()
                || read["order"]["externalOrderNumber"] != external.as_str()
            {
                return Err((Kind::Read, format!("another order read back: {read}")));
            }
            Ok(())
        };
        if let Err((kind, what)) = steps.await {
            log.error(kind, what);
        }
    }
    log
}

/// Awaits a call, recording its latency; an error carries its kind.
async fn timed(
    log: &mut ClientLog,
    kind: Kind,
    call: impl std::future::Future<Output = Result<Value, String>>,
) -> Result<Value, (Kind, String)> {
    let started = Instant::now();
    let outcome = call.await;
    log.latencies
        .entry(kind)
        .or_default()
        .push(started.elapsed());
    outcome.map_err(|what| (kind, what))
}
