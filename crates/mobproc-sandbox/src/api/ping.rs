//! `GET /ping`: liveness, no token needed.

use axum::http::HeaderMap;
use axum::Json;
use mobproc_types::{ErrorBody, Ping};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{load_tenant, TENANT_HEADER};
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(ping))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
struct PingQuery {
    /// Sent back as `echoText`.
    echo_text: Option<String>,
}

/// Echoes `echoText` and names the backend of the tenant in `X-TNGO-TENANT`.
#[utoipa::path(
    get,
    path = "/ping",
    tag = "service",
    security(()),
    params(
        PingQuery,
        ("X-TNGO-TENANT" = Option<String>, Header, description = "A tenant code: the answer names its backend"),
    ),
    responses(
        (status = 200, description = "The service is up", body = Ping),
        (status = 400, description = "A query parameter is not valid", body = ErrorBody),
    )
)]
async fn ping(
    axum::extract::State(state): axum::extract::State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<PingQuery>,
) -> ApiResult<Json<Ping>> {
    let tenant = headers
        .get(TENANT_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let backend = match tenant {
        Some(code) => state
            .db
            .read(move |c| load_tenant(c, &code))
            .await?
            .map(|tenant| tenant.platform.backend_name().to_owned()),
        None => None,
    };
    Ok(Json(Ping {
        echo_text: query.echo_text,
        backend: backend.unwrap_or_else(|| "MOBPROC sandbox".to_owned()),
        status: "UP".to_owned(),
    }))
}
