//! What a checked request is answered with: the session's user, the token
//! or code sent to the client, or the sign-in page.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{Answer, AuthorizeParams, Flow, Target};
use crate::oauth::csrf::{form_cookie, form_token};
use crate::oauth::html::{login_page, sign_in_response, LoginPage};
use crate::oauth::page_text::PageLocale;
use crate::oauth::session::{session_id, signed_in_user};
use crate::oauth::token::{new_grant_id, store_code, store_token};
use crate::oauth::users::demo_users;
use crate::oauth::SCOPE;
use crate::state::AppState;

/// Who the request's session cookie signs in, if anyone.
pub(super) async fn current_user(
    app: &AppState,
    headers: &HeaderMap,
) -> Result<Option<String>, Response> {
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
pub(super) async fn issue(app: &AppState, target: &Target, flow: Flow, username: String) -> Answer {
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
pub(super) async fn sign_in_page(
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
