//! The split release build's files, read from disk (no browser): each wasm
//! file named by its content, the main module's imports and exports as
//! small as the glue allows, and the later steps' code, texts and styles
//! in chunks, not in the first load.

mod support;

use std::path::{Path, PathBuf};

/// The site's files, by name.
fn site_files(site: &Path) -> Vec<(String, PathBuf)> {
    std::fs::read_dir(site)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
            )
        })
        .collect()
}

/// wasm-bindgen's glue (`mobproc-widget-<build>.js`).
fn glue(site: &Path) -> Vec<u8> {
    let (_, path) = site_files(site)
        .into_iter()
        .find(|(name, _)| name.starts_with("mobproc-widget-") && name.ends_with(".js"))
        .expect("the site has wasm-bindgen's glue");
    std::fs::read(path).unwrap()
}

/// The site's main module and its chunks, as bytes.
fn main_module_and_chunks(site: &Path) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let mut main = None;
    let mut chunks = Vec::new();
    for (name, path) in site_files(site) {
        if !name.ends_with(".wasm") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if name.starts_with("mobproc-widget-") {
            assert!(main.is_none(), "one main module");
            main = Some(bytes);
        } else {
            chunks.push((name, bytes));
        }
    }
    (main.expect("the site has a main module"), chunks)
}

/// Every wasm file the split build writes is named by the first 16 hex
/// digits of the SHA-256 of its content, so browsers may keep it for good
/// and the same build keeps its names (the glue and the chunk loader, which
/// import each other, are named by a hash of the whole build).
#[test]
fn split_files_are_named_by_their_content() {
    use sha2::{Digest, Sha256};
    let site = support::dist_dir();
    let mut checked = 0;
    for (name, path) in site_files(&site) {
        let Some(stem) = name
            .strip_suffix("_bg.wasm")
            .or_else(|| name.strip_suffix(".wasm"))
        else {
            continue;
        };
        let (_, named) = stem.rsplit_once('-').expect("a hash in the name");
        let digest = Sha256::digest(std::fs::read(&path).unwrap());
        let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(named, &hex[..16], "{name} is not named by its content");
        checked += 1;
    }
    assert!(checked >= 2, "the site has a main module and chunks");
}

/// The names in `bytes` that start with `__wb` and end with `_` and 16 hex
/// digits: wasm-bindgen's names for the JavaScript functions it imports.
fn hashed_import_names(bytes: &[u8]) -> Vec<String> {
    let is_name = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'_';
    let mut names = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].windows(4).position(|w| w == b"__wb") {
        let start = at + offset;
        let length = bytes[start..].iter().take_while(|b| is_name(b)).count();
        let name = String::from_utf8_lossy(&bytes[start..start + length]).into_owned();
        let hashed = name.rsplit_once('_').is_some_and(|(_, tail)| {
            tail.len() == 16 && tail.bytes().all(|b| b.is_ascii_hexdigit())
        });
        if hashed {
            names.push(name);
        }
        at = start + length.max(1);
    }
    names
}

/// wasm-bindgen's import names (`__wbg_<binding>_<hash>`) are shortened in
/// the main module and its glue alike (scripts/shorten-imports.mjs); the
/// other end-to-end tests starting the widget are the proof that both agree.
#[test]
fn the_main_modules_import_names_are_short() {
    let site = support::dist_dir();
    let (main, _) = main_module_and_chunks(&site);
    assert_eq!(hashed_import_names(&main), Vec::<String>::new());
    assert_eq!(hashed_import_names(&glue(&site)), Vec::<String>::new());
    // The pattern does find them where they were not shortened.
    assert_eq!(
        hashed_import_names(b"{__wbg_append_0123456789abcdef:f}"),
        ["__wbg_append_0123456789abcdef"]
    );
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn later_steps_texts_and_styles_french_and_the_orders_draft_are_not_in_the_first_load() {
    let (main, chunks) = main_module_and_chunks(&support::dist_dir());
    let in_a_chunk = |text: &str| chunks.iter().any(|(_, bytes)| holds(bytes, text));
    let frame = mobproc_widget::style::FRAME.css();
    assert!(
        holds(&main, frame),
        "the frame's styles are in the first load"
    );
    for sheet in &mobproc_widget::style::ALL[1..] {
        let css = sheet.css();
        assert!(!holds(&main, css), "in the main module: {css:.60}");
        assert!(in_a_chunk(css), "in no chunk: {css:.60}");
    }
    let french = mobproc_widget::i18n::Locale::FrCa.texts().sign_in_title;
    assert_eq!(french, "Connectez-vous pour commander");
    assert!(
        !holds(&main, french),
        "the French texts are in the main module"
    );
    assert!(in_a_chunk(french), "the French texts are in no chunk");
    // The order's part of the draft is read and written by the later
    // steps' code only ("confirmedRequest" is one of its fields).
    assert!(
        !holds(&main, "confirmedRequest"),
        "the whole draft's code is in the main module"
    );
    assert!(in_a_chunk("confirmedRequest"));
    let english = mobproc_widget::i18n::Locale::En.texts();
    assert!(
        holds(&main, english.sign_in_title),
        "the first screen's texts are in the main module"
    );
    // The later steps' texts come with their chunks, in English too.
    assert!(
        !holds(&main, english.keep_device),
        "a later step's text is in the main module"
    );
    assert!(in_a_chunk(english.keep_device));
}

/// wasm-streams, which leptos brings in through server_fn, exports three
/// classes (JavaScript streams backed by Rust) that the widget never
/// creates: the build drops their exports, the code behind them and their
/// classes in the glue (scripts/split-wasm.sh). The other end-to-end tests
/// starting the widget are the proof that nothing needed went with them.
#[test]
fn the_first_load_has_no_stream_classes_the_widget_never_creates() {
    let site = support::dist_dir();
    let (main, _) = main_module_and_chunks(&site);
    let glue = glue(&site);
    assert!(
        !holds(&main, "intounderlying"),
        "exported by the main module"
    );
    assert!(!holds(&glue, "IntoUnderlying"), "a class of the glue");
    // The glue still exports what the page and the chunk loader use.
    assert!(holds(&glue, "initSync"));
}

/// The steps an upgrade never takes (accessories, consents, the area of a
/// new number, the carrier, the device a line moves to) are a group of
/// their own, `extra_steps`: an upgrade does not fetch their code, and
/// their styles come with them, not with the upgrade's steps.
#[test]
fn the_steps_an_upgrade_does_not_take_are_not_in_its_chunks() {
    use mobproc_widget::steps;
    let (_, chunks) = main_module_and_chunks(&support::dist_dir());
    let in_group = |group: &str, css: &str| {
        let prefix = format!("split_{group}-");
        chunks
            .iter()
            .any(|(name, bytes)| name.starts_with(&prefix) && holds(bytes, css))
    };
    for sheet in [
        &steps::accessories::STYLE,
        &steps::acknowledgements::STYLE,
        &steps::carrier::STYLE,
    ] {
        let css = sheet.css();
        assert!(in_group("extra_steps", css), "not with its step: {css:.60}");
        for upgrade in ["order_steps", "plan_step"] {
            assert!(!in_group(upgrade, css), "in {upgrade}: {css:.60}");
        }
    }
    assert!(in_group("order_steps", steps::device::STYLE.css()));
}
