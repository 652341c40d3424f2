//! Content-Security-Policy evaluation, as browsers do it (CSP level 3,
//! the parts that decide whether the widget can run): which directive
//! governs a request, and whether a source list matches a URL.

/// What the widget needs the page's policies to allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need<'a> {
    /// Loading a script from this URL (`loader.js`, the glue).
    Script(&'a str),
    /// Compiling WebAssembly (`'wasm-unsafe-eval'`).
    Wasm,
    /// A `fetch` to this URL (config, wasm chunks, API, token endpoint).
    Connect(&'a str),
    /// An image from this URL (device pictures).
    Image(&'a str),
}

impl Need<'_> {
    /// The directives that govern this need, most specific first.
    fn directives(self) -> &'static [&'static str] {
        match self {
            Need::Script(_) => &["script-src-elem", "script-src", "default-src"],
            Need::Wasm => &["script-src", "default-src"],
            Need::Connect(_) => &["connect-src", "default-src"],
            Need::Image(_) => &["img-src", "default-src"],
        }
    }
}

/// One policy: its directives and their source lists, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    directives: Vec<(String, Vec<String>)>,
}

impl Policy {
    /// Parses a policy (`default-src 'self'; img-src *`). A repeated
    /// directive is ignored, as browsers do.
    pub fn parse(text: &str) -> Policy {
        let mut directives: Vec<(String, Vec<String>)> = Vec::new();
        for directive in text.split(';') {
            let mut tokens = directive.split_ascii_whitespace();
            let Some(name) = tokens.next() else { continue };
            let name = name.to_ascii_lowercase();
            if directives.iter().any(|(known, _)| *known == name) {
                continue;
            }
            directives.push((name, tokens.map(str::to_owned).collect()));
        }
        Policy { directives }
    }

    /// Parses a header value, which may hold several policies (`,`).
    pub fn parse_header(value: &str) -> Vec<Policy> {
        value
            .split(',')
            .map(Policy::parse)
            .filter(|policy| !policy.directives.is_empty())
            .collect()
    }

    fn sources(&self, name: &str) -> Option<&[String]> {
        self.directives
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, sources)| sources.as_slice())
    }

    /// The directive that blocks `need` on a page at `page_url`, with its
    /// sources (`connect-src 'self'`), or `None` when this policy allows it.
    pub fn blocks(&self, need: Need, page_url: &str) -> Option<String> {
        let (name, sources) = need
            .directives()
            .iter()
            .find_map(|name| Some((*name, self.sources(name)?)))?;
        let allowed = match need {
            Need::Wasm => sources.iter().any(|s| {
                s.eq_ignore_ascii_case("'wasm-unsafe-eval'")
                    || s.eq_ignore_ascii_case("'unsafe-eval'")
            }),
            Need::Script(url) | Need::Connect(url) | Need::Image(url) => {
                match (UrlParts::parse(url), UrlParts::parse(page_url)) {
                    (Some(url), Some(page)) => sources.iter().any(|s| matches(s, &url, &page)),
                    _ => false,
                }
            }
        };
        (!allowed).then(|| {
            format!("{name} {}", sources.join(" "))
                .trim_end()
                .to_owned()
        })
    }
}

/// The first directive of `policies` that blocks `need` (every policy of
/// a page must allow a request).
pub fn first_block(policies: &[Policy], need: Need, page_url: &str) -> Option<String> {
    policies
        .iter()
        .find_map(|policy| policy.blocks(need, page_url))
}

/// The origin of an absolute URL (`https://api.example:8443`), as a CSP
/// source that allows it; the URL itself when it is not one.
pub fn origin(url: &str) -> String {
    match UrlParts::parse(url) {
        Some(parts) => match parts.port {
            Some(port) => format!("{}://{}:{port}", parts.scheme, parts.host),
            None => format!("{}://{}", parts.scheme, parts.host),
        },
        None => url.to_owned(),
    }
}

/// The parts of an absolute URL that CSP matching looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UrlParts {
    scheme: String,
    host: String,
    port: Option<u16>,
    path: String,
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    }
}

