//! UPDATE_FEATURES: each change names an optional feature of the line's
//! plan once, ADDs only inactive ones and REMOVEs only active ones; the
//! cart holds at least one change or a comment.

use mobproc_types::{ErrorDetail, FeatureAction, OrderRequest};

use super::{problem, OrderContext};

const FIELD: &str = "shoppingCart.features";

pub fn check(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let cart = request.cart();
    let comment = cart
        .feature_request_comment
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    if request.shopping_cart.is_some() && cart.features.is_empty() && !comment {
        problems.push(problem(
            "empty-cart",
            "shoppingCart",
            "Add or remove at least one feature, or write a comment for the carrier.",
        ));
    }
    if cart
        .feature_request_comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > 4000)
    {
        problems.push(problem(
            "comment-too-long",
            "shoppingCart.featureRequestComment",
            "The comment may be up to 4000 characters.",
        ));
    }
    for (index, change) in cart.features.iter().enumerate() {
        let id = &change.id;
        if cart.features[..index].iter().any(|c| &c.id == id) {
            problems.push(problem(
                "duplicate-feature",
                FIELD,
                format!("Feature '{id}' is listed twice."),
            ));
            continue;
        }
        let Some(feature) = context.line_features.iter().find(|f| &f.id == id) else {
            problems.push(problem(
                "unknown-feature",
                FIELD,
                format!("Feature '{id}' is not an optional feature of the line's plan (see GET /catalog/features)."),
            ));
            continue;
        };
        match (&change.action, feature.active) {
            (FeatureAction::Add, true) => problems.push(problem(
                "feature-already-active",
                FIELD,
                format!("{} is already on the line.", feature.description),
            )),
            (FeatureAction::Remove, false) => problems.push(problem(
                "feature-not-active",
                FIELD,
                format!(
                    "{} is not on the line: nothing to remove.",
                    feature.description
                ),
            )),
            (FeatureAction::Unknown(other), _) => problems.push(problem(
                "invalid-feature-action",
                FIELD,
                format!("action must be ADD or REMOVE, not '{other}'."),
            )),
            _ => {}
        }
    }
}
