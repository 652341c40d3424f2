//! `GET /orders`, paged in SQL: a count of the matching orders for
//! `totalCount`, then only the page's rows, newest first, through the
//! `orders_by_holder` index. Only the page's orders are decoded and brought
//! up to date, so a page costs the same however many orders are stored.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc_types::{ErrorBody, Meta, Order, OrderStatus, OrdersPage};
use rusqlite::types::ToSql;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

use crate::api::orders::approvers::{add_approvers, approvable_holders, EligibleApprover};
use crate::api::orders::store::{load_order, timestamp_seconds};
use crate::api::orders::with_links;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

/// Filters of `GET /orders`.
#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub external_order_number: Option<String>,
    pub employee: Option<String>,
    pub status: Option<String>,
    /// Orders updated at or after this Unix time.
    pub updated_since: Option<i64>,
    /// Only orders awaiting approval whose account holder is one of
    /// these (`eligibleToApprove…`: the approver's reports).
    pub awaiting_approval_of: Option<Vec<String>>,
}

/// Whose orders a listing reads.
enum Holders {
    /// One account holder: the index gives their orders newest first.
    One(String),
    /// Several (a manager's team), as a JSON array.
    Many(String),
}

impl Holders {
    /// The caller's people, narrowed to `employee` when the filter names
    /// one and to the approver's reports when it names an approver;
    /// `None` when no one is left.
    fn of(caller: &Caller, filter: &OrderFilter) -> ApiResult<Option<Holders>> {
        let mut people: Vec<&String> = match &filter.employee {
            Some(id) => caller.visible.iter().filter(|v| *v == id).collect(),
            None => caller.visible.iter().collect(),
        };
        if let Some(reports) = &filter.awaiting_approval_of {
            people.retain(|person| reports.contains(person));
        }
        Ok(match people.as_slice() {
            [] => None,
            [only] => Some(Holders::One((*only).clone())),
            team => Some(Holders::Many(serde_json::to_string(team)?)),
        })
    }

    fn param(&self) -> &str {
        match self {
            Holders::One(id) | Holders::Many(id) => id,
        }
    }
}

/// The `FROM ... WHERE` of a listing. Parameters: `?1` tenant, `?2` the
/// holder (or a JSON array of them), `?3` externalOrderNumber, `?4` status,
/// `?5` updated since, `?6` the step, `?7` now.
fn from_where(holders: &Holders) -> String {
    let holder = match holders {
        Holders::One(_) => "account_holder_id = ?2",
        Holders::Many(_) => "account_holder_id IN (SELECT value FROM json_each(?2))",
    };
    format!(
        "FROM orders WHERE tenant = ?1 AND {holder}
         AND (?3 IS NULL OR external_order_number = ?3)
         AND (?4 IS NULL OR order_status(submitted_at, needs_approval, decision, decided_at, ?6, ?7, ships) = ?4)
         AND (?5 IS NULL OR COALESCE(order_updated_at(submitted_at, needs_approval, decision, decided_at, ?6, ?7, ships), 0) >= ?5)"
    )
}

/// The page's order ids, newest first (`?8` limit, `?9` offset); the
/// order matches the `orders_by_holder` index.
fn page_sql(holders: &Holders) -> String {
    format!(
        "SELECT order_id {} ORDER BY submitted_at DESC, CAST(order_id AS INTEGER) DESC LIMIT ?8 OFFSET ?9",
        from_where(holders)
    )
}

