//! The sign-in form's defence against login CSRF (a cross-site POST that
//! signs the victim's browser in as someone else):
//!
//! - a form token (double submit): every sign-in page sets a random value
//!   in the `PF_FORM` cookie (HttpOnly, `SameSite=Strict`, scoped to the
//!   authorization endpoint, an hour) and echoes it as the hidden field
//!   `form_token`; a POST must send both, equal (compared in constant
//!   time). Another site can neither read the field nor make the browser
//!   send the cookie. A page reuses the browser's current token, so two
//!   sign-in tabs both work;
//! - an origin check: a POST whose `Origin` (or, without one, `Referer`)
//!   names another origin than the sandbox's own is refused. `Origin: null`
//!   (a browser that hides the origin) passes only when `Sec-Fetch-Site`
//!   says the form was same-origin. A POST with neither header (not a
//!   browser, or a very old one) is left to the form token.

use axum::http::{header, HeaderMap, HeaderValue};

use super::clients::own_origins;
use super::constant_time_eq;
use super::html::origin_of;
use super::session::{cookie_value, set_cookie};
use crate::config::Config;
use crate::ids::random_token;

/// The cookie that carries the form token.
pub const FORM_COOKIE: &str = "PF_FORM";

/// How long the form cookie lasts, in seconds.
const FORM_LIFETIME: i64 = 3600;

/// The only path the form cookie is sent to.
const FORM_PATH: &str = "/as/authorization.oauth2";

/// Why a posted sign-in form is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRefusal {
    /// `Origin` or `Referer` names another site.
    ForeignOrigin,
    /// The form token is missing, or differs from the cookie's.
    BadToken,
}

/// The token for a sign-in page: the browser's current one when its cookie
/// carries one of the right shape, else a new random one.
pub fn form_token(headers: &HeaderMap) -> String {
    cookie_value(headers, FORM_COOKIE)
        .filter(|token| is_well_formed(token))
        .unwrap_or_else(|| random_token(32))
}

/// The `Set-Cookie` value that stores the form token in the browser.
pub fn form_cookie(token: &str, config: &Config) -> HeaderValue {
    set_cookie(
        &format!("{FORM_COOKIE}={token}; Max-Age={FORM_LIFETIME}"),
        FORM_PATH,
        "Strict",
        config,
    )
}

/// Checks a posted sign-in form: its origin, then its token.
pub fn check_form(
    headers: &HeaderMap,
    sent_token: Option<&str>,
    config: &Config,
) -> Result<(), FormRefusal> {
    check_origin(headers, config)?;
    match (cookie_value(headers, FORM_COOKIE), sent_token) {
        (Some(cookie), Some(sent)) if constant_time_eq(cookie.as_bytes(), sent.as_bytes()) => {
            Ok(())
        }
        _ => Err(FormRefusal::BadToken),
    }
}

/// 32 random bytes in base64url: 43 characters of A-Z, a-z, 0-9, '-', '_'.
fn is_well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn check_origin(headers: &HeaderMap, config: &Config) -> Result<(), FormRefusal> {
    let claimed = if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin
            .to_str()
            .map_err(|_| FormRefusal::ForeignOrigin)?
            .trim();
        if origin == "null" {
            let same_origin = headers
                .get("sec-fetch-site")
                .is_some_and(|site| site == "same-origin");
            return if same_origin {
                Ok(())
            } else {
                Err(FormRefusal::ForeignOrigin)
            };
        }
        origin.to_owned()
    } else if let Some(referer) = headers.get(header::REFERER) {
        let referer = referer.to_str().map_err(|_| FormRefusal::ForeignOrigin)?;
        origin_of(referer)
            .ok_or(FormRefusal::ForeignOrigin)?
            .to_owned()
    } else {
        return Ok(());
    };
    let claimed = normalized(&claimed);
    if own_origins_of(headers, config)
        .iter()
        .any(|own| normalized(own) == claimed)
    {
        Ok(())
    } else {
        Err(FormRefusal::ForeignOrigin)
    }
}

/// The origins the sandbox answers on: the configured public URL's (or
/// the listening address's and `localhost`'s), and the request's `Host`
/// with http or https (a TLS proxy in front keeps the Host).
fn own_origins_of(headers: &HeaderMap, config: &Config) -> Vec<String> {
    let mut origins: Vec<String> = own_origins(config)
        .iter()
        .filter_map(|url| origin_of(url).map(str::to_owned))
        .collect();
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .filter(|host| {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        });
    if let Some(host) = host {
        origins.push(format!("http://{host}"));
        origins.push(format!("https://{host}"));
    }
    origins
}

