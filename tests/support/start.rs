//! Starting a demo (the sandbox on a free loopback port, chromedriver and
//! its headless Chromium) and stopping it.

use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::Mutex;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use mobproc_sandbox::serve::{serve, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};
use tokio::process::Command;

use super::{config_for, dist_dir, site_with_config, Demo};

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
