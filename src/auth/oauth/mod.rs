//! OAuth 2 in the browser, the pure part: building the authorization URL,
//! reading the answer in the redirect URI's fragment (or query), and the
//! one-time `state` of each sign-in attempt.

use mobproc_types::json::{object_text, FromJson, Json, JsonError, Object};

use crate::config::{Config, Grant};

/// How long a sign-in attempt may take before its `state` is refused.
pub const ATTEMPT_LIFETIME_MS: f64 = 10.0 * 60.0 * 1000.0;

/// One sign-in attempt, stored (in sessionStorage) under its `state` until
/// the answer comes back; used once, then discarded.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub state: String,
    /// When it started, in milliseconds since the epoch.
    pub started_ms: f64,
    /// The redirect URI the request named (the code exchange repeats it).
    pub redirect_uri: String,
    /// PKCE: the verifier whose challenge was sent.
    pub code_verifier: Option<String>,
    /// Whether the attempt runs in a popup.
    pub popup: bool,
}

impl Attempt {
    /// The attempt as kept in sessionStorage until its answer comes back.
    pub fn to_storage(&self) -> String {
        object_text(|o| {
            o.field("state", &self.state);
            o.field("startedMs", &(self.started_ms as u64));
            o.field("redirectUri", &self.redirect_uri);
            if let Some(verifier) = &self.code_verifier {
                o.field("codeVerifier", verifier);
            }
            o.field("popup", &self.popup);
        })
    }
}

impl FromJson for Attempt {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let o = value.object()?;
        Ok(Attempt {
            state: o.field("state")?,
            started_ms: milliseconds(&o, "startedMs")?,
            redirect_uri: o.field("redirectUri")?,
            code_verifier: o.field("codeVerifier")?,
            popup: o.field_or_default("popup")?,
        })
    }
}

/// The field `name` of `o`, a time in milliseconds since the epoch.
pub(crate) fn milliseconds(o: &Object, name: &str) -> Result<f64, JsonError> {
    o.field_with(name, Json::whole_part).map(|ms| ms as f64)
}

/// Percent-encodes a query or fragment value (RFC 3986 unreserved kept).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
/// `None` when an escape is broken or the bytes are not UTF-8.
pub fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The authorization request's URL.
pub fn authorize_url(
    config: &Config,
    redirect_uri: &str,
    state: &str,
    prompt: Option<&str>,
    code_challenge: Option<&str>,
) -> String {
    let response_type = match config.grant {
        Grant::Implicit => "token",
        Grant::AuthorizationCode => "code",
    };
    let mut params = vec![
        ("response_type", response_type.to_owned()),
        ("client_id", config.client_id.clone()),
        ("redirect_uri", redirect_uri.to_owned()),
        ("scope", config.scope.clone()),
        ("state", state.to_owned()),
    ];
    if let Some(prompt) = prompt {
        params.push(("prompt", prompt.to_owned()));
    }
    if let Some(challenge) = code_challenge {
        params.push(("code_challenge", challenge.to_owned()));
        params.push(("code_challenge_method", "S256".to_owned()));
    }
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    let separator = if config.authorization_url.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{}{separator}{}", config.authorization_url, query.join("&"))
}

/// What came back to the redirect URI.
#[derive(Debug, Clone, PartialEq)]
pub enum Callback {
    /// Implicit grant: the token itself.
    Token {
        access_token: String,
        expires_in: u64,
        state: Option<String>,
    },
    /// Authorization code grant: a code to exchange.
    Code { code: String, state: Option<String> },
    /// The authorization server refused (e.g. `access_denied`).
    Error {
        error: String,
        description: Option<String>,
        state: Option<String>,
    },
}

impl Callback {
    /// The `state` the answer carries.
    pub fn state(&self) -> Option<&str> {
        match self {
            Callback::Token { state, .. }
            | Callback::Code { state, .. }
            | Callback::Error { state, .. } => state.as_deref(),
        }
    }
}

/// Reads an OAuth answer from a fragment or query string (with or without
/// its leading `#`/`?`). `None` when it holds no OAuth answer at all.
pub fn parse_callback(text: &str) -> Option<Callback> {
    let text = text.trim_start_matches(['#', '?']);
    let mut access_token = None;
    let mut expires_in = None;
    let mut code = None;
    let mut error = None;
    let mut description = None;
    let mut state = None;
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value)?;
        match key {
            "access_token" => access_token = Some(value),
            "expires_in" => expires_in = value.parse().ok(),
            "code" => code = Some(value),
            "error" => error = Some(value),
            "error_description" => description = Some(value),
            "state" => state = Some(value),
            _ => {}
        }
    }
    match (error, access_token, code) {
        (Some(error), _, _) => Some(Callback::Error {
            error,
            description,
            state,
        }),
        (None, Some(access_token), _) if !access_token.is_empty() => Some(Callback::Token {
            access_token,
            expires_in: expires_in.unwrap_or(3600),
            state,
        }),
        (None, None, Some(code)) if !code.is_empty() => Some(Callback::Code { code, state }),
        _ => None,
    }
}

/// Why an answer's `state` was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateProblem {
    /// The answer carries no `state`.
    Missing,
    /// No attempt of this tab has that `state` (unknown, reused, or from another tab).
    Unknown,
    /// The attempt is older than [`ATTEMPT_LIFETIME_MS`].
    Expired,
}

/// Checks an answer's `state` against the attempt stored for it (already
/// taken out of storage, so it can never be used twice).
pub fn check_state(
    state: Option<&str>,
    stored: Option<Attempt>,
    now_ms: f64,
) -> Result<Attempt, StateProblem> {
    let state = state
        .filter(|s| !s.is_empty())
        .ok_or(StateProblem::Missing)?;
    let attempt = stored
        .filter(|a| a.state == state)
        .ok_or(StateProblem::Unknown)?;
    if now_ms - attempt.started_ms > ATTEMPT_LIFETIME_MS || now_ms < attempt.started_ms {
        return Err(StateProblem::Expired);
    }
    Ok(attempt)
}

/// Base64url without padding, as PKCE and random states use it.
pub fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, b| (acc << 8) | *b as u32) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// A URL with its fragment removed (what the address bar shows after sign-in).
pub fn without_fragment(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// The parameters an authorization answer adds to a redirect URI's query.
const ANSWER_PARAMETERS: &[&str] = &["code", "state", "error", "error_description", "error_uri"];

/// A URL without the answer's parameters in its query (and without
/// fragment); the page's own parameters (`?tenant=GLOBEX`) stay.
pub fn without_answer(url: &str) -> String {
    let url = without_fragment(url);
    let Some((page, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| !ANSWER_PARAMETERS.contains(&pair.split('=').next().unwrap_or(pair)))
        .collect();
    if kept.is_empty() {
        page.to_owned()
    } else {
        format!("{page}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests;
