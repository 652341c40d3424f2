//! Signing out, `GET /as/logout.oauth2`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::clients::{is_allowed_redirect, load_client, WIDGET_CLIENT_ID};
use super::html::{html_response, signed_out_page};
use super::non_empty;
use super::page_text::PageLocale;
use super::session::{cleared_cookie, end_session, session_id};
use crate::state::AppState;

/// Where to offer to go back to after signing out.
#[derive(Debug, Default, Deserialize)]
pub struct LogoutParams {
    redirect_uri: Option<String>,
    /// The client whose redirect URIs `redirect_uri` must be one of;
    /// the widget's when not sent.
    client_id: Option<String>,
}

/// Ends the sign-in session, clears the cookie and shows a signed-out
/// page in the request's language. It never redirects: a `redirect_uri` allowed for the client
/// becomes a link on the page, any other is ignored.
pub async fn logout(
    State(app): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<LogoutParams>, QueryRejection>,
) -> Response {
    let params = query.map(|Query(params)| params).unwrap_or_default();
    let client_id = non_empty(params.client_id).unwrap_or_else(|| WIDGET_CLIENT_ID.to_owned());
    let session = session_id(&headers);
    let client = app
        .db
        .run(move |connection| {
            if let Some(id) = session {
                end_session(connection, &id)?;
            }
            load_client(connection, &client_id)
        })
        .await;
    let client = match client {
        Ok(client) => client,
        Err(error) => return error.into_response(),
    };
    let back_to = non_empty(params.redirect_uri).filter(|uri| {
        client
            .as_ref()
            .is_some_and(|client| is_allowed_redirect(client, &app.config, uri))
    });
    let texts = PageLocale::of(&headers).texts();
    let page = signed_out_page(texts, back_to.as_deref());
    let mut response = html_response(StatusCode::OK, page);
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cleared_cookie(&app.config));
    response
}
