//! Who approves what (section 3.5 of the transaction notes):
//! `GET /orders?eligibleToApproveEmployeeId=` (or `…CompanyEmployeeId=`)
//! lists the orders awaiting a given approver, `includeApprovers=true`
//! names each waiting order's approver, and an approver's reason shows in
//! the history's comment.
//!
//! The sandbox has one approval level: an order waits for any approver
//! above its account holder; the nearest one is named as its `approver`.

use mobproc_types::{Employee, Order, OrderStatus};
use rusqlite::{Connection, OptionalExtension};

use crate::api::lifecycle::{Decision, Event};
use crate::api::render;
use crate::auth::{load_person, self_and_reports, Caller};
use crate::error::{ApiError, ApiResult};
use crate::links::Links;

/// The approver a listing is for, as the query names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EligibleApprover {
    EmployeeId(String),
    CompanyEmployeeId(String),
}

impl EligibleApprover {
    /// The approver the query names, if any; both ids at once is a 400.
    pub fn from_query(
        employee_id: Option<String>,
        company_employee_id: Option<String>,
    ) -> ApiResult<Option<EligibleApprover>> {
        match (employee_id, company_employee_id) {
            (Some(_), Some(_)) => Err(ApiError::bad_request(
                "one-approver-filter",
                "Send eligibleToApproveEmployeeId or eligibleToApproveCompanyEmployeeId, not both.",
            )),
            (Some(id), None) => Ok(Some(EligibleApprover::EmployeeId(id))),
            (None, Some(id)) => Ok(Some(EligibleApprover::CompanyEmployeeId(id))),
            (None, None) => Ok(None),
        }
    }
}

/// The account holders whose orders `approver` may decide: everyone below
/// them. Only someone the caller may see (themselves or a report) who is
/// an approver may be named; anyone else is a 403 naming no one.
pub fn approvable_holders(
    connection: &Connection,
    caller: &Caller,
    approver: &EligibleApprover,
) -> ApiResult<Vec<String>> {
    let tenant = &caller.tenant.code;
    let id = match approver {
        EligibleApprover::EmployeeId(id) => Some(id.clone()),
        EligibleApprover::CompanyEmployeeId(company_id) => connection
            .query_row(
                "SELECT id FROM employees WHERE tenant = ?1 AND company_employee_id = ?2",
                [tenant, company_id],
                |row| row.get(0),
            )
            .optional()?,
    }
    .filter(|id| caller.may_act_for(id))
    .ok_or_else(|| {
        ApiError::forbidden(
            "approver-not-allowed",
            "You may list only your own approvals, or those of an approver who reports to you.",
        )
    })?;
    let person = load_person(connection, tenant, &id)?
        .ok_or_else(|| ApiError::internal("A visible employee is missing from the store."))?;
    if !person.is_approver {
        return Err(ApiError::forbidden(
            "not-an-approver",
            format!("{} approves no orders.", person.employee.full_name()),
        ));
    }
    let mut holders = self_and_reports(connection, tenant, &id)?;
    holders.retain(|holder| holder != &id);
    Ok(holders)
}

/// The nearest approver above `employee_id`, following managers.
fn nearest_approver(
    connection: &Connection,
    tenant: &str,
    employee_id: &str,
) -> ApiResult<Option<Employee>> {
    let mut seen = vec![employee_id.to_owned()];
    let mut next = load_person(connection, tenant, employee_id)?.and_then(|p| p.manager_id);
    while let Some(id) = next.filter(|id| !seen.contains(id)) {
        let Some(person) = load_person(connection, tenant, &id)? else {
            break;
        };
        if person.is_approver {
            return Ok(Some(person.employee));
        }
        seen.push(id);
        next = person.manager_id;
    }
    Ok(None)
}

/// Names the approver (and level 1) of every order that awaits approval
/// (site-relative links, as stored orders have).
pub fn add_approvers(connection: &Connection, tenant: &str, orders: &mut [Order]) -> ApiResult<()> {
    for order in orders
        .iter_mut()
        .filter(|o| o.status == OrderStatus::AwaitingApproval)
    {
        if let Some(approver) = nearest_approver(connection, tenant, &order.account_holder.id)? {
            order.pending_approval_level = Some(1);
            order.approver = Some(render::employee_brief(&Links::new(""), approver));
        }
    }
    Ok(())
}

/// `events` with the approver's `reason` added to the comment of the
/// change their `decision` made.
pub fn with_decision_reason(
    mut events: Vec<Event>,
    decision: Option<Decision>,
    reason: Option<&str>,
) -> Vec<Event> {
    let decided = match decision {
        Some(Decision::Approve(_)) => OrderStatus::Approved,
        Some(Decision::Reject(_)) => OrderStatus::Rejected,
        None => return events,
    };
    if let Some(reason) = reason.map(str::trim).filter(|r| !r.is_empty()) {
        for event in events.iter_mut().filter(|e| e.status == decided) {
            event.comment = format!("{} Reason: {reason}", event.comment);
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::lifecycle::timeline;

    #[test]
    fn the_reason_goes_with_the_decision() {
        let rejected = Some(Decision::Reject(1070));
        let events = with_decision_reason(
            timeline(1000, true, rejected, 60, true),
            rejected,
            Some("Not now"),
        );
        assert_eq!(events[2].status, OrderStatus::Rejected);
        assert_eq!(
            events[2].comment,
            "Rejected by the approver. Reason: Not now"
        );
        assert!(!events[1].comment.contains("Not now"));

        let approved = Some(Decision::Approve(1070));
        let events = with_decision_reason(
            timeline(1000, true, approved, 60, true),
            approved,
            Some(" "),
        );
        assert_eq!(events[2].comment, "Approved by the approver.");
        let untouched =
            with_decision_reason(timeline(1000, true, None, 60, true), None, Some("zzz"));
        assert!(untouched.iter().all(|e| !e.comment.contains("zzz")));
    }

    #[test]
    fn an_approver_filter_names_one_person() {
        assert_eq!(EligibleApprover::from_query(None, None).unwrap(), None);
        assert_eq!(
            EligibleApprover::from_query(None, Some("maria.lopez.acme".into())).unwrap(),
            Some(EligibleApprover::CompanyEmployeeId(
                "maria.lopez.acme".into()
            ))
        );
        let both = EligibleApprover::from_query(Some("1".into()), Some("a".into()));
        assert_eq!(both.unwrap_err().code, "400-one-approver-filter");
    }
}
