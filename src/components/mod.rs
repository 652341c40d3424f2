//! Small building blocks shared by the steps.

mod error_summary;

use leptos::html;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::app::context::use_ctx;
use crate::browser::EventDetail;
use crate::draft::Step;
use crate::i18n::fill;
pub use error_summary::{focus_field, focus_first_issue, summary_title, ErrorSummary, FieldIssue};

/// A step's heading, focused when the step appears (screen readers
/// announce it, keyboard users start there).
#[component]
pub fn StepHeading(
    /// The heading's text.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            focus_once_shown(element.into(), 120);
        }
    });
    view! {
        <h2 class="mobproc-step-heading" tabindex="-1" node_ref=heading data-testid="step-heading">
            {text}
        </h2>
    }
}

/// Focuses `element` at the first frame it is in the document: a step
/// built while a transition still shows the previous content is attached
/// only once its data is in (tried for at most `frames` frames).
fn focus_once_shown(element: web_sys::HtmlElement, frames: u32) {
    request_animation_frame(move || {
        if element.is_connected() {
            let _ = element.focus();
        } else if frames > 0 {
            focus_once_shown(element, frames - 1);
        }
    });
}

/// Progress while something loads, announced politely.
#[component]
pub fn Busy(
    /// What is happening.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <p class="mobproc-busy" role="status" aria-live="polite" data-testid="busy">
            <span class="mobproc-spinner" aria-hidden="true"></span>
            {label}
        </p>
    }
}

/// The sentence that explains an API error to a person.
pub fn error_message(error: &ApiError) -> String {
    let t = use_ctx().t();
    match error {
        ApiError::Network => t.error_network.to_owned(),
        ApiError::Unauthorized => t.error_unauthorized.to_owned(),
        ApiError::Api { body, .. } => body.message.clone(),
        ApiError::Status(status) => fill(t.error_status, &[&status.to_string()]),
        ApiError::Unreadable(_) => t.error_unreadable.to_owned(),
    }
}

/// An API error: its message, `errorCode` and error `id` (for support),
/// with a retry button when retrying is safe.
#[component]
pub fn ErrorPanel(
    /// The error.
    error: ApiError,
    /// What "Try again" does; no button without it.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let message = error_message(&error);
    let body = error.body().cloned();
    ctx.emit(
        "error",
        EventDetail::new()
            .with("message", message.as_str())
            .with("errorCode", body.as_ref().map(|b| b.error_code.clone()))
            .with("id", body.as_ref().map(|b| b.id.clone())),
    );
    view! {
        <div class="mobproc-error" role="alert" data-testid="error">
            <p class="mobproc-error-message" data-testid="error-message">{message}</p>
            {body.map(|body| view! {
                <dl class="mobproc-error-ids">
                    <dt>{t.error_code}</dt>
                    <dd data-testid="error-code">{body.error_code}</dd>
                    <dt>{t.error_id}</dt>
                    <dd data-testid="error-id">{body.id}</dd>
                </dl>
            })}
            <p class="mobproc-error-kept">{t.entries_kept}</p>
            {retry.map(|retry| view! {
                <button type="button" class="mobproc-button" on:click=move |_| retry.run(())>
                    {t.retry}
                </button>
            })}
        </div>
    }
}

/// A step whose code could not be fetched: says so, with a retry that
/// fetches it again; the user stays where they were and keeps every entry.
#[component]
pub fn ChunkErrorPanel() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let failed = ctx.chunks.failed;
    move || {
        failed.get().map(|step| {
            let ctx = ctx.clone();
            view! {
                <div class="mobproc-error" role="alert" data-testid="chunk-error">
                    <p class="mobproc-error-message">{t.chunk_failed}</p>
                    <p class="mobproc-error-kept">{t.entries_kept}</p>
                    <button type="button" class="mobproc-button" on:click=move |_| ctx.go(step)>
                        {t.retry}
                    </button>
                </div>
            }
        })
    }
}

/// Back and Continue at the foot of a step.
#[component]
pub fn StepNav(
    /// The step Back returns to; no Back button without it.
    #[prop(optional_no_strip)]
    back: Option<Step>,
    /// What Continue does.
    on_next: Callback<()>,
    /// Whether Continue may be pressed.
    #[prop(into, optional)]
    next_enabled: Option<Signal<bool>>,
    /// Continue's label, when not "Continue".
    #[prop(into, optional)]
    next_label: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let enabled = next_enabled.unwrap_or_else(|| Signal::derive(|| true));
    let label = next_label.unwrap_or_else(|| t.next.to_owned());
    view! {
        <div class="mobproc-nav">
            {back.map(|step| {
                let ctx = ctx.clone();
                view! {
                    <button type="button" class="mobproc-button mobproc-button-quiet" on:click=move |_| ctx.go(step)>
                        {t.back}
                    </button>
                }
            })}
            <button
                type="button"
                class="mobproc-button mobproc-button-primary"
                data-testid="next"
                disabled=move || !enabled.get()
                on:click=move |_| on_next.run(())
            >
                {label}
            </button>
        </div>
    }
}

