//! Completed orders change the assets when they are next read; before a
//! new order is checked, the actor's completed orders are read so that
//! the assets it is checked against show what those changed.

use rusqlite::Connection;

use crate::api::orders::store::load_order;
use crate::error::ApiResult;

/// The SQL that picks `holder`'s completed orders whose outcome is not yet
/// applied (`?1` tenant, `?2` holder, `?3` step, `?4` now).
const UNSETTLED: &str = "SELECT order_id FROM orders WHERE tenant = ?1 AND account_holder_id = ?2
     AND settled = 0
     AND order_status(submitted_at, needs_approval, decision, decided_at, ?3, ?4, ships) = 'COMPLETE'";

/// Whether `holder` has completed orders whose outcome is not yet applied.
pub fn has_unsettled(
    connection: &Connection,
    tenant: &str,
    holder: &str,
    now: i64,
    step: i64,
) -> ApiResult<bool> {
    Ok(connection.query_row(
        &format!("SELECT EXISTS ({UNSETTLED})"),
        rusqlite::params![tenant, holder, step, now],
        |row| row.get(0),
    )?)
}

/// Brings `holder`'s completed orders up to date, so that the assets show
/// what they changed before a new order is checked against them.
pub fn settle_completed(
    connection: &mut Connection,
    tenant: &str,
    holder: &str,
    now: i64,
    step: i64,
) -> ApiResult<()> {
    let ids: Vec<String> = connection
        .prepare(UNSETTLED)?
        .query_map(rusqlite::params![tenant, holder, step, now], |row| {
            row.get(0)
        })?
        .collect::<Result<_, _>>()?;
    for id in ids {
        load_order(connection, tenant, &id, now, step)?;
    }
    Ok(())
}
