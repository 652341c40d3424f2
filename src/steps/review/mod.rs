//! Step 7: the order confirmed by the API (`POST /orders?confirm=true`):
//! everything it expands and the cost summary in the region's currency.
//! Submit sends exactly what was confirmed, once: the button is disabled in
//! flight, the draft's `externalOrderNumber` makes a repeat harmless, and
//! when the answer is lost the order is looked up before any retry.

use leptos::prelude::*;
use mobproc_types::{
    ConfirmationResponse, ErrorDetail, OrderRequestBody, OrderResponse, OrdersPage,
};

use crate::api::ApiError;
use crate::app::context::use_ctx;
use crate::app::order_data::{use_order_data, ConfirmedOrder};
use crate::browser::EventDetail;
use crate::components::{Busy, ErrorPanel, StepHeading};
use crate::contact;
use crate::draft::{build_request, request_key, Step};
use crate::flows::Consequence;
use crate::i18n::fill;
use crate::steps::previous_step;

mod confirmation;
mod swap;

use confirmation::Confirmation;

/// The step that fixes a problem the API found, from the field it names.
pub fn step_for_field(field: Option<&str>) -> Step {
    let field = field.unwrap_or("").trim_start_matches("orderRequest.");
    match field.split('.').next().unwrap_or("") {
        "serviceId" | "transactionType" => Step::Line,
        "existingDevice" => Step::CurrentDevice,
        "newDevice" => Step::NewDevice,
        "shoppingCart" if field.contains("planId") || field.contains("optionalFeatureIds") => {
            Step::Plan
        }
        "shoppingCart" if field.contains("accessoryIds") => Step::Accessories,
        "shoppingCart" if field.contains("features") || field.contains("featureRequest") => {
            Step::Features
        }
        "acknowledgements" => Step::Acknowledgements,
        "regionId" | "postalCode" => Step::Region,
        "currentVendorId" => Step::Carrier,
        "shoppingCart" => Step::Device,
        "properties" => Step::Details,
        "shipTo" => Step::Shipping,
        _ => Step::Review,
    }
}

/// Where a submit stands.
#[derive(Debug, Clone, PartialEq)]
enum Submit {
    Idle,
    Sending,
    /// The answer was lost: looking the order up by its external number.
    Checking,
    Failed(ApiError),
}

crate::stylesheet! {
    /// The styles of the review step (applied when it is first built).
    pub static STYLE = include_str!("review.css");
}