impl UrlParts {
    fn parse(url: &str) -> Option<UrlParts> {
        let (scheme, rest) = url.split_once("://")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.contains(']') => (host, Some(port.parse().ok()?)),
            _ => (authority, None),
        };
        let path = path.split(['?', '#']).next().unwrap_or("");
        Some(UrlParts {
            scheme: scheme.to_ascii_lowercase(),
            host: host.to_ascii_lowercase(),
            port,
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
        })
    }

    fn effective_port(&self) -> Option<u16> {
        self.port.or_else(|| default_port(&self.scheme))
    }
}

/// Whether a source's scheme allows the URL's (`http` allows `https`).
fn scheme_allows(source: &str, url: &str) -> bool {
    source == url || (source == "http" && url == "https") || (source == "ws" && url == "wss")
}

/// Whether one source expression matches `url` on the page `page`.
fn matches(source: &str, url: &UrlParts, page: &UrlParts) -> bool {
    let source = source.to_ascii_lowercase();
    if source == "*" {
        return matches!(url.scheme.as_str(), "http" | "https" | "ws" | "wss")
            || url.scheme == page.scheme;
    }
    if source == "'self'" {
        let same = url.scheme == page.scheme && url.effective_port() == page.effective_port();
        let upgraded = page.scheme == "http" && url.scheme == "https";
        return url.host == page.host && (same || upgraded);
    }
    if source.starts_with('\'') {
        return false;
    }
    if let Some(scheme) = source.strip_suffix(':') {
        return !scheme.contains('/') && scheme_allows(scheme, &url.scheme);
    }
    host_source_matches(&source, url, page)
}

