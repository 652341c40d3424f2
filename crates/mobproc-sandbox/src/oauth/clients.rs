//! Registered clients and the redirect URIs each may use.

use rusqlite::{Connection, OptionalExtension};

use crate::config::Config;
use crate::error::ApiResult;

/// The widget's public client: it may also come back to the sandbox's own pages.
pub const WIDGET_CLIENT_ID: &str = "mobproc-widget";

/// The pages of the sandbox's own site that the widget may be sent back to.
const WIDGET_PAGES: &[&str] = &["/", "/index.html", "/oauth-callback.html", "/portal.html"];

/// The widget's pages that may carry a tenant choice (`?tenant=GLOBEX`),
/// as the demo's tenant chooser sets it.
const TENANT_PAGES: &[&str] = &["/", "/index.html", "/portal.html"];

/// A row of `oauth_clients`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub id: String,
    pub name: String,
    /// `None` for a public client.
    pub secret: Option<String>,
    /// The redirect URIs registered with the client.
    pub redirect_uris: Vec<String>,
}

/// Loads a client by id; `None` when it is not registered.
pub fn load_client(connection: &Connection, client_id: &str) -> ApiResult<Option<Client>> {
    let row = connection
        .query_row(
            "SELECT client_id, name, secret, redirect_uris FROM oauth_clients WHERE client_id = ?1",
            [client_id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((id, name, secret, uris)) = row else {
        return Ok(None);
    };
    Ok(Some(Client {
        id,
        name,
        secret,
        redirect_uris: serde_json::from_str(&uris)?,
    }))
}

/// Every redirect URI `client` may use: its registered ones, plus for the
/// widget the configured extra ones and the sandbox's own pages (on the
/// public URL when one is set, else on the listening address and on
/// `localhost` with the same port).
pub fn allowed_redirect_uris(client: &Client, config: &Config) -> Vec<String> {
    let mut allowed = client.redirect_uris.clone();
    if client.id == WIDGET_CLIENT_ID {
        allowed.extend(config.redirect_uris.iter().cloned());
        for origin in own_origins(config) {
            allowed.extend(WIDGET_PAGES.iter().map(|page| format!("{origin}{page}")));
        }
    }
    allowed
}

/// Whether `redirect_uri` is exactly one of the URIs `client` may use, or
/// (for the widget) one of the sandbox's own pages with a tenant choice.
pub fn is_allowed_redirect(client: &Client, config: &Config, redirect_uri: &str) -> bool {
    allowed_redirect_uris(client, config)
        .iter()
        .any(|allowed| allowed == redirect_uri)
        || (client.id == WIDGET_CLIENT_ID && is_own_page_for_a_tenant(config, redirect_uri))
}

/// Whether `uri` is one of [`TENANT_PAGES`] on the sandbox's own origins with
/// exactly one query parameter, `tenant`, whose value is a tenant code
/// (letters, digits, `-` and `_`): the origin and path stay exact.
fn is_own_page_for_a_tenant(config: &Config, uri: &str) -> bool {
    let Some((page, tenant)) = uri.split_once("?tenant=") else {
        return false;
    };
    let is_code = (1..=32).contains(&tenant.len())
        && tenant
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    is_code
        && own_origins(config).iter().any(|origin| {
            TENANT_PAGES
                .iter()
                .any(|path| page == format!("{origin}{path}"))
        })
}

/// The origins the sandbox's own site is reached at, without a trailing slash.
pub fn own_origins(config: &Config) -> Vec<String> {
    match &config.public_url {
        Some(url) => vec![url.trim_end_matches('/').to_owned()],
        None => vec![
            format!("http://{}", config.addr),
            format!("http://localhost:{}", config.addr.port()),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widget() -> Client {
        Client {
            id: WIDGET_CLIENT_ID.into(),
            name: "MOBPROC widget".into(),
            secret: None,
            redirect_uris: Vec::new(),
        }
    }

    fn config() -> Config {
        Config::for_tests("unused.sqlite3".into())
    }

    #[test]
    fn widget_may_return_to_the_sandbox_pages_on_its_address_and_localhost() {
        let config = config();
        for uri in [
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/index.html",
            "http://127.0.0.1:8080/oauth-callback.html",
            "http://localhost:8080/portal.html",
        ] {
            assert!(is_allowed_redirect(&widget(), &config, uri), "{uri}");
        }
    }

    #[test]
    fn only_exact_matches_are_allowed() {
        let config = config();
        for uri in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/index.html/",
            "http://127.0.0.1:8080/index.htm",
            "http://127.0.0.1:8080/index.html?next=x",
            "http://127.0.0.1:8080/index.html#x",
            "http://127.0.0.1:8080/other/index.html",
            "http://127.0.0.1:8080.evil.example/",
            "http://127.0.0.1:8081/",
            "http://localhost:9090/",
            "https://127.0.0.1:8080/",
            "HTTP://127.0.0.1:8080/",
            "",
        ] {
            assert!(!is_allowed_redirect(&widget(), &config, uri), "{uri}");
        }
    }

    #[test]
    fn widget_pages_may_carry_a_tenant_choice_and_nothing_else() {
        let config = config();
        for uri in [
            "http://127.0.0.1:8080/?tenant=GLOBEX",
            "http://localhost:8080/index.html?tenant=INITECH",
            "http://127.0.0.1:8080/portal.html?tenant=acme-2",
        ] {
            assert!(is_allowed_redirect(&widget(), &config, uri), "{uri}");
        }
        for uri in [
            "http://127.0.0.1:8080/oauth-callback.html?tenant=GLOBEX",
            "http://127.0.0.1:8080/?tenant=",
            "http://127.0.0.1:8080/?tenant=GLOBEX&next=x",
            "http://127.0.0.1:8080/?tenant=GLOBEX#x",
            "http://127.0.0.1:8080/?tenant=a%2Fb",
            "http://127.0.0.1:8080/?next=x&tenant=GLOBEX",
            "http://127.0.0.1:8081/?tenant=GLOBEX",
            "http://127.0.0.1:8080/other/?tenant=GLOBEX",
            "http://127.0.0.1:8080.evil.example/?tenant=GLOBEX",
        ] {
            assert!(!is_allowed_redirect(&widget(), &config, uri), "{uri}");
        }
        let integration = Client {
            id: "acme-integration".into(),
            name: "ACME".into(),
            secret: None,
            redirect_uris: Vec::new(),
        };
        assert!(!is_allowed_redirect(
            &integration,
            &config,
            "http://127.0.0.1:8080/?tenant=GLOBEX"
        ));
    }

    #[test]
    fn public_url_replaces_the_listening_address() {
        let mut config = config();
        config.public_url = Some("https://sandbox.example/".into());
        assert!(is_allowed_redirect(
            &widget(),
            &config,
            "https://sandbox.example/index.html"
        ));
        assert!(!is_allowed_redirect(
            &widget(),
            &config,
            "http://127.0.0.1:8080/index.html"
        ));
        assert!(!is_allowed_redirect(
            &widget(),
            &config,
            "http://localhost:8080/"
        ));
    }

    #[test]
    fn configured_uris_are_for_the_widget_and_registered_ones_for_their_client() {
        let mut config = config();
        config.redirect_uris = vec!["http://localhost:3000/callback".into()];
        assert!(is_allowed_redirect(
            &widget(),
            &config,
            "http://localhost:3000/callback"
        ));
        let integration = Client {
            id: "acme-integration".into(),
            name: "ACME".into(),
            secret: Some("secret".into()),
            redirect_uris: vec!["https://acme.example/cb".into()],
        };
        assert!(is_allowed_redirect(
            &integration,
            &config,
            "https://acme.example/cb"
        ));
        assert!(!is_allowed_redirect(
            &integration,
            &config,
            "http://localhost:3000/callback"
        ));
        assert!(!is_allowed_redirect(
            &integration,
            &config,
            "http://127.0.0.1:8080/"
        ));
    }
}
