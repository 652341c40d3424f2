//! `GET /me`: the signed-in user, the actor, and what the actor may order:
//! every type the tenant's backend takes. `canMoveService` is true for
//! managers (leads and approvers, per the seed).

use axum::Json;
use mobproc_types::{CustomAttribute, Me};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::render;
use crate::auth::Caller;
use crate::links::Links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(me))
}

/// The signed-in user, the actor, and what the actor may order.
#[utoipa::path(
    get,
    path = "/me",
    tag = "people",
    responses((status = 200, description = "The user and the actor", body = Me))
)]
async fn me(caller: Caller, links: Links) -> Json<Me> {
    let department = caller
        .actor
        .employee
        .department
        .as_ref()
        .map(|d| d.name.clone())
        .unwrap_or_default();
    Json(Me {
        user: render::employee(&links, caller.user.employee.clone()),
        actor: render::employee(&links, caller.actor.employee.clone()),
        transaction_types: caller.tenant.platform.transaction_types(),
        is_approver: caller.actor.is_approver,
        can_move_service: caller.actor.can_move_service,
        custom_attributes: vec![CustomAttribute {
            name: "costCenter".into(),
            value: department,
        }],
    })
}
