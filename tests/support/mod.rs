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
