//! The check of the store after a run: every order intact and unique.

use std::collections::{BTreeMap, BTreeSet};

use mobproc_sandbox::AppState;

/// Every stored order intact and unique: as many as successful submits,
/// each `externalOrderNumber` once and answered with its `orderId`, each
/// body an `Order` with a history row per segment, nothing orphaned.
pub(super) async fn check_store(
    state: &AppState,
    submitted: &BTreeMap<String, String>,
) -> Result<(usize, Vec<String>), String> {
    let submitted = submitted.clone();
    state
        .db
        .run(move |c| {
            let mut problems = Vec::new();
            let rows: Vec<(String, Option<String>, String)> = {
                let mut statement = c.prepare("SELECT order_id, external_order_number, body FROM orders")?;
                let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            if rows.len() != submitted.len() {
                problems.push(format!("{} orders stored, {} submits succeeded", rows.len(), submitted.len()));
            }
            let mut numbers = BTreeSet::new();
            for (order_id, number, body) in &rows {
                let Some(number) = number else {
                    problems.push(format!("order {order_id} has no externalOrderNumber"));
                    continue;
                };
                if !numbers.insert(number.clone()) {
                    problems.push(format!("externalOrderNumber {number} stored twice"));
                }
                if submitted.get(number) != Some(order_id) {
                    problems.push(format!("order {order_id} ({number}) is not the one its submit answered ({:?})", submitted.get(number)));
                }
                match serde_json::from_str::<mobproc_types::Order>(body) {
                    Err(e) => problems.push(format!("order {order_id} does not parse as an Order: {e}")),
                    Ok(order) => {
                        if order.order_id != *order_id || order.external_order_number.as_deref() != Some(number.as_str()) {
                            problems.push(format!("order {order_id}'s body names another order"));
                        }
                        if order.segments().is_empty() {
                            problems.push(format!("order {order_id} has no segment"));
                        }
                        for segment in order.segments() {
                            let history: i64 = c.query_row(
                                "SELECT COUNT(*) FROM order_history WHERE order_id = ?1 AND segment_id = ?2",
                                [order_id, &segment.order_segment_id],
                                |r| r.get(0),
                            )?;
                            if history == 0 {
                                problems.push(format!("segment {} of order {order_id} has no history", segment.order_segment_id));
                            }
                        }
                    }
                }
            }
            let orphans: i64 = c.query_row(
                "SELECT (SELECT COUNT(*) FROM order_history h WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = h.order_id))
                      + (SELECT COUNT(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = s.order_id))",
                [],
                |r| r.get(0),
            )?;
            if orphans != 0 {
                problems.push(format!("{orphans} history rows or shipments belong to no order"));
            }
            Ok((rows.len(), problems))
        })
        .await
        .map_err(|e| format!("the store cannot be read: {e}"))
}
