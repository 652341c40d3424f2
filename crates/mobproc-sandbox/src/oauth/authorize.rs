//! The authorization endpoint, `GET|POST /as/authorization.oauth2`: checks
//! the client and redirect URI (an error page when they are wrong, never a
//! redirect), signs the user in, and sends a token (implicit grant) or a
//! code (PKCE) back to the redirect URI. The sign-in form is guarded
//! against login CSRF (see [`super::csrf`]).

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

use super::clients::{is_allowed_redirect, load_client, Client};
use super::csrf::{check_form, form_cookie, form_token};
use super::encoding::form_encode_pairs;
use super::html::{error_page, html_response, login_page, sign_in_response, LoginPage};
use super::page_text::{PageLocale, PageTexts, Stop};
use super::pkce::is_valid_challenge;
use super::session::{session_cookie, session_id, signed_in_user, start_session};
use super::token::{invalid_scope, new_grant_id, store_code, store_token};
use super::users::{check_credentials, demo_users};
use super::{asks_for_mobproc, non_empty, Refusal, SCOPE};
use crate::error::ApiError;
use crate::state::AppState;

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

/// Checks the client and the redirect URI; anything wrong is an error
/// page, as redirecting to an unchecked URI would make an open redirector.
async fn find_target(
    app: &AppState,
    texts: &PageTexts,
    params: &AuthorizeParams,
) -> Result<Target, Response> {
    let bad_request = |stop| stop_page(texts, StatusCode::BAD_REQUEST, stop);
    let client_id = params
        .client_id
        .clone()
        .ok_or_else(|| bad_request(Stop::NoClientId))?;
    let redirect_uri = params
        .redirect_uri
        .clone()
        .ok_or_else(|| bad_request(Stop::NoRedirectUri))?;
    let lookup_id = client_id.clone();
    let client = app
        .db
        .run(move |connection| load_client(connection, &lookup_id))
        .await
        .map_err(IntoResponse::into_response)?
        .ok_or_else(|| bad_request(Stop::UnknownClient(client_id.clone())))?;
    if !is_allowed_redirect(&client, &app.config, &redirect_uri) {
        return Err(bad_request(Stop::UnregisteredRedirect {
            redirect_uri,
            client_id,
        }));
    }
    let mode = match params.response_type.as_deref() {
        Some("token") => ResponseMode::Fragment,
        _ => ResponseMode::Query,
    };
    Ok(Target {
        client,
        redirect_uri,
        mode,
        state: params.state.clone(),
    })
}

/// Checks the protocol parameters; refusals go back to the client.
fn check_request(params: &AuthorizeParams) -> Result<(Flow, Prompt), Refusal> {
    let is_code = match params.response_type.as_deref() {
        None => {
            return Err(Refusal::new(
                "invalid_request",
                "The response_type is required: 'token' or 'code'.",
            ))
        }
        Some("token") => false,
        Some("code") => true,
        Some(other) => {
            return Err(Refusal::new(
                "unsupported_response_type",
                format!("The response_type '{other}' is not supported: use 'token' or 'code'."),
            ))
        }
    };
    if !asks_for_mobproc(params.scope.as_deref()) {
        return Err(invalid_scope());
    }
    let flow = if is_code {
        Flow::Code {
            challenge: check_challenge(params)?,
        }
    } else {
        Flow::Implicit
    };
    let prompt = match params.prompt.as_deref() {
        None => Prompt::Default,
        Some("login") => Prompt::Login,
        Some("none") => Prompt::None,
        Some(other) => {
            return Err(Refusal::new(
                "invalid_request",
                format!("The prompt '{other}' is not supported: use 'login' or 'none'."),
            ))
        }
    };
    Ok((flow, prompt))
}

/// The PKCE challenge a code request must carry (S256 only).
fn check_challenge(params: &AuthorizeParams) -> Result<String, Refusal> {
    let challenge = params.code_challenge.as_deref().ok_or_else(|| {
        Refusal::new(
            "invalid_request",
            "The code flow requires PKCE: send code_challenge and code_challenge_method=S256.",
        )
    })?;
    if params.code_challenge_method.as_deref() != Some("S256") {
        return Err(Refusal::new(
            "invalid_request",
            "The code_challenge_method must be S256.",
        ));
    }
    if !is_valid_challenge(challenge) {
        return Err(Refusal::new(
            "invalid_request",
            "The code_challenge must be the 43-character BASE64URL of a SHA-256 digest.",
        ));
    }
    Ok(challenge.to_owned())
}

/// Who the request's session cookie signs in, if anyone.
async fn current_user(app: &AppState, headers: &HeaderMap) -> Result<Option<String>, Response> {
    let Some(id) = session_id(headers) else {
        return Ok(None);
    };
    let now = app.clock.now();
    app.db
        .run(move |connection| signed_in_user(connection, &id, now))
        .await
        .map_err(IntoResponse::into_response)
}

/// Issues what the flow asks for and sends it to the client.
async fn issue(app: &AppState, target: &Target, flow: Flow, username: String) -> Answer {
    let now = app.clock.now();
    let lifetime = app.config.token_lifetime;
    let client_id = target.client.id.clone();
    match flow {
        Flow::Implicit => {
            let token = app
                .db
                .run(move |connection| {
                    let lifetime = lifetime as i64;
                    Ok(store_token(
                        connection,
                        "access",
                        &client_id,
                        &username,
                        &new_grant_id(),
                        now,
                        lifetime,
                    )?)
                })
                .await
                .map_err(IntoResponse::into_response)?;
            Ok(target.redirect(&[
                ("access_token", &token),
                ("token_type", "Bearer"),
                ("expires_in", &lifetime.to_string()),
                ("scope", SCOPE),
            ]))
        }
        Flow::Code { challenge } => {
            let redirect_uri = target.redirect_uri.clone();
            let code = app
                .db
                .run(move |connection| {
                    Ok(store_code(
                        connection,
                        &client_id,
                        &redirect_uri,
                        &challenge,
                        &username,
                        now,
                    )?)
                })
                .await
                .map_err(IntoResponse::into_response)?;
            Ok(target.redirect(&[("code", &code)]))
        }
    }
}

/// The sign-in page, in the request's language: 200 at first, 401 after a
/// wrong username or password; it (re)sets the form token's cookie.
async fn sign_in_page(
    app: &AppState,
    headers: &HeaderMap,
    target: &Target,
    params: &AuthorizeParams,
    username: &str,
    wrong_credentials: bool,
) -> Answer {
    let users = app
        .db
        .run(|connection| demo_users(connection))
        .await
        .map_err(IntoResponse::into_response)?;
    let token = form_token(headers);
    let texts = PageLocale::of(headers).texts();
    let html = login_page(
        texts,
        &LoginPage {
            client_name: &target.client.name,
            hidden: params.sent(),
            form_token: &token,
            username,
            wrong_credentials,
            users: &users,
        },
    );
    let status = if wrong_credentials {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    let mut response = sign_in_response(status, html, &target.redirect_uri);
    response
        .headers_mut()
        .append(header::SET_COOKIE, form_cookie(&token, &app.config));
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