/// An origin in lower case, without its scheme's default port.
fn normalized(origin: &str) -> String {
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    for (scheme, port) in [("http://", ":80"), ("https://", ":443")] {
        if origin.starts_with(scheme) {
            if let Some(bare) = origin.strip_suffix(port) {
                return bare.to_owned();
            }
        }
    }
    origin
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(
                header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    fn config() -> Config {
        Config::for_tests("unused.sqlite3".into())
    }

    fn check(pairs: &[(&str, &str)], sent: Option<&str>) -> Result<(), FormRefusal> {
        check_form(&headers(pairs), sent, &config())
    }

    const COOKIE: (&str, &str) = (
        "cookie",
        "PF=s; PF_FORM=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
    );

    #[test]
    fn the_token_must_echo_the_cookie() {
        assert_eq!(check(&[COOKIE], Some(TOKEN)), Ok(()));
        assert_eq!(check(&[COOKIE], None), Err(FormRefusal::BadToken));
        assert_eq!(
            check(&[COOKIE], Some(&TOKEN[1..])),
            Err(FormRefusal::BadToken)
        );
        assert_eq!(check(&[COOKIE], Some("")), Err(FormRefusal::BadToken));
        assert_eq!(check(&[], Some(TOKEN)), Err(FormRefusal::BadToken));
        assert_eq!(
            check(&[("cookie", "PF_FORM=")], Some("")),
            Err(FormRefusal::BadToken)
        );
    }

    #[test]
    fn own_origins_pass_and_others_do_not() {
        let host = ("host", "127.0.0.1:8080");
        for origin in [
            "http://127.0.0.1:8080",
            "http://localhost:8080",
            "https://127.0.0.1:8080",
            "HTTP://127.0.0.1:8080",
        ] {
            assert_eq!(
                check(&[COOKIE, host, ("origin", origin)], Some(TOKEN)),
                Ok(()),
                "{origin}"
            );
        }
        let proxied = ("host", "sandbox.example");
        assert_eq!(
            check(
                &[COOKIE, proxied, ("origin", "https://sandbox.example")],
                Some(TOKEN)
            ),
            Ok(())
        );
        assert_eq!(
            check(
                &[COOKIE, proxied, ("origin", "http://sandbox.example:80")],
                Some(TOKEN)
            ),
            Ok(())
        );
        for origin in [
            "http://evil.example",
            "http://127.0.0.1:8081",
            "http://127.0.0.1:8080.evil.example",
            "null",
            "",
        ] {
            assert_eq!(
                check(&[COOKIE, host, ("origin", origin)], Some(TOKEN)),
                Err(FormRefusal::ForeignOrigin),
                "{origin}"
            );
        }
        // The origin is checked before the token.
        assert_eq!(
            check(&[host, ("origin", "http://evil.example")], None),
            Err(FormRefusal::ForeignOrigin)
        );
    }

    #[test]
    fn the_referer_stands_in_for_a_missing_origin() {
        let host = ("host", "127.0.0.1:8080");
        let own = (
            "referer",
            "http://127.0.0.1:8080/as/authorization.oauth2?x=1",
        );
        assert_eq!(check(&[COOKIE, host, own], Some(TOKEN)), Ok(()));
        for referer in ["http://evil.example/page", "not a url"] {
            assert_eq!(
                check(&[COOKIE, host, ("referer", referer)], Some(TOKEN)),
                Err(FormRefusal::ForeignOrigin),
                "{referer}"
            );
        }
        // With an Origin, the Origin decides.
        assert_eq!(
            check(
                &[COOKIE, host, ("origin", "http://evil.example"), own],
                Some(TOKEN)
            ),
            Err(FormRefusal::ForeignOrigin)
        );
    }

    #[test]
    fn a_hidden_origin_passes_only_with_same_origin_fetch_metadata() {
        let host = ("host", "127.0.0.1:8080");
        let null = ("origin", "null");
        assert_eq!(
            check(
                &[COOKIE, host, null, ("sec-fetch-site", "same-origin")],
                Some(TOKEN)
            ),
            Ok(())
        );
        for site in ["cross-site", "same-site", "none"] {
            assert_eq!(
                check(&[COOKIE, host, null, ("sec-fetch-site", site)], Some(TOKEN)),
                Err(FormRefusal::ForeignOrigin),
                "{site}"
            );
        }
    }

    #[test]
    fn a_public_url_is_an_own_origin() {
        let mut config = config();
        config.public_url = Some("https://sandbox.example/base/".into());
        let sent = headers(&[COOKIE, ("origin", "https://sandbox.example")]);
        assert_eq!(check_form(&sent, Some(TOKEN), &config), Ok(()));
        let other = headers(&[COOKIE, ("origin", "http://127.0.0.1:8080")]);
        assert_eq!(
            check_form(&other, Some(TOKEN), &config),
            Err(FormRefusal::ForeignOrigin)
        );
    }

    #[test]
    fn pages_reuse_a_well_formed_token_only() {
        assert_eq!(form_token(&headers(&[COOKIE])), TOKEN);
        let fresh = form_token(&headers(&[("cookie", "PF_FORM=short")]));
        assert!(is_well_formed(&fresh) && fresh != "short");
        assert_ne!(form_token(&HeaderMap::new()), form_token(&HeaderMap::new()));
    }

    #[test]
    fn the_cookie_is_strict_http_only_and_scoped_to_the_form() {
        let mut config = config();
        assert_eq!(
            form_cookie(TOKEN, &config),
            format!("PF_FORM={TOKEN}; Max-Age=3600; Path=/as/authorization.oauth2; HttpOnly; SameSite=Strict")
        );
        config.public_url = Some("https://sandbox.example".into());
        assert!(form_cookie(TOKEN, &config)
            .to_str()
            .unwrap()
            .ends_with("; Secure"));
    }
}
