//! Run-time configuration: one build serves every tenant. Settings come
//! from a JSON file beside `index.html`, overridden by `data-*` attributes
//! on the mount element.

use serde::Deserialize;

/// How the widget signs the user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Grant {
    /// OAuth implicit grant (the default; what MOBPROC documents).
    Implicit,
    /// Authorization code with PKCE (S256).
    AuthorizationCode,
}

/// The widget's settings, as the config file spells them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawConfig {
    pub api_base_url: Option<String>,
    pub authorization_url: Option<String>,
    pub token_url: Option<String>,
    pub client_id: Option<String>,
    pub tenant: Option<String>,
    pub redirect_uri: Option<String>,
    pub scope: Option<String>,
    pub grant: Option<String>,
    pub on_behalf_of: Option<String>,
    pub locale: Option<String>,
    pub theme: Option<String>,
    pub popup_redirect_uri: Option<String>,
    pub sign_in: Option<String>,
    pub token_storage: Option<String>,
    pub request_timeout_seconds: Option<u32>,
    pub prefetch: Option<String>,
}

/// How sign-in happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInMode {
    /// The whole page goes to the authorization server and comes back.
    Redirect,
    /// A popup window signs in; the page stays (for embedded use).
    Popup,
}

/// Checked settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub api_base_url: String,
    pub authorization_url: String,
    pub token_url: Option<String>,
    pub client_id: String,
    pub tenant: String,
    pub redirect_uri: Option<String>,
    pub scope: String,
    pub grant: Grant,
    pub on_behalf_of: Option<String>,
    pub locale: Option<String>,
    pub theme: Option<String>,
    /// The popup's redirect URI (default: `oauth-callback.html` beside the widget).
    pub popup_redirect_uri: Option<String>,
    pub sign_in: SignInMode,
    /// Keep the token in sessionStorage (survives a reload) instead of memory only.
    pub keep_token_in_session_storage: bool,
    /// How long an API call may take before it is given up (as a network failure).
    pub request_timeout_ms: u32,
    /// Fetch the later steps' code while the browser is idle (else only
    /// when the user goes there).
    pub prefetch: bool,
}

/// A setting that is missing or wrong, named as the config file names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub setting: &'static str,
    pub problem: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "The setting \"{}\" {}", self.setting, self.problem)
    }
}

impl RawConfig {
    /// Parses the config file's text.
    pub fn from_json(text: &str) -> Result<RawConfig, ConfigError> {
        serde_json::from_str(text).map_err(|e| ConfigError {
            setting: "config.json",
            problem: format!("could not be read: {e}"),
        })
    }

    /// Applies an override named as a `data-*` attribute (`data-tenant`,
    /// `data-api-base-url`...); unknown names are ignored.
    pub fn set(&mut self, attribute: &str, value: String) {
        let slot = match attribute {
            "api-base-url" => &mut self.api_base_url,
            "authorization-url" => &mut self.authorization_url,
            "token-url" => &mut self.token_url,
            "client-id" => &mut self.client_id,
            "tenant" => &mut self.tenant,
            "redirect-uri" => &mut self.redirect_uri,
            "scope" => &mut self.scope,
            "grant" => &mut self.grant,
            "on-behalf-of" => &mut self.on_behalf_of,
            "locale" => &mut self.locale,
            "theme" => &mut self.theme,
            "popup-redirect-uri" => &mut self.popup_redirect_uri,
            "sign-in" => &mut self.sign_in,
            "token-storage" => &mut self.token_storage,
            "prefetch" => &mut self.prefetch,
            "request-timeout-seconds" => {
                self.request_timeout_seconds = value.parse().ok();
                return;
            }
            _ => return,
        };
        *slot = Some(value);
    }

