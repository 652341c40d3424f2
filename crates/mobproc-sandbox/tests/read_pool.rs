//! Calls that only read use read-only connections: they are answered while
//! the writer is busy, and with `--read-connections 0` everything still
//! works on the one writer.

mod common;

use std::sync::mpsc;

use common::*;

/// Holds the writer connection until the returned sender is used (or dropped).
async fn hold_the_writer(sandbox: &Sandbox) -> (mpsc::Sender<()>, tokio::task::JoinHandle<()>) {
    let (held_tx, held_rx) = mpsc::channel();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let db = sandbox.state.db.clone();
    let holder = tokio::spawn(async move {
        db.run(move |_| {
            held_tx.send(()).unwrap();
            let _ = release_rx.recv();
            Ok(())
        })
        .await
        .unwrap();
    });
    tokio::task::spawn_blocking(move || held_rx.recv().unwrap())
        .await
        .unwrap();
    (release_tx, holder)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_are_answered_while_the_writer_is_busy() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let (release, holder) = hold_the_writer(&sandbox).await;
    let reads = async {
        for path in [
            "/me",
            "/employees",
            "/assets/services",
            "/assets/devices",
            "/catalog/devices?limit=5",
            "/catalog/plans",
            "/catalog/accessories",
            "/vendors",
            "/regions",
            "/orders/properties?transactionType=UPGRADE&service=38382349",
        ] {
            let answer = maria.get(path).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.text);
        }
        let confirm = peter.post("/orders?confirm=true", &seed_request()).await;
        assert_eq!(confirm.status, 200, "{}", confirm.text);
    };
    // Reads that waited for the writer would wait for ever: the generous
    // limit only turns that hang into a failure.
    tokio::time::timeout(std::time::Duration::from_secs(120), reads)
        .await
        .expect("reads were answered while the writer was busy");
    release.send(()).unwrap();
    holder.await.unwrap();
}

#[tokio::test]
async fn without_read_connections_every_call_uses_the_writer() {
    let sandbox = Sandbox::with(|config| config.read_connections = 0);
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    assert_eq!(peter.get("/me").await.status, 200);
    let confirm = peter.post("/orders?confirm=true", &seed_request()).await;
    assert_eq!(confirm.status, 200, "{}", confirm.text);
    let submit = peter.post("/orders", &seed_request()).await;
    assert_eq!(submit.status, 200, "{}", submit.text);
    assert_eq!(peter.get("/orders").await.body["_meta"]["totalCount"], 1);
}
