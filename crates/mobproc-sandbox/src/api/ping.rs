//! `GET /ping`: liveness, no token needed.

use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use mobproc_types::Ping;
use serde::Deserialize;

use crate::auth::{load_tenant, TENANT_HEADER};
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/ping", get(ping))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PingQuery {
    echo_text: Option<String>,
}

/// Echoes `echoText` and names the backend of the tenant in `X-TNGO-TENANT`.
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
