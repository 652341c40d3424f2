//! The authorization endpoint, `GET|POST /as/authorization.oauth2`: checks
//! the client and redirect URI (an error page when they are wrong, never a
//! redirect), signs the user in, and sends a token (implicit grant) or a
//! code (PKCE) back to the redirect URI. The sign-in form is guarded
//! against login CSRF (see [`super::csrf`]).
//!
//! Here: the parameters, the handlers and the redirect to the client; the
//! checks of a request and what it is answered with have their own files.

mod issue;
mod request;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::clients::Client;
use super::csrf::check_form;
use super::encoding::form_encode_pairs;
use super::html::{error_page, html_response};
use super::page_text::{PageLocale, PageTexts, Stop};
use super::session::{session_cookie, session_id, start_session};
use super::users::check_credentials;
use super::{non_empty, Refusal};
use crate::error::ApiError;
use crate::state::AppState;
use issue::{current_user, issue, sign_in_page};
use request::{check_request, find_target};

/// What the handlers answer: a page or a redirect either way; `Err` only
/// shortens the code.
type Answer = Result<Response, Response>;

/// The parameters of an authorization request.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    prompt: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
}

impl AuthorizeParams {
    /// The parameters with empty ones dropped.
    fn normalized(self) -> Self {
        AuthorizeParams {
            response_type: non_empty(self.response_type),
            client_id: non_empty(self.client_id),
            redirect_uri: non_empty(self.redirect_uri),
            scope: non_empty(self.scope),
            state: non_empty(self.state),
            prompt: non_empty(self.prompt),
            code_challenge: non_empty(self.code_challenge),
            code_challenge_method: non_empty(self.code_challenge_method),
        }
    }

    /// The parameters that were sent, by name, for the sign-in form.
    fn sent(&self) -> Vec<(&'static str, &str)> {
        [
            ("response_type", &self.response_type),
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &self.state),
            ("prompt", &self.prompt),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|value| (name, value)))
        .collect()
    }
}

/// The sign-in form: the original parameters, the anti-CSRF token, and
/// what the user entered.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(flatten)]
    request: AuthorizeParams,
    form_token: Option<String>,
    action: Option<String>,
    username: Option<String>,
    password: Option<String>,
}

/// How the answer's parameters travel back to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseMode {
    Query,
    Fragment,
}

/// Where answers go: a client and a redirect URI that passed the exact check.
struct Target {
    client: Client,
    redirect_uri: String,
    mode: ResponseMode,
    state: Option<String>,
}

impl Target {
    /// A 303 to the redirect URI with `pairs` (and `state`, when sent).
    fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        let mut pairs = pairs.to_vec();
        if let Some(state) = &self.state {
            pairs.push(("state", state));
        }
        let encoded = form_encode_pairs(&pairs);
        let uri = &self.redirect_uri;
        let location = match self.mode {
            ResponseMode::Fragment => format!("{uri}#{encoded}"),
            ResponseMode::Query if uri.ends_with(['?', '&']) => format!("{uri}{encoded}"),
            ResponseMode::Query if uri.contains('?') => format!("{uri}&{encoded}"),
            ResponseMode::Query => format!("{uri}?{encoded}"),
        };
        let Ok(location) = HeaderValue::try_from(location) else {
            return ApiError::internal("The redirect URI cannot be sent in a Location header.")
                .into_response();
        };
        let headers = [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ];
        (StatusCode::SEE_OTHER, headers).into_response()
    }

    /// Sends an RFC 6749 error back to the client.
    fn refuse(&self, refusal: &Refusal) -> Response {
        self.redirect(&[
            ("error", refusal.error),
            ("error_description", &refusal.description),
        ])
    }
}

/// What a valid request asks for.
enum Flow {
    /// `response_type=token`: an access token in the fragment.
    Implicit,
    /// `response_type=code`: a code bound to this S256 challenge.
    Code { challenge: String },
}

/// The `prompt` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prompt {
    /// Sign in only when there is no session.
    Default,
    /// Always show the sign-in page.
    Login,
    /// Never show it: fail with `login_required` instead.
    None,
}

/// `GET /as/authorization.oauth2`: issues at once when a session exists
/// (unless `prompt=login`), else shows the sign-in page (unless `prompt=none`).
pub async fn show(
    State(app): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<AuthorizeParams>, QueryRejection>,
) -> Answer {
    let texts = PageLocale::of(&headers).texts();
    let params = query
        .map_err(|rejection| unreadable_page(texts, &rejection.body_text()))?
        .0
        .normalized();
    let target = find_target(&app, texts, &params).await?;
    let (flow, prompt) = check_request(&params).map_err(|refusal| target.refuse(&refusal))?;
    if prompt != Prompt::Login {
        if let Some(username) = current_user(&app, &headers).await? {
            return issue(&app, &target, flow, username).await;
        }
    }
    if prompt == Prompt::None {
        return Err(target.refuse(&Refusal::new(
            "login_required",
            "The user is not signed in, and prompt=none forbids asking.",
        )));
    }
    sign_in_page(&app, &headers, &target, &params, "", false).await
}

/// `POST /as/authorization.oauth2`: the sign-in form's answer: cancel, or
/// sign in (starting a session) and issue. A form from another origin, or
/// without the token its page set, gets an error page and signs nobody in.
pub async fn submit(
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Answer {
    let texts = PageLocale::of(&headers).texts();
    let Form(form) = form.map_err(|rejection| unreadable_page(texts, &rejection.body_text()))?;
    let params = form.request.normalized();
    let target = find_target(&app, texts, &params).await?;
    let sent_token = non_empty(form.form_token);
    check_form(&headers, sent_token.as_deref(), &app.config)
        .map_err(|refusal| stop_page(texts, StatusCode::FORBIDDEN, Stop::RefusedForm(refusal)))?;
    let (flow, _) = check_request(&params).map_err(|refusal| target.refuse(&refusal))?;
    if form.action.as_deref() == Some("cancel") {
        return Err(target.refuse(&Refusal::new("access_denied", "The user cancelled sign-in")));
    }
    let login = form.username.unwrap_or_default();
    let password = form.password.unwrap_or_default();
    let previous = session_id(&headers);
    let now = app.clock.now();
    let checked_login = login.clone();
    let signed_in = app
        .db
        .run(move |connection| {
            let Ok(username) = check_credentials(connection, &checked_login, &password)? else {
                return Ok(None);
            };
            let session = start_session(connection, &username, previous.as_deref(), now)?;
            Ok(Some((username, session)))
        })
        .await
        .map_err(IntoResponse::into_response)?;
    let Some((username, session)) = signed_in else {
        return sign_in_page(&app, &headers, &target, &params, &login, true).await;
    };
    let mut response = issue(&app, &target, flow, username).await?;
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie(&session, &app.config));
    Ok(response)
}

/// The error page for `stop`, with `status`.
fn stop_page(texts: &PageTexts, status: StatusCode, stop: Stop) -> Response {
    html_response(status, error_page(texts, &stop))
}

/// The 400 error page for a query or form that cannot be parsed.
fn unreadable_page(texts: &PageTexts, detail: &str) -> Response {
    stop_page(
        texts,
        StatusCode::BAD_REQUEST,
        Stop::Unreadable(detail.to_owned()),
    )
}
