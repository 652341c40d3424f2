//! Signing in on the sandbox's page (in the same window or a popup), and
//! the sandbox's sign-in sessions behind it.

use fantoccini::wd::WindowHandle;

use super::Demo;

impl Demo {
    /// Fills the sandbox's sign-in page (in the current window) as
    /// `username`, password `sandbox`, and presses "Sign in".
    pub async fn log_in_on_sandbox_page(&self, username: &str) {
        let field = self.page_element("#username").await;
        field.clear().await.unwrap();
        field.send_keys(username).await.unwrap();
        let field = self.page_element("#password").await;
        field.clear().await.unwrap();
        field.send_keys("sandbox").await.unwrap();
        // In a popup the window closes as it answers: the click may not
        // find its window any more.
        let _ = self
            .page_element("button[value=\"login\"]")
            .await
            .click()
            .await;
    }

    /// Signs in on the sandbox's page as `username` (password `sandbox`),
    /// starting from the widget's sign-in button.
    pub async fn sign_in(&self, username: &str) {
        self.click_test_id("sign-in").await;
        self.log_in_on_sandbox_page(username).await;
        self.wait_for_step("line").await;
        self.record_console_errors().await;
    }

    /// Opens the sign-in popup with the widget's `data-testid="sign-in-popup"`
    /// button and returns (this window, the popup), switched to the popup.
    pub async fn open_sign_in_popup(&self) -> (WindowHandle, WindowHandle) {
        let main = self.browser.window().await.unwrap();
        let before = self.browser.windows().await.unwrap();
        self.click_test_id("sign-in-popup").await;
        let popup = self
            .poll("the sign-in popup to open", || async {
                let now = self.browser.windows().await.ok()?;
                now.into_iter().find(|w| !before.contains(w))
            })
            .await;
        self.browser.switch_to_window(popup.clone()).await.unwrap();
        (main, popup)
    }

    /// Waits until `window` has closed itself, then switches to `back_to`.
    pub async fn wait_for_window_to_close(&self, window: &WindowHandle, back_to: WindowHandle) {
        self.poll("the popup to close itself", || async {
            let now = self.browser.windows().await.ok()?;
            (!now.contains(window)).then_some(())
        })
        .await;
        self.browser.switch_to_window(back_to).await.unwrap();
    }

    /// Signs in as `username` in the sign-in popup; back in this window,
    /// waits for the line step.
    pub async fn sign_in_with_popup(&self, username: &str) {
        let (main, popup) = self.open_sign_in_popup().await;
        self.log_in_on_sandbox_page(username).await;
        self.wait_for_window_to_close(&popup, main).await;
        self.wait_for_step("line").await;
    }
}

/// Sign-in sessions and silent sign-in (tests/e2e_account.rs, e2e_sign_in.rs).
impl Demo {
    /// How many times this page has shown the sign-in panel (the widget's
    /// `mobproc:sign-in-shown` performance mark; a reload starts again at 0).
    pub async fn sign_in_panels_shown(&self) -> u64 {
        let script = "return performance.getEntriesByName('mobproc:sign-in-shown', 'mark').length;";
        let count = self.browser.execute(script, vec![]).await.unwrap();
        count.as_u64().unwrap_or_default()
    }

    /// What the sandbox answers this browser's `prompt=none` authorization
    /// request (with its cookies): the address it sends the answer to, with
    /// `code=...` while a sign-in session lives, `error=login_required` after.
    pub async fn silent_sign_in_answer(&self) -> String {
        let script = r#"
            const done = arguments[arguments.length - 1];
            const query = new URLSearchParams({
              response_type: "code", client_id: "mobproc-widget",
              redirect_uri: location.origin + "/oauth-callback.html", scope: "MOBPROC",
              state: "probe", prompt: "none", code_challenge_method: "S256",
              code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            });
            fetch("/as/authorization.oauth2?" + query).then(r => done(r.url), e => done(String(e)));
        "#;
        let answer = self.browser.execute_async(script, vec![]).await.unwrap();
        answer.as_str().unwrap_or_default().to_owned()
    }

    /// Ends every sign-in session of the sandbox (as if they timed out).
    pub async fn end_sign_in_sessions(&self) {
        self.state
            .db
            .run(|c| Ok(c.execute("DELETE FROM oauth_sessions", [])?))
            .await
            .unwrap();
    }

    /// Signs in on the sandbox's page as `username` from the widget's
    /// sign-in button, and waits for the widget to come back at `step`.
    pub async fn sign_in_to_step(&self, username: &str, step: &str) {
        self.click_test_id("sign-in").await;
        self.log_in_on_sandbox_page(username).await;
        self.wait_for_step(step).await;
        self.record_console_errors().await;
    }
}
