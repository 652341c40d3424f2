//! The sign-in page, its form against login CSRF, and the session.

use super::*;

// --- the sign-in page and session ---

#[tokio::test]
async fn the_sign_in_page_carries_the_request_and_the_demo_users() {
    let sandbox = Sandbox::new().await;
    let reply = sandbox.authorize(&implicit("<\"state\">"), None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), SIGN_IN_CSP);
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    assert!(reply.header(header::CONTENT_TYPE).starts_with("text/html"));
    let html = &reply.body;
    assert!(html.contains("<title>Sign in — MOBPROC sandbox</title>"));
    assert!(html.contains(r#"<form method="post" action="/as/authorization.oauth2">"#));
    assert!(
        html.contains(r#"<input type="hidden" name="state" value="&lt;&quot;state&quot;&gt;">"#)
    );
    assert!(html.contains(&format!(r#"name="redirect_uri" value="{CALLBACK}""#)));
    assert!(html.contains(r#"name="action" value="login">Sign in<"#));
    assert!(html.contains(r#"name="action" value="cancel""#));
    assert!(html.contains("<code>peter.edwards</code>"));
    // Each user's company and tenant code, to know which page to order on.
    assert!(html.contains("<td>Acme Corporation <code>ACME</code> (command)</td>"));
    assert!(html.contains("<td>Globex Canada <code>GLOBEX</code> (rivermine)</td>"));
    assert!(html.contains("<td>Initech UK <code>INITECH</code> (atlas)</td>"));
    assert!(html.contains("<code>sandbox</code>"));
    assert!(!html.contains("<script"));
    // The anti-CSRF token: in a hidden field and in a strict cookie.
    let pass = reply.form_pass();
    assert_eq!(pass.token.len(), 43);
    let set_cookie = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|value| value.to_str().unwrap())
        .find(|value| value.starts_with("PF_FORM="))
        .unwrap();
    for part in [
        "Max-Age=3600",
        "Path=/as/authorization.oauth2",
        "HttpOnly",
        "SameSite=Strict",
    ] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    // A same-origin policy, so that browsers send the form's real Origin.
    assert_eq!(reply.header(header::REFERRER_POLICY), "same-origin");
}

#[tokio::test]
async fn a_wrong_password_shows_the_page_again() {
    let sandbox = Sandbox::new().await;
    for (username, password) in [
        ("peter.edwards", "wrong"),
        ("nobody", "sandbox"),
        ("rivermine://peter.edwards", "sandbox"),
        ("", ""),
    ] {
        let pass = sandbox.sign_in_form(&implicit("s")).await;
        let fields = [
            ("action", "login"),
            ("username", username),
            ("password", password),
        ];
        let reply = sandbox.post_form(&implicit("s"), &pass, &fields).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{username}");
        assert!(reply.location().is_none());
        assert!(reply.session_cookie().is_none());
        assert!(reply.body.contains("Wrong username or password."));
        assert_eq!(reply.header(header::CONTENT_SECURITY_POLICY), SIGN_IN_CSP);
        // The page again, with the same token: the next try works.
        assert_eq!(reply.form_pass().token, pass.token);
    }
}

// --- the sign-in form against login CSRF ---

#[tokio::test]
async fn a_cross_site_sign_in_plants_no_session() {
    // Mallory shows herself the sign-in page and makes Peter's browser post
    // it, with her credentials, from her site.
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let mallory = sandbox.sign_in_form(&request).await;
    let mut form = request.clone();
    form.extend([
        ("form_token", mallory.token.as_str()),
        ("username", "mallory"),
        ("password", "sandbox"),
        ("action", "login"),
    ]);
    let evil = ("origin", "http://evil.example");
    // Peter's browser has no PF_FORM cookie (or SameSite=Strict keeps it home).
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &[evil])
        .await;
    assert_refused_form(&reply, "no cookie, foreign origin");
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &[])
        .await;
    assert_refused_form(&reply, "no cookie, no origin");
    // Even a matching cookie does not help a form from another origin.
    let with_cookie = [evil, ("cookie", mallory.cookie.as_str())];
    let reply = sandbox
        .post_with("/as/authorization.oauth2", &form, &with_cookie)
        .await;
    assert_refused_form(&reply, "matching cookie, foreign origin");
    assert_eq!(sandbox.session_count().await, 0);
    // So a silent request afterwards finds nobody signed in.
    let silent = with(&request, "prompt", "none");
    let reply = sandbox.authorize(&silent, None).await;
    assert_eq!(reply.redirect_params()["error"], "login_required");
}

#[tokio::test]
async fn the_form_token_must_echo_the_cookie() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let mine = sandbox.sign_in_form(&request).await;
    let other = sandbox.sign_in_form(&request).await;
    assert_ne!(mine.token, other.token);
    let cases: [(&str, Option<&str>, Option<&str>); 5] = [
        ("neither", None, None),
        ("no cookie", Some(&mine.token), None),
        ("no token", None, Some(&mine.cookie)),
        (
            "another page's token",
            Some(&other.token),
            Some(&mine.cookie),
        ),
        ("an empty token", Some(""), Some("PF_FORM=")),
    ];
    for (what, token, cookie) in cases {
        for action in ["login", "cancel"] {
            let mut form = request.clone();
            if let Some(token) = token {
                form.push(("form_token", token));
            }
            form.extend([
                ("username", "peter.edwards"),
                ("password", "sandbox"),
                ("action", action),
            ]);
            let reply = sandbox
                .post("/as/authorization.oauth2", &form, cookie)
                .await;
            assert_refused_form(&reply, &format!("{what}, {action}"));
        }
    }
    assert_eq!(sandbox.session_count().await, 0);
    // The right pair signs in.
    let reply = sandbox.post_form(&request, &mine, &PETER).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.session_cookie().is_some());
}

#[tokio::test]
async fn the_form_must_come_from_the_sandbox_origin() {
    let sandbox = Sandbox::new().await;
    let request = implicit("s");
    let pass = sandbox.sign_in_form(&request).await;
    let mut form = request.clone();
    form.push(("form_token", pass.token.as_str()));
    form.extend(PETER);
    let host = ("host", "127.0.0.1:8080");
    let cookie = ("cookie", pass.cookie.as_str());
    let own_page = "http://127.0.0.1:8080/as/authorization.oauth2?client_id=mobproc-widget";
    let passing: [&[(&str, &str)]; 5] = [
        &[("origin", "http://127.0.0.1:8080")],
        &[("origin", "http://localhost:8080")],
        &[("referer", own_page)],
        &[("origin", "null"), ("sec-fetch-site", "same-origin")],
        &[],
    ];
    for extra in passing {
        let headers = [&[host, cookie][..], extra].concat();
        let reply = sandbox
            .post_with("/as/authorization.oauth2", &form, &headers)
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{extra:?}: {}",
            reply.body
        );
        assert!(reply.session_cookie().is_some(), "{extra:?}");
    }
    let sessions = sandbox.session_count().await;
    let refused: [&[(&str, &str)]; 6] = [
        &[("origin", "http://evil.example")],
        &[("origin", "http://127.0.0.1:8081")],
        &[("origin", "null")],
        &[("origin", "null"), ("sec-fetch-site", "cross-site")],
        &[("referer", "http://evil.example/attack.html")],
        &[("origin", "http://evil.example"), ("referer", own_page)],
    ];
    for extra in refused {
        let headers = [&[host, cookie][..], extra].concat();
        let reply = sandbox
            .post_with("/as/authorization.oauth2", &form, &headers)
            .await;
        assert_refused_form(&reply, &format!("{extra:?}"));
        assert!(reply.body.contains("from another site"), "{}", reply.body);
    }
    assert_eq!(sandbox.session_count().await, sessions);
}

#[tokio::test]
async fn signing_in_issues_a_token_in_the_fragment_and_starts_a_session() {
    let sandbox = Sandbox::new().await;
    let (reply, cookie) = sandbox.sign_in(&implicit("abc 123")).await;
    let set_cookie = reply.header(header::SET_COOKIE);
    assert!(set_cookie.starts_with("PF="));
    for part in ["HttpOnly", "SameSite=Lax", "Path=/as", "Max-Age=28800"] {
        assert!(set_cookie.contains(part), "{set_cookie}");
    }
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    let location = reply.location().unwrap();
    assert!(
        location.starts_with(&format!("{CALLBACK}#access_token=")),
        "{location}"
    );
    assert!(location.ends_with("&token_type=Bearer&expires_in=3600&scope=MOBPROC&state=abc+123"));
    let params = reply.redirect_params();
    assert!(!params.contains_key("refresh_token"));
    let validation: TokenValidation = sandbox.introspect(&params["access_token"]).await.json();
    assert_eq!(validation.client_id, WIDGET);
    assert_eq!(validation.access_token.identifier, "peter.edwards");

    // With the session: a token at once, without the page.
    let again = sandbox.authorize(&implicit("two"), Some(&cookie)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let second = again.redirect_params();
    assert_ne!(second["access_token"], params["access_token"]);
    assert_eq!(second["state"], "two");
    let silent = with(&implicit("s"), "prompt", "none");
    assert_eq!(
        sandbox.authorize(&silent, Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );

    // prompt=login always asks.
    let forced = with(&implicit("s"), "prompt", "login");
    let page = sandbox.authorize(&forced, Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"name="prompt" value="login""#));
}

#[tokio::test]
async fn no_state_means_no_state_in_the_answer() {
    let sandbox = Sandbox::new().await;
    let request = without(&implicit("s"), "state");
    let (reply, _) = sandbox.sign_in(&request).await;
    assert!(!reply.redirect_params().contains_key("state"));
    assert!(reply.location().unwrap().ends_with("&scope=MOBPROC"));
}

#[tokio::test]
async fn sessions_expire_after_eight_hours() {
    let sandbox = Sandbox::new().await;
    let (_, cookie) = sandbox.sign_in(&implicit("s")).await;
    sandbox.state.clock.advance(8 * 3600);
    let reply = sandbox.authorize(&implicit("s"), Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let silent = with(&implicit("s"), "prompt", "none");
    let reply = sandbox.authorize(&silent, Some(&cookie)).await;
    assert_eq!(reply.redirect_params()["error"], "login_required");
}

#[tokio::test]
async fn logout_ends_the_session() {
    let sandbox = Sandbox::new().await;
    let (_, cookie) = sandbox.sign_in(&implicit("s")).await;
    let uri = format!(
        "/as/logout.oauth2?redirect_uri={}",
        crate::oauth::encoding::form_urlencode(CALLBACK)
    );
    let reply = sandbox.get(&uri, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.location().is_none());
    assert!(reply
        .header(header::SET_COOKIE)
        .starts_with("PF=; Max-Age=0"));
    assert!(reply.body.contains(&format!(r#"<a href="{CALLBACK}">"#)));
    let page = sandbox.authorize(&implicit("s"), Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);

    let elsewhere = sandbox
        .get(
            "/as/logout.oauth2?redirect_uri=http%3A%2F%2Fevil.example%2F",
            None,
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::OK);
    assert!(!elsewhere.body.contains("evil.example"));
}
