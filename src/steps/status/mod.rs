//! Steps 8 and 9: the submitted order (number, status, segments), its
//! history and shipments, refreshable, and the user's recent orders to come
//! back to.

use leptos::prelude::*;
use mobproc_types::{
    HistoryResponse, Order, OrderResponse, OrderStatus, OrdersPage, ShipmentsResponse,
};

use crate::api::Api;
use crate::app::context::use_ctx;
use crate::components::{Busy, ErrorPanel, StepHeading};
use crate::contact;
use crate::draft::{external_order_number, Draft};
use crate::format;

/// An order with its history and shipments, fetched together.
type Tracked = (Order, HistoryResponse, ShipmentsResponse);

async fn track(api: Api, order_id: String) -> Result<Tracked, crate::api::ApiError> {
    let id = crate::auth::oauth::encode(&order_id);
    let (order, history, shipments) = futures_util::future::join3(
        api.get::<OrderResponse>(&format!("/orders/{id}")),
        api.get::<HistoryResponse>(&format!("/orders/{id}/history")),
        api.get::<ShipmentsResponse>(&format!("/orders/{id}/shipments")),
    )
    .await;
    let mut order = order?.order;
    if order.status == OrderStatus::AwaitingApproval {
        add_approver(&api, &mut order).await?;
    }
    Ok((order, history?, shipments?))
}

/// Who is to approve an order awaiting approval, and at which level: only
/// the listing tells (`includeApprovers=true`), found by the order's own
/// external number.
async fn add_approver(api: &Api, order: &mut Order) -> Result<(), crate::api::ApiError> {
    let Some(reference) = order.external_order_number.as_deref() else {
        return Ok(());
    };
    let path = format!(
        "/orders?externalOrderNumber={}&includeApprovers=true&limit=10",
        crate::auth::oauth::encode(reference)
    );
    let listed = api.get::<OrdersPage>(&path).await?;
    if let Some(same) = listed
        .orders
        .into_iter()
        .find(|o| o.order_id == order.order_id)
    {
        order.approver = same.approver;
        order.pending_approval_level = same.pending_approval_level;
    }
    Ok(())
}

crate::stylesheet! {
    /// The styles of the status step (applied when it is first built).
    pub static STYLE = include_str!("status.css");
}

