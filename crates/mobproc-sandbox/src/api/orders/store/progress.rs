//! An order's progress: its statuses brought up to date when it is read
//! (history and shipments written, the outcome settled once on COMPLETE),
//! and an approver's decision recorded.

use mobproc_types::date::format_timestamp;
use mobproc_types::{Order, OrderRequest, OrderStatus};
use rusqlite::{Connection, OptionalExtension};

use super::insert_history;
use crate::api::orders::approvers::with_decision_reason;
use crate::api::orders::lifecycle::{status_at, timeline, updated_at, Decision, Event};
use crate::api::orders::outcome;
use crate::error::ApiResult;

/// The facts that drive an order's life.
struct OrderRow {
    body: String,
    submitted_at: i64,
    needs_approval: bool,
    decision: Option<Decision>,
    decision_reason: Option<String>,
    ships: bool,
    /// The request as sent (what COMPLETE applies to the assets).
    request: Option<String>,
}

fn order_row(connection: &Connection, tenant: &str, order_id: &str) -> ApiResult<Option<OrderRow>> {
    Ok(connection
        .query_row(
            "SELECT body, submitted_at, needs_approval, decision, decided_at, decision_reason, ships,
                    request FROM orders WHERE tenant = ?1 AND order_id = ?2",
            [tenant, order_id],
            |row| {
                let decision: Option<String> = row.get(3)?;
                Ok(OrderRow {
                    body: row.get(0)?,
                    submitted_at: row.get(1)?,
                    needs_approval: row.get(2)?,
                    decision: Decision::from_columns(decision.as_deref(), row.get(4)?),
                    decision_reason: row.get(5)?,
                    ships: row.get(6)?,
                    request: row.get(7)?,
                })
            },
        )
        .optional()?)
}

fn events_of(row: &OrderRow, step: i64) -> Vec<Event> {
    let events = timeline(
        row.submitted_at,
        row.needs_approval,
        row.decision,
        step,
        row.ships,
    );
    with_decision_reason(events, row.decision, row.decision_reason.as_deref())
}

/// Writes the status changes that have happened by `now` and are not yet
/// in the history, with a shipment for each segment when it ships; the
/// first time COMPLETE is written, the order changes the assets.
fn advance(
    connection: &Connection,
    tenant: &str,
    row: &OrderRow,
    order: &Order,
    events: &[Event],
    now: i64,
) -> ApiResult<()> {
    let ships = row.ships && order.ship_to.is_some();
    let completed = events
        .iter()
        .any(|e| e.status == OrderStatus::Complete && e.at <= now);
    if completed {
        settle(connection, tenant, row, order)?;
    }
    for segment in order.segments() {
        let written: usize = connection.query_row(
            "SELECT COUNT(*) FROM order_history WHERE order_id = ?1 AND segment_id = ?2",
            [&order.order_id, &segment.order_segment_id],
            |row| row.get(0),
        )?;
        for event in events.iter().skip(written).take_while(|e| e.at <= now) {
            insert_history(
                connection,
                &order.order_id,
                &segment.order_segment_id,
                event,
            )?;
            if event.status == OrderStatus::Shipped && ships {
                let items: Vec<String> = segment
                    .device
                    .iter()
                    .map(|d| d.name.clone())
                    .chain(segment.accessories.iter().map(|a| a.name.clone()))
                    .chain(
                        segment
                            .plan
                            .iter()
                            .filter_map(|p| p.name.as_ref())
                            .map(|name| format!("SIM card for {name}")),
                    )
                    .collect();
                connection.execute(
                    "INSERT OR IGNORE INTO shipments (shipment_id, order_id, segment_id, carrier, tracking_number, shipped_at, items)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    rusqlite::params![
                        format!("S{}", segment.order_segment_id),
                        order.order_id,
                        segment.order_segment_id,
                        if order.ship_to.as_ref().is_some_and(|s| s.expedite) { "UPS Next Day Air" } else { "UPS Ground" },
                        format!("1ZSBX{:0>10}", segment.order_segment_id),
                        event.at,
                        serde_json::to_string(&items)?,
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// Applies a completed order's outcome to the assets, once.
fn settle(connection: &Connection, tenant: &str, row: &OrderRow, order: &Order) -> ApiResult<()> {
    let claimed = connection.execute(
        "UPDATE orders SET settled = 1 WHERE tenant = ?1 AND order_id = ?2 AND settled = 0",
        [tenant, order.order_id.as_str()],
    )?;
    if claimed == 1 {
        if let Some(request) = &row.request {
            let request: OrderRequest = serde_json::from_str(request)?;
            outcome::apply(connection, tenant, order, &request)?;
        }
    }
    Ok(())
}

/// An order of the tenant with its statuses as of `now` (site-relative links).
pub fn load_order(
    connection: &mut Connection,
    tenant: &str,
    order_id: &str,
    now: i64,
    step: i64,
) -> ApiResult<Option<Order>> {
    let Some(row) = order_row(connection, tenant, order_id)? else {
        return Ok(None);
    };
    let mut order: Order = serde_json::from_str(&row.body)?;
    let events = events_of(&row, step);
    let transaction = connection.transaction()?;
    advance(&transaction, tenant, &row, &order, &events, now)?;
    transaction.commit()?;
    let status = status_at(&events, now);
    for segment in order.order_segments.iter_mut().flat_map(|s| &mut s.items) {
        segment.status = status.clone();
    }
    order.status = status;
    if let Some(updated) = updated_at(&events, now).map(format_timestamp) {
        order.updated = Some(updated);
    }
    Ok(Some(order))
}

/// Records an approver's decision (and reason) on an order awaiting
/// approval. Returns the order's status before the decision.
pub fn decide(
    connection: &mut Connection,
    tenant: &str,
    order_id: &str,
    approve: bool,
    reason: Option<&str>,
    now: i64,
    step: i64,
) -> ApiResult<Option<(OrderStatus, bool)>> {
    let Some(row) = order_row(connection, tenant, order_id)? else {
        return Ok(None);
    };
    let status = status_at(&events_of(&row, step), now);
    if status == OrderStatus::AwaitingApproval {
        connection.execute(
            "UPDATE orders SET decision = ?1, decided_at = ?2, decision_reason = ?3
             WHERE order_id = ?4 AND decision IS NULL",
            rusqlite::params![
                if approve { "APPROVE" } else { "REJECT" },
                now,
                reason,
                order_id
            ],
        )?;
    }
    Ok(Some((status, row.needs_approval)))
}