/// The "required" mark after a label: a star for the eye, a word for the ear.
#[component]
pub fn RequiredMark() -> impl IntoView {
    let t = use_ctx().t();
    view! {
        <span class="mobproc-required" aria-hidden="true">" *"</span>
        <span class="mobproc-visually-hidden">{format!(" ({})", t.required_mark)}</span>
    }
}

/// A field's error message, hidden while there is none; its id is
/// `<field id>-error`, for `aria-describedby`.
#[component]
pub fn FieldError(
    /// The field's id.
    #[prop(into)]
    field_id: String,
    /// The message, if any.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("{field_id}-error");
    view! {
        <p class="mobproc-field-error" id=id.clone() data-testid=id hidden=move || error.get().is_none()>
            {move || error.get().unwrap_or_default()}
        </p>
    }
}

/// How many characters `value` leaves of `limit`, counted as the
/// browser's `maxlength` counts them (UTF-16 units).
pub fn characters_left(value: &str, limit: u32) -> u32 {
    let used = u32::try_from(value.encode_utf16().count()).unwrap_or(u32::MAX);
    limit.saturating_sub(used)
}

/// A labelled text input (or text area, for long free text, with the
/// characters left) with its error message (linked for screen readers).
#[component]
pub fn TextField(
    /// The input's id (unique in the widget).
    #[prop(into)]
    id: String,
    /// The label.
    #[prop(into)]
    label: String,
    /// The value.
    value: Signal<String>,
    /// Called with each new value.
    on_input: Callback<String>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether a value is required.
    #[prop(optional)]
    required: bool,
    /// A hint shown under the label (a pattern such as `mm/dd/yyyy`).
    #[prop(optional, into)]
    hint: Option<String>,
    /// The most characters.
    #[prop(optional)]
    max_length: Option<u32>,
    /// Read-only (data that came from the asset).
    #[prop(optional, into)]
    readonly: MaybeProp<bool>,
    /// The input's `autocomplete` token.
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// The input's type: `text` (the default) or `date`.
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// A text area across the form's row instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let hint = hint.filter(|h| !h.is_empty());
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // A text area with a limit says how much is left (read with the field).
    let counted = max_length.filter(|_| multiline);
    let count_id = format!("{id}-count");
    let described = {
        let (error_id, hint_id, count_id) = (error_id.clone(), hint_id.clone(), count_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if counted.is_some() {
                ids.push(count_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        if error.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let required_text = if required { "true" } else { "false" };
    view! {
        <div
            class="mobproc-field"
            class:mobproc-field-wide=multiline
            class:mobproc-field-invalid=move || error.get().is_some()
        >
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <RequiredMark/> })}
            </label>
            {hint.map(|hint| view! { <span class="mobproc-hint" id=hint_id.clone()>{hint}</span> })}
            {if multiline {
                view! {
                    <textarea
                        id=id.clone()
                        rows="4"
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev))
                        aria-invalid=invalid
                        aria-required=required_text
                        aria-describedby=described
                        maxlength=max_length.map(|m| m.to_string())
                        readonly=move || readonly.get().unwrap_or(false)
                        autocomplete=autocomplete
                    ></textarea>
                    {counted.map(|limit| {
                        let t = use_ctx().t();
                        let left = move || value.with(|v| characters_left(v, limit));
                        view! {
                            <span class="mobproc-hint mobproc-count-left" id=count_id.clone() data-testid=count_id.clone()>
                                {move || fill(t.characters_left, &[&left().to_string()])}
                            </span>
                        }
                    })}
                }
                .into_any()
            } else {
                view! {
                    <input
                        type=input_type.unwrap_or("text")
                        id=id.clone()
                        prop:value=move || value.get()
                        on:input=move |ev| on_input.run(event_target_value(&ev))
                        aria-invalid=invalid
                        aria-required=required_text
                        aria-describedby=described
                        maxlength=max_length.map(|m| m.to_string())
                        readonly=move || readonly.get().unwrap_or(false)
                        autocomplete=autocomplete
                    />
                }
                .into_any()
            }}
            <FieldError field_id=id.clone() error=error/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_left_count_as_the_browser_does() {
        assert_eq!(characters_left("", 4000), 4000);
        assert_eq!(characters_left("Ring 4412", 4000), 3991);
        assert_eq!(characters_left("é", 10), 9);
        assert_eq!(characters_left("📦", 10), 8, "two UTF-16 units");
        assert_eq!(characters_left("too long", 3), 0);
    }
}
