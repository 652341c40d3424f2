//! OAuth 2 token answers (PingFederate's snake_case shapes).

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

/// The token endpoint's success answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
pub struct TokenResponse {
    pub token_type: String,
    pub expires_in: u64,
    pub access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// An OAuth error answer (RFC 6749 section 5.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
pub struct OAuthError {
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

/// What token validation says about a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
pub struct TokenValidation {
    pub scope: String,
    pub expires_in: u64,
    pub client_id: String,
    pub access_token: TokenSubject,
}

/// Who a token speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct TokenSubject {
    /// `command`, `rivermine` or `atlas`.
    pub platform: String,
    pub tenant: String,
    /// `"true"` or `"false"`, a string as the API sends it.
    pub multitenant: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    pub identity_provider: String,
    pub identifier: String,
}
