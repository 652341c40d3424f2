//! Orders in the database: storing exactly once per `externalOrderNumber`,
//! reading them with their statuses brought up to date.

use mobproc_types::date::format_timestamp;
use mobproc_types::{
    HistoryEntry, NamedRef, Order, OrderConfirmation, OrderRequest, OrderStatus, Shipment,
};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::api::orders::approvers::with_decision_reason;
use crate::api::orders::build::{self, OrderFacts};
use crate::api::orders::lifecycle::{status_at, timeline, updated_at, Decision, Event};
use crate::api::orders::outcome;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::links::Links;

/// The first order id the sandbox hands out (the tutorial's); the next
/// ones go up by ten, segments take the ids in between.
const FIRST_ORDER_ID: u64 = 8_711_720;

/// What became of a submit.
#[derive(Debug, Clone)]
pub enum Submitted {
    /// A new order was stored.
    Created(Order),
    /// The same request was sent before: this is the order it made.
    Replayed(Order),
}

/// A fingerprint of what is ordered and for whom, to recognise a repeat.
pub fn request_hash(caller: &Caller, request: &OrderRequest) -> String {
    let canonical =
        serde_json::to_string(&(&caller.actor.employee.id, request)).unwrap_or_default();
    Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Refuses a request whose `externalOrderNumber` already made another order.
pub fn check_not_duplicate(
    connection: &Connection,
    tenant: &str,
    request: &OrderRequest,
    hash: &str,
) -> ApiResult<Option<String>> {
    let Some(number) = &request.external_order_number else {
        return Ok(None);
    };
    let existing: Option<(String, String)> = connection
        .query_row(
            "SELECT order_id, request_hash FROM orders WHERE tenant = ?1 AND external_order_number = ?2",
            [tenant, number],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((_, stored)) if stored != hash => Err(ApiError::bad_request(
            "duplicate-external-order-number",
            format!(
                "externalOrderNumber '{number}' was already used for a different order. Use a new number for a new order."
            ),
        )),
        Some((order_id, _)) => Ok(Some(order_id)),
        None => Ok(None),
    }
}

/// A validated request, expanded: what the caller sees and what storing
/// it needs besides.
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub confirmation: OrderConfirmation,
    /// The carrier of the items that name none (see [`build::order`]).
    pub carrier: Option<NamedRef>,
    /// Whether anything ships.
    pub ships: bool,
}

/// Stores the confirmed order, once: in one transaction, a repeat of the
/// same request returns the order it made, and a different request with
/// the same `externalOrderNumber` is refused.
pub fn submit(
    connection: &mut Connection,
    caller: &Caller,
    request: &OrderRequest,
    confirmed: &Confirmed,
    now: i64,
    step: i64,
) -> ApiResult<Submitted> {
    let hash = request_hash(caller, request);
    let tenant = caller.tenant.code.clone();
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(order_id) = check_not_duplicate(&transaction, &tenant, request, &hash)? {
        transaction.commit()?;
        let order = load_order(connection, &tenant, &order_id, now, step)?
            .ok_or_else(|| ApiError::internal("A stored order vanished."))?;
        return Ok(Submitted::Replayed(order));
    }
    let last: Option<u64> = transaction.query_row(
        "SELECT MAX(CAST(order_id AS INTEGER)) FROM orders",
        [],
        |row| row.get(0),
    )?;
    let order_id = last.map_or(FIRST_ORDER_ID, |id| id + 10);
    let order = build::order(
        &Links::new(""),
        &confirmed.confirmation,
        OrderFacts {
            order_id,
            date_submitted: format_timestamp(now),
            carrier: confirmed.carrier.as_ref(),
            ships: confirmed.ships,
        },
    );
    transaction.execute(
        "INSERT INTO orders (order_id, tenant, external_order_number, request_hash, account_holder_id,
             requested_by_id, submitted_at, needs_approval, body, ships, request)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        rusqlite::params![
            order.order_id,
            tenant,
            request.external_order_number,
            hash,
            caller.actor.employee.id,
            caller.user.employee.id,
            now,
            !caller.user.is_approver,
            serde_json::to_string(&order)?,
            confirmed.ships,
            serde_json::to_string(request)?,
        ],
    )?;
    for segment in order.segments() {
        insert_history(
            &transaction,
            &order.order_id,
            &segment.order_segment_id,
            &timeline(now, false, None, 0, confirmed.ships)[0],
        )?;
    }
    transaction.commit()?;
    Ok(Submitted::Created(order))
}

