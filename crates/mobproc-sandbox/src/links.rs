//! Absolute links (`_meta` hrefs, image and logo URLs) on the sandbox's own
//! origin: the configured public URL, or the request's Host.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::state::AppState;

/// Builds the absolute URLs that answers carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    origin: String,
}

impl Links {
    /// Links on `origin` (`http://host:port`, no trailing slash).
    pub fn new(origin: impl Into<String>) -> Self {
        Links {
            origin: origin.into().trim_end_matches('/').to_owned(),
        }
    }

    /// The sandbox's origin.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The API's base URL, `<origin>/mobproc/v1`.
    pub fn api_base(&self) -> String {
        format!("{}{}", self.origin, crate::API_PREFIX)
    }

    /// An API URL: `path` starts with `/`.
    pub fn api(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin, crate::API_PREFIX)
    }

    /// A stored site-relative URL (`/sandbox/images/...`) made absolute;
    /// anything else (a `data:` URI) is returned as it is.
    pub fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            format!("{}{url}", self.origin)
        } else {
            url.to_owned()
        }
    }
}

impl FromRequestParts<AppState> for Links {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(public) = &state.config.public_url {
            return Ok(Links::new(public.clone()));
        }
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            })
            .map(str::to_owned)
            .unwrap_or_else(|| state.config.addr.to_string());
        Ok(Links::new(format!("http://{host}")))
    }
}
