//! End-to-end harness: the sandbox in this process on a free loopback
//! port serving the built widget (`dist/`), and a headless Debian Chromium
//! driven through chromedriver with fantoccini.
#![allow(dead_code)] // each test binary uses its own share of the harness

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use mobproc_sandbox::{app, AppState, Config};
use tokio::process::{Child, Command};

/// A running sandbox with the widget, and a browser pointed at it.
pub struct Demo {
    pub base: String,
    pub state: AppState,
    pub browser: Client,
    _driver: Child,
    _dir: tempfile::TempDir,
    _browser_profile: tempfile::TempDir,
}

fn dist_dir() -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists(),
        "dist/ has no built widget: run scripts/build-widget.sh --release first (scripts/test.sh does)"
    );
    dist
}

/// A copy of the built site whose `config.json` is `config`.
pub fn site_with_config(config: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), site.path().join(entry.file_name())).unwrap();
    }
    std::fs::write(site.path().join("config.json"), config).unwrap();
    site
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
        tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });

        let driver_port = free_port().await;
        let driver = Command::new("chromedriver")
            .arg(format!("--port={driver_port}"))
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
            _driver: driver,
            _dir: dir,
            _browser_profile: profile,
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

    /// The text of the element with `data-testid`, waiting for it to appear.
    pub async fn text_of(&self, test_id: &str) -> String {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let element = self
            .browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(&selector))
            .await
            .unwrap_or_else(|e| panic!("no element {selector}: {e}"));
        element.text().await.unwrap()
    }

    /// Waits for an element matching `css`.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Clicks the element matching `css` (waiting for it).
    pub async fn click(&self, css: &str) {
        self.element(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Clicks the element with `data-testid`.
    pub async fn click_test_id(&self, test_id: &str) {
        self.click(&format!("[data-testid=\"{test_id}\"]")).await;
    }

    /// Replaces the text of the input with id `id`.
    pub async fn fill(&self, id: &str, text: &str) {
        let input = self.element(&format!("#{id}")).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
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
        for _ in 0..100 {
            if let Ok(element) = self.browser.find(Locator::Css(&selector)).await {
                if element.text().await.is_ok_and(|t| t == text) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
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

    /// Signs in on the sandbox's page as `username` (password `sandbox`),
    /// starting from the widget's sign-in button.
    pub async fn sign_in(&self, username: &str) {
        self.click_test_id("sign-in").await;
        self.fill("username", username).await;
        self.fill("password", "sandbox").await;
        self.click("button[value=\"login\"]").await;
        self.wait_for_step("line").await;
        self.record_console_errors().await;
    }

    /// Saves a screenshot as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let png = self.browser.screenshot().await.unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
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

    /// Closes the browser session.
    pub async fn close(self) {
        let _ = self.browser.close().await;
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
