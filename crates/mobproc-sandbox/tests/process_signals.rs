//! The binary's start-up rule for the admin key and its shutdown on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mobproc_sandbox::Config;

fn config(addr: &str, admin_key: &str) -> Config {
    let mut config = Config::for_tests("unused.sqlite3".into());
    config.addr = addr.parse().unwrap();
    config.admin_key = admin_key.to_owned();
    config
}

#[test]
fn the_default_admin_key_is_refused_off_the_loopback() {
    assert!(config("127.0.0.1:8080", "sandbox-admin")
        .check_admin_key()
        .is_ok());
    assert!(config("[::1]:8080", "sandbox-admin")
        .check_admin_key()
        .is_ok());
    assert!(config("0.0.0.0:8080", "a-real-secret")
        .check_admin_key()
        .is_ok());
    let refused = config("0.0.0.0:8080", "sandbox-admin").check_admin_key();
    assert!(refused.unwrap_err().contains("--admin-key"));
    assert!(config("192.168.1.20:8080", "sandbox-admin")
        .check_admin_key()
        .is_err());
}

fn sandbox(args: &[&str], dir: &tempfile::TempDir) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mobproc-sandbox"))
        .args(args)
        .arg("--db")
        .arg(dir.path().join("sandbox.sqlite3"))
        .env_remove("MOBPROC_SANDBOX_ADMIN_KEY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for the process to end, at most `limit`.
fn wait_at_most(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_binary_will_not_listen_publicly_with_the_default_admin_key() {
    let dir = tempfile::tempdir().unwrap();
    // A documentation address (TEST-NET-1): not loopback, and never bound.
    let mut child = sandbox(&["--addr", "192.0.2.1:8080"], &dir);
    let status = wait_at_most(&mut child, Duration::from_secs(30));
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("admin key"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_sandbox_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = sandbox(&["--addr", "127.0.0.1:0"], &dir);
    let (lines, read) = mpsc::channel();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let serving = read.recv_timeout(Duration::from_secs(120)).unwrap();
    assert!(serving.contains("serving"), "{serving}");

    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = wait_at_most(&mut child, Duration::from_secs(30));
    assert!(
        status.success(),
        "ended by {status:?}, not by its own shutdown"
    );
    assert_eq!(
        read.recv_timeout(Duration::from_secs(5)).unwrap(),
        "mobproc-sandbox: stopped"
    );
}
