//! `POST /assets/services/{id}/move`: gives a line (and some of its
//! charges) to another employee. A direct asset update, not an order: the
//! line and its device belong to the new owner at once, and the charges
//! moved are kept in the line's `move_charges` column.

use axum::extract::State;
use axum::Json;
use mobproc_types::{
    EntityStatus, ErrorBody, ModelRef, MoveCharges, MoveServiceRequest, MovedDevice, MovedPlan,
    MovedService, MovedVendors, NamedRef, NewOwner, Plan, ServiceAsset,
};
use rusqlite::{params, Connection, OptionalExtension};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::assets::{load_service, ServiceRow};
use crate::api::order_actions::with_order_actions;
use crate::api::render;
use crate::auth::{load_employee, Caller};
use crate::db::find_body;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath};
use crate::links::Links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(move_service))
}

/// Gives the line and its device to another employee the user may act
/// for; answers the line's updated detail.
#[utoipa::path(
    post,
    path = "/assets/services/{id}/move",
    tag = "assets",
    params(("id" = String, Path, description = "The line's id")),
    request_body = MoveServiceRequest,
    responses(
        (status = 200, description = "The line, now the new owner's", body = MovedService),
        (status = 400, description = "Not exactly one new owner, an unknown `moveCharges`, an inactive or the same owner, or a body that does not fit", body = ErrorBody),
        (status = 403, description = "The actor may not move lines (`canMoveService` in `/me`)", body = ErrorBody),
        (status = 404, description = "No such line or new owner, or not one the user may see", body = ErrorBody),
        (status = 413, description = "The body is larger than the sandbox accepts", body = ErrorBody),
    )
)]
async fn move_service(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<MoveServiceRequest>,
) -> ApiResult<Json<MovedService>> {
    if !caller.actor.can_move_service {
        return Err(ApiError::forbidden(
            "cannot-move-service",
            "You may not move lines between employees (see canMoveService in /me).",
        ));
    }
    check_request(&request)?;
    let backend = caller.tenant.platform.backend();
    let (row, plan) = state
        .db
        .run(move |connection| {
            let tx = connection.transaction()?;
            let moved = give_line(&tx, &caller, &id, &request)?;
            tx.commit()?;
            Ok(moved)
        })
        .await?;
    let service = with_order_actions(render::service(&links, row.service, row.device), backend);
    Ok(Json(moved_service(&links, service, plan)))
}

/// Exactly one new owner, and charges the API knows.
fn check_request(request: &MoveServiceRequest) -> ApiResult<()> {
    if request.new_owner().is_none() {
        return Err(ApiError::bad_request(
            "exactly-one-new-owner",
            "Name the new owner with exactly one of newOwnerEmployeeId or newOwnerCompanyEmployeeId.",
        ));
    }
    if let MoveCharges::Unknown(other) = &request.move_charges {
        return Err(ApiError::bad_request(
            "invalid-move-charges",
            format!(
                "moveCharges must be MOVE_NO_CHARGES, MOVE_CHARGES_FOR_LAST_MONTH_ONLY or MOVE_ALL_CHARGES, not '{other}'."
            ),
        ));
    }
    Ok(())
}

/// The id of the employee `owner` names, if they are someone the caller
/// may see; anyone else is "not found", as if they did not exist.
fn new_owner_id(connection: &Connection, caller: &Caller, owner: NewOwner) -> ApiResult<String> {
    let (id, given) = match owner {
        NewOwner::EmployeeId(id) => (Some(id.to_owned()), id),
        NewOwner::CompanyEmployeeId(company_id) => (
            connection
                .query_row(
                    "SELECT id FROM employees WHERE tenant = ?1 AND company_employee_id = ?2",
                    [&caller.tenant.code, company_id],
                    |row| row.get(0),
                )
                .optional()?,
            company_id,
        ),
    };
    id.filter(|id| caller.may_act_for(id))
        .ok_or_else(|| ApiError::not_found("employee", given))
}

/// Moves the line `id` to the request's new owner; answers the line as it
/// now is and the name of its plan.
fn give_line(
    connection: &Connection,
    caller: &Caller,
    id: &str,
    request: &MoveServiceRequest,
) -> ApiResult<(ServiceRow, Option<String>)> {
    let tenant = &caller.tenant.code;
    let mut row =
        load_service(connection, caller, id)?.ok_or_else(|| ApiError::not_found("service", id))?;
    let owner = request.new_owner().ok_or_else(|| {
        ApiError::bad_request("exactly-one-new-owner", "Name exactly one new owner.")
    })?;
    let owner_id = new_owner_id(connection, caller, owner)?;
    let person = load_employee(connection, tenant, &owner_id)?
        .ok_or_else(|| ApiError::not_found("employee", &owner_id))?;
    if person.status != EntityStatus::Active {
        return Err(ApiError::bad_request(
            "new-owner-not-active",
            format!(
                "{} is not an active employee: a line can only go to an active one.",
                person.full_name()
            ),
        ));
    }
    if owner_id == row.employee_id {
        return Err(ApiError::bad_request(
            "same-owner",
            format!(
                "The line already belongs to {}: name another employee.",
                person.full_name()
            ),
        ));
    }
    row.service.employee = Some(NamedRef {
        meta: None,
        id: owner_id.clone(),
        name: Some(person.full_name()),
        logo_url: None,
    });
    connection.execute(
        "UPDATE services SET employee_id = ?1, move_charges = ?2, body = ?3
         WHERE tenant = ?4 AND id = ?5",
        params![
            owner_id,
            request.move_charges.as_str(),
            serde_json::to_string(&row.service)?,
            tenant,
            id
        ],
    )?;
    connection.execute(
        "UPDATE device_assets SET employee_id = ?1 WHERE tenant = ?2 AND service_id = ?3",
        params![owner_id, tenant, id],
    )?;
    row.employee_id = owner_id;
    Ok((
        row.clone(),
        line_plan_name(connection, tenant, &row.vendor_id)?,
    ))
}

/// The sandbox keeps no plan per line: a line is on its carrier's first plan.
fn line_plan_name(
    connection: &Connection,
    tenant: &str,
    vendor_id: &str,
) -> ApiResult<Option<String>> {
    let plan: Option<Plan> = find_body(
        connection,
        "SELECT body FROM plans WHERE tenant = ?1 AND vendor_id = ?2 ORDER BY seq LIMIT 1",
        [tenant, vendor_id],
    )?;
    Ok(plan.map(|plan| plan.name))
}

/// The move's answer: the line's detail with its plan, both vendors and
/// its device's model as an object.
fn moved_service(links: &Links, service: ServiceAsset, plan: Option<String>) -> MovedService {
    MovedService {
        meta: service.meta,
        id: service.id,
        service_number: service.service_number,
        status: service.status,
        contract_dates: service.contract_dates,
        plan: plan.map(|name| MovedPlan { name }),
        vendor: service.vendor.map(|vendor| MovedVendors {
            billing: Some(vendor.clone()),
            current: Some(vendor),
        }),
        employee: service.employee,
        device: service.device.map(|device| MovedDevice {
            id: device.id,
            model: device.model.map(|model| ModelRef {
                image_url: Some(links.absolute(&format!(
                    "/sandbox/images/devices/{}.svg",
                    render::segment(&model)
                ))),
                id: model.clone(),
                name: model,
            }),
            order_actions: device.order_actions,
        }),
        order_actions: service.order_actions,
    }
}
