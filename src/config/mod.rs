//! Run-time configuration: one build serves every tenant. Settings come
//! from a JSON file beside `index.html`, overridden by `data-*` attributes
//! on the mount element.

use mobproc_types::json::FromJson;
use serde::Deserialize;

/// Every setting of the config file, as it spells them (the fields of
/// [`RawConfig`]; the diagnostics panel names them from this list).
pub const SETTINGS: [&str; 19] = [
    "apiBaseUrl",
    "authorizationUrl",
    "tokenUrl",
    "clientId",
    "tenant",
    "redirectUri",
    "scope",
    "grant",
    "onBehalfOf",
    "locale",
    "theme",
    "popupRedirectUri",
    "signIn",
    "tokenStorage",
    "requestTimeoutSeconds",
    "prefetch",
    "tenants",
    "introspectionUrl",
    "logoutUrl",
];

/// How the widget signs the user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Grant {
    /// OAuth implicit grant (the default; what MOBPROC documents).
    Implicit,
    /// Authorization code with PKCE (S256).
    AuthorizationCode,
}

/// The widget's settings, as the config file spells them (read with
/// [`FromJson`] by the widget; with serde by the diagnostics panel, setting
/// by setting).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, FromJson)]
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
    /// The tenants a page may be switched between with `?tenant=` in its
    /// address (space- or comma-separated codes); none when not set.
    pub tenants: Option<String>,
    pub introspection_url: Option<String>,
    pub logout_url: Option<String>,
    /// The tenant the page's address asks for (`?tenant=GLOBEX`): never
    /// from the file.
    #[serde(skip)]
    pub address_tenant: Option<String>,
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
    /// The tenants the page offers to switch between (empty: no chooser).
    pub tenants: Vec<String>,
    /// Where the widget asks who a token signs in (PingFederate's
    /// `/as/introspect.oauth2` beside the authorization URL by default).
    pub introspection_url: Option<String>,
    /// Where signing out ends the authorization server's session
    /// (PingFederate's `/as/logout.oauth2` beside the authorization URL by default).
    pub logout_url: Option<String>,
}

/// The URL of the endpoint `name` (`introspect.oauth2`...) beside a
/// PingFederate authorization URL (`.../as/authorization.oauth2`), if it is one.
pub fn beside_authorization(authorization_url: &str, name: &str) -> Option<String> {
    let path = authorization_url.split(['?', '#']).next()?;
    path.strip_suffix("authorization.oauth2")
        .filter(|base| base.ends_with('/'))
        .map(|base| format!("{base}{name}"))
}

/// The `tenant` parameter of a page address's query (`?tenant=GLOBEX`).
pub fn tenant_in_query(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "tenant")
        .and_then(|(_, value)| crate::auth::oauth::decode(value))
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
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
        RawConfig::from_json_text(text).map_err(|e| ConfigError {
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
            "tenants" => &mut self.tenants,
            "introspection-url" => &mut self.introspection_url,
            "logout-url" => &mut self.logout_url,
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
        let tenants: Vec<String> = self
            .tenants
            .as_deref()
            .unwrap_or_default()
            .split([' ', ','])
            .filter(|code| !code.is_empty())
            .map(str::to_owned)
            .collect();
        let tenant = match self.address_tenant {
            Some(chosen) if tenants.contains(&chosen) => chosen,
            Some(chosen) if !tenants.is_empty() => {
                let listed = tenants.join(", ");
                return Err(ConfigError {
                    setting: "tenant",
                    problem: format!(
                        "\"{chosen}\" (from the page address) is not one of this page's tenants: {listed}."
                    ),
                });
            }
            // Without a list of tenants, the address cannot change the tenant.
            _ => required(self.tenant, "tenant")?,
        };
        let authorization_url = url(
            required(self.authorization_url, "authorizationUrl")?,
            "authorizationUrl",
        )?;
        let beside = |given: Option<String>, setting: &'static str, name| match given {
            Some(given) => url(given, setting).map(Some),
            None => Ok(beside_authorization(&authorization_url, name)),
        };
        let introspection_url = beside(
            self.introspection_url,
            "introspectionUrl",
            "introspect.oauth2",
        )?;
        let logout_url = beside(self.logout_url, "logoutUrl", "logout.oauth2")?;
        Ok(Config {
            api_base_url: url(required(self.api_base_url, "apiBaseUrl")?, "apiBaseUrl")?,
            authorization_url,
            token_url,
            client_id: required(self.client_id, "clientId")?,
            tenant,
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
            tenants,
            introspection_url,
            logout_url,
        })
    }
}

#[cfg(test)]
mod tests;
