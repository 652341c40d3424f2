//! The browser: Chrome DevTools commands, scripts in the page, a fresh
//! sandbox and browser with the benchmark's session, and the page state
//! each timing starts from.

use super::*;

/// A Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
pub(crate) struct Cdp(pub(crate) Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some(self.0.to_string()))
    }
}

/// Turns the browser's HTTP cache off (every load downloads and compiles
/// everything, as a first visit) or on again.
pub(crate) async fn cache_disabled(demo: &Demo, disabled: bool) {
    let enable = Cdp(json!({ "cmd": "Network.enable", "params": {} }));
    let set = Cdp(json!({
        "cmd": "Network.setCacheDisabled",
        "params": { "cacheDisabled": disabled },
    }));
    let outcome = async {
        demo.browser.issue_cmd(enable).await?;
        demo.browser.issue_cmd(set).await
    }
    .await;
    if let Err(error) = outcome {
        say(&format!(
            "could not set the cache (disabled={disabled}): {error}"
        ));
    }
}

pub(crate) async fn js(demo: &Demo, script: &str, args: Vec<Value>) -> Value {
    demo.browser
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

pub(crate) async fn js_async(demo: &Demo, script: &str, args: Vec<Value>) -> Value {
    demo.browser
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// A sandbox serving `site` and a browser, with a session for the
/// benchmark's user (the JSON the widget keeps in sessionStorage).
pub(crate) async fn fresh_demo(site: &Path) -> (Demo, String) {
    let dir = site.to_owned();
    let demo = Demo::start(move |config| config.static_dir = Some(dir)).await;
    demo.browser
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(300)),
            Some(Duration::from_secs(60)),
            None,
        ))
        .await
        .expect("the browser takes time-outs");
    let session = session_json(&demo).await;
    (demo, session)
}

/// A live access token for the benchmark's user, written to the sandbox's
/// store (as the sandbox tests' `Sandbox::token`), as the widget keeps it
/// in sessionStorage.
pub(crate) async fn session_json(demo: &Demo) -> String {
    let token = format!("bench-token-{USER}-{}", mobproc_sandbox::ids::random_hex(8));
    let now = demo.state.clock.now();
    let lifetime = 4 * 3600;
    let (t, u) = (token.clone(), USER.to_owned());
    demo.state
        .db
        .run(move |c| {
            c.execute(
                "INSERT INTO oauth_tokens (token, kind, client_id, username, scope, issued_at, expires_at)
                 VALUES (?1, 'access', ?2, ?3, 'MOBPROC', ?4, ?5)",
                rusqlite::params![t, "mobproc-widget", u, now, now + lifetime],
            )?;
            Ok(())
        })
        .await
        .expect("the token is stored");
    json!({ "token": token, "expiresAtMs": now_ms() + lifetime as f64 * 1000.0 }).to_string()
}

/// Leaves the current page for a plain one of the site's origin and sets
/// this tab's sessionStorage to exactly `items`.
pub(crate) async fn prepare(demo: &Demo, items: &[(&str, &str)]) {
    demo.browser
        .goto(&format!("{}/config.json", demo.base))
        .await
        .unwrap();
    let items: Vec<Value> = items.iter().map(|(k, v)| json!([k, v])).collect();
    js(
        demo,
        "sessionStorage.clear(); for (const [k, v] of arguments[0]) sessionStorage.setItem(k, v); return true;",
        vec![json!(items)],
    )
    .await;
}

/// Waits until neither the page nor the sandbox has seen a request end for
/// a second (at most 20 s).
pub(crate) async fn settle(demo: &Demo) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let (mut last, mut quiet) = (u64::MAX, 0);
    while Instant::now() < deadline && quiet < 4 {
        // Entries appear when a resource has ended: a count that holds still.
        let count = js(
            demo,
            "return performance.getEntriesByType('resource').length;",
            vec![],
        )
        .await
        .as_u64()
        .unwrap_or(0)
            + demo.state.observed.requests().len() as u64;
        if count == last {
            quiet += 1;
        } else {
            quiet = 0;
        }
        last = count;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Navigates to `page` with `items` in sessionStorage, cold, and waits for
/// the element `css`.
pub(crate) async fn open(demo: &Demo, page: &str, items: &[(&str, &str)], css: &str) {
    prepare(demo, items).await;
    demo.state.observed.clear();
    demo.browser
        .goto(&format!("{}{page}", demo.base))
        .await
        .unwrap();
    demo.element(css).await;
    demo.record_console_errors().await;
}