/// Step 7.
#[component]
pub fn ReviewStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
    let draft = ctx.draft;
    let source = ctx.source;
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Review));
    let groups = Memo::new(move |_| order.properties.get().and_then(Result::ok));
    let request = Memo::new(move |_| {
        let groups = groups.get()?;
        let source = source
            .get()
            .unwrap_or(crate::draft::SourceSystem::PremiumMobile);
        Some(draft.with(|d| build_request(d, source, &groups)))
    });
    let api = ctx.api.clone();
    let confirmation = LocalResource::new(move || {
        let api = api.clone();
        let request = request.get();
        async move {
            let Some(request) = request else {
                return Ok(None);
            };
            let key = request_key(&request);
            let answer = api
                .post::<_, ConfirmationResponse>(
                    "/orders?confirm=true",
                    &OrderRequestBody {
                        order_request: request,
                    },
                )
                .await?;
            Ok::<_, ApiError>(Some((key, answer.order_confirmation)))
        }
    });
    // What was confirmed is what may be submitted.
    {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            if let Some(Ok(Some((key, confirmation)))) = confirmation.get() {
                // For the order summary: the totals, and what they are for.
                order.learnt.confirmed.set(Some(ConfirmedOrder {
                    draft: draft.get_untracked(),
                    costs: confirmation.cost_summary.clone().unwrap_or_default(),
                    cart: confirmation.shopping_cart.clone(),
                }));
                if draft.with_untracked(|d| d.confirmed_request.as_deref() != Some(key.as_str())) {
                    draft.update(|d| d.confirmed_request = Some(key));
                    let summary: js_sys::Array = confirmation
                        .cost_summary
                        .iter()
                        .flatten()
                        .map(|c| {
                            wasm_bindgen::JsValue::from(
                                EventDetail::new()
                                    .with("amount", c.amount.as_decimal())
                                    .with("currency", c.currency_code.as_str())
                                    .with("recurrence", c.recurrence.as_str()),
                            )
                        })
                        .collect();
                    ctx.emit("confirmed", EventDetail::new().with("costSummary", summary));
                }
            }
        });
    }
    let submit_state = RwSignal::new(Submit::Idle);
    let can_submit = Signal::derive(move || {
        submit_state.get() == Submit::Idle || matches!(submit_state.get(), Submit::Failed(_))
    });
    // Orders that pause or end the line say so in plain words and wait
    // for the user to say they understand.
    let consequence = draft.with_untracked(|d| d.flow.flow().consequence);
    // Which order this is, in words (the steps alone don't say).
    let order_kind = draft.with_untracked(|d| t.flow_names[d.flow.index()]);
    let understood = RwSignal::new(consequence.is_none());
    let confirmed_now = Signal::derive(move || {
        request
            .get()
            .is_some_and(|r| draft.with(|d| d.is_confirmed(&r)))
            && matches!(confirmation.get(), Some(Ok(Some(_))))
            && understood.get()
    });
    let line_number = Signal::derive(move || match confirmation.get() {
        Some(Ok(Some((_, c)))) => c.service.map(|s| contact::phone_number(&s.service_number)),
        _ => None,
    });
    let submit = {
        let ctx = ctx.clone();
        move |_| {
            if !can_submit.get_untracked() || !confirmed_now.get_untracked() {
                return;
            }
            let Some(request) = request.get_untracked() else {
                return;
            };
            submit_state.set(Submit::Sending);
            let ctx = ctx.clone();
            leptos::task::spawn_local(async move {
                let number = request.external_order_number.clone().unwrap_or_default();
                let sent = ctx
                    .api
                    .post::<_, OrderResponse>(
                        "/orders",
                        &OrderRequestBody {
                            order_request: request,
                        },
                    )
                    .await;
                let outcome = match sent {
                    Ok(answer) => Ok(answer.order.order_id),
                    // The order may have been stored: look before offering a retry.
                    Err(error) if error.is_transient() => {
                        submit_state.set(Submit::Checking);
                        let path = format!(
                            "/orders?externalOrderNumber={}",
                            crate::auth::oauth::encode(&number)
                        );
                        match ctx.api.get::<OrdersPage>(&path).await {
                            Ok(page) => page
                                .orders
                                .into_iter()
                                .next()
                                .map(|o| o.order_id)
                                .ok_or(error),
                            Err(_) => Err(error),
                        }
                    }
                    Err(error) => Err(error),
                };
                match outcome {
                    Ok(order_id) => {
                        ctx.draft.update(|d| d.order_id = Some(order_id.clone()));
                        ctx.emit(
                            "submitted",
                            EventDetail::new()
                                .with("orderId", order_id.as_str())
                                .with("externalOrderNumber", number.as_str()),
                        );
                        submit_state.set(Submit::Idle);
                        ctx.go(Step::Status);
                    }
                    Err(error) => {
                        ctx.emit(
                            "error",
                            EventDetail::new()
                                .with("step", "review")
                                .with("message", error.to_string()),
                        );
                        submit_state.set(Submit::Failed(error));
                    }
                }
            });
        }
    };
    view! {
        <section class="mobproc-review">
            <StepHeading text=t.step_names[6]/>
            <p class="mobproc-review-kind" data-testid="review-order-kind">{order_kind}</p>
            <p>{t.review_intro}</p>
            <Transition fallback=move || view! { <Busy label=t.confirming/> }>
                {move || Suspend::new(async move {
                    // (A future may first run after the step is gone.)
                    let groups = groups.try_get_untracked().flatten().unwrap_or_default();
                    match confirmation.await {
                        Ok(Some((_, confirmation))) => view! { <Confirmation confirmation=confirmation groups=groups/> }.into_any(),
                        Ok(None) => view! { <Busy label=t.confirming/> }.into_any(),
                        Err(ApiError::Api { status: 400, body }) => {
                            view! { <Refused details=body.errors.clone() message=body.message.clone() code=body.error_code.clone() id=body.id.clone()/> }.into_any()
                        }
                        Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| confirmation.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
            {consequence.map(|consequence| view! {
                <ConsequenceNotice consequence=consequence number=line_number understood=understood/>
            })}
            {move || match submit_state.get() {
                Submit::Sending => view! { <Busy label=t.submitting/> }.into_any(),
                Submit::Checking => view! { <Busy label=t.checking_order/> }.into_any(),
                Submit::Failed(error) => view! { <ErrorPanel error=error/> }.into_any(),
                Submit::Idle => ().into_any(),
            }}
            <div class="mobproc-nav">
                {back.map(|step| {
                    let ctx = ctx.clone();
                    view! {
                        <button type="button" class="mobproc-button mobproc-button-quiet" on:click=move |_| ctx.go(step)>{t.back}</button>
                    }
                })}
                <button
                    type="button"
                    class="mobproc-button mobproc-button-primary"
                    data-testid="submit"
                    disabled=move || !(can_submit.get() && confirmed_now.get())
                    aria-busy=move || if can_submit.get() { "false" } else { "true" }
                    on:click=submit
                >
                    {move || if matches!(submit_state.get(), Submit::Failed(_)) { t.retry } else { t.submit }}
                </button>
            </div>
        </section>
    }
}

/// What the order will do to the number, and the box that says the user
/// understood.
#[component]
fn ConsequenceNotice(
    consequence: Consequence,
    number: Signal<Option<String>>,
    understood: RwSignal<bool>,
) -> impl IntoView {
    let t = use_ctx().t();
    let text = match consequence {
        Consequence::Pauses => t.consequence_pauses,
        Consequence::Ends => t.consequence_ends,
        Consequence::LeavesCompany => t.consequence_leaves,
    };
    view! {
        <Show when=move || number.get().is_some()>
            <div class="mobproc-notice mobproc-notice-warning" role="note" data-testid="consequence">
                <p>{move || fill(text, &[&number.get().unwrap_or_default()])}</p>
                <div class="mobproc-choice">
                    <input
                        type="checkbox"
                        id="mobproc-understood"
                        prop:checked=move || understood.get()
                        on:change=move |ev| understood.set(event_target_checked(&ev))
                    />
                    <label for="mobproc-understood">{move || fill(t.consequence_confirm, &[&number.get().unwrap_or_default()])}</label>
                </div>
            </div>
        </Show>
    }
}

/// The API's "no", each problem with a way to the step that fixes it.
#[component]
fn Refused(details: Vec<ErrorDetail>, message: String, code: String, id: String) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let details = if details.is_empty() {
        vec![ErrorDetail {
            error_code: code.clone(),
            message,
            field: None,
        }]
    } else {
        details
    };
    view! {
        <div class="mobproc-error" role="alert" data-testid="order-refused">
            <p>{t.order_refused}</p>
            <ul>
                {details
                    .into_iter()
                    .map(|detail| {
                        let step = step_for_field(detail.field.as_deref());
                        let ctx = ctx.clone();
                        view! {
                            <li data-testid="order-problem">
                                {detail.message}
                                " "
                                <span class="mobproc-error-code">{format!("({})", detail.error_code)}</span>
                                {(step != Step::Review).then(|| view! {
                                    " "
                                    <button type="button" class="mobproc-link" on:click=move |_| ctx.go(step)>{t.go_fix}</button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <dl class="mobproc-error-ids">
                <dt>{t.error_code}</dt>
                <dd data-testid="error-code">{code}</dd>
                <dt>{t.error_id}</dt>
                <dd data-testid="error-id">{id}</dd>
            </dl>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_lead_back_to_the_step_that_fixes_them() {
        assert_eq!(
            step_for_field(Some("orderRequest.shipTo.address.POSTAL_CODE")),
            Step::Shipping
        );
        assert_eq!(
            step_for_field(Some("orderRequest.properties.MISCELLANEOUS.Reason")),
            Step::Details
        );
        assert_eq!(
            step_for_field(Some("orderRequest.shoppingCart.deviceId")),
            Step::Device
        );
        assert_eq!(
            step_for_field(Some("orderRequest.shoppingCart.optionalFeatureIds")),
            Step::Plan
        );
        assert_eq!(
            step_for_field(Some("orderRequest.existingDevice.simId")),
            Step::CurrentDevice
        );
        assert_eq!(
            step_for_field(Some("orderRequest.newDevice.serialNumber.value")),
            Step::NewDevice
        );
        assert_eq!(step_for_field(Some("orderRequest.serviceId")), Step::Line);
        assert_eq!(
            step_for_field(Some("orderRequest.currentVendorId")),
            Step::Carrier
        );
        assert_eq!(step_for_field(None), Step::Review);
    }
}
