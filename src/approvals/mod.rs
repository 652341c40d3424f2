//! Orders awaiting the signed-in approver's decision
//! (`GET /orders?eligibleToApproveEmployeeId=`), each approved or rejected
//! with a reason (`POST /orders/{id}/approval`). Shown to approvers on the
//! first screen; its code comes with the side panels' chunk.

use leptos::prelude::*;
use mobproc_types::{
    ApprovalAction, ApprovalRequest, ApprovalResponse, Order, OrdersPage, TransactionType,
};

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::auth::oauth::encode;
use crate::components::{Busy, ErrorPanel};
use crate::flows::FlowId;
use crate::format;
use crate::i18n::{fill, Texts};

/// What a rejection needs: a reason, in words.
pub fn rejection_reason(text: &str) -> Option<String> {
    let reason = text.trim();
    (!reason.is_empty()).then(|| reason.to_owned())
}

/// The name of an order's type, in words.
pub fn order_kind_name(t: &Texts, kind: &TransactionType) -> String {
    FlowId::of(kind)
        .map(|flow| t.flow_names[flow.index()].to_owned())
        .unwrap_or_else(|| kind.as_str().replace('_', " ").to_lowercase())
}

crate::stylesheet! {
    /// The styles of the approvals panel (applied when it is first built).
    pub static STYLE = include_str!("approvals.css");
}

/// The approvals panel, for an approver (`approver_id`: their employee id).
#[component]
pub fn Approvals(approver_id: String) -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let orders = {
        let api = ctx.api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            let path = format!(
                "/orders?eligibleToApproveEmployeeId={}&includeApprovers=true&limit=50",
                encode(&approver_id)
            );
            async move { api.get::<OrdersPage>(&path).await.map(|page| page.orders) }
        })
    };
    view! {
        <section class="mobproc-approvals" aria-labelledby="mobproc-approvals-title" data-testid="approvals">
            <h3 id="mobproc-approvals-title">{t.approvals_title}</h3>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match orders.await {
                        Ok(list) if list.is_empty() => view! { <p data-testid="no-approvals">{t.approvals_none}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="mobproc-approval-list">
                                {list.into_iter().map(|order| view! { <Awaiting order=order done=Callback::new(move |_| orders.refetch())/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => load_error(error, orders),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One order awaiting a decision: what, for whom, and the two answers.
#[component]
fn Awaiting(order: Order, done: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let reason = RwSignal::new(String::new());
    let missing_reason = RwSignal::new(false);
    let failed = RwSignal::new(None);
    let sending = RwSignal::new(false);
    let id = order.order_id.clone();
    let decide = move |action: ApprovalAction| {
        let reason_text = reason.get_untracked();
        if action == ApprovalAction::Reject && rejection_reason(&reason_text).is_none() {
            missing_reason.set(true);
            return;
        }
        let (api, id) = (ctx.api.clone(), id.clone());
        sending.set(true);
        leptos::task::spawn_local(async move {
            let body = ApprovalRequest {
                action,
                reason: rejection_reason(&reason_text),
            };
            let answer = api
                .post::<_, ApprovalResponse>(&format!("/orders/{}/approval", encode(&id)), &body)
                .await;
            sending.set(false);
            match answer {
                Ok(_) => done.run(()),
                Err(error) => failed.set(Some(error)),
            }
        });
    };
    let (approve, reject) = (decide.clone(), decide);
    let reason_id = format!("mobproc-approval-reason-{}", order.order_id);
    let what = fill(
        t.approval_summary,
        &[
            &order_kind_name(t, &order.transaction_type),
            &order.account_holder.full_name(),
            &format::date(&order.date_submitted, locale),
        ],
    );
    view! {
        <li class="mobproc-approval" data-testid="awaiting-approval">
            <p>
                <strong>{format!("{} {}", t.order_number, order.order_id)}</strong>
                " · " {what}
            </p>
            <label for=reason_id.clone()>{t.approval_reason}</label>
            <textarea
                id=reason_id
                rows="2"
                maxlength="500"
                prop:value=move || reason.get()
                on:input=move |ev| {
                    missing_reason.set(false);
                    reason.set(event_target_value(&ev));
                }
            ></textarea>
            <Show when=move || missing_reason.get()>
                <p class="mobproc-field-error" role="alert" data-testid="reason-required">{t.approval_reason_required}</p>
            </Show>
            <div class="mobproc-nav">
                <button type="button" class="mobproc-button mobproc-button-quiet" data-testid="reject"
                    disabled=move || sending.get() on:click=move |_| reject(ApprovalAction::Reject)>{t.reject}</button>
                <button type="button" class="mobproc-button mobproc-button-primary" data-testid="approve"
                    disabled=move || sending.get() on:click=move |_| approve(ApprovalAction::Approve)>{t.approve}</button>
            </div>
            {move || failed.get().map(|error| view! { <ErrorPanel error=error/> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_rejection_needs_words() {
        assert_eq!(rejection_reason("  "), None);
        assert_eq!(
            rejection_reason(" Over budget "),
            Some("Over budget".into())
        );
    }

    #[test]
    fn orders_are_named_by_their_flow() {
        let t = Locale::En.texts();
        assert_eq!(
            order_kind_name(t, &TransactionType::Suspend),
            "Suspend the line"
        );
        assert_eq!(
            order_kind_name(t, &TransactionType::Unknown("SWAP_SIM_CARDS".into())),
            "swap sim cards"
        );
    }
}
