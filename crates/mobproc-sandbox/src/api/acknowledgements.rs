//! `GET /acknowledgements?transactionType=&vendor=`: the notices and
//! consents a carrier asks for on an ownership transfer (TRANSACTIONS.md
//! 3.1). Both parameters are mandatory.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc_types::{AcknowledgementsResponse, ErrorBody, Meta, TransactionType};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::catalog::find_vendor;
use crate::auth::Caller;
use crate::db::find_body;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::links::Links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(acknowledgements))
}

/// What vendor `vendor_id` asks to acknowledge on `kind` orders (nothing
/// when it asks for nothing).
pub fn load_acknowledgements(
    connection: &Connection,
    tenant: &str,
    vendor_id: &str,
    kind: &TransactionType,
) -> ApiResult<AcknowledgementsResponse> {
    Ok(find_body(
        connection,
        "SELECT body FROM acknowledgements WHERE tenant = ?1 AND vendor_id = ?2 AND transaction_type = ?3",
        [tenant, vendor_id, kind.as_str()],
    )?
    .unwrap_or_default())
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct AcknowledgementsQuery {
    /// The order's type, e.g. `XFER_SERVICE_IN`.
    #[param(required = true)]
    transaction_type: Option<String>,
    /// The carrier's vendor id.
    #[param(required = true)]
    vendor: Option<String>,
}

fn required(value: Option<String>, code: &str, message: &str) -> ApiResult<String> {
    value
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request(code, message))
}

/// The carrier's infoblocks and acknowledgements for a transfer type
/// (empty for other types).
#[utoipa::path(
    get,
    path = "/acknowledgements",
    tag = "orders",
    params(AcknowledgementsQuery),
    responses(
        (status = 200, description = "What the carrier asks to acknowledge", body = AcknowledgementsResponse),
        (status = 400, description = "`transactionType` or `vendor` is missing", body = ErrorBody),
        (status = 404, description = "No such vendor in the tenant", body = ErrorBody),
    )
)]
async fn acknowledgements(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<AcknowledgementsQuery>,
) -> ApiResult<Json<AcknowledgementsResponse>> {
    let kind: TransactionType = required(
        query.transaction_type,
        "transaction-type-required",
        "transactionType is required, e.g. transactionType=XFER_SERVICE_IN.",
    )?
    .parse()
    .unwrap_or_else(|never| match never {});
    let vendor = required(
        query.vendor,
        "vendor-required",
        "vendor is required: the carrier that fulfils the order (vendor=...).",
    )?;
    let mut answer = state
        .db
        .read(move |c| {
            let tenant = &caller.tenant.code;
            find_vendor(c, tenant, &vendor)?
                .ok_or_else(|| ApiError::not_found("vendor", &vendor))?;
            load_acknowledgements(c, tenant, &vendor, &kind)
        })
        .await?;
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    answer.meta = Some(Meta::href(links.absolute(path_and_query)));
    Ok(Json(answer))
}
