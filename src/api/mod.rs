//! The MOBPROC client: every call carries the tenant, client id, bearer
//! token, the actor when ordering for someone else, the order's activity id
//! and a fresh correlation id; GETs retry transient failures; requests are
//! aborted when the component that made them goes away.

pub mod pages;
pub mod retry;

use std::sync::Arc;

use futures_util::future::LocalBoxFuture;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use mobproc_types::json::{FromJson, ToJson};
use mobproc_types::ErrorBody;
use send_wrapper::SendWrapper;

use crate::auth::Session;
use crate::config::Config;
use pages::{Page, MAX_PAGES};

/// A request's failure (gloo-net's error) in words: the browser's own
/// error, or gloo-net's. Not through the error's `Display`, which would
/// put serde_json's messages in the first load (leptos's server functions
/// turn on gloo-net's JSON support, and with it a serde_json variant).
pub fn request_failure(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(text) => text.clone(),
        _ => "the answer could not be read".to_owned(),
    }
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The network failed (offline, connection dropped, CORS); nothing is
    /// known about what the server did.
    Network,
    /// The token is missing or no longer accepted: sign in again.
    Unauthorized,
    /// The API answered with its error body.
    Api { status: u16, body: ErrorBody },
    /// The API answered an error without the error body.
    Status(u16),
    /// The answer was not the expected shape.
    Unreadable(String),
}

