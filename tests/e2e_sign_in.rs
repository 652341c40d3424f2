//! End to end in a real Chromium against the sandbox: signing in (a
//! refusal, the popup, a code with PKCE) and a session that ends in the
//! middle of an order.

mod support;

use std::time::Duration;

use support::Demo;

/// Every address this window's page shows from now on, through the
/// history API or the fragment; `window.__stayed` proves the page was not
/// left (a new page would not have it).
const WATCH_ADDRESS: &str = r#"
    window.__stayed = true;
    window.__addresses = [location.href];
    for (const name of ["pushState", "replaceState"]) {
      const original = history[name].bind(history);
      history[name] = (...args) => { const answer = original(...args); window.__addresses.push(location.href); return answer; };
    }
    addEventListener("hashchange", () => window.__addresses.push(location.href));
    addEventListener("popstate", () => window.__addresses.push(location.href));
    return true;"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_sign_in_is_explained_and_waits_for_the_user_to_try_again() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    let widget = format!("{}/", demo.base);
    assert_eq!(demo.text_of("sign-in").await, "Sign in");
    demo.click_test_id("sign-in").await;

    // The sandbox's sign-in page: cancel.
    demo.page_element("#username").await;
    let authorize = demo.url().await;
    assert!(
        authorize.starts_with(&format!("{}/as/authorization.oauth2?", demo.base)),
        "{authorize}"
    );
    demo.page_element("button[value=\"cancel\"]")
        .await
        .click()
        .await
        .unwrap();

    // Back on the widget: why, and a way to try again.
    let error = demo.text_of("sign-in-error").await;
    demo.record_console_errors().await;
    assert_eq!(error, "Sign-in was cancelled or refused.");
    assert!(
        !demo
            .is_present("[data-testid=\"sign-in-error-detail\"]")
            .await
    );
    assert_eq!(
        demo.attribute("[data-testid=\"sign-in-error\"]", "role")
            .await
            .as_deref(),
        Some("alert")
    );
    assert_eq!(demo.text_of("sign-in").await, "Try again");
    assert_eq!(demo.url().await, widget, "the answer left the address bar");
    demo.screenshot("sign-in-denied").await;

    // No automatic loop: two seconds later, still here, still asking.
    let history = demo
        .browser
        .execute("return history.length;", vec![])
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(demo.url().await, widget);
    assert_eq!(
        demo.browser
            .execute("return history.length;", vec![])
            .await
            .unwrap(),
        history
    );
    assert!(demo.is_present("[data-testid=\"sign-in-error\"]").await);
    assert!(
        demo.current_step().await.is_none(),
        "no step without a session"
    );
    assert!(demo.access_tokens().await.is_empty(), "no token was issued");

    // Trying again works.
    demo.sign_in("peter.edwards").await;
    assert!(!demo.is_present("[data-testid=\"sign-in-error\"]").await);
    // The tutorial's two lines and the six the other transaction types'
    // documented orders use (docs/SANDBOX.md, "Seed data").
    demo.poll("Peter's eight lines", || async {
        (demo.find_all_now("[data-testid=\"line\"]").await.len() == 8).then_some(())
    })
    .await;
    assert_eq!(demo.url().await, widget);
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_with_a_code_and_pkce_exchanges_it_for_a_token() {
    let config = support::config_for("ACME", &[("grant", "authorizationCode")]);
    let site = support::site_with_config(&config);
    let dir = site.path().to_owned();
    let demo = Demo::start(move |config| config.static_dir = Some(dir)).await;
    demo.open("/").await;
    demo.click_test_id("sign-in").await;
    demo.page_element("#username").await;
    let authorize = demo.url().await;
    assert!(
        authorize.contains("response_type=code")
            && authorize.contains("code_challenge_method=S256"),
        "{authorize}"
    );
    demo.log_in_on_sandbox_page("peter.edwards").await;

    // The widget exchanged the code for a token, read its answer, and
    // shows the lines with it; the code left the address bar.
    demo.wait_for_step("line").await;
    demo.element("[data-testid=\"line\"]").await;
    assert_eq!(demo.access_tokens().await.len(), 1, "one token was issued");
    let address = demo.url().await;
    assert!(!address.contains("code="), "{address}");
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_in_a_popup_keeps_the_page_and_the_token_out_of_its_address() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    let widget = demo.url().await;
    demo.browser.execute(WATCH_ADDRESS, vec![]).await.unwrap();

    let (main, popup) = demo.open_sign_in_popup().await;
    demo.page_element("#username").await;
    let authorize = demo.url().await;
    assert!(
        authorize.starts_with(&format!("{}/as/authorization.oauth2?", demo.base)),
        "{authorize}"
    );
    assert!(
        authorize.contains("redirect_uri=http%3A%2F%2F127.0.0.1")
            && authorize.contains("%2Foauth-callback.html"),
        "the popup answers on its own callback page: {authorize}"
    );
    demo.screenshot("popup-sign-in-page").await;
    demo.log_in_on_sandbox_page("peter.edwards").await;

    // The popup hands the answer over and closes itself.
    demo.wait_for_window_to_close(&popup, main).await;
    assert_eq!(demo.browser.windows().await.unwrap().len(), 1);
    demo.wait_for_step("line").await;
    demo.element("[data-testid=\"line\"]").await;
    demo.screenshot("popup-signed-in").await;

    // This window never left the page, and never showed the token.
    let tokens = demo.access_tokens().await;
    assert_eq!(tokens.len(), 1, "one token was issued");
    let token = &tokens[0];
    let addresses = demo
        .browser
        .execute(
            "return window.__stayed === true ? window.__addresses : null;",
            vec![],
        )
        .await
        .unwrap();
    let addresses: Vec<String> =
        serde_json::from_value(addresses).expect("the page was never reloaded or left");
    assert!(!addresses.is_empty());
    for address in &addresses {
        assert_eq!(address, &widget);
        assert!(!address.contains("access_token") && !address.contains(token.as_str()));
    }
    assert_eq!(demo.url().await, widget);
    let stored = demo
        .browser
        .execute(
            "return JSON.stringify(Object.assign({}, sessionStorage, localStorage));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        !stored.as_str().unwrap().contains(token.as_str()),
        "the token is kept in memory only: {stored}"
    );
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_that_ends_mid_order_resumes_where_it_was_with_nothing_lost() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    let widget = format!("{}/", demo.base);
    demo.sign_in("peter.edwards").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.fill("mobproc-device-search", "iphone 5 (16GB) - black")
        .await;
    demo.click("label[for=\"mobproc-device-9194713904\"]").await;
    demo.element("[data-testid=\"chosen-device\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;
    demo.wait_for_step("plan").await;
    demo.click("label[for=\"mobproc-plan-6568886698\"]").await;
    demo.click("label[for=\"mobproc-feature-293\"]").await;
    demo.wait_until_enabled("next", true).await;
    demo.click_test_id("next").await;

    demo.wait_for_step("details").await;
    demo.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
        .await;
    demo.fill("mobproc-property-CONTACT_NUMBER_EXT", "42").await;
    demo.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
        .await;
    demo.choose("mobproc-property-Reason", "99").await;
    demo.fill("mobproc-property-Reason-other", "Screen cracked twice")
        .await;
    demo.fill("mobproc-property-REQUESTED_DATE", "12/24/2026")
        .await;
    demo.fill(
        "mobproc-property-ADDITIONAL_INSTRUCTIONS",
        "Leave it at reception",
    )
    .await;
    demo.choose("mobproc-property-DEVICE_PROTECTION", "2").await;

    // Every access token stops working; the next call finds out, and the
    // sandbox's sign-in session brings a new one without asking.
    let panels = demo.sign_in_panels_shown().await;
    let (status, body) = demo.admin("POST", "/expire-tokens", None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, "{\"expired\":1}");
    demo.click_test_id("next").await;
    demo.wait_for_step("shipping").await;
    demo.element("#mobproc-address-LINE_1").await;
    assert_eq!(demo.access_tokens().await.len(), 2, "renewed silently");
    assert_eq!(
        demo.sign_in_panels_shown().await,
        panels,
        "nothing was asked"
    );

    demo.fill("mobproc-address-LINE_1", "35 Executive Blvd")
        .await;
    demo.fill("mobproc-address-CITY", "Orange").await;
    demo.choose("mobproc-address-STATE", "CT").await;
    demo.fill("mobproc-address-POSTAL_CODE", "06477").await;

    // The sign-in session has ended too: the widget asks, saying nothing is lost.
    demo.end_sign_in_sessions().await;
    let (status, body) = demo.admin("POST", "/expire-tokens", None).await;
    assert_eq!(status, 200, "{body}");
    demo.click_test_id("next").await;
    demo.poll("the sign-in panel", || async {
        let heading = demo.find_now("#mobproc-sign-in-title").await?;
        heading.text().await.ok().filter(|t| t == "Sign in again")
    })
    .await;
    demo.wait_until_gone("[data-step]").await;
    let panel = demo
        .element("section[aria-labelledby=\"mobproc-sign-in-title\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        panel.contains(
            "Your session has expired. Sign in again to continue: everything you entered is kept."
        ),
        "{panel}"
    );
    assert!(
        !demo.is_present("[data-testid=\"sign-in-error\"]").await,
        "no error: just ask"
    );
    demo.screenshot("session-expired").await;

    demo.sign_in_to_step("peter.edwards", "review").await;
    assert!(demo.is_present("[data-testid=\"draft-restored\"]").await);
    assert_eq!(demo.url().await, widget);
    assert_eq!(demo.access_tokens().await.len(), 3, "a third token");
    demo.screenshot("session-resumed").await;

    // The address typed before is still there.
    demo.click_button("Back").await;
    demo.wait_for_step("shipping").await;
    for (id, value) in [
        ("LINE_1", "35 Executive Blvd"),
        ("CITY", "Orange"),
        ("STATE", "CT"),
        ("POSTAL_CODE", "06477"),
    ] {
        assert_eq!(
            demo.value_of(&format!("mobproc-address-{id}")).await,
            value,
            "{id}"
        );
    }
    demo.click_test_id("next").await;

    demo.wait_for_step("review").await;
    demo.wait_for_text("cost-onetime", "$199.99").await;
    let plan = demo.text_of("review-plan").await;
    assert!(plan.contains("Roadside Assistance"), "{plan}");
    demo.click_test_id("submit").await;
    demo.wait_for_step("status").await;
    let order_number = demo.text_of("order-number").await;

    let orders = demo.stored_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order is stored");
    let order = &orders[0];
    assert_eq!(order["orderId"], order_number);
    let fields = order["properties"][0]["fields"].as_array().unwrap();
    let field = |id: &str| {
        fields
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("{id} is stored: {fields:?}"))
            .clone()
    };
    assert_eq!(field("CONTACT_NUMBER_EXT")["text"], "42");
    assert_eq!(field("Reason")["choice"]["id"], "99");
    assert_eq!(
        field("Reason")["choice"]["otherText"],
        "Screen cracked twice"
    );
    // DATE values go as that day's UTC midnight (TRANSACTIONS.md 3.2).
    assert_eq!(field("REQUESTED_DATE")["date"], "2026-12-24T00:00:00Z");
    assert_eq!(
        field("ADDITIONAL_INSTRUCTIONS")["text"],
        "Leave it at reception"
    );
    assert_eq!(field("DEVICE_PROTECTION")["choice"]["id"], "2");
    assert_eq!(demo.console_errors().await, Vec::<String>::new());
    demo.close().await;
}
