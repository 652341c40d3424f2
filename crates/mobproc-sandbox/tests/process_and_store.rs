//! The binary's command line, and the SQLite file across restarts.

mod common;

use common::*;
use mobproc_sandbox::{AppState, Config};

#[test]
fn help_explains_every_setting_and_its_environment_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mobproc-sandbox"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for (flag, variable) in [
        ("--addr", "MOBPROC_SANDBOX_ADDR"),
        ("--db", "MOBPROC_SANDBOX_DB"),
        ("--static-dir", "MOBPROC_SANDBOX_STATIC_DIR"),
        ("--reset", "MOBPROC_SANDBOX_RESET"),
        ("--token-lifetime", "MOBPROC_SANDBOX_TOKEN_LIFETIME"),
        ("--fault-fail", "MOBPROC_SANDBOX_FAULT_FAIL"),
        ("--header-limit", "MOBPROC_SANDBOX_HEADER_LIMIT"),
        ("--header-value-limit", "MOBPROC_SANDBOX_HEADER_VALUE_LIMIT"),
        (
            "--header-read-timeout-ms",
            "MOBPROC_SANDBOX_HEADER_READ_TIMEOUT_MS",
        ),
        ("--idle-timeout-ms", "MOBPROC_SANDBOX_IDLE_TIMEOUT_MS"),
        ("--max-connections", "MOBPROC_SANDBOX_MAX_CONNECTIONS"),
        ("--shutdown-grace-ms", "MOBPROC_SANDBOX_SHUTDOWN_GRACE_MS"),
    ] {
        assert!(
            help.contains(flag) && help.contains(variable),
            "{flag} / {variable} missing from:\n{help}"
        );
    }
    assert!(
        help.contains("127.0.0.1:8080"),
        "the default address is shown"
    );
}

#[test]
fn a_bad_flag_is_a_clear_error() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mobproc-sandbox"))
        .args(["--addr", "not-an-address"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--addr"));
}

#[tokio::test]
async fn orders_survive_a_restart_and_reset_wipes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.sqlite3");
    let open = |reset: bool| {
        let mut config = Config::for_tests(path.clone());
        config.reset = reset;
        AppState::open(config).unwrap()
    };
    let count = |state: AppState| async move {
        state
            .db
            .run(|c| Ok(c.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get::<_, i64>(0))?))
            .await
            .unwrap()
    };
    {
        let state = open(false);
        let sandbox = Sandbox::from_state(state.clone());
        let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
        assert_eq!(peter.post("/orders", &seed_request()).await.status, 200);
        assert_eq!(count(state).await, 1);
    }
    assert_eq!(count(open(false)).await, 1, "kept across a restart");
    assert_eq!(count(open(true)).await, 0, "--reset starts afresh");
}
