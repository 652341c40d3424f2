//! What is wrong after a failed Continue: a box titled "2 problems to fix"
//! with one link per wrong field, each moving focus to its field; and the
//! first wrong field focused as soon as Continue fails.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::context::use_ctx;
use crate::i18n::{fill, Texts};

/// One wrong field, as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The id of the field's control: what its link focuses.
    pub field_id: String,
    /// The field's label.
    pub label: String,
    /// What is wrong, in words.
    pub problem: String,
}

/// The summary's title: "1 problem to fix", "3 problems to fix".
pub fn summary_title(t: &Texts, count: usize) -> String {
    if count == 1 {
        t.error_summary_one.to_owned()
    } else {
        fill(t.error_summary_many, &[&count.to_string()])
    }
}

/// The element with id `field_id` in the document or shadow root that
/// holds `near` (the widget may live in a shadow root, where the page's
/// `getElementById` can't see).
fn field_near(near: &web_sys::Node, field_id: &str) -> Option<web_sys::HtmlElement> {
    let root = near.get_root_node();
    let element = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        shadow.get_element_by_id(field_id)
    } else {
        root.dyn_ref::<web_sys::Document>()?
            .get_element_by_id(field_id)
    };
    element?.dyn_into().ok()
}

/// Focuses the field with id `field_id` (in the root that holds `near`).
pub fn focus_field(near: &web_sys::Node, field_id: &str) {
    if let Some(field) = field_near(near, field_id) {
        let _ = field.focus();
    }
}

/// After a failed Continue: focuses the first wrong field once the step
/// has drawn its errors (the next frame), so its error is announced with it.
pub fn focus_first_issue<E>(within: NodeRef<E>, issues: &[FieldIssue])
where
    E: html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let Some(first) = issues.first().map(|issue| issue.field_id.clone()) else {
        return;
    };
    let Some(element) = within.get_untracked() else {
        return;
    };
    let node: web_sys::Node = element.unchecked_into();
    request_animation_frame(move || focus_field(&node, &first));
}

/// The summary of a step's wrong fields, shown while there are any: a box
/// whose links focus each field. It is announced once, when it appears (a
/// failed Continue); fixing fields updates it without announcing it again.
#[component]
pub fn ErrorSummary(
    /// The wrong fields, in the order of the form (empty: no summary).
    #[prop(into)]
    issues: Signal<Vec<FieldIssue>>,
) -> impl IntoView {
    let t = use_ctx().t();
    let title_id = "mobproc-error-summary-title";
    view! {
        <Show when=move || issues.with(|all| !all.is_empty())>
            <div
                class="mobproc-error-summary"
                role="region"
                aria-labelledby=title_id
                data-testid="error-summary"
            >
                // What is announced: the count when the summary appeared.
                <p class="mobproc-visually-hidden" role="alert" data-testid="error-summary-announcement">
                    {summary_title(t, issues.with_untracked(Vec::len))}
                </p>
                <h3 class="mobproc-error-summary-title" id=title_id>
                    {move || summary_title(t, issues.with(Vec::len))}
                </h3>
                <ul class="mobproc-error-summary-list">
                    {move || issues.get().into_iter().map(|issue| view! { <IssueLink issue=issue/> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// One line of the summary: a link to its field.
#[component]
fn IssueLink(issue: FieldIssue) -> impl IntoView {
    let target = issue.field_id.clone();
    let on_click = move |ev: web_sys::MouseEvent| {
        // No jump through the page's address: the widget's host owns it.
        ev.prevent_default();
        if let Some(link) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        {
            focus_field(&link, &target);
        }
    };
    view! {
        <li>
            <a
                class="mobproc-error-summary-link"
                href=format!("#{}", issue.field_id)
                data-testid=format!("error-summary-{}", issue.field_id)
                on:click=on_click
            >
                <span class="mobproc-error-summary-label">{issue.label}": "</span>
                <span class="mobproc-error-summary-problem">{issue.problem}</span>
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_title_counts_the_problems_in_each_language() {
        let (en, fr) = (Locale::En.texts(), Locale::FrCa.texts());
        assert_eq!(summary_title(en, 1), "1 problem to fix");
        assert_eq!(summary_title(en, 3), "3 problems to fix");
        assert_eq!(summary_title(fr, 1), "1 problème à corriger");
        assert_eq!(summary_title(fr, 2), "2 problèmes à corriger");
    }
}
