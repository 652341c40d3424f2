//! The configuration, setting by setting: where each value comes from
//! (the file or a `data-*` attribute), and every problem at once (where
//! [`RawConfig::check`] stops at the first), with the config the rest of
//! the checks can use when only optional settings are wrong.

use serde_json::{Map, Value};

use crate::config::{Config, RawConfig, SETTINGS};

/// `apiBaseUrl` → `api-base-url` (the `data-*` attribute's name).
pub fn attribute_name(setting: &str) -> String {
    let mut name = String::new();
    for c in setting.chars() {
        if c.is_ascii_uppercase() {
            name.push('-');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

/// One setting as the widget sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub name: &'static str,
    /// The value, as written (`None`: not set).
    pub value: Option<String>,
    /// `data-…` when a mount element's attribute set it, else `None` (the file).
    pub attribute: Option<String>,
    /// What is wrong with it, in the config checker's words.
    pub problem: Option<String>,
}

/// The whole configuration, reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Why the file as a whole could not be read (not JSON, not an object).
    pub unreadable: Option<String>,
    /// Names in the file the widget does not know (it refuses them).
    pub unknown: Vec<String>,
    pub settings: Vec<Setting>,
    /// The settings with the wrong optional ones left at their defaults;
    /// `None` when a required one is missing or wrong.
    pub usable: Option<Config>,
}

impl Review {
    /// Whether the widget itself would start with this configuration.
    pub fn is_valid(&self) -> bool {
        self.unreadable.is_none()
            && self.unknown.is_empty()
            && self.settings.iter().all(|s| s.problem.is_none())
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Reviews the config file's `text` with the mount element's `overrides`
/// (`data-*` attributes without the prefix, as [`RawConfig::set`] takes them).
pub fn review(text: &str, overrides: &[(String, String)]) -> Review {
    let (file, unreadable) = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => (map, None),
        Ok(_) => (Map::new(), Some("is not a JSON object ({ … }).".to_owned())),
        Err(error) => (Map::new(), Some(format!("is not valid JSON: {error}."))),
    };
    let unknown = file
        .keys()
        .filter(|key| !SETTINGS.contains(&key.as_str()))
        .cloned()
        .collect();
    let mut settings: Vec<Setting> = SETTINGS
        .iter()
        .map(|&name| {
            let attribute = attribute_name(name);
            let overridden = overrides.iter().rev().find(|(n, _)| *n == attribute);
            let in_file = file.get(name).filter(|v| !v.is_null());
            // A value of the wrong JSON type is refused on its own.
            let problem = in_file.and_then(|value| {
                let single = Value::Object(Map::from_iter([(name.to_owned(), value.clone())]));
                serde_json::from_value::<RawConfig>(single)
                    .err()
                    .map(|error| format!("has the wrong type: {error}."))
            });
            Setting {
                name,
                value: overridden.map(|(_, v)| v.clone()).or(in_file.map(shown)),
                attribute: overridden.map(|_| format!("data-{attribute}")),
                problem: if overridden.is_some() { None } else { problem },
            }
        })
        .collect();
    let usable = check_each(&file, overrides, &mut settings);
    Review {
        unreadable,
        unknown,
        settings,
        usable,
    }
}

/// Runs [`RawConfig::check`] until it passes, noting each problem on its
/// setting and then leaving that setting out (a required one gets a
/// stand-in, and the config is then not usable).
fn check_each(
    file: &Map<String, Value>,
    overrides: &[(String, String)],
    settings: &mut [Setting],
) -> Option<Config> {
    let mut stand_ins: Vec<&'static str> = Vec::new();
    let build = |settings: &[Setting], stand_ins: &[&str]| {
        let mut raw = RawConfig::default();
        for setting in settings.iter().filter(|s| s.problem.is_none()) {
            let attribute = attribute_name(setting.name);
            match (&setting.attribute, file.get(setting.name)) {
                (Some(_), _) => {
                    if let Some((_, value)) = overrides.iter().rev().find(|(n, _)| *n == attribute)
                    {
                        raw.set(&attribute, value.clone());
                    }
                }
                (None, Some(value)) => {
                    let single =
                        Value::Object(Map::from_iter([(setting.name.to_owned(), value.clone())]));
                    if let Ok(one) = serde_json::from_value::<RawConfig>(single) {
                        merge(&mut raw, one);
                    }
                }
                (None, None) => {}
            }
        }
        for name in stand_ins {
            raw.set(&attribute_name(name), "/".into());
        }
        raw
    };
    for _ in 0..=SETTINGS.len() * 2 {
        let error = match build(settings, &stand_ins).check() {
            Ok(config) => return stand_ins.is_empty().then_some(config),
            Err(error) => error,
        };
        let setting = settings.iter_mut().find(|s| s.name == error.setting)?;
        if setting.problem.is_none() {
            setting.problem = Some(error.problem);
        } else if !stand_ins.contains(&setting.name) {
            stand_ins.push(setting.name);
        } else {
            return None;
        }
    }
    None
}

/// Takes `one`'s set fields into `raw`.
fn merge(raw: &mut RawConfig, one: RawConfig) {
    macro_rules! take {
        ($($field:ident),*) => { $( if one.$field.is_some() { raw.$field = one.$field; } )* };
    }
    take!(
        api_base_url,
        authorization_url,
        token_url,
        client_id,
        tenant,
        redirect_uri,
        scope,
        grant,
        on_behalf_of,
        locale,
        theme,
        popup_redirect_uri,
        sign_in,
        token_storage,
        request_timeout_seconds,
        prefetch,
        tenants,
        introspection_url,
        logout_url
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2",
        "clientId": "mobproc-widget", "tenant": "ACME"}"#;

    fn problem_of<'a>(review: &'a Review, name: &str) -> Option<&'a str> {
        review
            .settings
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.problem.as_deref())
    }

    #[test]
    fn attribute_names_are_the_settings_in_kebab_case() {
        assert_eq!(attribute_name("apiBaseUrl"), "api-base-url");
        assert_eq!(attribute_name("tenant"), "tenant");
        assert_eq!(
            attribute_name("requestTimeoutSeconds"),
            "request-timeout-seconds"
        );
    }

    #[test]
    fn the_settings_added_since_the_panel_are_known_to_it() {
        let file = GOOD.replace(
            '}',
            r#", "tenants": "ACME GLOBEX", "introspectionUrl": "/as/introspect.oauth2",
                "logoutUrl": "/as/logout.oauth2"}"#,
        );
        let review = review(&file, &[]);
        assert!(review.unknown.is_empty(), "{:?}", review.unknown);
        assert!(review.is_valid());
        let usable = review.usable.unwrap();
        assert_eq!(usable.tenants, ["ACME", "GLOBEX"]);
        assert_eq!(usable.logout_url.as_deref(), Some("/as/logout.oauth2"));
    }

    #[test]
    fn a_good_file_is_valid_and_usable_and_shows_every_setting() {
        let review = review(GOOD, &[]);
        assert!(review.is_valid());
        assert_eq!(review.settings.len(), SETTINGS.len());
        assert_eq!(review.usable.unwrap().tenant, "ACME");
        let tenant = &review.settings[4];
        assert_eq!(
            (tenant.name, tenant.value.as_deref()),
            ("tenant", Some("ACME"))
        );
        assert_eq!(review.settings[2].value, None, "tokenUrl is not set");
    }

    #[test]
    fn every_bad_setting_is_named_not_only_the_first() {
        let text = r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2",
            "clientId": "mobproc-widget", "tenant": "ACME", "grant": "magic",
            "tokenStorage": "cookie", "redirectUri": "portal.html", "requestTimeoutSeconds": "ten"}"#;
        let review = review(text, &[]);
        assert!(!review.is_valid());
        assert!(problem_of(&review, "grant").unwrap().contains("\"magic\""));
        assert!(problem_of(&review, "tokenStorage")
            .unwrap()
            .contains("\"cookie\""));
        assert!(problem_of(&review, "redirectUri")
            .unwrap()
            .contains("portal.html"));
        assert!(problem_of(&review, "requestTimeoutSeconds")
            .unwrap()
            .contains("wrong type"));
        assert_eq!(problem_of(&review, "tenant"), None);
        let usable = review.usable.expect("only optional settings are wrong");
        assert_eq!(
            usable.redirect_uri, None,
            "the wrong one is left at its default"
        );
    }

    #[test]
    fn a_missing_required_setting_makes_it_unusable_and_the_rest_is_still_checked() {
        let text = r#"{"apiBaseUrl": "/mobproc/v1", "authorizationUrl": "/as/authorization.oauth2",
            "clientId": "mobproc-widget", "signIn": "iframe"}"#;
        let review = review(text, &[]);
        assert_eq!(problem_of(&review, "tenant"), Some("is missing."));
        assert!(problem_of(&review, "signIn").is_some());
        assert_eq!(review.usable, None);
    }

    #[test]
    fn attributes_override_the_file_and_are_named() {
        let overrides = [
            ("tenant".to_owned(), "GLOBEX".to_owned()),
            ("prefetch".to_owned(), "never".to_owned()),
        ];
        let review = review(GOOD, &overrides);
        let tenant = review.settings.iter().find(|s| s.name == "tenant").unwrap();
        assert_eq!(tenant.value.as_deref(), Some("GLOBEX"));
        assert_eq!(tenant.attribute.as_deref(), Some("data-tenant"));
        assert!(problem_of(&review, "prefetch")
            .unwrap()
            .contains("\"never\""));
        assert_eq!(review.usable.unwrap().tenant, "GLOBEX");
    }

    #[test]
    fn unknown_names_and_unreadable_files_are_said() {
        let review = review(r#"{"tenent": "ACME"}"#, &[]);
        assert_eq!(review.unknown, ["tenent"]);
        assert_eq!(problem_of(&review, "tenant"), Some("is missing."));
        let broken = super::review("{\"tenant\": \"ACME\",}", &[]);
        assert!(broken.unreadable.unwrap().contains("not valid JSON"));
        assert!(super::review("[1]", &[]).unreadable.is_some());
    }
}
