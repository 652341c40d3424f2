//! The pages follow the browser's language: Canadian French when
//! `Accept-Language` prefers any `fr`, English otherwise.

use super::super::page_text::PageLocale;
use super::*;

/// What a French-Canadian Chromium sends.
const FRENCH_BROWSER: &str = "fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7";

impl Sandbox {
    /// GETs `uri` as a browser whose `Accept-Language` is `accepted`.
    async fn get_in(&self, uri: &str, accepted: &str) -> Reply {
        let request = Request::get(uri)
            .header(header::ACCEPT_LANGUAGE, accepted)
            .body(Body::empty())
            .unwrap();
        self.send(request).await
    }

    /// The sign-in page for the implicit grant, asked in `accepted`.
    async fn sign_in_page_in(&self, accepted: &str) -> Reply {
        let uri = format!(
            "/as/authorization.oauth2?{}",
            form_encode_pairs(&implicit("s"))
        );
        self.get_in(&uri, accepted).await
    }
}

/// The `lang` of the page's root element.
fn page_lang(reply: &Reply) -> &str {
    let start = reply.body.find("<html lang=\"").expect("an html element") + 12;
    reply.body[start..].split('"').next().unwrap()
}

/// Asserts the text appears in the page (as escaped HTML, where it has an apostrophe).
fn assert_shows(reply: &Reply, text: &str) {
    let escaped = text.replace('\'', "&#39;");
    assert!(
        reply.body.contains(&escaped),
        "{text:?} is not on the page: {}",
        reply.body
    );
}

