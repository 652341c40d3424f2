//! The authorization server's pages: sign-in, errors, signed out. They are
//! self-contained (inline style, no script, no external resource) and sent
//! with a strict Content-Security-Policy.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The policy every page is sent with.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d9dee7;
  --brand: #0b5cad; --brand-dark: #084a8c; --bad: #a4262c; --bad-bg: #fdecea; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
  Roboto, sans-serif; color: var(--ink); background: linear-gradient(160deg, #eef3fa, #dfe7f2); }
main { max-width: 34rem; margin: 0 auto; padding: 3rem 1rem; }
.card { background: #fff; border-radius: 12px; padding: 2rem;
  box-shadow: 0 8px 28px rgba(29, 36, 51, .12); }
.brand { margin: 0 0 .25rem; font-size: .8rem; font-weight: 600; letter-spacing: .08em;
  text-transform: uppercase; color: var(--brand); }
h1 { margin: 0 0 .5rem; font-size: 1.5rem; }
p { margin: .5rem 0 1rem; color: var(--muted); }
label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; padding: .6rem .7rem; font: inherit;
  border: 1px solid var(--line); border-radius: 8px; }
input:focus, button:focus { outline: 3px solid rgba(11, 92, 173, .35); outline-offset: 1px; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { flex: 1; padding: .65rem 1rem; font: inherit; font-weight: 600; border-radius: 8px;
  cursor: pointer; border: 1px solid var(--line); background: #fff; color: var(--ink); }
button.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
button.primary:hover { background: var(--brand-dark); }
.error { margin: 1rem 0 0; padding: .7rem .9rem; border-radius: 8px; color: var(--bad);
  background: var(--bad-bg); font-weight: 600; }
.demo { margin-top: 1.5rem; }
.demo h2 { font-size: 1rem; margin: 0 0 .25rem; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
a { color: var(--brand); }
"#;

/// Escapes `text` for use in HTML text and in double- or single-quoted
/// attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A user listed on the sign-in page, to make trying the sandbox easy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoUser {
    pub username: String,
    pub tenant: String,
    pub platform: String,
    pub description: String,
}

/// What the sign-in page shows.
pub struct LoginPage<'a> {
    /// The name of the client asking for access.
    pub client_name: &'a str,
    /// The original authorization parameters, carried through the form.
    pub hidden: Vec<(&'static str, &'a str)>,
    /// The anti-CSRF token, echoed in the `form_token` field.
    pub form_token: &'a str,
    /// The username typed before, if any.
    pub username: &'a str,
    /// Why the last attempt failed, if it did.
    pub error: Option<&'a str>,
    pub users: &'a [DemoUser],
}

/// The sign-in page.
pub fn login_page(page: &LoginPage) -> String {
    let hidden: String = page
        .hidden
        .iter()
        .chain([&("form_token", page.form_token)])
        .map(|(name, value)| {
            format!(
                r#"<input type="hidden" name="{}" value="{}">"#,
                escape_html(name),
                escape_html(value)
            )
        })
        .collect::<Vec<_>>()
        .join("\n      ");
    let error = page
        .error
        .map(|message| {
            format!(
                r#"<p class="error" role="alert">{}</p>"#,
                escape_html(message)
            )
        })
        .unwrap_or_default();
    let body = format!(
        r#"<p class="brand">MOBPROC sandbox</p>
    <h1>Sign in</h1>
    <p><strong>{client}</strong> asks to use the MOBPROC API on your behalf.</p>
    {error}
    <form method="post" action="/as/authorization.oauth2">
      {hidden}
      <label for="username">Username</label>
      <input type="text" id="username" name="username" value="{username}" autocomplete="username" autofocus required>
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <div class="actions">
        <button type="submit" class="primary" name="action" value="login">Sign in</button>
        <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
      </div>
    </form>
    {demo}"#,
        client = escape_html(page.client_name),
        username = escape_html(page.username),
        demo = demo_users(page.users),
    );
    document("Sign in — MOBPROC sandbox", &body)
}

fn demo_users(users: &[DemoUser]) -> String {
    let rows: String = users
        .iter()
        .map(|user| {
            format!(
                "<tr><td><code>{}</code></td><td>{} ({})</td><td>{}</td></tr>",
                escape_html(&user.username),
                escape_html(&user.tenant),
                escape_html(&user.platform),
                escape_html(&user.description)
            )
        })
        .collect::<Vec<_>>()
        .join("\n        ");
    format!(
        r#"<section class="demo">
      <h2>Demo users</h2>
      <p>Every demo user's password is <code>sandbox</code>.</p>
      <table>
        <tr><th scope="col">Username</th><th scope="col">Tenant</th><th scope="col">Who</th></tr>
        {rows}
      </table>
    </section>"#
    )
}

/// A page explaining why a request cannot go on: the application that
/// sent the user is misconfigured.
pub fn error_page(message: &str) -> String {
    error_page_with(
        message,
        "The application that sent you here is misconfigured. For safety you are not sent back to it.",
    )
}

/// A page explaining why a request cannot go on, with `advice` (plain
/// text) on what to do.
pub fn error_page_with(message: &str, advice: &str) -> String {
    let body = format!(
        r#"<p class="brand">MOBPROC sandbox</p>
    <h1>This sign-in request cannot go on</h1>
    <p class="error" role="alert">{}</p>
    <p>{}</p>"#,
        escape_html(message),
        escape_html(advice)
    );
    document("Sign-in error — MOBPROC sandbox", &body)
}

/// The page shown after signing out, with a link back when one is safe.
pub fn signed_out_page(back_to: Option<&str>) -> String {
    let link = back_to
        .map(|uri| {
            format!(
                r#"<p><a href="{}">Return to the application</a></p>"#,
                escape_html(uri)
            )
        })
        .unwrap_or_default();
    let body = format!(
        r#"<p class="brand">MOBPROC sandbox</p>
    <h1>You are signed out</h1>
    <p>Your sign-in session has ended. Applications will ask you to sign in again.</p>
    {link}"#
    );
    document("Signed out — MOBPROC sandbox", &body)
}

fn document(title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
  <div class="card">
    {body}
  </div>
</main>
</body>
</html>
"#,
        title = escape_html(title)
    )
}

