//! The checks of an authorization request: the client and the redirect
//! URI (an error page when wrong), then the protocol parameters (refusals
//! sent back to the client).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{stop_page, AuthorizeParams, Flow, Prompt, ResponseMode, Target};
use crate::oauth::clients::{is_allowed_redirect, load_client};
use crate::oauth::page_text::{PageTexts, Stop};
use crate::oauth::pkce::is_valid_challenge;
use crate::oauth::token::invalid_scope;
use crate::oauth::{asks_for_mobproc, Refusal};
use crate::state::AppState;

/// Checks the client and the redirect URI; anything wrong is an error
/// page, as redirecting to an unchecked URI would make an open redirector.
pub(super) async fn find_target(
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
pub(super) fn check_request(params: &AuthorizeParams) -> Result<(Flow, Prompt), Refusal> {
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
