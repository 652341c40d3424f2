//! End to end on the split release build: the later steps' code is fetched
//! while the user reads the first, and a chunk that cannot be fetched is
//! said, with a retry that works once it can, and nothing entered is lost.

mod support;

use std::path::{Path, PathBuf};

use support::Demo;

/// The wasm files the page has fetched so far.
async fn fetched_wasm(demo: &Demo) -> Vec<String> {
    let value = demo
        .browser
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.wasm'));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// The files of a site that hold the device step's chunk (and their
/// precompressed copies).
fn device_chunk_files(site: &Path) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = std::fs::read_dir(site)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.contains("device_steps") && name.contains(".wasm")
        })
        .collect();
    assert!(
        !files.is_empty(),
        "the release build has a chunk for the device step"
    );
    files
}

#[tokio::test]
async fn later_steps_are_fetched_while_the_user_reads_the_first() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("[data-testid=\"line\"]").await;
    // Nobody has pressed anything: the next steps' chunks come all the same.
    let fetched = demo
        .poll("the later steps' chunks to be prefetched", || async {
            let fetched = fetched_wasm(&demo).await;
            let has = |step: &str| fetched.iter().any(|name| name.contains(step));
            (has("device_steps") && has("plan_step") && has("review_steps")).then_some(fetched)
        })
        .await;
    assert!(
        fetched.iter().any(|name| name.contains("mobproc-widget-")),
        "{fetched:?}"
    );
    // And the step change then shows the step at once.
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("current-device").await;
    assert!(!demo.is_present("[data-testid=\"chunk-error\"]").await);
    demo.close().await;
}

#[tokio::test]
async fn a_chunk_that_fails_to_load_is_said_and_retried_and_nothing_is_lost() {
    let demo = Demo::start_for_tenant("ACME", &[]).await;
    let site = demo.own_site().unwrap().to_owned();
    let hidden: Vec<(PathBuf, PathBuf)> = device_chunk_files(&site)
        .into_iter()
        .map(|file| {
            let mut away = file.clone().into_os_string();
            away.push(".hidden");
            let away = PathBuf::from(away);
            std::fs::rename(&file, &away).unwrap();
            (file, away)
        })
        .collect();

    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.click("label[for=\"mobproc-line-38382349\"]").await;
    demo.click_test_id("next").await;
    let message = demo.text_of("chunk-error").await;
    assert!(message.contains("could not be loaded"), "{message}");
    assert_eq!(demo.current_step().await.as_deref(), Some("line"));
    demo.screenshot("chunk-error").await;

    for (file, away) in &hidden {
        std::fs::rename(away, file).unwrap();
    }
    let retry = demo.element("[data-testid=\"chunk-error\"] button").await;
    retry.click().await.unwrap();
    demo.wait_for_step("current-device").await;
    demo.wait_until_gone("[data-testid=\"chunk-error\"]").await;
    // On to the next step (its data came with the retried chunk), and back:
    // the line chosen before the failure is still the order's.
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    demo.click_button("Back").await;
    demo.wait_for_step("current-device").await;
    demo.click_button("Back").await;
    demo.wait_for_step("line").await;
    demo.element("#mobproc-line-38382349").await;
    let chosen = demo
        .browser
        .execute(
            "return document.getElementById('mobproc-line-38382349').checked;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        chosen,
        serde_json::Value::Bool(true),
        "the line is still chosen"
    );
    assert!(demo
        .console_errors()
        .await
        .iter()
        .all(|e| !e.contains("panicked")));
    demo.close().await;
}