    /// Checks every setting; the first problem names its setting.
    pub fn check(self) -> Result<Config, ConfigError> {
        fn required(value: Option<String>, setting: &'static str) -> Result<String, ConfigError> {
            value.filter(|v| !v.trim().is_empty()).ok_or(ConfigError {
                setting,
                problem: "is missing.".into(),
            })
        }
        fn url(value: String, setting: &'static str) -> Result<String, ConfigError> {
            let ok = value.starts_with("https://")
                || value.starts_with("http://")
                || value.starts_with('/');
            if ok {
                Ok(value.trim_end_matches('/').to_owned())
            } else {
                Err(ConfigError {
                    setting,
                    problem: format!(
                        "must be an http(s) URL or a path starting with '/', not \"{value}\"."
                    ),
                })
            }
        }
        let grant = match self.grant.as_deref() {
            None | Some("implicit") => Grant::Implicit,
            Some("authorizationCode") => Grant::AuthorizationCode,
            Some(other) => {
                return Err(ConfigError {
                    setting: "grant",
                    problem: format!(
                        "must be \"implicit\" or \"authorizationCode\", not \"{other}\"."
                    ),
                })
            }
        };
        let token_url = self.token_url.map(|u| url(u, "tokenUrl")).transpose()?;
        if grant == Grant::AuthorizationCode && token_url.is_none() {
            return Err(ConfigError {
                setting: "tokenUrl",
                problem: "is required with the authorizationCode grant.".into(),
            });
        }
        let sign_in = match self.sign_in.as_deref() {
            None | Some("redirect") => SignInMode::Redirect,
            Some("popup") => SignInMode::Popup,
            Some(other) => {
                return Err(ConfigError {
                    setting: "signIn",
                    problem: format!("must be \"redirect\" or \"popup\", not \"{other}\"."),
                })
            }
        };
        let keep_token_in_session_storage = match self.token_storage.as_deref() {
            None | Some("memory") => false,
            Some("session") => true,
            Some(other) => {
                return Err(ConfigError {
                    setting: "tokenStorage",
                    problem: format!("must be \"memory\" or \"session\", not \"{other}\"."),
                })
            }
        };
        let prefetch = match self.prefetch.as_deref() {
            None | Some("idle") => true,
            Some("off") => false,
            Some(other) => {
                return Err(ConfigError {
                    setting: "prefetch",
                    problem: format!("must be \"idle\" or \"off\", not \"{other}\"."),
                })
            }
        };
        Ok(Config {
            api_base_url: url(required(self.api_base_url, "apiBaseUrl")?, "apiBaseUrl")?,
            authorization_url: url(
                required(self.authorization_url, "authorizationUrl")?,
                "authorizationUrl",
            )?,
            token_url,
            client_id: required(self.client_id, "clientId")?,
            tenant: required(self.tenant, "tenant")?,
            redirect_uri: self
                .redirect_uri
                .map(|u| url(u, "redirectUri"))
                .transpose()?,
            scope: self.scope.unwrap_or_else(|| "MOBPROC".into()),
            grant,
            on_behalf_of: self.on_behalf_of.filter(|v| !v.is_empty()),
            locale: self.locale,
            theme: self.theme,
            popup_redirect_uri: self
                .popup_redirect_uri
                .map(|u| url(u, "popupRedirectUri"))
                .transpose()?,
            sign_in,
            keep_token_in_session_storage,
            request_timeout_ms: match self.request_timeout_seconds {
                None => 30_000,
                Some(seconds @ 1..=600) => seconds * 1000,
                Some(other) => {
                    return Err(ConfigError {
                        setting: "requestTimeoutSeconds",
                        problem: format!("must be from 1 to 600, not {other}."),
                    })
                }
            },
            prefetch,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> RawConfig {
        RawConfig::from_json(
            r#"{"apiBaseUrl": "/mobproc/v1/", "authorizationUrl": "/as/authorization.oauth2",
                "clientId": "mobproc-widget", "tenant": "ACME"}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_complete_file_gives_defaults_for_the_rest() {
        let config = complete().check().unwrap();
        assert_eq!(config.api_base_url, "/mobproc/v1");
        assert_eq!(config.scope, "MOBPROC");
        assert_eq!(config.grant, Grant::Implicit);
        assert!(config.prefetch);
    }

    #[test]
    fn prefetching_can_be_turned_off_and_nothing_else() {
        let mut raw = complete();
        raw.set("prefetch", "off".into());
        assert!(!raw.clone().check().unwrap().prefetch);
        raw.set("prefetch", "eager".into());
        assert_eq!(raw.check().unwrap_err().setting, "prefetch");
    }

    #[test]
    fn attributes_override_the_file() {
        let mut raw = complete();
        raw.set("tenant", "GLOBEX".into());
        raw.set("unknown-thing", "x".into());
        assert_eq!(raw.check().unwrap().tenant, "GLOBEX");
    }

    #[test]
    fn a_missing_or_bad_setting_is_named() {
        let mut raw = complete();
        raw.tenant = None;
        assert_eq!(raw.check().unwrap_err().setting, "tenant");
        let mut raw = complete();
        raw.api_base_url = Some("ftp://x".into());
        assert_eq!(raw.check().unwrap_err().setting, "apiBaseUrl");
        let mut raw = complete();
        raw.grant = Some("authorizationCode".into());
        assert_eq!(raw.check().unwrap_err().setting, "tokenUrl");
        assert_eq!(
            RawConfig::from_json("{\"tenent\": 1}").unwrap_err().setting,
            "config.json"
        );
    }
}