/// The sign-in page's answer: as [`html_response`], but its policy also lets
/// the form's answer redirect to `redirect_uri`'s origin, which Chrome
/// checks against `form-action` too, and its referrer policy is
/// `same-origin`: under `no-referrer` browsers send `Origin: null` with the
/// form, and the origin check needs the real one (other sites still get
/// no referrer).
pub fn sign_in_response(status: StatusCode, html: String, redirect_uri: &str) -> Response {
    let mut response = html_response(status, html);
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    let Some(origin) = origin_of(redirect_uri) else {
        return response;
    };
    let policy = CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'",
        &format!("form-action 'self' {origin}"),
    );
    if let Ok(policy) = HeaderValue::try_from(policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The origin (`scheme://host[:port]`) of an absolute URI, when it is
/// plain enough to be a CSP source (no user info, no odd characters).
pub fn origin_of(uri: &str) -> Option<&str> {
    let (scheme, rest) = uri.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let plain_scheme = scheme
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    let plain_authority = authority
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    (!scheme.is_empty() && plain_scheme && !authority.is_empty() && plain_authority)
        .then(|| &uri[..scheme.len() + 3 + end])
}

/// An HTML answer with the page headers: the CSP, no caching, no referrer.
pub fn html_response(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
        assert_eq!(escape_html("plain é"), "plain é");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn login_page_escapes_every_value() {
        let users = [DemoUser {
            username: "<u>".into(),
            tenant: "T&T".into(),
            platform: "\"p\"".into(),
            description: "<script>alert(1)</script>".into(),
        }];
        let html = login_page(&LoginPage {
            client_name: "<b>Evil</b>",
            hidden: vec![("state", "\"><script>x</script>")],
            form_token: "<token>",
            username: "'quoted'",
            error: Some("<i>bad</i>"),
            users: &users,
        });
        assert!(!html.contains("<script"));
        assert!(!html.contains("<b>Evil"));
        assert!(!html.contains("<i>bad"));
        assert!(!html.contains("<u>"));
        assert!(html.contains("&lt;b&gt;Evil&lt;/b&gt;"));
        assert!(html.contains(r#"value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;""#));
        assert!(html.contains(r#"value="&#39;quoted&#39;""#));
        assert!(html.contains(r#"<input type="hidden" name="form_token" value="&lt;token&gt;">"#));
        assert!(html.contains("T&amp;T (&quot;p&quot;)"));
        assert!(html.contains("<title>Sign in — MOBPROC sandbox</title>"));
        assert!(html.contains(r#"<label for="username">"#));
        assert!(html.contains(r#"<label for="password">"#));
    }

    #[test]
    fn finds_plain_origins_only() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/cb?x#y"),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin_of("https://app.example"),
            Some("https://app.example")
        );
        assert_eq!(origin_of("http://[::1]:3000/"), Some("http://[::1]:3000"));
        assert_eq!(
            origin_of("com.example.app://callback"),
            Some("com.example.app://callback")
        );
        assert_eq!(origin_of("http://user@host/"), None);
        assert_eq!(origin_of("http://a;script-src *"), None);
        assert_eq!(origin_of("/relative"), None);
    }

    #[test]
    fn the_sign_in_policy_allows_the_redirect_origin() {
        let response = sign_in_response(StatusCode::OK, String::new(), "http://localhost:3000/cb");
        assert_eq!(
            response.headers()[header::CONTENT_SECURITY_POLICY],
            "default-src 'none'; style-src 'unsafe-inline'; \
             form-action 'self' http://localhost:3000; frame-ancestors 'none'"
        );
        assert_eq!(response.headers()[header::REFERRER_POLICY], "same-origin");
        let plain = sign_in_response(StatusCode::OK, String::new(), "http://u@h/");
        assert_eq!(
            plain.headers()[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY
        );
    }

    #[test]
    fn signed_out_link_is_escaped() {
        let html = signed_out_page(Some("http://x/?a=1&b=\"2\""));
        assert!(html.contains(r#"href="http://x/?a=1&amp;b=&quot;2&quot;""#));
        assert!(!signed_out_page(None).contains("<a "));
    }
}
