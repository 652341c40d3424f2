//! Step 7: the order confirmed by the API (`POST /orders?confirm=true`):
//! everything it expands and the cost summary in the region's currency.
//! Submit sends exactly what was confirmed, once: the button is disabled in
//! flight, the draft's `externalOrderNumber` makes a repeat harmless, and
//! when the answer is lost the order is looked up before any retry.

use leptos::prelude::*;
use mobproc_types::{
    ConfirmationResponse, ErrorDetail, OrderConfirmation, OrderRequestBody, OrderResponse,
    OrdersPage, PropertyGroup, Recurrence,
};

use crate::api::ApiError;
use crate::app::context::use_ctx;
use crate::app::order_data::{use_order_data, ConfirmedOrder};
use crate::components::{Busy, ErrorPanel, StepHeading};
use crate::contact;
use crate::draft::{build_request, request_key, Step};
use crate::flows::Consequence;
use crate::format;
use crate::i18n::fill;
use crate::steps::previous_step;

mod swap;

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
                    let summary: Vec<_> = confirmation
                        .cost_summary
                        .iter()
                        .flatten()
                        .map(|c| serde_json::json!({"amount": c.amount.as_decimal(), "currency": c.currency_code, "recurrence": c.recurrence.as_str()}))
                        .collect();
                    ctx.emit("confirmed", serde_json::json!({ "costSummary": summary }));
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
                        ctx.emit("submitted", serde_json::json!({ "orderId": order_id, "externalOrderNumber": number }));
                        submit_state.set(Submit::Idle);
                        ctx.go(Step::Status);
                    }
                    Err(error) => {
                        ctx.emit(
                            "error",
                            serde_json::json!({ "step": "review", "message": error.to_string() }),
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
                    let groups = groups.get_untracked().unwrap_or_default();
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

/// The label of a property (and of its chosen choice) from the form's definitions.
fn property_label(
    groups: &[PropertyGroup],
    group_id: &str,
    field_id: &str,
    choice: Option<&str>,
) -> (String, Option<String>) {
    let field = groups
        .iter()
        .filter(|g| g.group_id == group_id)
        .flat_map(|g| &g.fields)
        .find(|f| f.id == field_id);
    let label = field
        .map(|f| f.label.clone())
        .unwrap_or_else(|| field_id.to_owned());
    let choice_label = choice.and_then(|id| {
        field?
            .choices
            .as_ref()?
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
    });
    (label, choice_label)
}

/// Everything the confirmation expands, and the cost summary.
#[component]
fn Confirmation(confirmation: OrderConfirmation, groups: Vec<PropertyGroup>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let money = move |amount: &mobproc_types::Amount| format::money(amount, locale);
    let cart = confirmation.shopping_cart.clone().unwrap_or_default();
    let current = confirmation.device.as_ref().map(|d| {
        format!(
            "{} {}",
            d.manufacturer
                .as_ref()
                .and_then(|m| m.name.clone())
                .unwrap_or_default(),
            d.model.clone().unwrap_or_default()
        )
    });
    let properties: Vec<(String, String)> = confirmation
        .properties
        .iter()
        .flat_map(|group| {
            group.fields.iter().map(|field| {
                let (label, choice_label) = property_label(
                    &groups,
                    &group.group_id,
                    &field.id,
                    field.choice.as_ref().map(|c| c.id.as_str()),
                );
                let value = match &field.choice {
                    Some(choice) => {
                        let name = choice_label.unwrap_or_else(|| choice.id.clone());
                        match &choice.other_text {
                            Some(other) => format!("{name}: {other}"),
                            None => name,
                        }
                    }
                    None => {
                        let text = field
                            .text
                            .clone()
                            .or_else(|| field.date.as_deref().map(|d| format::date(d, locale)))
                            .unwrap_or_default();
                        if contact::is_phone_field(&field.id, &label) {
                            contact::phone_number(&text)
                        } else {
                            text
                        }
                    }
                };
                (field.label.clone().unwrap_or(label), value)
            })
        })
        .collect();
    let costs: Vec<(String, String, &'static str)> = confirmation
        .cost_summary
        .iter()
        .flatten()
        .map(|cost| {
            let (name, id) = match cost.recurrence {
                Recurrence::OneTime => (t.one_time.to_owned(), "cost-onetime"),
                Recurrence::Monthly => (t.monthly.to_owned(), "cost-monthly"),
                Recurrence::Unknown(ref other) => (other.clone(), "cost-other"),
            };
            (name, money(cost), id)
        })
        .collect();
    view! {
        <div class="mobproc-confirmation" data-testid="confirmation">
            <dl class="mobproc-summary">
                <dt>{t.account_holder}</dt>
                <dd data-testid="review-account-holder">{confirmation.account_holder.full_name()}</dd>
                {confirmation.service.as_ref().map(|s| view! {
                    <dt>{t.line}</dt>
                    <dd data-testid="review-line">{contact::phone_number(&s.service_number)}</dd>
                })}
                {current.filter(|_| confirmation.new_device.is_none()).map(|current| view! { <dt>{t.current_device}</dt><dd>{current}</dd> })}
                {confirmation.current_vendor.as_ref().and_then(|v| v.name.clone()).map(|name| view! {
                    <dt>{t.current_carrier}</dt>
                    <dd data-testid="review-current-carrier">{name}</dd>
                })}
                {confirmation.postal_code.clone().map(|code| {
                    let country = confirmation.region.as_ref().and_then(|r| r.name.clone());
                    view! {
                        <dt>{t.used_in}</dt>
                        <dd data-testid="review-used-in">{country.map(|c| format!("{c}, {code}")).unwrap_or(code)}</dd>
                    }
                })}
            </dl>
            {confirmation.existing_device.clone().zip(confirmation.new_device.clone()).map(|(existing, new)| view! {
                <swap::DeviceChange existing=existing new=new/>
            })}
            {cart.device.map(|device| view! {
                <div class="mobproc-review-item" data-testid="review-device">
                    <h3>{t.new_device}</h3>
                    {format::safe_image_url(device.image_url.as_deref()).map(|src| view! { <img src=src alt="" width="60" height="80"/> })}
                    <p>{device.name.clone()} " — " {device.price.as_ref().map(money).unwrap_or_default()}</p>
                    <ul>
                        {cart.device_feature_choices.clone().unwrap_or_default().into_iter().map(|choice| view! {
                            <li>{format!("{}: {}", choice.label, choice.choice_label)} {choice.price.as_ref().filter(|p| p.amount.cents > 0).map(|p| format!(" (+{})", money(p)))}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {cart.plan.map(|plan| view! {
                <div class="mobproc-review-item" data-testid="review-plan">
                    <h3>{t.new_plan}</h3>
                    <p>{plan.name.clone()} " — " {plan.price.as_ref().map(|p| format!("{}{}", money(p), t.per_month)).unwrap_or_default()}</p>
                    <p class="mobproc-hint">{t.included_features} ": " {plan.included_features.clone().unwrap_or_default().into_iter().map(|f| f.description).collect::<Vec<_>>().join(", ")}</p>
                    <ul>
                        {plan.optional_features.clone().unwrap_or_default().into_iter().map(|f| view! {
                            <li>{f.description.clone()} {f.price.as_ref().map(|p| format!(" ({}{})", money(p), t.per_month))}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {confirmation.ship_to.clone().map(|ship_to| view! {
                <div class="mobproc-review-item" data-testid="review-ship-to">
                    <h3>{t.ship_to}</h3>
                    <address>
                        {ship_to.name.clone()}<br/>
                        <span data-testid="review-address">{contact::ship_to_line(&ship_to)}</span>
                    </address>
                    {ship_to.expedite.then(|| view! { <p>{t.expedited}</p> })}
                </div>
            })}
            {(!properties.is_empty()).then(|| view! {
                <div class="mobproc-review-item" data-testid="review-properties">
                    <h3>{t.order_details}</h3>
                    <dl class="mobproc-summary">
                        {properties.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                    </dl>
                </div>
            })}
            <div class="mobproc-costs" data-testid="cost-summary">
                <h3>{t.cost_summary}</h3>
                {if costs.is_empty() {
                    view! { <p data-testid="no-charge">{t.no_charge}</p> }.into_any()
                } else {
                    view! {
                        <dl>
                            {costs.into_iter().map(|(name, amount, id)| view! { <dt>{name}</dt><dd data-testid=id>{amount}</dd> }).collect_view()}
                        </dl>
                    }.into_any()
                }}
            </div>
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
