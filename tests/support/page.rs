//! The page as a whole: opening and reloading it, what the page and the
//! browser logged as errors, its icon, styles, size, events and screenshots.

use std::path::PathBuf;

use fantoccini::Locator;

use super::Demo;

impl Demo {
    /// Opens a page of the sandbox.
    pub async fn open(&self, path: &str) {
        self.browser
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
        self.record_console_errors().await;
    }

    /// Reloads the page, keeping the record of console errors.
    pub async fn reload(&self) {
        self.browser.refresh().await.unwrap();
        self.record_console_errors().await;
    }

    /// Keeps what the page writes with `console.error` (panics included).
    pub async fn record_console_errors(&self) {
        let script = "if (!window.__consoleErrors) { window.__consoleErrors = []; const original = console.error; \
                      console.error = (...args) => { window.__consoleErrors.push(args.map(String).join(' ')); original(...args); }; } return true;";
        self.browser.execute(script, vec![]).await.unwrap();
    }

    /// What the page wrote with `console.error` since it was opened.
    pub async fn console_errors(&self) -> Vec<String> {
        let value = self
            .browser
            .execute("return window.__consoleErrors || [];", vec![])
            .await
            .unwrap();
        serde_json::from_value(value).unwrap_or_default()
    }

    /// What the browser itself logged as errors (failed loads, policy
    /// violations, uncaught exceptions) since the last call: the SEVERE
    /// entries of chromedriver's browser log.
    pub async fn browser_errors(&self) -> Vec<String> {
        let entries = self.browser.issue_cmd(BrowserLog).await.unwrap();
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// How the current page's icon (its `<link rel="icon">`) loads as an
    /// image: `"loaded"`, or what went wrong.
    pub async fn page_icon(&self) -> String {
        let script = r#"
            const done = arguments[arguments.length - 1];
            const link = document.querySelector('link[rel~="icon"]');
            if (!link) { done('no icon link'); return; }
            const image = new Image();
            image.onload = () => done(image.naturalWidth > 0 ? 'loaded' : 'empty image');
            image.onerror = () => done('failed to load ' + link.href);
            image.src = link.href;
        "#;
        let answer = self.browser.execute_async(script, vec![]).await.unwrap();
        answer.as_str().unwrap_or_default().to_owned()
    }

    /// The computed value of a CSS property of the widget's element `css`.
    pub async fn computed_style(&self, css: &str, property: &str) -> String {
        let element = self.element(css).await;
        let value = self
            .browser
            .execute(
                "return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);",
                vec![serde_json::to_value(&element).unwrap(), property.into()],
            )
            .await
            .unwrap();
        value.as_str().unwrap_or_default().to_owned()
    }

    /// The address of the current window.
    pub async fn url(&self) -> String {
        self.browser.current_url().await.unwrap().to_string()
    }

    /// Resizes the browser window (CSS pixels).
    pub async fn resize(&self, width: u32, height: u32) {
        self.browser.set_window_size(width, height).await.unwrap();
    }

    /// Whether the page is wider than the window (content cut off or a
    /// horizontal scroll bar).
    pub async fn overflows_horizontally(&self) -> bool {
        let value = self
            .browser
            .execute(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        value.as_bool().unwrap_or(true)
    }

    /// The events the example portal logged (its `data-testid="portal-events"`
    /// list, outside the widget) named `name`, with their details.
    pub async fn portal_events(&self, name: &str) -> Vec<serde_json::Value> {
        let selector = format!("[data-testid=\"portal-events\"] [data-event=\"{name}\"]");
        let mut events = Vec::new();
        for item in self
            .browser
            .find_all(Locator::Css(&selector))
            .await
            .unwrap_or_default()
        {
            let text = item.text().await.unwrap_or_default();
            let detail = text.strip_prefix(name).unwrap_or(&text).trim();
            events.push(serde_json::from_str(detail).unwrap_or(serde_json::Value::Null));
        }
        events
    }

    /// Saves a screenshot as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.browser.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
}

/// chromedriver's `POST /session/{id}/se/log` for the browser's log.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        (
            axum::http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_owned()),
        )
    }
}
