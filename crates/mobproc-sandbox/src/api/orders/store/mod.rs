//! Orders in the database: storing exactly once per `externalOrderNumber`,
//! reading them with their statuses brought up to date.
//!
//! Here: submitting; an order's progress (its statuses, history and
//! shipments written as it is read, its outcome settled, an approver's
//! decision) and the reads of its history and shipments have their own
//! files.

mod history;
mod progress;
#[cfg(test)]
mod tests;

use mobproc_types::date::format_timestamp;
use mobproc_types::{NamedRef, Order, OrderConfirmation, OrderRequest};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::api::orders::build::{self, OrderFacts};
use crate::api::orders::lifecycle::{timeline, Event};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::links::Links;

pub use history::{history, shipments, timestamp_seconds};
pub use progress::{decide, load_order};

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
