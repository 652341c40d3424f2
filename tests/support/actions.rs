//! Acting on the widget as a person would (clicking, filling, choosing)
//! and reading back what its elements and fields hold.

use fantoccini::elements::Element;

use super::Demo;

impl Demo {
    /// Clicks the element matching `css` (waiting for it, and trying again
    /// while the widget redraws it or something covers it).
    pub async fn click(&self, css: &str) {
        self.poll(&format!("a click on {css}"), || async {
            let element = self.find_now(css).await?;
            element.click().await.ok()
        })
        .await
    }

    /// Clicks the element with `data-testid`.
    pub async fn click_test_id(&self, test_id: &str) {
        self.click(&format!("[data-testid=\"{test_id}\"]")).await;
    }

    /// The button whose text is `name` (its role and accessible name).
    pub async fn button_named(&self, name: &str) -> Element {
        self.poll(&format!("a button named {name:?}"), || async {
            for button in self.find_all_now("button").await {
                if button.text().await.is_ok_and(|t| t.trim() == name)
                    && button.is_displayed().await.unwrap_or(false)
                {
                    return Some(button);
                }
            }
            None
        })
        .await
    }

    /// Clicks the button whose text is `name`.
    pub async fn click_button(&self, name: &str) {
        self.poll(&format!("a click on the button {name:?}"), || async {
            self.button_named(name).await.click().await.ok()
        })
        .await
    }

    /// The link of the widget whose text is `text`.
    pub async fn link_named(&self, text: &str) -> Element {
        self.poll(&format!("a link named {text:?}"), || async {
            for link in self.find_all_now("a").await {
                if link.text().await.is_ok_and(|t| t.trim() == text) {
                    return Some(link);
                }
            }
            None
        })
        .await
    }

    /// Whether the element with `data-testid` is enabled (waiting for it).
    pub async fn is_enabled(&self, test_id: &str) -> bool {
        let selector = format!("[data-testid=\"{test_id}\"]");
        self.element(&selector).await.is_enabled().await.unwrap()
    }

    /// Replaces the text of the input with id `id`.
    pub async fn fill(&self, id: &str, text: &str) {
        let input = self.element(&format!("#{id}")).await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
    }

    /// Empties the field with id `id` as a person would (select all,
    /// delete), so the page hears it: `clear()` alone sends no `input` event.
    pub async fn erase(&self, id: &str) {
        let input = self.element(&format!("#{id}")).await;
        input.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    }

    /// Chooses the option with `value` in the select with id `id`.
    pub async fn choose(&self, id: &str, value: &str) {
        let select = self.element(&format!("#{id}")).await;
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in #{id}: {e}"));
    }

    /// The current value of the input or select with id `id`.
    pub async fn value_of(&self, id: &str) -> String {
        let element = self.element(&format!("#{id}")).await;
        element.prop("value").await.unwrap().unwrap_or_default()
    }

    /// An attribute of the element matching `css` (waiting for it).
    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.element(css).await.attr(name).await.unwrap()
    }

    /// The text of the element with `data-testid`, waiting for it to appear.
    pub async fn text_of(&self, test_id: &str) -> String {
        let selector = format!("[data-testid=\"{test_id}\"]");
        let element = self.element(&selector).await;
        element.text().await.unwrap()
    }

    /// The id of the focused element, inside the widget's shadow root too
    /// ("" when it has none).
    pub async fn focused_id(&self) -> String {
        let script = "let e = document.activeElement; \
            while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; \
            return e ? e.id : '';";
        let id = self.browser.execute(script, vec![]).await.unwrap();
        id.as_str().unwrap_or_default().to_owned()
    }
}
