//! End to end on the split release build: the later steps' code is fetched
//! while the user reads the first (never before it is shown), and a chunk
//! that cannot be fetched is said, with a retry that works once it can, and
//! nothing entered is lost. The configuration is fetched while the wasm
//! downloads.

mod support;

use std::path::{Path, PathBuf};

use support::Demo;

/// One field (`name`, `startTime`, `initiatorType`) of each resource the
/// page has fetched whose URL matches `pattern` (a JavaScript regex), in
/// the order they started.
async fn resources<T: serde::de::DeserializeOwned>(
    demo: &Demo,
    pattern: &str,
    field: &str,
) -> Vec<T> {
    let value = demo
        .browser
        .execute(
            "return performance.getEntriesByType('resource').filter(e => new RegExp(arguments[0]).test(e.name)).map(e => e[arguments[1]]);",
            vec![pattern.into(), field.into()],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

/// The wasm files the page has fetched so far.
async fn fetched_wasm(demo: &Demo) -> Vec<String> {
    resources(demo, "\\.wasm$", "name").await
}

/// The files of a site that hold the order steps' chunk, which has the
/// device step (and their precompressed copies).
fn order_steps_files(site: &Path) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = std::fs::read_dir(site)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.contains("order_steps") && name.contains(".wasm")
        })
        .collect();
    assert!(
        !files.is_empty(),
        "the release build has a chunk for the order's steps"
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
            (has("order_steps") && has("plan_step")).then_some(fetched)
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

/// When the page started fetching each resource matching `pattern` (ms).
async fn fetch_starts(demo: &Demo, pattern: &str) -> Vec<f64> {
    resources(demo, pattern, "startTime").await
}

#[tokio::test]
async fn the_later_steps_code_and_data_wait_until_the_lines_are_shown() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("[data-testid=\"line\"]").await;
    // Signed in, the page loaded again: its prefetch and the later steps'
    // data (the catalog) come, but only once the lines are on screen.
    demo.poll("the later steps' chunks and the catalog", || async {
        let chunks = fetch_starts(&demo, "/(chunk_|split_)[^/]*\\.wasm$").await;
        let catalog = fetch_starts(&demo, "/catalog/devices").await;
        (!chunks.is_empty() && !catalog.is_empty()).then_some(())
    })
    .await;
    let shown = demo
        .browser
        .execute(
            "return performance.getEntriesByName('mobproc:lines-shown')[0].startTime;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    let later = fetch_starts(
        &demo,
        "/(chunk_|split_)[^/]*\\.wasm$|/mobproc/v1/(catalog|vendors|regions)",
    )
    .await;
    assert!(
        later.iter().all(|start| *start >= shown),
        "fetched before the lines were shown at {shown} ms: {later:?}"
    );
    demo.close().await;
}

#[tokio::test]
async fn the_configuration_is_fetched_by_the_loader_not_after_the_wasm_started() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.element("[data-testid=\"sign-in-title\"]").await;
    // loader.js preloads it (a `link`, started while the wasm downloads),
    // and the widget's own fetch of it is served by that preload: one
    // request, not a second `fetch` once the wasm runs.
    let initiators: Vec<String> = resources(&demo, "/config\\.json$", "initiatorType").await;
    assert_eq!(initiators, ["link"]);
    demo.close().await;
}

#[tokio::test]
async fn a_chunk_that_fails_to_load_is_said_and_retried_and_nothing_is_lost() {
    let demo = Demo::start_for_tenant("ACME", &[]).await;
    let site = demo.own_site().unwrap().to_owned();
    let hidden: Vec<(PathBuf, PathBuf)> = order_steps_files(&site)
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

#[tokio::test]
async fn a_later_steps_styles_are_applied_when_it_is_first_shown() {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.element("[data-testid=\"line\"]").await;
    let sheets = || async {
        demo.browser
            .execute("return document.adoptedStyleSheets.length;", vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        sheets().await,
        1,
        "the line step needs the frame's sheet only"
    );
    demo.upgrade_peters_line_to_the_device_step().await;
    // device.css: the list scrolls in a box of its own.
    assert_eq!(
        demo.computed_style("[data-testid=\"device-list\"]", "overflow-y")
            .await,
        "auto"
    );
    let with_device = sheets().await;
    assert!(with_device > 1, "{with_device} sheets");
    // Back and forth: each sheet is applied once.
    demo.click_button("Back").await;
    demo.wait_for_step("current-device").await;
    demo.click_test_id("next").await;
    demo.wait_for_step("device").await;
    assert_eq!(sheets().await, with_device);
    demo.close().await;
}

/// The wasm files whose name says they hold the French texts.
fn french_files(fetched: &[String]) -> Vec<&String> {
    fetched
        .iter()
        .filter(|name| name.contains("french"))
        .collect()
}

#[tokio::test]
async fn the_french_texts_are_fetched_for_french_readers_only() {
    for (locale, title) in [
        ("en", "Sign in to order"),
        ("fr-CA", "Connectez-vous pour commander"),
    ] {
        let demo = Demo::start_for_tenant("ACME", &[("locale", locale)]).await;
        demo.open("/").await;
        demo.wait_for_text("sign-in-title", title).await;
        let fetched = fetched_wasm(&demo).await;
        assert_eq!(
            french_files(&fetched).len(),
            usize::from(locale == "fr-CA"),
            "{locale}: {fetched:?}"
        );
        demo.close().await;
    }
}

#[tokio::test]
async fn without_the_french_texts_the_widget_works_in_english() {
    let demo = Demo::start_for_tenant("ACME", &[("locale", "fr-CA")]).await;
    let site = demo.own_site().unwrap().to_owned();
    for entry in std::fs::read_dir(&site).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains("split_french") {
            std::fs::remove_file(path).unwrap();
        }
    }
    demo.open("/").await;
    demo.wait_for_text("sign-in-title", "Sign in to order")
        .await;
    assert_eq!(
        demo.attribute("[data-testid=\"widget\"]", "lang")
            .await
            .as_deref(),
        Some("en")
    );
    demo.sign_in("peter.edwards").await;
    demo.element("[data-testid=\"line\"]").await;
    demo.close().await;
}
