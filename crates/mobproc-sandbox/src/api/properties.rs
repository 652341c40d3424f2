//! `GET /orders/properties`: the vendor's order property groups for a line
//! or a vendor, with device-only or plan-only fields dropped on request.

use axum::extract::OriginalUri;
use axum::Json;
use mobproc_types::{
    ErrorBody, Meta, PropertiesResponse, PropertyGroup, PropertyGroups, TransactionType,
};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::assets::load_service;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::links::Links;
use crate::model::{StoredPropertyGroup, EVERY_VENDOR};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(properties))
}

/// The stored property groups of a vendor for a transaction type.
pub fn load_property_groups(
    connection: &Connection,
    tenant: &str,
    vendor_id: &str,
    transaction_type: &str,
) -> ApiResult<Vec<StoredPropertyGroup>> {
    let body: Option<String> = connection
        .query_row(
            "SELECT body FROM order_properties WHERE tenant = ?1 AND vendor_id IN (?2, ?4)
               AND transaction_type = ?3 ORDER BY vendor_id = ?4 LIMIT 1",
            [tenant, vendor_id, transaction_type, EVERY_VENDOR],
            |row| row.get(0),
        )
        .optional()?;
    Ok(match body {
        Some(text) => serde_json::from_str(&text)?,
        None => Vec::new(),
    })
}

/// The groups that apply to an order with or without a device and a plan.
pub fn applicable_groups(
    groups: &[StoredPropertyGroup],
    has_device: bool,
    has_plan: bool,
) -> Vec<PropertyGroup> {
    groups
        .iter()
        .filter_map(|group| group.for_order(has_device, has_plan))
        .collect()
}

/// UNSUSPEND's `USER` pre-filled with the actor's company employee id
/// (TRANSACTIONS.md section 4, UNSUSPEND).
fn with_user(mut group: PropertyGroup, company_employee_id: &str) -> PropertyGroup {
    for field in group.fields.iter_mut().filter(|f| f.id == "USER") {
        field.text = Some(company_employee_id.to_owned());
    }
    group
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct PropertiesQuery {
    /// The order's type, e.g. `UPGRADE`.
    #[param(required = true)]
    transaction_type: Option<String>,
    /// The line the order is for (its vendor's properties).
    service: Option<String>,
    /// The vendor whose properties to list (without a line).
    vendor: Option<String>,
    /// Drops the fields that only apply to a device.
    #[serde(default)]
    order_excludes_device: bool,
    /// Drops the fields that only apply to a plan.
    #[serde(default)]
    order_excludes_plan: bool,
}

/// The vendor's order property groups for a transaction type.
#[utoipa::path(
    get,
    path = "/orders/properties",
    tag = "orders",
    params(PropertiesQuery),
    responses(
        (status = 200, description = "The property groups to fill in", body = PropertiesResponse),
        (status = 400, description = "`transactionType` is missing, or neither `service` nor `vendor` is given", body = ErrorBody),
        (status = 404, description = "No such line or vendor, or not one the user may see", body = ErrorBody),
    )
)]
async fn properties(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<PropertiesQuery>,
) -> ApiResult<Json<PropertiesResponse>> {
    let transaction_type: TransactionType = match query.transaction_type.as_deref() {
        Some(text) => text.parse().unwrap_or_else(|never| match never {}),
        None => {
            return Err(ApiError::bad_request(
                "transaction-type-required",
                "transactionType is required, e.g. transactionType=UPGRADE.",
            ))
        }
    };
    let (has_device, has_plan) = (!query.order_excludes_device, !query.order_excludes_plan);
    let actor_id = caller.actor.employee.company_employee_id.clone();
    let prefill_user = transaction_type == TransactionType::Unsuspend;
    let groups = state
        .db
        .read(move |c| {
            let vendor_id =
                match (&query.service, &query.vendor) {
                    (Some(service), _) => {
                        load_service(c, &caller, service)?
                            .ok_or_else(|| ApiError::not_found("service", service))?
                            .vendor_id
                    }
                    (None, Some(vendor)) => {
                        crate::api::catalog::find_vendor(c, &caller.tenant.code, vendor)?
                            .ok_or_else(|| ApiError::not_found("vendor", vendor))?
                            .id
                    }
                    (None, None) => return Err(ApiError::bad_request(
                        "service-or-vendor-required",
                        "Vendor ID or Service ID must be passed in (service=... or vendor=...).",
                    )),
                };
            load_property_groups(
                c,
                &caller.tenant.code,
                &vendor_id,
                transaction_type.as_str(),
            )
        })
        .await?;
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    Ok(Json(PropertiesResponse {
        properties: PropertyGroups {
            meta: Some(Meta::href(links.absolute(path_and_query))),
            items: applicable_groups(&groups, has_device, has_plan)
                .into_iter()
                .map(|group| match (&actor_id, prefill_user) {
                    (Some(id), true) => with_user(group, id),
                    _ => group,
                })
                .collect(),
        },
    }))
}
