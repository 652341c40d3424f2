//! The built widget the sandbox serves, and copies of it with a
//! `config.json` of their own.

use std::path::PathBuf;
use std::time::Duration;

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