#[tokio::test]
async fn the_sign_in_page_speaks_canadian_french_to_a_french_browser() {
    let sandbox = Sandbox::new().await;
    let reply = sandbox.sign_in_page_in(FRENCH_BROWSER).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(page_lang(&reply), "fr-CA");
    assert_eq!(reply.header(header::VARY), "accept-language");
    let html = &reply.body;
    assert!(
        html.contains("<title>Connexion — Bac à sable MOBPROC</title>"),
        "{html}"
    );
    assert!(html.contains(r#"<label for="username">Nom d&#39;utilisateur</label>"#));
    assert!(html.contains(r#"<label for="password">Mot de passe</label>"#));
    assert!(html.contains(r#"name="action" value="login">Se connecter</button>"#));
    assert!(html.contains(r#"value="cancel" formnovalidate>Annuler</button>"#));
    assert!(html.contains("demande à utiliser l&#39;API MOBPROC en votre nom."));
    assert!(html.contains("<h2>Utilisateurs de démonstration</h2>"));
    assert!(html.contains("utilisateurs de démonstration est <code>sandbox</code>."));
    assert!(html
        .contains(r#"<th scope="col">Organisation (locataire)</th><th scope="col">Profil</th>"#));
    // The seed's descriptions stay English, and say so.
    assert!(
        html.contains(r#"<td lang="en">Employee: one line eligible"#),
        "{html}"
    );
    let english = PageLocale::En.texts();
    for text in [
        english.brand,
        english.sign_in_heading,
        english.username,
        english.password,
        english.cancel_button,
        english.demo_users_heading,
        english.demo_users_tenant,
    ] {
        assert!(!html.contains(&format!(">{text}<")), "{text:?} in {html}");
    }
}

#[tokio::test]
async fn the_sign_in_page_speaks_english_by_default() {
    let sandbox = Sandbox::new().await;
    for accepted in ["en-US,en;q=0.9", "de-DE, es;q=0.5", "*", ""] {
        let reply = sandbox.sign_in_page_in(accepted).await;
        assert_eq!(page_lang(&reply), "en", "{accepted}");
        assert!(reply
            .body
            .contains("<title>Sign in — MOBPROC sandbox</title>"));
        assert!(reply
            .body
            .contains(r#"value="cancel" formnovalidate>Cancel</button>"#));
        assert!(!reply.body.contains(r#"<td lang="en">"#), "{accepted}");
    }
    let reply = sandbox.authorize(&implicit("s"), None).await;
    assert_eq!(page_lang(&reply), "en");
}

#[tokio::test]
async fn q_values_decide_between_english_and_french() {
    let sandbox = Sandbox::new().await;
    for (accepted, lang) in [
        ("en;q=0.4, fr-FR;q=0.7", "fr-CA"),
        ("de, fr-BE;q=0.9, en;q=0.8", "fr-CA"),
        ("fr;q=0.4, en-GB;q=0.9", "en"),
        ("fr-CA;q=0, en;q=0.1", "en"),
        ("en-CA, fr-CA", "en"),
    ] {
        let reply = sandbox.sign_in_page_in(accepted).await;
        assert_eq!(page_lang(&reply), lang, "{accepted}");
    }
}

#[tokio::test]
async fn a_wrong_password_is_told_in_french() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let page = sandbox.sign_in_page_in(FRENCH_BROWSER).await;
    let pass = page.form_pass();
    let mut form = request.clone();
    form.extend([
        ("form_token", pass.token.as_str()),
        ("username", "peter.edwards"),
        ("password", "wrong"),
        ("action", "login"),
    ]);
    let headers = [
        ("cookie", pass.cookie.as_str()),
        ("accept-language", FRENCH_BROWSER),
    ];
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &headers)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(page_lang(&reply), "fr-CA");
    assert_shows(&reply, PageLocale::FrCa.texts().wrong_credentials);
}

#[tokio::test]
async fn error_pages_speak_the_browser_language() {
    let sandbox = Sandbox::new().await;
    let unknown = with(&implicit("s"), "client_id", "nobody-<x>");
    let uri = format!("/as/authorization.oauth2?{}", form_encode_pairs(&unknown));
    let french = sandbox.get_in(&uri, "fr").await;
    assert_eq!(french.status, StatusCode::BAD_REQUEST);
    assert_eq!(page_lang(&french), "fr-CA");
    assert!(french
        .body
        .contains("<title>Erreur de connexion — Bac à sable MOBPROC</title>"));
    assert_shows(&french, PageLocale::FrCa.texts().error_heading);
    assert!(french
        .body
        .contains("Il n&#39;existe aucun client «\u{a0}nobody-&lt;x&gt;\u{a0}»."));
    assert_shows(&french, PageLocale::FrCa.texts().misconfigured_advice);
    let english = sandbox.get_in(&uri, "en").await;
    assert_eq!(page_lang(&english), "en");
    assert!(english
        .body
        .contains("There is no client &#39;nobody-&lt;x&gt;&#39;."));
    // A form that fails the anti-CSRF checks.
    let mut form = implicit("s");
    form.extend([("username", "peter.edwards"), ("password", "sandbox")]);
    let headers = [
        ("origin", "http://evil.example"),
        ("accept-language", "fr-CA"),
    ];
    let refused = sandbox
        .post_with("/as/authorization.oauth2", &form, &headers)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(page_lang(&refused), "fr-CA");
    assert_shows(&refused, PageLocale::FrCa.texts().form_from_another_site);
    assert_shows(&refused, PageLocale::FrCa.texts().refused_form_advice);
    // A query the server cannot parse.
    let garbled = sandbox
        .get_in("/as/authorization.oauth2?client_id=a&client_id=b", "fr")
        .await;
    assert_eq!(garbled.status, StatusCode::BAD_REQUEST, "{}", garbled.body);
    assert!(garbled
        .body
        .contains("Les paramètres de la demande sont illisibles"));
}

#[tokio::test]
async fn the_signed_out_page_speaks_french() {
    let sandbox = Sandbox::new().await;
    let uri = format!(
        "/as/logout.oauth2?{}",
        form_encode_pairs(&[("redirect_uri", CALLBACK)])
    );
    let reply = sandbox.get_in(&uri, "fr-CA").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(page_lang(&reply), "fr-CA");
    assert!(reply
        .body
        .contains("<title>Déconnexion — Bac à sable MOBPROC</title>"));
    assert!(reply.body.contains("<h1>Vous êtes déconnecté</h1>"));
    assert!(reply.body.contains(">Retourner à l&#39;application</a>"));
    let english = sandbox.get_in(&uri, "en").await;
    assert!(english.body.contains(">Return to the application</a>"));
}

#[tokio::test]
async fn the_pages_link_an_icon_the_sandbox_serves() {
    let sandbox = Sandbox::new().await;
    let page = sandbox.sign_in_page_in("en").await;
    assert!(page
        .body
        .contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#));
    assert!(page
        .header(header::CONTENT_SECURITY_POLICY)
        .contains("img-src 'self'"));
    for path in ["/favicon.svg", "/favicon.ico"] {
        let icon = sandbox.get(path, None).await;
        assert_eq!(icon.status, StatusCode::OK, "{path}");
        assert_eq!(icon.header(header::CONTENT_TYPE), "image/svg+xml", "{path}");
        assert!(icon.body.starts_with("<svg"), "{path}");
    }
}
