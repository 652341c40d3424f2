//! End-to-end harness: the sandbox in this process on a free loopback
//! port serving the built widget (`dist/`), and a headless Debian Chromium
//! driven through chromedriver with fantoccini.
#![allow(dead_code)] // each test binary uses its own share of the harness

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, ClientBuilder, Locator};
use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, Command};

/// How long any wait lasts before the test fails.
const WAIT: Duration = Duration::from_secs(20);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(100);

/// A running sandbox with the widget, and a browser pointed at it.
pub struct Demo {
    pub base: String,
    pub state: AppState,
    pub browser: Client,
    /// Where the widget helpers look: `None` for the page itself, or the
    /// CSS selector of the element whose (open) shadow root holds the widget.
    shadow_host: Mutex<Option<String>>,
    /// chromedriver, leader of a process group of its own that its
    /// Chromium joins (see `Drop`).
    driver: Child,
    _dir: tempfile::TempDir,
    _browser_profile: tempfile::TempDir,
    _site: Option<tempfile::TempDir>,
}

/// The built widget the sandbox serves: `dist/`, or the directory named by
/// `MOBPROC_DIST` (relative to the project; the benchmark's own build).
pub fn dist_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = match std::env::var_os("MOBPROC_DIST") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("dist"),
    };
    assert!(
        dist.join("index.html").exists(),
        "{} has no built widget: run scripts/build-widget.sh --release first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A copy of the built site whose `config.json` is `config`.
pub fn site_with_config(config: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let copy = || -> std::io::Result<()> {
        for entry in std::fs::read_dir(dist_dir())? {
            let entry = entry?;
            std::fs::copy(entry.path(), site.path().join(entry.file_name()))?;
        }
        Ok(())
    };
    // A build that replaces dist/ meanwhile makes files vanish: copy again.
    let mut attempts = 0;
    while let Err(error) = copy() {
        attempts += 1;
        assert!(attempts < 10, "cannot copy dist/: {error}");
        std::thread::sleep(Duration::from_secs(1));
    }
    std::fs::write(site.path().join("config.json"), config).unwrap();
    site
}

/// The widget's `config.json` for the sandbox's `tenant`, with `extra`
/// settings (e.g. `("signIn", "popup")`).
pub fn config_for(tenant: &str, extra: &[(&str, &str)]) -> String {
    let mut config = serde_json::json!({
        "apiBaseUrl": "/mobproc/v1",
        "authorizationUrl": "/as/authorization.oauth2",
        "tokenUrl": "/as/token.oauth2",
        "clientId": "mobproc-widget",
        "tenant": tenant,
    });
    for (key, value) in extra {
        config[*key] = serde_json::Value::from(*value);
    }
    config.to_string()
}

async fn free_port() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap().port()
}

impl Demo {
    /// Starts the sandbox (configured by `change`) and a headless browser.
    pub async fn start(change: impl FnOnce(&mut Config)) -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let mut config = Config::for_tests(dir.path().join("sandbox.sqlite3"));
        config.addr = addr;
        config.static_dir = Some(dist_dir());
        change(&mut config);
        let state = AppState::open(config).expect("the sandbox opens");
        let service = app(state.clone());
        let limits = ServeLimits::from_config(&state.config);
        tokio::spawn(serve(listener, service, limits, std::future::pending()));

        let driver_port = free_port().await;
        let driver = Command::new("chromedriver")
            .arg(format!("--port={driver_port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver runs (scripts/setup.sh installs it)");
        let profile = tempfile::tempdir().unwrap();
        let browser = connect(driver_port, &profile).await;
        Demo {
            base: format!("http://{addr}"),
            state,
            browser,
            shadow_host: Mutex::new(None),
            driver,
            _dir: dir,
            _browser_profile: profile,
            _site: None,
        }
    }

