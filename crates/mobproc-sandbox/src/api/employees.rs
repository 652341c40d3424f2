//! `GET /employees`, `GET /employees/{id}`: only the caller and the people
//! who report to them are ever returned.

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{Employee, EmployeesPage, ErrorBody};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::render;
use crate::auth::{load_employee, Caller};
use crate::db::all_bodies;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(detail))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct EmployeesQuery {
    /// Only this employee (Tangoe id).
    employee: Option<String>,
    /// Only the employee with this customer id.
    company_employee_id: Option<String>,
    /// Part of a first name, last name or e-mail, any case.
    search: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// The user and the people who report to them, directly or not.
#[utoipa::path(
    get,
    path = "/employees",
    operation_id = "list_employees",
    tag = "people",
    params(EmployeesQuery),
    responses((status = 200, description = "A page of employees", body = EmployeesPage))
)]
async fn list(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<EmployeesQuery>,
) -> ApiResult<Json<EmployeesPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let all: Vec<Employee> = state
        .db
        .read(move |c| {
            all_bodies(
                c,
                "SELECT body FROM employees WHERE tenant = ?1 ORDER BY seq",
                [tenant],
            )
        })
        .await?;
    let search = query.search.as_deref().map(str::to_lowercase);
    let matching: Vec<Employee> = all
        .into_iter()
        .filter(|e| caller.may_act_for(&e.id))
        .filter(|e| query.employee.as_ref().is_none_or(|id| &e.id == id))
        .filter(|e| {
            query
                .company_employee_id
                .as_ref()
                .is_none_or(|id| e.company_employee_id.as_ref() == Some(id))
        })
        .filter(|e| {
            search.as_ref().is_none_or(|needle| {
                [Some(&e.first_name), Some(&e.last_name), e.email.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|text| text.to_lowercase().contains(needle))
            })
        })
        .collect();
    let meta = paging.meta(&links, &uri, matching.len() as u32);
    Ok(Json(EmployeesPage {
        meta: Some(meta),
        employees: paging
            .slice(matching)
            .into_iter()
            .map(|e| render::employee(&links, e))
            .collect(),
    }))
}

/// One employee the user may act for.
#[utoipa::path(
    get,
    path = "/employees/{id}",
    operation_id = "employee_detail",
    tag = "people",
    params(("id" = String, Path, description = "The employee's Tangoe id")),
    responses(
        (status = 200, description = "The employee", body = Employee),
        (status = 404, description = "No such employee, or not one the user may act for", body = ErrorBody),
    )
)]
async fn detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Employee>> {
    if !caller.may_act_for(&id) {
        return Err(ApiError::not_found("employee", &id));
    }
    let tenant = caller.tenant.code.clone();
    let lookup = id.clone();
    let employee = state
        .db
        .read(move |c| load_employee(c, &tenant, &lookup))
        .await?
        .ok_or_else(|| ApiError::not_found("employee", &id))?;
    Ok(Json(render::employee(&links, employee)))
}
