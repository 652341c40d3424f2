//! End to end in a real Chromium against the sandbox: whole orders of the
//! flows other than the upgrade, each ending with the stored order checked
//! field by field and the status shown.

mod features_and_accessories;
mod line_service;
mod new_line;
#[path = "../support/mod.rs"]
mod support;
mod swaps;

use support::Demo;

/// Signs in as Peter and chooses `line`, then `flow` among its orders.
async fn peter_chooses(line: &str, flow: &str) -> Demo {
    let demo = Demo::start(|_| {}).await;
    demo.open("/").await;
    demo.sign_in("peter.edwards").await;
    demo.choose_line_and_order(line, flow).await;
    demo
}

/// On a review that changes the number: it is said, and submitting waits
/// for the user to confirm they understood.
async fn confirm_the_consequence(demo: &Demo, number: &str) {
    let said = demo.text_of("consequence").await;
    assert!(said.contains(number), "{said}");
    demo.wait_until_enabled("submit", false).await;
    demo.click("label[for=\"mobproc-understood\"]").await;
    demo.wait_until_enabled("submit", true).await;
}
