//! Unit tests of the run-time configuration: defaults, the mount element's
//! overrides, the tenant from the page address, the URLs derived from the
//! authorization URL, and the problems named.

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
fn the_address_chooses_among_the_pages_tenants_only() {
    let mut raw = complete();
    raw.address_tenant = Some("GLOBEX".into());
    assert_eq!(
        raw.clone().check().unwrap().tenant,
        "ACME",
        "no list: ignored"
    );
    raw.set("tenants", "ACME, GLOBEX INITECH".into());
    let config = raw.clone().check().unwrap();
    assert_eq!(config.tenant, "GLOBEX");
    assert_eq!(config.tenants, ["ACME", "GLOBEX", "INITECH"]);
    raw.address_tenant = Some("UMBRELLA".into());
    let error = raw.clone().check().unwrap_err();
    assert_eq!(error.setting, "tenant");
    assert_eq!(
        error.to_string(),
        "The setting \"tenant\" \"UMBRELLA\" (from the page address) is not one of \
         this page's tenants: ACME, GLOBEX, INITECH."
    );
    raw.address_tenant = None;
    assert_eq!(raw.check().unwrap().tenant, "ACME");
}

#[test]
fn the_tenant_is_read_from_the_query() {
    assert_eq!(tenant_in_query("?tenant=GLOBEX"), Some("GLOBEX".into()));
    assert_eq!(
        tenant_in_query("?a=1&tenant=INITECH&b"),
        Some("INITECH".into())
    );
    assert_eq!(tenant_in_query("?tenant="), None);
    assert_eq!(tenant_in_query("?tenants=X"), None);
    assert_eq!(tenant_in_query(""), None);
}

#[test]
fn introspection_and_logout_sit_beside_a_pingfederate_authorization_url() {
    let config = complete().check().unwrap();
    assert_eq!(
        config.introspection_url.as_deref(),
        Some("/as/introspect.oauth2")
    );
    assert_eq!(config.logout_url.as_deref(), Some("/as/logout.oauth2"));
    let mut raw = complete();
    raw.authorization_url = Some("https://sso.example/authorize".into());
    let config = raw.clone().check().unwrap();
    assert_eq!(config.introspection_url, None);
    assert_eq!(config.logout_url, None);
    raw.set("logout-url", "https://sso.example/logout".into());
    assert_eq!(
        raw.clone().check().unwrap().logout_url.as_deref(),
        Some("https://sso.example/logout")
    );
    raw.set("introspection-url", "nowhere".into());
    assert_eq!(raw.check().unwrap_err().setting, "introspectionUrl");
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

#[test]
fn the_file_reads_as_the_diagnostics_panel_reads_it() {
    // Every setting, each with a value of its kind.
    let every = SETTINGS
        .iter()
        .map(|name| match *name {
            "requestTimeoutSeconds" => format!("\"{name}\": 30"),
            _ => format!("\"{name}\": \"{name} \\u00e9\""),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let every = format!("{{{every}}}");
    let by_hand = RawConfig::from_json(&every).unwrap();
    assert_eq!(by_hand, serde_json::from_str::<RawConfig>(&every).unwrap());
    assert_eq!(by_hand.logout_url.as_deref(), Some("logoutUrl é"));
    assert_eq!(by_hand.request_timeout_seconds, Some(30));
    let nulls = r#"{"tenant": null, "theme": null}"#;
    assert_eq!(
        RawConfig::from_json(nulls).unwrap(),
        serde_json::from_str::<RawConfig>(nulls).unwrap()
    );
    // What serde refuses is refused, and the message says where.
    for (text, problem) in [
        (
            r#"{"tenant": 7}"#,
            "tenant: expected a string, found a number",
        ),
        (
            r#"{"requestTimeoutSeconds": "30"}"#,
            "requestTimeoutSeconds: expected a whole number, found a string",
        ),
        (r#"{"tenent": "ACME"}"#, "unknown field `tenent`"),
        (
            "{\"tenant\": \"ACME\",\n}",
            "expected a field name in quotes at line 2 column 1",
        ),
        ("[]", "expected an object, found an array"),
    ] {
        assert!(serde_json::from_str::<RawConfig>(text).is_err(), "{text}");
        let error = RawConfig::from_json(text).unwrap_err();
        assert_eq!(error.setting, "config.json");
        assert_eq!(
            error.problem,
            format!("could not be read: {problem}"),
            "{text}"
        );
    }
}
