//! `GET /employees`, `GET /employees/{id}`: only the caller and the people
//! who report to them are ever returned.

use axum::extract::OriginalUri;
use axum::routing::get;
use axum::{Json, Router};
use mobproc_types::{Employee, EmployeesPage};
use serde::Deserialize;

use crate::api::render;
use crate::auth::{load_employee, Caller};
use crate::db::all_bodies;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiPath, ApiQuery};
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/employees", get(list))
        .route("/employees/{id}", get(detail))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EmployeesQuery {
    employee: Option<String>,
    company_employee_id: Option<String>,
    /// Part of a first name, last name or e-mail, any case.
    search: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

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
