//! Client authentication at the token endpoint (RFC 6749 section 2.3.1).
//! A confidential client sends its secret one way only: HTTP Basic
//! (`Authorization: Basic base64(urlencode(client_id):urlencode(secret))`)
//! or `client_id` and `client_secret` in the body. A public client sends
//! only its `client_id`, in the body.

use axum::http::{header, HeaderMap};
use rusqlite::Connection;

use super::clients::{load_client, Client};
use super::constant_time_eq;
use super::encoding::{base64_decode, form_urldecode};
use super::Refusal;
use crate::error::ApiResult;

/// The client id and secret of an `Authorization: Basic` header, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasicCredentials {
    pub client_id: String,
    pub client_secret: String,
}

/// The credentials of the request's `Authorization: Basic` header: `None`
/// without one (another scheme is not client authentication, and is
/// ignored); `invalid_request` when it cannot be read.
pub fn basic_credentials(headers: &HeaderMap) -> Result<Option<BasicCredentials>, Refusal> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    let malformed = || {
        Refusal::new(
            "invalid_request",
            "The Authorization header cannot be read: send 'Basic ' and the base64 of \
             'client_id:client_secret', each form-urlencoded.",
        )
    };
    let value = value.to_str().map_err(|_| malformed())?.trim();
    let (scheme, encoded) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("basic") {
        return Ok(None);
    }
    if values.next().is_some() {
        return Err(Refusal::new(
            "invalid_request",
            "Send one Authorization header, not several.",
        ));
    }
    let decoded = base64_decode(encoded.trim())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(malformed)?;
    let (id, secret) = decoded.split_once(':').ok_or_else(malformed)?;
    let client_id = form_urldecode(id)
        .filter(|id| !id.is_empty())
        .ok_or_else(malformed)?;
    let client_secret = form_urldecode(secret).ok_or_else(malformed)?;
    Ok(Some(BasicCredentials {
        client_id,
        client_secret,
    }))
}

/// The client the request authenticates as, or why not: `invalid_request`
/// for a missing `client_id` or for two methods at once, `invalid_client`
/// for an unknown client or a wrong or missing secret.
pub fn authenticate_client(
    connection: &Connection,
    basic: Option<&BasicCredentials>,
    body_id: Option<&str>,
    body_secret: Option<&str>,
) -> ApiResult<Result<Client, Refusal>> {
    let Some(basic) = basic else {
        return authenticate_with_body(connection, body_id, body_secret);
    };
    if body_secret.is_some() {
        return Ok(Err(Refusal::new(
            "invalid_request",
            "The client authenticated twice, with HTTP Basic and with client_secret in the body: \
             use one method.",
        )));
    }
    if body_id.is_some_and(|id| id != basic.client_id) {
        return Ok(Err(Refusal::new(
            "invalid_request",
            "The client_id in the body is not the one in the Authorization header.",
        )));
    }
    let Some(client) = load_client(connection, &basic.client_id)? else {
        return Ok(Err(Refusal::new(
            "invalid_client",
            "The client id or secret in the Authorization header is wrong.",
        )));
    };
    let Some(secret) = &client.secret else {
        return Ok(Err(Refusal::new(
            "invalid_client",
            format!(
                "'{}' is a public client: it has no secret, so send only its client_id, in the body.",
                client.id
            ),
        )));
    };
    if !constant_time_eq(basic.client_secret.as_bytes(), secret.as_bytes()) {
        return Ok(Err(Refusal::new(
            "invalid_client",
            "The client id or secret in the Authorization header is wrong.",
        )));
    }
    Ok(Ok(client))
}

fn authenticate_with_body(
    connection: &Connection,
    body_id: Option<&str>,
    body_secret: Option<&str>,
) -> ApiResult<Result<Client, Refusal>> {
    let Some(client_id) = body_id else {
        return Ok(Err(Refusal::new(
            "invalid_request",
            "The parameter 'client_id' is required (or authenticate with HTTP Basic).",
        )));
    };
    let Some(client) = load_client(connection, client_id)? else {
        return Ok(Err(Refusal::new(
            "invalid_client",
            format!("There is no client '{client_id}'."),
        )));
    };
    let Some(secret) = &client.secret else {
        return Ok(Ok(client));
    };
    Ok(match body_secret {
        Some(sent) if constant_time_eq(sent.as_bytes(), secret.as_bytes()) => Ok(client),
        Some(_) => Err(Refusal::new(
            "invalid_client",
            "The client_secret is wrong.",
        )),
        None => Err(Refusal::new(
            "invalid_client",
            format!(
                "'{client_id}' is a confidential client: send its client_secret \
                 (in the body or with HTTP Basic)."
            ),
        )),
    })
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;
    use crate::ids::random_token;

    fn with_authorization(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn basic(id: &str, secret: &str) -> Option<BasicCredentials> {
        Some(BasicCredentials {
            client_id: id.into(),
            client_secret: secret.into(),
        })
    }

    #[test]
    fn reads_basic_credentials_form_decoded() {
        let read = |value: &str| basic_credentials(&with_authorization(&[value]));
        // base64("acme-integration:acme-integration-secret")
        assert_eq!(
            read("Basic YWNtZS1pbnRlZ3JhdGlvbjphY21lLWludGVncmF0aW9uLXNlY3JldA=="),
            Ok(basic("acme-integration", "acme-integration-secret"))
        );
        // base64("a%3Ab+c:s%25:x") is "YSUzQWIrYzpzJTI1Ong="
        assert_eq!(
            read("basic  YSUzQWIrYzpzJTI1Ong="),
            Ok(basic("a:b c", "s%:x"))
        );
        // base64("id:") — an empty secret is still Basic.
        assert_eq!(read("Basic aWQ6"), Ok(basic("id", "")));
        assert_eq!(basic_credentials(&HeaderMap::new()), Ok(None));
        assert_eq!(read("Bearer abc"), Ok(None));
        for broken in [
            "Basic",
            "Basic !!!",
            "Basic aWQ",          // "id": no colon
            "Basic OnNlY3JldA==", // ":secret": no id
            "Basic aWQ6JXp6",     // "id:%zz"
            "Basic /w==",         // not UTF-8
        ] {
            let refusal = read(broken).unwrap_err();
            assert_eq!(refusal.error, "invalid_request", "{broken}");
        }
        let twice = with_authorization(&["Basic aWQ6", "Basic aWQ6"]);
        assert_eq!(
            basic_credentials(&twice).unwrap_err().error,
            "invalid_request"
        );
    }

    #[test]
    fn the_decoder_round_trips_what_a_client_encodes() {
        let id = "client:with spaces&+%";
        let secret = random_token(24) + ":+/=";
        let joined = format!(
            "{}:{}",
            super::super::encoding::form_urlencode(id),
            super::super::encoding::form_urlencode(&secret)
        );
        let header = format!("Basic {}", standard_base64(joined.as_bytes()));
        assert_eq!(
            basic_credentials(&with_authorization(&[&header])),
            Ok(basic(id, &secret))
        );
    }

    /// Standard base64 with padding, from the base64url encoder.
    fn standard_base64(bytes: &[u8]) -> String {
        let mut text = crate::ids::base64_url(bytes)
            .replace('-', "+")
            .replace('_', "/");
        while !text.len().is_multiple_of(4) {
            text.push('=');
        }
        text
    }
}