    /// Starts the sandbox serving a copy of the widget configured for
    /// `tenant` (plus `extra` settings); the copy lives as long as the demo.
    pub async fn start_for_tenant(tenant: &str, extra: &[(&str, &str)]) -> Demo {
        let site = site_with_config(&config_for(tenant, extra));
        let dir = site.path().to_owned();
        let mut demo = Demo::start(move |config| config.static_dir = Some(dir)).await;
        demo._site = Some(site);
        demo
    }

    /// The copy of the site this demo serves, when it has one of its own
    /// ([`Demo::start_for_tenant`]).
    pub fn own_site(&self) -> Option<&std::path::Path> {
        self._site.as_ref().map(|site| site.path())
    }

    /// From now on the widget helpers look inside the shadow root of the
    /// element matching `host_css` (a widget embedded in a host page).
    pub fn look_inside_shadow_root_of(&self, host_css: &str) {
        *self.shadow_host.lock().unwrap() = Some(host_css.to_owned());
    }

    /// The shadow root the widget helpers look in, if any (`Err` when the
    /// host or its shadow root is not there yet).
    async fn scope(&self) -> Result<Option<fantoccini::elements::ShadowRoot>, ()> {
        let host = self.shadow_host.lock().unwrap().clone();
        let Some(host) = host else { return Ok(None) };
        let host = self
            .browser
            .find(Locator::Css(&host))
            .await
            .map_err(|_| ())?;
        host.shadow_root().await.map(Some).map_err(|_| ())
    }

    /// Every element of the widget matching `css`, now (no waiting).
    pub async fn find_all_now(&self, css: &str) -> Vec<Element> {
        match self.scope().await {
            Ok(None) => self
                .browser
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default(),
            Ok(Some(root)) => root.find_all(Locator::Css(css)).await.unwrap_or_default(),
            Err(()) => Vec::new(),
        }
    }

    /// The first element of the widget matching `css`, now (no waiting).
    pub async fn find_now(&self, css: &str) -> Option<Element> {
        match self.scope().await {
            Ok(None) => self.browser.find(Locator::Css(css)).await.ok(),
            Ok(Some(root)) => root.find(Locator::Css(css)).await.ok(),
            Err(()) => None,
        }
    }

