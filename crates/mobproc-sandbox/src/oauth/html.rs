//! The authorization server's pages: sign-in, errors, signed out, in the
//! words of a [`PageTexts`] catalogue. They are self-contained (inline
//! style, no script, no resource but the sandbox's favicon) and sent with a
//! strict Content-Security-Policy.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::page_text::{fill, PageTexts, Stop};
use crate::favicon::FAVICON_PATH;

/// The policy every page is sent with: inline style, the sandbox's own
/// images (the favicon), forms to the sandbox.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     img-src 'self'; form-action 'self'; frame-ancestors 'none'";

/// The pages' style sheet, inlined in each.
const STYLE: &str = include_str!("page_style.css");

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
    /// The tenant's company name (empty when the tenant is unknown).
    pub tenant_name: String,
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
    /// Whether the last attempt failed for a wrong username or password.
    pub wrong_credentials: bool,
    pub users: &'a [DemoUser],
}

/// The sign-in page, in the words of `texts`.
pub fn login_page(texts: &PageTexts, page: &LoginPage) -> String {
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
    let error = if page.wrong_credentials {
        format!(
            r#"<p class="error" role="alert">{}</p>"#,
            escape_html(texts.wrong_credentials)
        )
    } else {
        String::new()
    };
    let client = format!("<strong>{}</strong>", escape_html(page.client_name));
    let body = format!(
        r#"<p class="brand">{brand}</p>
    <h1>{heading}</h1>
    <p>{asks}</p>
    {error}
    <form method="post" action="/as/authorization.oauth2">
      {hidden}
      <label for="username">{username_label}</label>
      <input type="text" id="username" name="username" value="{username}" autocomplete="username" autofocus required>
      <label for="password">{password_label}</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <div class="actions">
        <button type="submit" class="primary" name="action" value="login">{sign_in}</button>
        <button type="submit" name="action" value="cancel" formnovalidate>{cancel}</button>
      </div>
    </form>
    {demo}"#,
        brand = escape_html(texts.brand),
        heading = escape_html(texts.sign_in_heading),
        asks = fill(&escape_html(texts.sign_in_asks), &[&client]),
        username_label = escape_html(texts.username),
        username = escape_html(page.username),
        password_label = escape_html(texts.password),
        sign_in = escape_html(texts.sign_in_button),
        cancel = escape_html(texts.cancel_button),
        demo = demo_users(texts, page.users),
    );
    document(texts, texts.sign_in_title, &body)
}

/// The demo users' table. Their descriptions are seed data, in English:
/// marked so on pages in another language.
fn demo_users(texts: &PageTexts, users: &[DemoUser]) -> String {
    let description_lang = if texts.lang == "en" {
        ""
    } else {
        r#" lang="en""#
    };
    let rows: String = users
        .iter()
        .map(|user| {
            format!(
                "<tr><td><code>{}</code></td><td>{} <code>{}</code> ({})</td><td{description_lang}>{}</td></tr>",
                escape_html(&user.username),
                escape_html(&user.tenant_name),
                escape_html(&user.tenant),
                escape_html(&user.platform),
                escape_html(&user.description)
            )
        })
        .collect::<Vec<_>>()
        .join("\n        ");
    format!(
        r#"<section class="demo">
      <h2>{heading}</h2>
      <p>{password}</p>
      <table>
        <tr><th scope="col">{username}</th><th scope="col">{tenant}</th><th scope="col">{who}</th></tr>
        {rows}
      </table>
    </section>"#,
        heading = escape_html(texts.demo_users_heading),
        password = fill(
            &escape_html(texts.demo_users_password),
            &["<code>sandbox</code>"]
        ),
        username = escape_html(texts.username),
        tenant = escape_html(texts.demo_users_tenant),
        who = escape_html(texts.demo_users_who),
    )
}

/// A page explaining why a sign-in request cannot go on, and what to do.
pub fn error_page(texts: &PageTexts, stop: &Stop) -> String {
    let body = format!(
        r#"<p class="brand">{}</p>
    <h1>{}</h1>
    <p class="error" role="alert">{}</p>
    <p>{}</p>"#,
        escape_html(texts.brand),
        escape_html(texts.error_heading),
        escape_html(&texts.stop_message(stop)),
        escape_html(texts.stop_advice(stop))
    );
    document(texts, texts.error_title, &body)
}

/// The page shown after signing out, with a link back when one is safe.
pub fn signed_out_page(texts: &PageTexts, back_to: Option<&str>) -> String {
    let link = back_to
        .map(|uri| {
            format!(
                r#"<p><a href="{}">{}</a></p>"#,
                escape_html(uri),
                escape_html(texts.back_to_application)
            )
        })
        .unwrap_or_default();
    let body = format!(
        r#"<p class="brand">{}</p>
    <h1>{}</h1>
    <p>{}</p>
    {link}"#,
        escape_html(texts.brand),
        escape_html(texts.signed_out_heading),
        escape_html(texts.signed_out_text),
    );
    document(texts, texts.signed_out_title, &body)
}

/// A whole page: `title — brand`, in `texts`' language, with the favicon.
fn document(texts: &PageTexts, title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — {brand}</title>
<link rel="icon" href="{FAVICON_PATH}" type="image/svg+xml">
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
        lang = texts.lang,
        title = escape_html(title),
        brand = escape_html(texts.brand),
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

/// An HTML answer with the page headers: the CSP, no caching, no
/// referrer, and `Vary: Accept-Language` (the pages follow it).
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
    headers.insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

#[cfg(test)]
mod tests {
    use super::super::page_text::PageLocale;
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
            tenant_name: "<i>Co</i>".into(),
            platform: "\"p\"".into(),
            description: "<script>alert(1)</script>".into(),
        }];
        let html = login_page(
            PageLocale::En.texts(),
            &LoginPage {
                client_name: "<b>Evil</b> {0}",
                hidden: vec![("state", "\"><script>x</script>")],
                form_token: "<token>",
                username: "'quoted'",
                wrong_credentials: true,
                users: &users,
            },
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("<b>Evil"));
        assert!(!html.contains("<u>"));
        assert!(html.contains("<strong>&lt;b&gt;Evil&lt;/b&gt; {0}</strong> asks"));
        assert!(html.contains("&lt;b&gt;Evil&lt;/b&gt;"));
        assert!(html.contains(r#"value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;""#));
        assert!(html.contains(r#"value="&#39;quoted&#39;""#));
        assert!(html.contains(r#"<input type="hidden" name="form_token" value="&lt;token&gt;">"#));
        assert!(
            html.contains("<td>&lt;i&gt;Co&lt;/i&gt; <code>T&amp;T</code> (&quot;p&quot;)</td>")
        );
        assert!(html.contains("<title>Sign in — MOBPROC sandbox</title>"));
        assert!(html.contains(r#"<label for="username">"#));
        assert!(html.contains(r#"<label for="password">"#));
        assert!(html.contains(r#"<p class="error" role="alert">Wrong username or password.</p>"#));
    }

    #[test]
    fn error_pages_escape_what_the_request_sent() {
        for locale in [PageLocale::En, PageLocale::FrCa] {
            let html = error_page(
                locale.texts(),
                &Stop::UnknownClient("<script>alert(1)</script>".into()),
            );
            assert!(!html.contains("<script>"), "{html}");
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{html}"
            );
        }
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
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
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
        let texts = PageLocale::En.texts();
        let html = signed_out_page(texts, Some("http://x/?a=1&b=\"2\""));
        assert!(html.contains(r#"href="http://x/?a=1&amp;b=&quot;2&quot;""#));
        assert!(!signed_out_page(texts, None).contains("<a "));
    }
}
