//! The line of a line-based order: the actor's, in a state the type
//! accepts (UPGRADE: also past its upgrade-eligibility date).

use mobproc_types::rules::TypeRules;
use mobproc_types::{ErrorDetail, OrderRequest, TransactionType};

use super::{problem, OrderContext};
use crate::api::orders::eligibility;

pub fn check(
    context: &OrderContext,
    rules: &TypeRules,
    request: &OrderRequest,
    now: i64,
    problems: &mut Vec<ErrorDetail>,
) {
    let Some(id) = &request.service_id else {
        return;
    };
    let Some(row) = &context.service else {
        problems.push(problem(
            "invalid-service",
            "serviceId",
            format!("Service '{id}' is not a line of the employee this order is for."),
        ));
        return;
    };
    let line = &row.service;
    if rules.kind == TransactionType::Upgrade {
        eligibility::check_line(line, now, problems);
    } else if !rules.accepts_line(&line.status) {
        let wanted = rules
            .line_states
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" or ");
        problems.push(problem(
            rules.line_state_error().trim_start_matches("400-"),
            "serviceId",
            format!(
                "Line {} is {}: {} orders need a line that is {wanted}.",
                line.service_number, line.status, rules.kind
            ),
        ));
    }
}