/// How many orders match, and the page of them, with their statuses as of `now`.
pub fn list_orders(
    connection: &mut Connection,
    caller: &Caller,
    filter: &OrderFilter,
    paging: Paging,
    now: i64,
    step: i64,
) -> ApiResult<(u32, Vec<Order>)> {
    let Some(holders) = Holders::of(caller, filter)? else {
        return Ok((0, Vec::new()));
    };
    let awaiting = OrderStatus::AwaitingApproval.as_str().to_owned();
    let status = match (&filter.awaiting_approval_of, &filter.status) {
        (None, status) => status.as_ref(),
        (Some(_), None) => Some(&awaiting),
        (Some(_), Some(status)) if *status == awaiting => Some(&awaiting),
        (Some(_), Some(_)) => return Ok((0, Vec::new())),
    };
    let holder = holders.param();
    let mut params: Vec<&dyn ToSql> = vec![
        &caller.tenant.code,
        &holder,
        &filter.external_order_number,
        &status,
        &filter.updated_since,
        &step,
        &now,
    ];
    let total: u32 = connection
        .prepare_cached(&format!("SELECT COUNT(*) {}", from_where(&holders)))?
        .query_row(params.as_slice(), |row| row.get(0))?;
    params.extend([&paging.limit as &dyn ToSql, &paging.offset]);
    let ids: Vec<String> = connection
        .prepare_cached(&page_sql(&holders))?
        .query_map(params.as_slice(), |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut orders = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(order) = load_order(connection, &caller.tenant.code, &id, now, step)? {
            orders.push(order);
        }
    }
    Ok((total, orders))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct OrdersQuery {
    /// Only the order with the caller's number.
    external_order_number: Option<String>,
    /// Only this account holder's orders (Tangoe id).
    employee: Option<String>,
    /// Only orders in this status.
    status: Option<String>,
    /// Only orders updated at or after this time, e.g. `2016-04-28T18:10:27Z`.
    date_time_updated: Option<String>,
    /// Only the orders awaiting this approver (Tangoe id).
    eligible_to_approve_employee_id: Option<String>,
    /// Only the orders awaiting this approver (customer id).
    eligible_to_approve_company_employee_id: Option<String>,
    /// Adds `pendingApprovalLevel` and `approver` to orders awaiting approval.
    #[serde(default)]
    include_approvers: bool,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// `GET /orders`: the caller's orders, or those awaiting an approver.
#[utoipa::path(
    get,
    path = "/orders",
    operation_id = "list_orders",
    tag = "orders",
    params(OrdersQuery),
    responses(
        (status = 200, description = "A page of orders, newest first", body = OrdersPage),
        (status = 400, description = "A filter, `limit` or `offset` is not valid", body = ErrorBody),
    )
)]
pub(super) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<OrdersQuery>,
) -> ApiResult<Json<Value>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let updated_since = match &query.date_time_updated {
        Some(text) => Some(timestamp_seconds(text).ok_or_else(|| {
            ApiError::bad_request(
                "invalid-date-time-updated",
                format!(
                    "dateTimeUpdated must be a date such as 2016-04-28T18:10:27Z, not '{text}'."
                ),
            )
        })?),
        None => None,
    };
    let approver = EligibleApprover::from_query(
        query.eligible_to_approve_employee_id,
        query.eligible_to_approve_company_employee_id,
    )?;
    let mut filter = OrderFilter {
        external_order_number: query.external_order_number,
        employee: query.employee,
        status: query.status,
        updated_since,
        awaiting_approval_of: None,
    };
    let now = state.clock.now();
    let step = state.config.order_step_seconds as i64;
    let (total, orders) = state
        .db
        .run(move |c| {
            if let Some(approver) = &approver {
                filter.awaiting_approval_of = Some(approvable_holders(c, &caller, approver)?);
            }
            let (total, mut orders) = list_orders(c, &caller, &filter, paging, now, step)?;
            if query.include_approvers {
                add_approvers(c, &caller.tenant.code, &mut orders)?;
            }
            Ok((total, orders))
        })
        .await?;
    let meta: Meta = paging.meta(&links, &uri, total);
    with_links(
        &links,
        &OrdersPage {
            meta: Some(meta),
            orders,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::query_plan;

    #[tokio::test]
    async fn one_holders_page_walks_the_index_in_order_without_sorting() {
        let plan = query_plan(&page_sql(&Holders::One("28673732".into()))).await;
        assert!(
            plan.iter()
                .any(|step| step.contains("SEARCH orders USING INDEX orders_by_holder")),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.contains("TEMP B-TREE")),
            "{plan:?}"
        );
    }

    #[tokio::test]
    async fn a_teams_page_searches_the_index_never_every_order() {
        let plan = query_plan(&page_sql(&Holders::Many("[]".into()))).await;
        assert!(
            plan.iter()
                .any(|step| step.contains("SEARCH orders USING INDEX orders_by_holder")),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.starts_with("SCAN orders")),
            "{plan:?}"
        );
    }
}
