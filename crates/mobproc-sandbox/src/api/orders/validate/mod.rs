//! Order validation, for all twelve transaction types. Everything the
//! request names is loaded into an [`OrderContext`]; then [`check_order`]
//! (pure) lists every problem at once: the shared rule table's missing and
//! refused fields, then the shared checks (line, place of use, cart,
//! carriers, acknowledgements, properties, shipping) the type calls for.

mod cart;
mod context;
mod devices;
mod features;
mod line;
mod parties;
mod place;
mod ship_to;

pub use context::{load_context, OrderContext};

use mobproc_types::rules::{Presence, RequestField, TypeRules};
use mobproc_types::validation::{check_properties, FieldProblem, PatternMatcher};
use mobproc_types::{ErrorDetail, OrderRequest, TransactionType};

/// Matches the API's `regEx` values with the `regex` crate, anchored.
pub struct RegexMatcher;

impl PatternMatcher for RegexMatcher {
    fn full_match(&self, pattern: &str, text: &str) -> Option<bool> {
        regex::Regex::new(&format!("^(?:{pattern})$"))
            .ok()
            .map(|re| re.is_match(text))
    }
}

/// One problem: `400-{code}` about `orderRequest.{field}`.
fn problem(code: &str, field: &str, message: impl Into<String>) -> ErrorDetail {
    ErrorDetail {
        error_code: format!("400-{code}"),
        message: message.into(),
        field: Some(format!("orderRequest.{field}")),
    }
}

/// Problems of property or address values, as `400-{prefix}-{code}`.
fn field_problems(prefix: &str, path: &str, problems: Vec<FieldProblem>) -> Vec<ErrorDetail> {
    problems
        .into_iter()
        .map(|p| {
            let field = match &p.group_id {
                Some(group) => format!("{path}.{group}.{}", p.field_id),
                None => format!("{path}.{}", p.field_id),
            };
            problem(
                &format!("{prefix}-{}", p.problem.code()),
                &field,
                p.problem.message(&p.label),
            )
        })
        .collect()
}

/// Whether the type takes `field` at all.
fn takes(rules: &TypeRules, field: RequestField) -> bool {
    rules.presence(field) != Presence::NotAllowed
}

/// Every problem with a request at `now` (the sandbox's clock), in the
/// order a person would fix them. Empty when the order is valid.
pub fn check_order(context: &OrderContext, request: &OrderRequest, now: i64) -> Vec<ErrorDetail> {
    let kind = &request.transaction_type;
    let Some(rules) = context
        .rules
        .filter(|rules| rules.runs_on(context.backend()))
    else {
        return vec![problem(
            "unsupported-transaction-type",
            "transactionType",
            format!(
                "{} does not take {kind} orders.",
                context.platform.backend_name()
            ),
        )];
    };
    let mut problems: Vec<ErrorDetail> = rules
        .field_problems(request)
        .into_iter()
        .map(|p| ErrorDetail {
            error_code: p.error_code().to_owned(),
            message: p.message(kind),
            field: Some(format!("orderRequest.{}", p.field().path())),
        })
        .collect();
    check_external_number(request, &mut problems);
    if rules.is_line_based() {
        line::check(context, rules, request, now, &mut problems);
    }
    if takes(rules, RequestField::RegionId) {
        place::check(context, request, &mut problems);
    }
    match kind {
        TransactionType::Upgrade => {
            devices::check_upgrade_existing(context, request, &mut problems)
        }
        TransactionType::SwapDevices => devices::check_swap(context, request, &mut problems),
        TransactionType::UpdateFeatures => features::check(context, request, &mut problems),
        _ => {}
    }
    if takes(rules, RequestField::ShoppingCart) && *kind != TransactionType::UpdateFeatures {
        cart::check(context, rules, request, &mut problems);
    }
    parties::check_carriers(context, request, &mut problems);
    if takes(rules, RequestField::Acknowledgements) {
        parties::check_acknowledgements(context, request, &mut problems);
    }
    problems.extend(field_problems(
        "property",
        "properties",
        check_properties(&context.properties, &request.properties, &RegexMatcher),
    ));
    parties::check_user(context, &mut problems);
    if takes(rules, RequestField::ShipTo) {
        ship_to::check(context, request, &mut problems);
    }
    problems
}

fn check_external_number(request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    if let Some(number) = &request.external_order_number {
        if number.trim().is_empty() || number.chars().count() > 50 {
            problems.push(problem(
                "invalid-external-order-number",
                "externalOrderNumber",
                "externalOrderNumber must be 1 to 50 characters, or left out.",
            ));
        }
    }
}

#[cfg(test)]
mod tests;
