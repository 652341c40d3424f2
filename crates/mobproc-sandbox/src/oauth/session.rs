//! The sign-in session: a random id in the `PF` cookie, stored in
//! `oauth_sessions`, valid for eight hours by the sandbox's clock.

use axum::http::{header, HeaderMap, HeaderValue};
use rusqlite::{Connection, OptionalExtension};

use crate::config::Config;
use crate::error::ApiResult;
use crate::ids::random_token;

/// The session cookie's name, as PingFederate calls it.
pub const SESSION_COOKIE: &str = "PF";

/// How long a sign-in session lasts, in seconds.
pub const SESSION_LIFETIME: i64 = 8 * 3600;

/// The session id the request's cookies carry, if any.
pub fn session_id(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, SESSION_COOKIE)
}

/// The (first, non-empty) value of the request's cookie `name`, if any.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(found, value)| *found == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

/// Who is signed in with the session `id`, if it exists and has not expired.
pub fn signed_in_user(connection: &Connection, id: &str, now: i64) -> ApiResult<Option<String>> {
    Ok(connection
        .query_row(
            "SELECT username FROM oauth_sessions WHERE id = ?1 AND expires_at > ?2",
            rusqlite::params![id, now],
            |row| row.get(0),
        )
        .optional()?)
}

/// Starts a session for `username`, ending the one it replaces; returns its id.
pub fn start_session(
    connection: &Connection,
    username: &str,
    replaces: Option<&str>,
    now: i64,
) -> ApiResult<String> {
    if let Some(old) = replaces {
        end_session(connection, old)?;
    }
    let id = random_token(32);
    connection.execute(
        "INSERT INTO oauth_sessions (id, username, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![id, username, now, now + SESSION_LIFETIME],
    )?;
    Ok(id)
}

/// Ends the session `id`, if there is one.
pub fn end_session(connection: &Connection, id: &str) -> ApiResult<()> {
    connection.execute("DELETE FROM oauth_sessions WHERE id = ?1", [id])?;
    Ok(())
}

/// The `Set-Cookie` value that stores session `id` in the browser.
pub fn session_cookie(id: &str, config: &Config) -> HeaderValue {
    cookie_header(
        &format!("{SESSION_COOKIE}={id}; Max-Age={SESSION_LIFETIME}"),
        config,
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(config: &Config) -> HeaderValue {
    cookie_header(&format!("{SESSION_COOKIE}=; Max-Age=0"), config)
}

fn cookie_header(start: &str, config: &Config) -> HeaderValue {
    set_cookie(start, "/as", "Lax", config)
}

/// A `Set-Cookie` value: `start` (`name=value; Max-Age=...`), then the
/// path, HttpOnly, `SameSite=same_site`, and Secure when the public URL is
/// https. `start` must hold only URL-safe characters.
pub fn set_cookie(start: &str, path: &str, same_site: &str, config: &Config) -> HeaderValue {
    let secure = config
        .public_url
        .as_deref()
        .is_some_and(|url| url.starts_with("https://"));
    let value = format!(
        "{start}; Path={path}; HttpOnly; SameSite={same_site}{}",
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::try_from(value).expect("cookie values are URL-safe base64")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookies: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for cookie in cookies {
            headers.append(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
        }
        headers
    }

    #[test]
    fn finds_the_session_cookie_among_others() {
        assert_eq!(
            session_id(&headers(&["a=1; PF=abc; b=2"])),
            Some("abc".into())
        );
        assert_eq!(session_id(&headers(&["a=1", "PF=xyz"])), Some("xyz".into()));
        assert_eq!(session_id(&headers(&["PFX=1; xPF=2; PF="])), None);
        assert_eq!(session_id(&headers(&[])), None);
    }

    #[test]
    fn cookies_are_http_only_lax_and_scoped_to_the_server() {
        let mut config = Config::for_tests("unused.sqlite3".into());
        let cookie = session_cookie("abc", &config);
        assert_eq!(
            cookie,
            "PF=abc; Max-Age=28800; Path=/as; HttpOnly; SameSite=Lax"
        );
        config.public_url = Some("https://sandbox.example".into());
        assert_eq!(
            cleared_cookie(&config),
            "PF=; Max-Age=0; Path=/as; HttpOnly; SameSite=Lax; Secure"
        );
    }
}