fn insert_history(
    connection: &Connection,
    order_id: &str,
    segment_id: &str,
    event: &Event,
) -> ApiResult<()> {
    connection.execute(
        "INSERT INTO order_history (order_id, seq, segment_id, status, at, comment)
         VALUES (?1, (SELECT COUNT(*) FROM order_history WHERE order_id = ?1), ?2, ?3, ?4, ?5)",
        rusqlite::params![
            order_id,
            segment_id,
            event.status.as_str(),
            event.at,
            event.comment
        ],
    )?;
    Ok(())
}

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

/// Unix seconds of an API timestamp `YYYY-MM-DDTHH:MM:SSZ` (or a bare date).
pub fn timestamp_seconds(text: &str) -> Option<i64> {
    let date = mobproc_types::date::parse_date(text)?;
    let days = mobproc_types::date::days_from_civil(date);
    let time = text
        .split_once('T')
        .map(|(_, t)| t.trim_end_matches('Z'))
        .unwrap_or("00:00:00");
    let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (
        parts.next()??,
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
    );
    ((0..24).contains(&h) && (0..60).contains(&m) && (0..61).contains(&s))
        .then_some(days * 86_400 + h * 3600 + m * 60 + s)
}

/// The history of an order's segments (one segment, or all).
pub fn history(
    connection: &Connection,
    order_id: &str,
    segment: Option<&str>,
) -> ApiResult<Vec<HistoryEntry>> {
    let mut statement = connection.prepare_cached(
        "SELECT segment_id, status, at, comment FROM order_history
         WHERE order_id = ?1 AND (?2 IS NULL OR segment_id = ?2) ORDER BY seq",
    )?;
    let rows = statement.query_map(rusqlite::params![order_id, segment], |row| {
        Ok(HistoryEntry {
            order_segment_id: row.get(0)?,
            status: row
                .get::<_, String>(1)?
                .parse()
                .unwrap_or_else(|never| match never {}),
            date: format_timestamp(row.get(2)?),
            comment: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The shipments of an order's segments (one segment, or all).
pub fn shipments(
    connection: &Connection,
    order_id: &str,
    segment: Option<&str>,
) -> ApiResult<Vec<Shipment>> {
    let mut statement = connection.prepare_cached(
        "SELECT shipment_id, segment_id, carrier, tracking_number, shipped_at, items FROM shipments
         WHERE order_id = ?1 AND (?2 IS NULL OR segment_id = ?2) ORDER BY shipment_id",
    )?;
    let rows = statement.query_map(rusqlite::params![order_id, segment], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (shipment_id, segment_id, carrier, tracking_number, shipped_at, items) = row?;
        out.push(Shipment {
            tracking_url: None,
            shipment_id,
            order_segment_id: segment_id,
            carrier,
            tracking_number,
            date_shipped: format_timestamp(shipped_at),
            items: serde_json::from_str(&items)?,
        });
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_parse_back() {
        assert_eq!(
            timestamp_seconds("2016-04-28T18:10:27Z"),
            Some(1_461_867_027)
        );
        assert_eq!(timestamp_seconds("2016-04-28"), Some(1_461_801_600));
        assert_eq!(timestamp_seconds("2016-04-28T25:00:00Z"), None);
        assert_eq!(timestamp_seconds("yesterday"), None);
    }
}
