//! The life of a submitted order. Statuses follow from when it was
//! submitted, whether it needs approval, and the approver's decision; they
//! are written to the history lazily, whenever the order is read, with the
//! times they happened at (so the sandbox's clock, not its uptime, drives them).
//!
//! ```text
//! ORDER_SUBMITTED ─step─> AWAITING_APPROVAL ─(APPROVE, or 2 steps)─> APPROVED ─step─> SHIPPED ─step─> COMPLETE
//!                 │                         └─(REJECT)─> REJECTED
//!                 └─step─> APPROVED (requester is an approver: no approval needed)
//! ```
//!
//! An order that ships nothing goes from APPROVED to COMPLETE one step
//! later, without SHIPPED.

use mobproc_types::OrderStatus;
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::Connection;

/// An approver's decision and when it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve(i64),
    Reject(i64),
}

impl Decision {
    /// The decision an order's `decision` and `decided_at` columns hold.
    pub fn from_columns(decision: Option<&str>, decided_at: Option<i64>) -> Option<Decision> {
        match (decision, decided_at) {
            (Some("APPROVE"), Some(at)) => Some(Decision::Approve(at)),
            (Some("REJECT"), Some(at)) => Some(Decision::Reject(at)),
            _ => None,
        }
    }
}

/// One status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub status: OrderStatus,
    pub at: i64,
    pub comment: String,
}

fn event(status: OrderStatus, at: i64, comment: &str) -> Event {
    Event {
        status,
        at,
        comment: comment.to_owned(),
    }
}

/// Every status change an order goes through, in order, with their times
/// (some may lie in the future); SHIPPED only when something `ships`.
pub fn timeline(
    submitted_at: i64,
    needs_approval: bool,
    decision: Option<Decision>,
    step: i64,
    ships: bool,
) -> Vec<Event> {
    let mut events = vec![event(
        OrderStatus::OrderSubmitted,
        submitted_at,
        "Order received.",
    )];
    let approved_at = if needs_approval {
        events.push(event(
            OrderStatus::AwaitingApproval,
            submitted_at + step,
            "Waiting for a manager's approval.",
        ));
        match decision {
            Some(Decision::Reject(at)) => {
                events.push(event(
                    OrderStatus::Rejected,
                    at,
                    "Rejected by the approver.",
                ));
                return events;
            }
            Some(Decision::Approve(at)) => {
                events.push(event(
                    OrderStatus::Approved,
                    at,
                    "Approved by the approver.",
                ));
                at
            }
            None => {
                let at = submitted_at + 3 * step;
                events.push(event(
                    OrderStatus::Approved,
                    at,
                    "Approved automatically: no approver acted in time.",
                ));
                at
            }
        }
    } else {
        let at = submitted_at + step;
        events.push(event(OrderStatus::Approved, at, "No approval needed."));
        at
    };
    if ships {
        events.push(event(OrderStatus::Shipped, approved_at + step, "Shipped."));
        events.push(event(
            OrderStatus::Complete,
            approved_at + 2 * step,
            "Delivered and activated.",
        ));
    } else {
        events.push(event(
            OrderStatus::Complete,
            approved_at + step,
            "Done by the carrier.",
        ));
    }
    events
}

/// The status at `now`: the last change that has happened.
pub fn status_at(events: &[Event], now: i64) -> OrderStatus {
    events
        .iter()
        .take_while(|e| e.at <= now)
        .last()
        .map(|e| e.status.clone())
        .unwrap_or(OrderStatus::OrderSubmitted)
}

/// When the order last changed status, as of `now` (`None` before it was submitted).
pub fn updated_at(events: &[Event], now: i64) -> Option<i64> {
    events
        .iter()
        .take_while(|e| e.at <= now)
        .last()
        .map(|e| e.at)
}

/// The timeline of the order whose columns are a SQL function's arguments
/// `(submitted_at, needs_approval, decision, decided_at, step, now, ships)`.
fn timeline_of(arguments: &Context) -> rusqlite::Result<Vec<Event>> {
    let decision: Option<String> = arguments.get(2)?;
    Ok(timeline(
        arguments.get(0)?,
        arguments.get(1)?,
        Decision::from_columns(decision.as_deref(), arguments.get(3)?),
        arguments.get(4)?,
        arguments.get(6)?,
    ))
}

/// Lets SQL filter orders by their life as of a moment, with the rules of
/// this module: `order_status(submitted_at, needs_approval, decision,
/// decided_at, step, now, ships)` is [`status_at`], `order_updated_at(…same…)`
/// is [`updated_at`].
pub fn register_sql_functions(connection: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    connection.create_scalar_function("order_status", 7, flags, |arguments| {
        let now: i64 = arguments.get(5)?;
        Ok(status_at(&timeline_of(arguments)?, now).as_str().to_owned())
    })?;
    connection.create_scalar_function("order_updated_at", 7, flags, |arguments| {
        let now: i64 = arguments.get(5)?;
        Ok(updated_at(&timeline_of(arguments)?, now))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(events: &[Event]) -> Vec<&str> {
        events.iter().map(|e| e.status.as_str()).collect()
    }

    #[test]
    fn orders_needing_approval_wait_then_auto_approve() {
        let events = timeline(1000, true, None, 60, true);
        assert_eq!(
            statuses(&events),
            [
                "ORDER_SUBMITTED",
                "AWAITING_APPROVAL",
                "APPROVED",
                "SHIPPED",
                "COMPLETE"
            ]
        );
        assert_eq!(
            events.iter().map(|e| e.at).collect::<Vec<_>>(),
            [1000, 1060, 1180, 1240, 1300]
        );
        assert_eq!(status_at(&events, 1059), OrderStatus::OrderSubmitted);
        assert_eq!(status_at(&events, 1060), OrderStatus::AwaitingApproval);
        assert_eq!(status_at(&events, 5000), OrderStatus::Complete);
    }

    #[test]
    fn an_approval_moves_the_order_on_at_once() {
        let events = timeline(1000, true, Some(Decision::Approve(1070)), 60, true);
        assert_eq!(events[2].at, 1070);
        assert_eq!(events[3].at, 1130);
    }

    #[test]
    fn a_rejection_ends_the_order() {
        let events = timeline(1000, true, Some(Decision::Reject(1070)), 60, true);
        assert_eq!(
            statuses(&events),
            ["ORDER_SUBMITTED", "AWAITING_APPROVAL", "REJECTED"]
        );
    }

    #[test]
    fn approvers_orders_need_no_approval() {
        let events = timeline(1000, false, None, 10, true);
        assert_eq!(
            statuses(&events),
            ["ORDER_SUBMITTED", "APPROVED", "SHIPPED", "COMPLETE"]
        );
    }

    #[test]
    fn orders_that_ship_nothing_complete_without_being_shipped() {
        let events = timeline(1000, false, None, 10, false);
        assert_eq!(
            statuses(&events),
            ["ORDER_SUBMITTED", "APPROVED", "COMPLETE"]
        );
        assert_eq!(events[2].at, 1020);
    }

    #[test]
    fn step_zero_makes_every_change_immediate() {
        let events = timeline(1000, true, None, 0, true);
        assert_eq!(status_at(&events, 1000), OrderStatus::Complete);
    }
}