    /// Runs `attempt` until it gives a value; after [`WAIT`] saves a
    /// screenshot (named after the test) and fails with `what`.
    pub async fn poll<T, F, Fut>(&self, what: &str, mut attempt: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = attempt().await {
                return value;
            }
            if Instant::now() > deadline {
                let test = std::thread::current()
                    .name()
                    .unwrap_or("test")
                    .replace("::", "-");
                self.screenshot(&format!("timeout-{test}")).await;
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Opens a page of the sandbox.
    pub async fn open(&self, path: &str) {
        self.browser
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap();
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

    /// The text of the element with `data-testid`, waiting for it to appear.
    pub async fn text_of(&self, test_id: &str) -> String {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let element = self.element(&selector).await;
        element.text().await.unwrap()
    }

    /// Waits for an element of the widget matching `css`.
    pub async fn element(&self, css: &str) -> Element {
        self.poll(&format!("an element {css}"), || self.find_now(css))
            .await
    }

    /// Waits until no element of the widget matches `css`.
    pub async fn wait_until_gone(&self, css: &str) {
        self.poll(&format!("{css} to go away"), || async {
            self.find_now(css).await.is_none().then_some(())
        })
        .await
    }

    /// Whether an element of the widget matches `css` now.
    pub async fn is_present(&self, css: &str) -> bool {
        self.find_now(css).await.is_some()
    }

    /// Clicks the element matching `css` (waiting for it, and trying again
    /// while the widget redraws it or something covers it).
    pub async fn click(&self, css: &str) {
        self.poll(&format!("a click on {css}"), || async {
            let element = self.find_now(css).await?;
            element.click().await.ok()
        })
        .await
    }

    /// Clicks the element with `data-testid`.
    pub async fn click_test_id(&self, test_id: &str) {
        self.click(&format!("[data-testid=\"{test_id}\"]")).await;
    }

    /// The button whose text is `name` (its role and accessible name).
    pub async fn button_named(&self, name: &str) -> Element {
        self.poll(&format!("a button named {name:?}"), || async {
            for button in self.find_all_now("button").await {
                if button.text().await.is_ok_and(|t| t.trim() == name)
                    && button.is_displayed().await.unwrap_or(false)
                {
                    return Some(button);
                }
            }
            None
        })
        .await
    }

    /// Clicks the button whose text is `name`.
    pub async fn click_button(&self, name: &str) {
        self.poll(&format!("a click on the button {name:?}"), || async {
            self.button_named(name).await.click().await.ok()
        })
        .await
    }

    /// Whether the element with `data-testid` is enabled (waiting for it).
    pub async fn is_enabled(&self, test_id: &str) -> bool {
        let selector = format!("[data-testid=\"{test_id}\"]");
        self.element(&selector).await.is_enabled().await.unwrap()
    }

    /// Waits until the element with `data-testid` is enabled (or disabled).
    pub async fn wait_until_enabled(&self, test_id: &str, enabled: bool) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        self.poll(&format!("{selector} enabled={enabled}"), || async {
            let element = self.find_now(&selector).await?;
            (element.is_enabled().await.ok()? == enabled).then_some(())
        })
        .await
    }

    /// Replaces the text of the input with id `id`.
    pub async fn fill(&self, id: &str, text: &str) {
        let input = self.element(&format!("#{id}")).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
    }

    /// Empties the field with id `id` as a person would (select all,
    /// delete), so the page hears it: `clear()` alone sends no `input` event.
    pub async fn erase(&self, id: &str) {
        let input = self.element(&format!("#{id}")).await;
        input.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    }

    /// The id of the focused element, inside the widget's shadow root too
    /// ("" when it has none).
    pub async fn focused_id(&self) -> String {
        let script = "let e = document.activeElement; \
            while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; \
            return e ? e.id : '';";
        let id = self.browser.execute(script, vec![]).await.unwrap();
        id.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the element with id `id` has the focus.
    pub async fn wait_for_focus_on(&self, id: &str) {
        self.poll(&format!("the focus on #{id}"), || async {
            (self.focused_id().await == id).then_some(())
        })
        .await
    }

    /// The current value of the input or select with id `id`.
    pub async fn value_of(&self, id: &str) -> String {
        let element = self.element(&format!("#{id}")).await;
        element.prop("value").await.unwrap().unwrap_or_default()
    }

    /// An attribute of the element matching `css` (waiting for it).
    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.element(css).await.attr(name).await.unwrap()
    }

    /// Chooses the option with `value` in the select with id `id`.
    pub async fn choose(&self, id: &str, value: &str) {
        let select = self.element(&format!("#{id}")).await;
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in #{id}: {e}"));
    }

    /// Waits until the element with `data-testid` has exactly `text`.
    pub async fn wait_for_text(&self, test_id: &str, text: &str) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(element) = self.find_now(&selector).await {
                if element.text().await.is_ok_and(|t| t == text) {
                    return;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        self.screenshot("timeout-wait-for-text").await;
        panic!(
            "{selector} never read {text:?}; it reads {:?}",
            self.text_of(test_id).await
        );
    }

    /// Waits until the current step is `step` (its `data-step`).
    pub async fn wait_for_step(&self, step: &str) {
        self.element(&format!(
            "[data-step=\"{step}\"] [data-testid=\"step-heading\"]"
        ))
        .await;
    }

    /// The `data-step` of the step shown now (`None` when no step is).
    pub async fn current_step(&self) -> Option<String> {
        let step = self.find_now("[data-step]").await?;
        step.attr("data-step").await.ok().flatten()
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

    /// Waits for an element of the current window's page itself (never
    /// inside the widget's shadow root): the sandbox's sign-in page, or the
    /// host page around an embedded widget.
    pub async fn page_element(&self, css: &str) -> Element {
        self.poll(&format!("an element {css} of the page"), || async {
            self.browser.find(Locator::Css(css)).await.ok()
        })
        .await
    }

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

    /// Calls the sandbox's admin API over HTTP (with the admin key):
    /// `(status, body)`.
    pub async fn admin(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        let authority = self.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(authority).await.unwrap();
        let body = body.unwrap_or("");
        let request = format!(
            "{method} /sandbox/admin{path} HTTP/1.1\r\nHost: {authority}\r\nX-Sandbox-Admin-Key: {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.state.config.admin_key,
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.unwrap();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
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

    /// The access tokens the sandbox has issued (revoked ones included).
    pub async fn access_tokens(&self) -> Vec<String> {
        self.state
            .db
            .run(|c| {
                let mut statement = c.prepare(
                    "SELECT token FROM oauth_tokens WHERE kind = 'access' ORDER BY issued_at",
                )?;
                let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await
            .unwrap()
    }

    /// The orders stored in the sandbox, as JSON bodies.
    pub async fn stored_orders(&self) -> Vec<serde_json::Value> {
        self.state
            .db
            .run(|c| {
                let mut statement = c.prepare("SELECT body FROM orders ORDER BY order_id")?;
                let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
                let mut out = Vec::new();
                for row in rows {
                    out.push(serde_json::from_str(&row?)?);
                }
                Ok(out)
            })
            .await
            .unwrap()
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

    /// Fills the seed tutorial's order (Peter's Verizon line, the iPhone 5,
    /// the Nationwide plan with Voice Mail, the tutorial's details and
    /// address), from the line step to the review step's cost summary.
    pub async fn fill_tutorial_order(&self) {
        self.fill_tutorial_order_checking(async |_, _| {}).await;
    }

    /// [`Demo::fill_tutorial_order`], calling `check` on each step once it
    /// is filled in (with the step's name), before moving on.
    pub async fn fill_tutorial_order_checking(&self, check: impl AsyncFn(&Demo, &str)) {
        self.click("label[for=\"mobproc-line-38382349\"]").await;
        self.wait_until_enabled("next", true).await;
        check(self, "line").await;
        self.click_test_id("next").await;
        self.wait_for_step("current-device").await;
        check(self, "current-device").await;
        self.click_test_id("next").await;
        self.wait_for_step("device").await;
        self.fill("mobproc-device-search", "iphone 5 (16GB) - black")
            .await;
        self.click("label[for=\"mobproc-device-9194713904\"]").await;
        self.wait_for_text("chosen-device-price", "$199.99").await;
        self.wait_until_enabled("next", true).await;
        check(self, "device").await;
        self.click_test_id("next").await;
        self.wait_for_step("plan").await;
        self.click("label[for=\"mobproc-plan-6568886698\"]").await;
        self.click("label[for=\"mobproc-feature-122\"]").await;
        self.wait_until_enabled("next", true).await;
        check(self, "plan").await;
        self.click_test_id("next").await;
        self.wait_for_step("details").await;
        self.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
            .await;
        self.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
            .await;
        self.choose("mobproc-property-Reason", "21").await;
        check(self, "details").await;
        self.click_test_id("next").await;
        self.fill_us_address().await;
        check(self, "shipping").await;
        self.click_test_id("next").await;
        self.wait_for_step("review").await;
        self.wait_for_text("cost-onetime", "$199.99").await;
        self.wait_for_text("cost-monthly", "$358.67").await;
        check(self, "review").await;
    }

    /// Fills the tutorial's United States address on the shipping step
    /// (the country the step starts with).
    pub async fn fill_us_address(&self) {
        self.wait_for_step("shipping").await;
        assert_eq!(self.value_of("mobproc-ship-country").await, "70144640");
        self.fill("mobproc-address-LINE_1", "35 Executive Blvd")
            .await;
        self.fill("mobproc-address-CITY", "Orange").await;
        self.choose("mobproc-address-STATE", "CT").await;
        self.fill("mobproc-address-POSTAL_CODE", "06477").await;
    }

    /// Closes the browser session.
    pub async fn close(self) {
        let _ = self.browser.clone().close().await;
    }
}

/// A test (or benchmark) that fails drops its demo without closing the
/// browser: chromedriver's whole process group goes, Chromium with it, so
/// no browser is left running to slow the runs that follow.
impl Drop for Demo {
    fn drop(&mut self) {
        if let Some(group) = self.driver.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{group}")])
                .stderr(Stdio::null())
                .status();
        }
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

async fn connect(port: u16, profile: &tempfile::TempDir) -> Client {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
    ]
    .iter()
    .map(|a| a.to_string())
    .chain([format!("--user-data-dir={}", profile.path().display())])
    .collect::<Vec<_>>();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "args": args, "binary": "/usr/bin/chromium" }),
    );
    // Keep the browser's own log (see `Demo::browser_errors`).
    capabilities.insert(
        "goog:loggingPrefs".into(),
        serde_json::json!({ "browser": "ALL" }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    // chromedriver takes a moment to listen.
    for _ in 0..50 {
        let attempt = ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return client,
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
    panic!("could not start a Chromium session through chromedriver on port {port}");
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

    /// Reloads the page, keeping the record of console errors.
    pub async fn reload(&self) {
        self.browser.refresh().await.unwrap();
        self.record_console_errors().await;
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

    /// The link of the widget whose text is `text`.
    pub async fn link_named(&self, text: &str) -> Element {
        self.poll(&format!("a link named {text:?}"), || async {
            for link in self.find_all_now("a").await {
                if link.text().await.is_ok_and(|t| t.trim() == text) {
                    return Some(link);
                }
            }
            None
        })
        .await
    }

    /// From the line step: the line `line` chosen, then the order `flow`
    /// (its id, e.g. `order-accessories`), until Continue is enabled.
    pub async fn choose_line_and_order(&self, line: &str, flow: &str) {
        self.click(&format!("label[for=\"mobproc-line-{line}\"]"))
            .await;
        self.element("[data-testid=\"flow-choice\"]").await;
        self.click(&format!("label[for=\"mobproc-flow-{flow}\"]"))
            .await;
        self.wait_until_enabled("next", true).await;
    }

    /// From the line step: Peter's upgradable Verizon line chosen, on to
    /// the new device step (the current device as the seed has it).
    pub async fn upgrade_peters_line_to_the_device_step(&self) {
        self.click("label[for=\"mobproc-line-38382349\"]").await;
        self.wait_until_enabled("next", true).await;
        self.click_test_id("next").await;
        self.wait_for_step("current-device").await;
        self.click_test_id("next").await;
        self.wait_for_step("device").await;
    }

    /// From the line step: a plan-only upgrade of Peter's Verizon line, on
    /// to the order details.
    pub async fn plan_only_upgrade_to_the_details_step(&self) {
        self.upgrade_peters_line_to_the_device_step().await;
        self.click_test_id("next").await;
        self.wait_for_step("plan").await;
        self.click("label[for=\"mobproc-plan-6568886698\"]").await;
        self.wait_until_enabled("next", true).await;
        self.click_test_id("next").await;
        self.wait_for_step("details").await;
    }

    /// Submits from the review and returns the only stored order, once the
    /// status step shows its number.
    pub async fn submit_and_read_back(&self) -> serde_json::Value {
        self.click_test_id("submit").await;
        self.wait_for_step("status").await;
        let number = self.text_of("order-number").await;
        let orders = self.stored_orders().await;
        assert_eq!(orders.len(), 1, "exactly one order is stored");
        assert_eq!(orders[0]["orderId"], number);
        orders[0].clone()
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

/// The value a stored order holds for property `id`: its text, date or
/// choice id.
#[allow(dead_code)] // Not every test binary reads properties.
pub fn property(order: &serde_json::Value, id: &str) -> Option<String> {
    order["properties"]
        .as_array()?
        .iter()
        .flat_map(|group| group["fields"].as_array().cloned().unwrap_or_default())
        .find(|field| field["id"] == id)
        .and_then(|field| {
            field["text"]
                .as_str()
                .or(field["date"].as_str())
                .or(field["choice"]["id"].as_str())
                .map(str::to_owned)
        })
}
