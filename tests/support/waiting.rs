//! Finding the widget's elements (in the page or inside a shadow root)
//! and waiting for them: the polling every wait goes through.

use std::future::Future;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::Locator;

use super::Demo;

/// How long any wait lasts before the test fails.
const WAIT: Duration = Duration::from_secs(20);
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(100);

impl Demo {
    /// From now on the widget helpers look inside the shadow root of the
    /// element matching `host_css` (a widget embedded in a host page).
    pub fn look_inside_shadow_root_of(&self, host_css: &str) {
        *self.shadow_host.lock().unwrap() = Some(host_css.to_owned());
    }

    /// The shadow root the widget helpers look in, if any (`Err` when the
    /// host or its shadow root is not there yet).
    async fn scope(&self) -> Result<Option<fantoccini::elements::ShadowRoot>, ()> {
        let host = self.shadow_host.lock().unwrap().clone();
        let Some(host) = host else { return Ok(None) };
        let host = self
            .browser
            .find(Locator::Css(&host))
            .await
            .map_err(|_| ())?;
        host.shadow_root().await.map(Some).map_err(|_| ())
    }

    /// Every element of the widget matching `css`, now (no waiting).
    pub async fn find_all_now(&self, css: &str) -> Vec<Element> {
        match self.scope().await {
            Ok(None) => self
                .browser
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default(),
            Ok(Some(root)) => root.find_all(Locator::Css(css)).await.unwrap_or_default(),
            Err(()) => Vec::new(),
        }
    }

    /// The first element of the widget matching `css`, now (no waiting).
    pub async fn find_now(&self, css: &str) -> Option<Element> {
        match self.scope().await {
            Ok(None) => self.browser.find(Locator::Css(css)).await.ok(),
            Ok(Some(root)) => root.find(Locator::Css(css)).await.ok(),
            Err(()) => None,
        }
    }

    /// Runs `attempt` until it gives a value; after [`WAIT`] saves a
    /// screenshot (named after the test) and fails with `what`.
    pub async fn poll<T, F, Fut>(&self, what: &str, mut attempt: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = attempt().await {
                return value;
            }
            if Instant::now() > deadline {
                let test = std::thread::current()
                    .name()
                    .unwrap_or("test")
                    .replace("::", "-");
                self.screenshot(&format!("timeout-{test}")).await;
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits for an element of the widget matching `css`.
    pub async fn element(&self, css: &str) -> Element {
        self.poll(&format!("an element {css}"), || self.find_now(css))
            .await
    }

    /// Waits until no element of the widget matches `css`.
    pub async fn wait_until_gone(&self, css: &str) {
        self.poll(&format!("{css} to go away"), || async {
            self.find_now(css).await.is_none().then_some(())
        })
        .await
    }

    /// Whether an element of the widget matches `css` now.
    pub async fn is_present(&self, css: &str) -> bool {
        self.find_now(css).await.is_some()
    }

    /// Waits for an element of the current window's page itself (never
    /// inside the widget's shadow root): the sandbox's sign-in page, or the
    /// host page around an embedded widget.
    pub async fn page_element(&self, css: &str) -> Element {
        self.poll(&format!("an element {css} of the page"), || async {
            self.browser.find(Locator::Css(css)).await.ok()
        })
        .await
    }

    /// Waits until the element with `data-testid` is enabled (or disabled).
    pub async fn wait_until_enabled(&self, test_id: &str, enabled: bool) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        self.poll(&format!("{selector} enabled={enabled}"), || async {
            let element = self.find_now(&selector).await?;
            (element.is_enabled().await.ok()? == enabled).then_some(())
        })
        .await
    }

    /// Waits until the element with id `id` has the focus.
    pub async fn wait_for_focus_on(&self, id: &str) {
        self.poll(&format!("the focus on #{id}"), || async {
            (self.focused_id().await == id).then_some(())
        })
        .await
    }

    /// Waits until the element with `data-testid` has exactly `text`.
    pub async fn wait_for_text(&self, test_id: &str, text: &str) {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(element) = self.find_now(&selector).await {
                if element.text().await.is_ok_and(|t| t == text) {
                    return;
                }
            }
            tokio::time::sleep(POLL).await;
        }
        self.screenshot("timeout-wait-for-text").await;
        panic!(
            "{selector} never read {text:?}; it reads {:?}",
            self.text_of(test_id).await
        );
    }

    /// Waits until the current step is `step` (its `data-step`).
    pub async fn wait_for_step(&self, step: &str) {
        self.element(&format!(
            "[data-step=\"{step}\"] [data-testid=\"step-heading\"]"
        ))
        .await;
    }

    /// The `data-step` of the step shown now (`None` when no step is).
    pub async fn current_step(&self) -> Option<String> {
        let step = self.find_now("[data-step]").await?;
        step.attr("data-step").await.ok().flatten()
    }
}