/// Steps 8 and 9.
#[component]
pub fn StatusStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let viewing = RwSignal::new(draft.with_untracked(|d| d.order_id.clone()));
    let just_placed = draft.with_untracked(|d| d.order_id.clone());
    let api = ctx.api.clone();
    let tracked = LocalResource::new(move || {
        let api = api.clone();
        let id = viewing.get();
        async move {
            match id {
                Some(id) => track(api, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let api = ctx.api.clone();
    let acting_for = ctx.acting_for;
    let recent = LocalResource::new(move || {
        let api = api.clone();
        let employee = acting_for
            .get()
            .map(|id| format!("&employee={}", crate::auth::oauth::encode(&id)))
            .unwrap_or_default();
        async move {
            api.get::<OrdersPage>(&format!("/orders?limit=10{employee}"))
                .await
        }
    });
    let start_over = {
        let ctx = ctx.clone();
        move |_| {
            let mut fresh = Draft::new(external_order_number(&crate::browser::random_bytes(5)));
            fresh.on_behalf_of = ctx.acting_for.get_untracked();
            fresh.ship_to = ctx.draft.with_untracked(|d| d.ship_to.clone());
            ctx.draft.set(fresh);
            ctx.go(crate::draft::Step::Line);
        }
    };
    view! {
        <section class="mobproc-status">
            <StepHeading text=t.step_names[7]/>
            {move || (viewing.get() == just_placed && just_placed.is_some()).then(|| view! {
                <p class="mobproc-notice mobproc-notice-success" role="status" data-testid="order-placed">{t.order_placed}</p>
            })}
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match tracked.await {
                        Ok(Some(tracked)) => view! { <OrderView tracked=tracked/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| tracked.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
            <div class="mobproc-nav">
                <button type="button" class="mobproc-button" data-testid="refresh" on:click=move |_| { tracked.refetch(); recent.refetch(); }>
                    {t.refresh}
                </button>
                <button type="button" class="mobproc-button mobproc-button-primary" data-testid="new-order" on:click=start_over>
                    {t.new_order}
                </button>
            </div>
            <h3>{t.recent_orders}</h3>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match recent.await {
                        Ok(page) if page.orders.is_empty() => view! { <p>{t.no_orders}</p> }.into_any(),
                        Ok(page) => view! { <RecentOrders orders=page.orders viewing=viewing/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| recent.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One order: number, status, segments, history, shipments.
#[component]
fn OrderView(tracked: Tracked) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let (order, history, shipments) = tracked;
    view! {
        <div class="mobproc-order" data-testid="order">
            <dl class="mobproc-summary">
                <dt>{t.order_number}</dt>
                <dd data-testid="order-number">{order.order_id.clone()}</dd>
                {order.external_order_number.clone().map(|n| view! { <dt>{t.your_reference}</dt><dd data-testid="order-reference">{n}</dd> })}
                <dt>{t.status}</dt>
                <dd data-testid="order-status" data-status=order.status.as_str().to_owned()>{t.status_name(order.status.as_str())}</dd>
                // Placed for someone else: said, with who placed it.
                {(order.account_holder.id != order.requested_by.id).then(|| view! {
                    <dt>{t.ordered_for}</dt>
                    <dd data-testid="order-for">{order.account_holder.full_name()}</dd>
                    <dt>{t.ordered_by}</dt>
                    <dd data-testid="order-by">{order.requested_by.full_name()}</dd>
                })}
                {order.approver.as_ref().map(|approver| view! {
                    <dt>{t.approver}</dt>
                    <dd data-testid="order-approver">{approver.full_name()}</dd>
                })}
                <dt>{t.submitted_on}</dt>
                <dd>{format::date(&order.date_submitted, locale)}</dd>
                {order.service_number.as_deref().map(|number| view! {
                    <dt>{t.line}</dt>
                    <dd data-testid="order-line">{contact::phone_number(number)}</dd>
                })}
                {order.ship_to.as_ref().map(|ship_to| view! {
                    <dt>{t.ship_to}</dt>
                    <dd data-testid="order-ship-to">{format!("{} — {}", ship_to.name.as_deref().unwrap_or_default(), contact::ship_to_line(ship_to))}</dd>
                })}
            </dl>
            <h3>{t.segments}</h3>
            <ul class="mobproc-segments">
                {order.segments().iter().map(|segment| {
                    let what: Vec<String> = segment.device.iter().map(|d| d.name.clone()).chain(segment.plan.iter().filter_map(|p| p.name.clone())).collect();
                    view! {
                        <li data-testid="segment">
                            <strong>{segment.vendor.as_ref().and_then(|v| v.name.clone()).unwrap_or_default()}</strong>
                            {format!(" — {} — ", what.join(", "))}
                            <span data-testid="segment-status">{t.status_name(segment.status.as_str())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3>{t.history}</h3>
            <ol class="mobproc-history" data-testid="history">
                {history.history.items.into_iter().map(|entry| view! {
                    <li>
                        <time>{format::date(&entry.date, locale)}</time>
                        " "
                        <strong>{t.status_name(entry.status.as_str())}</strong>
                        {entry.comment.map(|c| format!(" — {c}"))}
                    </li>
                }).collect_view()}
            </ol>
            <h3>{t.shipments}</h3>
            {if shipments.shipments.items.is_empty() {
                view! { <p data-testid="no-shipments">{t.no_shipments}</p> }.into_any()
            } else {
                view! {
                    <ul class="mobproc-shipments" data-testid="shipments">
                        {shipments.shipments.items.into_iter().map(|shipment| view! {
                            <li>
                                {format!("{} — {}: ", shipment.carrier, t.tracking)}
                                <span data-testid="tracking-number">{shipment.tracking_number}</span>
                                {format!(" ({})", shipment.items.join(", "))}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

/// One recent order in words: what it is, for which line (and whom, when
/// ordered for someone else), when, where it stands, and its number.
fn recent_order_text(t: &'static crate::i18n::Texts, order: &Order, locale: &str) -> String {
    let kind = crate::approvals::order_kind_name(t, &order.transaction_type);
    let line = order
        .service_number
        .as_deref()
        .map(|n| format!(" · {}", contact::phone_number(n)))
        .unwrap_or_default();
    let for_whom = if order.account_holder.id != order.requested_by.id {
        format!(" · {}", order.account_holder.full_name())
    } else {
        String::new()
    };
    format!(
        "{kind}{line}{for_whom} · {} · {} · {}",
        format::date(&order.date_submitted, locale),
        t.status_name(order.status.as_str()),
        order.order_id
    )
}

/// The user's recent orders, each one a button to show it.
#[component]
fn RecentOrders(orders: Vec<Order>, viewing: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    view! {
        <ul class="mobproc-recent" data-testid="recent-orders">
            {orders.into_iter().map(|order| {
                let id = order.order_id.clone();
                view! {
                    <li>
                        <span data-testid="recent-order">{recent_order_text(t, &order, locale)}</span>
                        " "
                        <button type="button" class="mobproc-link" on:click=move |_| viewing.set(Some(id.clone()))>
                            {t.view_order}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn order() -> Order {
        let text = include_str!(
            "../../../crates/mobproc-types/tests/fixtures/suspend.order-submitted.json"
        );
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        serde_json::from_value(value.get("order").cloned().unwrap_or(value)).unwrap()
    }

    #[test]
    fn a_recent_order_says_what_it_is_for_which_line_and_for_whom() {
        let t = Locale::En.texts();
        let mut order = order();
        let own = recent_order_text(t, &order, "en-US");
        assert!(
            own.starts_with("Suspend the line · (203) 555-7676 · "),
            "{own}"
        );
        assert!(own.ends_with(" · 8711720"), "{own}");
        assert!(
            !own.contains("Peter"),
            "one's own order names no one: {own}"
        );
        order.requested_by.id = "28673700".into();
        let for_someone = recent_order_text(t, &order, "en-US");
        assert!(
            for_someone.contains(&format!(" · {} · ", order.account_holder.full_name())),
            "{for_someone}"
        );
    }
}