fn host_source_matches(source: &str, url: &UrlParts, page: &UrlParts) -> bool {
    let (scheme, rest) = match source.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, source),
    };
    let scheme_ok = match scheme {
        Some(scheme) => scheme_allows(scheme, &url.scheme),
        None => scheme_allows(&page.scheme, &url.scheme),
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = match host.strip_prefix("*.") {
        Some(parent) => url.host.ends_with(&format!(".{parent}")),
        None => host == "*" || host == url.host,
    };
    let port_ok = match port {
        Some("*") => true,
        Some(port) => {
            let port: Option<u16> = port.parse().ok();
            port.is_some()
                && (port == url.effective_port()
                    || (port == Some(80)
                        && url.scheme == "https"
                        && url.effective_port() == Some(443)))
        }
        None => url.effective_port() == default_port(&url.scheme),
    };
    let path_ok = path.is_empty()
        || if path.ends_with('/') {
            url.path.starts_with(path)
        } else {
            url.path == path
        };
    scheme_ok && host_ok && port_ok && path_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://intranet.acme.example/phones/upgrade.html";

    fn blocks(policy: &str, need: Need) -> Option<String> {
        Policy::parse(policy).blocks(need, PAGE)
    }

    #[test]
    fn without_a_governing_directive_everything_is_allowed() {
        assert_eq!(
            blocks("img-src 'self'", Need::Connect("https://api.example/x")),
            None
        );
        assert_eq!(blocks("img-src 'self'", Need::Wasm), None);
        assert_eq!(
            blocks("", Need::Script("https://cdn.example/loader.js")),
            None
        );
    }

    #[test]
    fn default_src_stands_in_for_a_missing_directive() {
        assert_eq!(
            blocks(
                "default-src 'self'",
                Need::Connect("https://api.example/v1/ping")
            ),
            Some("default-src 'self'".into())
        );
        assert_eq!(
            blocks(
                "default-src 'self'; connect-src https://api.example",
                Need::Connect("https://api.example/v1/ping")
            ),
            None
        );
    }

    #[test]
    fn self_is_the_page_origin_or_its_https_upgrade() {
        let policy = Policy::parse("connect-src 'self'");
        assert_eq!(
            policy.blocks(
                Need::Connect("https://intranet.acme.example/config.json"),
                PAGE
            ),
            None
        );
        assert!(policy
            .blocks(Need::Connect("https://intranet.acme.example:8443/x"), PAGE)
            .is_some());
        assert!(policy
            .blocks(Need::Connect("https://other.example/x"), PAGE)
            .is_some());
        let http_page = "http://127.0.0.1:8080/portal.html";
        assert_eq!(
            policy.blocks(
                Need::Connect("http://127.0.0.1:8080/mobproc/v1/ping"),
                http_page
            ),
            None
        );
        assert!(policy
            .blocks(
                Need::Connect("http://localhost:8080/mobproc/v1/ping"),
                http_page
            )
            .is_some());
    }

    #[test]
    fn host_sources_match_scheme_host_port_and_path() {
        let need = Need::Connect("https://api.acme.example/mobproc/v1/ping");
        assert_eq!(blocks("connect-src api.acme.example", need), None);
        assert_eq!(blocks("connect-src *.acme.example", need), None);
        assert!(blocks("connect-src *.api.acme.example", need).is_some());
        assert_eq!(
            blocks("connect-src https://api.acme.example:443", need),
            None
        );
        assert!(blocks("connect-src https://api.acme.example:8443", need).is_some());
        assert_eq!(blocks("connect-src https://api.acme.example:*", need), None);
        assert!(blocks(
            "connect-src http://api.acme.example:80",
            Need::Connect("http://api.acme.example:81/")
        )
        .is_some());
        assert_eq!(
            blocks("connect-src https://api.acme.example/mobproc/", need),
            None
        );
        assert!(blocks("connect-src https://api.acme.example/other/", need).is_some());
        assert!(blocks("connect-src https://api.acme.example/mobproc", need).is_some());
        assert!(blocks("connect-src wss://api.acme.example", need).is_some());
    }

    #[test]
    fn schemes_and_wildcards() {
        let need = Need::Image("https://images.example/phone.png");
        assert_eq!(blocks("img-src https:", need), None);
        assert_eq!(blocks("img-src *", need), None);
        assert!(blocks("img-src data:", need).is_some());
        assert!(blocks("img-src 'none'", need).is_some());
        assert_eq!(blocks("img-src http:", need), None, "http: allows https");
        assert!(blocks("img-src https:", Need::Image("http://images.example/a.png")).is_some());
    }

    #[test]
    fn origins_keep_an_explicit_port() {
        assert_eq!(
            origin("http://localhost:8080/mobproc/v1"),
            "http://localhost:8080"
        );
        assert_eq!(origin("https://API.example/x?y"), "https://api.example");
        assert_eq!(origin("not a url"), "not a url");
    }

    #[test]
    fn wasm_needs_wasm_unsafe_eval_or_unsafe_eval() {
        assert!(blocks("script-src 'self'", Need::Wasm).is_some());
        assert_eq!(
            blocks("script-src 'self' 'wasm-unsafe-eval'", Need::Wasm),
            None
        );
        assert_eq!(blocks("default-src 'self' 'unsafe-eval'", Need::Wasm), None);
        assert_eq!(
            blocks("default-src 'self'", Need::Wasm),
            Some("default-src 'self'".into())
        );
    }

    #[test]
    fn scripts_look_at_script_src_elem_first() {
        let need = Need::Script("https://cdn.example/widget/loader.js");
        assert!(blocks(
            "script-src https://cdn.example; script-src-elem 'self'",
            need
        )
        .is_some());
        assert_eq!(
            blocks(
                "script-src 'self'; script-src-elem https://cdn.example",
                need
            ),
            None
        );
    }

    #[test]
    fn every_policy_of_a_header_must_allow() {
        let policies = Policy::parse_header("connect-src *, connect-src 'self'");
        assert_eq!(policies.len(), 2);
        assert_eq!(
            first_block(&policies, Need::Connect("https://api.example/"), PAGE),
            Some("connect-src 'self'".into())
        );
        assert_eq!(
            first_block(&[], Need::Connect("https://api.example/"), PAGE),
            None
        );
    }

    #[test]
    fn directive_names_are_case_insensitive_and_the_first_one_counts() {
        let policy = Policy::parse("CONNECT-SRC 'none'; connect-src *");
        assert_eq!(
            policy.blocks(Need::Connect("https://api.example/"), PAGE),
            Some("connect-src 'none'".into())
        );
    }
}
