//! The widget's static site: precompressed copies sent to browsers that
//! take them, hashed files cached for good, the rest revalidated.

mod common;

use axum::body::Body;
use axum::http::Method;
use common::{request, Sandbox};

const CHUNK: &str = "step_device-0123456789abcdef.wasm";

/// A site with a page, a hashed chunk and its `.br` / `.gz` copies (their
/// bytes differ from the file's, so the test sees which one was sent).
fn site() -> (tempfile::TempDir, Sandbox) {
    let site = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(site.path().join(name), bytes).unwrap();
    write("index.html", b"<!doctype html><title>widget</title>");
    write("config.json", b"{}");
    write(CHUNK, b"\0asm plain");
    write(&format!("{CHUNK}.br"), b"brotli bytes");
    write(&format!("{CHUNK}.gz"), b"gzip bytes");
    let dir = site.path().to_owned();
    let sandbox = Sandbox::with(move |c| c.static_dir = Some(dir));
    (site, sandbox)
}

async fn get(sandbox: &Sandbox, path: &str, accept_encoding: Option<&str>) -> common::Answer {
    let mut builder = request(Method::GET, path);
    if let Some(encodings) = accept_encoding {
        builder = builder.header("accept-encoding", encodings);
    }
    sandbox.send(builder.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_browser_that_takes_brotli_gets_the_brotli_copy() {
    let (_site, sandbox) = site();
    let answer = get(&sandbox, &format!("/{CHUNK}"), Some("gzip, deflate, br")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers["content-encoding"], "br");
    assert_eq!(answer.text, "brotli bytes");
    assert_eq!(answer.headers["content-type"], "application/wasm");
    assert_eq!(answer.headers["vary"], "accept-encoding");
}

#[tokio::test]
async fn gzip_when_brotli_is_not_accepted_and_the_file_itself_when_neither_is() {
    let (_site, sandbox) = site();
    let gzip = get(&sandbox, &format!("/{CHUNK}"), Some("gzip")).await;
    assert_eq!(gzip.headers["content-encoding"], "gzip");
    assert_eq!(gzip.text, "gzip bytes");
    let plain = get(&sandbox, &format!("/{CHUNK}"), None).await;
    assert!(plain.headers.get("content-encoding").is_none());
    assert_eq!(plain.text, "\0asm plain");
    assert_eq!(plain.headers["vary"], "accept-encoding");
}

#[tokio::test]
async fn hashed_files_are_immutable_and_the_page_and_settings_are_revalidated() {
    let (_site, sandbox) = site();
    let chunk = get(&sandbox, &format!("/{CHUNK}"), Some("br")).await;
    assert_eq!(
        chunk.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    for path in ["/", "/index.html", "/config.json"] {
        let answer = get(&sandbox, path, Some("br")).await;
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.headers["cache-control"], "no-cache", "{path}");
    }
    let missing = get(&sandbox, "/step_plan-0123456789abcdef.wasm", None).await;
    assert_eq!(missing.status, 404);
    assert!(missing.headers.get("cache-control").is_none());
}