impl ApiError {
    /// Whether sending the same GET again may help.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network => true,
            ApiError::Api { status, .. } | ApiError::Status(status) => *status >= 500,
            ApiError::Unauthorized | ApiError::Unreadable(_) => false,
        }
    }

    /// The error body, when the API sent one.
    pub fn body(&self) -> Option<&ErrorBody> {
        match self {
            ApiError::Api { body, .. } => Some(body),
            _ => None,
        }
    }

    /// Whether the signed-in user belongs to another tenant than the
    /// widget's (`403 tenant-not-allowed`): trying again cannot help,
    /// signing in with another account can.
    pub fn is_wrong_tenant(&self) -> bool {
        matches!(self, ApiError::Api { status: 403, body } if body.error_code == "tenant-not-allowed")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Network => f.write_str("network error"),
            ApiError::Unauthorized => f.write_str("not signed in"),
            ApiError::Api { body, .. } => write!(f, "{} ({})", body.message, body.error_code),
            ApiError::Status(status) => write!(f, "HTTP {status}"),
            ApiError::Unreadable(why) => write!(f, "unreadable answer: {why}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// The client, shared through context. Cheap to clone.
#[derive(Clone)]
pub struct Api {
    config: Arc<Config>,
    session: RwSignal<Option<Session>>,
    /// The employee the order is for, when not the signed-in user.
    acting_for: RwSignal<Option<String>>,
    /// Groups every call made for one order (its external order number).
    activity_id: RwSignal<String>,
    /// Set when the API refused the token: the app asks to sign in again.
    pub unauthorized: RwSignal<bool>,
}

fn random_id() -> String {
    crate::auth::oauth::base64_url(&crate::browser::random_bytes(12))
}

impl Api {
    /// A client for `config`, reading the token from `session`.
    pub fn new(
        config: Arc<Config>,
        session: RwSignal<Option<Session>>,
        acting_for: RwSignal<Option<String>>,
    ) -> Api {
        Api {
            config,
            session,
            acting_for,
            activity_id: RwSignal::new(random_id()),
            unauthorized: RwSignal::new(false),
        }
    }

    /// Tags the calls that follow as belonging to the order `activity`.
    pub fn set_activity(&self, activity: String) {
        self.activity_id.set(activity);
    }

    /// The same client for calls the signed-in user makes as themselves,
    /// never for the employee ordered for (moving a line is the user's own
    /// right, `canMoveService`, not the employee's).
    pub fn as_signed_in_user(&self) -> Api {
        Api {
            acting_for: RwSignal::new(None),
            ..self.clone()
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.api_base_url)
    }

    fn with_headers(&self, mut request: RequestBuilder) -> RequestBuilder {
        if let Some(session) = self.session.get_untracked() {
            request = request.header("Authorization", &format!("Bearer {}", session.token));
        }
        request = request
            .header("X-TNGO-TENANT", &self.config.tenant)
            .header("client_id", &self.config.client_id)
            .header(
                "X-TNGO-CONTEXT-ACTIVITYID",
                &self.activity_id.get_untracked(),
            )
            .header("X-TNGO-CONTEXT-CORRELATIONID", &random_id());
        if let Some(employee) = self.acting_for.get_untracked() {
            request = request.header("X-TNGO-CONTEXT-EMPLOYEEID", &employee);
        }
        request
    }

    /// An abort signal that fires after the configured timeout, and (for
    /// reads) when the current reactive owner is cleaned up (the component
    /// that asked is gone, or the resource re-runs).
    fn abort_signal(&self, on_cleanup_too: bool) -> Option<web_sys::AbortSignal> {
        let controller = web_sys::AbortController::new().ok()?;
        let signal = controller.signal();
        let controller = SendWrapper::new(controller);
        let timer = {
            let controller = controller.clone();
            set_timeout_with_handle(
                move || controller.abort(),
                std::time::Duration::from_millis(self.config.request_timeout_ms as u64),
            )
            .ok()
        };
        if on_cleanup_too && Owner::current().is_some() {
            on_cleanup(move || {
                controller.abort();
                if let Some(timer) = timer {
                    timer.clear();
                }
            });
        }
        Some(signal)
    }

    /// The body of a successful answer, or why there is none. Not generic:
    /// one copy of the request machinery serves every type of answer.
    async fn read_text(
        &self,
        response: Result<Response, gloo_net::Error>,
    ) -> Result<String, ApiError> {
        let response = response.map_err(|_| ApiError::Network)?;
        let status = response.status();
        if status == 401 {
            self.unauthorized.set(true);
            return Err(ApiError::Unauthorized);
        }
        let text = response.text().await;
        if !response.ok() {
            return Err(match text.ok().map(|text| read::<ErrorBody>(&text)) {
                Some(Ok(body)) => ApiError::Api { status, body },
                _ => ApiError::Status(status),
            });
        }
        text.map_err(|_| ApiError::Network)
    }

    /// `GET {api}{path}`'s body, retried on network failures, time-outs and
    /// 5xx. Boxed, so that each typed [`Api::get`] shares this one future.
    fn get_text<'a>(&'a self, path: &'a str) -> LocalBoxFuture<'a, Result<String, ApiError>> {
        Box::pin(async move {
            let mut attempt = 1;
            loop {
                let signal = self.abort_signal(true);
                let request = self
                    .with_headers(Request::get(&self.url(path)))
                    .abort_signal(signal.as_ref());
                match self.read_text(request.send().await).await {
                    Err(error) => {
                        let jitter = crate::browser::random_unit();
                        match retry::retry_delay(true, error.is_transient(), attempt + 1, jitter) {
                            Some(ms) => {
                                crate::browser::sleep(ms).await;
                                attempt += 1;
                            }
                            None => return Err(error),
                        }
                    }
                    ok => return ok,
                }
            }
        })
    }

    /// `GET {api}{path}`, retried on network failures, time-outs and 5xx.
    pub async fn get<T: FromJson>(&self, path: &str) -> Result<T, ApiError> {
        read(&self.get_text(path).await?)
    }

    /// Every item of the collection at `path` (which sets its page size
    /// with `limit`): the first page, then the rest, together when the
    /// first page gives the total.
    pub async fn get_all<P: Page + FromJson>(&self, path: &str) -> Result<Vec<P::Item>, ApiError> {
        let (mut meta, mut items) = read::<P>(&self.get_text(path).await?)?.into_parts();
        let mut last_page_len = items.len();
        let mut pages = 1;
        loop {
            let offsets = pages::more_pages(meta.as_ref(), last_page_len, MAX_PAGES - pages);
            if offsets.is_empty() {
                return Ok(items);
            }
            pages += offsets.len();
            for text in self.get_pages(path, &offsets).await? {
                let (page_meta, page_items) = read::<P>(&text)?.into_parts();
                meta = page_meta;
                last_page_len = page_items.len();
                items.extend(page_items);
            }
        }
    }

    /// The bodies of the pages of `path` at `offsets`, asked for together.
    fn get_pages<'a>(
        &'a self,
        path: &'a str,
        offsets: &'a [u32],
    ) -> LocalBoxFuture<'a, Result<Vec<String>, ApiError>> {
        Box::pin(async move {
            let paths: Vec<String> = offsets
                .iter()
                .map(|offset| pages::with_offset(path, *offset))
                .collect();
            futures_util::future::try_join_all(paths.iter().map(|path| self.get_text(path))).await
        })
    }

    /// `POST {api}{path}` with a JSON body; the answer's text. Never retried.
    fn post_text<'a>(
        &'a self,
        path: &'a str,
        body: String,
    ) -> LocalBoxFuture<'a, Result<String, ApiError>> {
        Box::pin(async move {
            let signal = self.abort_signal(false);
            let request = self
                .with_headers(Request::post(&self.url(path)))
                .header("Content-Type", "application/json")
                .abort_signal(signal.as_ref())
                .body(body)
                .map_err(|e| ApiError::Unreadable(request_failure(&e)))?;
            self.read_text(request.send().await).await
        })
    }

    /// `POST {api}{path}` with a JSON body; never retried.
    pub async fn post<B: ToJson + ?Sized, T: FromJson>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        read(&self.post_text(path, body.to_json()).await?)
    }
}

/// Parses an answer's JSON as `T`.
fn read<T: FromJson>(text: &str) -> Result<T, ApiError> {
    T::from_json_text(text).map_err(|e| ApiError::Unreadable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use mobproc_types::ErrorStatus;

    use super::*;

    fn answered(status: u16, code: &str) -> ApiError {
        ApiError::Api {
            status,
            body: ErrorBody {
                status: ErrorStatus::Code(status),
                id: "e1".into(),
                error_code: code.into(),
                message: "m".into(),
                errors: Vec::new(),
            },
        }
    }

    #[test]
    fn a_request_failure_reads_as_gloo_net_words_it() {
        let error = gloo_net::Error::GlooError("request body is not valid".into());
        assert_eq!(request_failure(&error), error.to_string());
    }

    #[test]
    fn only_a_403_tenant_not_allowed_is_a_wrong_tenant() {
        assert!(answered(403, "tenant-not-allowed").is_wrong_tenant());
        assert!(!answered(403, "client-mismatch").is_wrong_tenant());
        assert!(!answered(400, "tenant-not-allowed").is_wrong_tenant());
        assert!(!ApiError::Status(403).is_wrong_tenant());
        assert!(!ApiError::Unauthorized.is_wrong_tenant());
    }
}
