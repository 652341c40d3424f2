//! `POST /orders` (confirm or submit), `GET /orders[/{id}]`, an order's
//! history and shipments (`segments`), and `POST /orders/{id}/approval`.

mod approvers;
mod build;
mod eligibility;
pub mod lifecycle;
mod listing;
mod outcome;
mod segments;
mod settle;
mod store;
pub mod validate;

use std::future::Future;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use mobproc_types::{
    ApprovalAction, ApprovalRequest, ApprovalResponse, ApprovalStatus, ConfirmationResponse,
    ErrorBody, Order, OrderRequest, OrderRequestBody, OrderResponse, OrderStatus, ResponseStatus,
};
use serde::Deserialize;
use serde_json::Value;
use utoipa::openapi::schema::{OneOfBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::faults::DropMode;
use crate::links::Links;
use crate::state::AppState;
use store::{Confirmed, Submitted};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create, listing::list))
        .routes(routes!(detail))
        .routes(routes!(approval))
        .merge(segments::router())
}

fn step(state: &AppState) -> i64 {
    state.config.order_step_seconds as i64
}

/// An answer with the stored order's site-relative links made absolute.
fn with_links<T: serde::Serialize>(links: &Links, answer: &T) -> ApiResult<Json<Value>> {
    let mut value = serde_json::to_value(answer)?;
    build::absolutize(&mut value, links);
    Ok(Json(value))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct CreateQuery {
    /// `true`: validate and answer the confirmation, storing nothing.
    #[param(value_type = Option<bool>)]
    confirm: Option<String>,
}

/// The answer of `POST /orders` in the OpenAPI document: the confirmation
/// with `confirm=true`, else the stored order. (The handler answers JSON
/// with its links made absolute, so its type does not say which.)
enum CreateAnswer {}

impl PartialSchema for CreateAnswer {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(Ref::from_schema_name(ConfirmationResponse::name()))
            .item(Ref::from_schema_name(OrderResponse::name()))
            .into()
    }
}

impl ToSchema for CreateAnswer {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((
            ConfirmationResponse::name().into_owned(),
            ConfirmationResponse::schema(),
        ));
        ConfirmationResponse::schemas(schemas);
        schemas.push((OrderResponse::name().into_owned(), OrderResponse::schema()));
        OrderResponse::schemas(schemas);
    }
}

/// Validates the request; with `confirm=true` answers the confirmation,
/// otherwise stores the order (once per `externalOrderNumber`).
#[utoipa::path(
    post,
    path = "/orders",
    operation_id = "create_order",
    tag = "orders",
    params(CreateQuery),
    request_body = OrderRequestBody,
    responses(
        (status = 200, description = "The confirmation (`confirm=true`), or the stored order", body = CreateAnswer),
        (status = 400, description = "The order is not valid (every problem in `errors`), \
            its `externalOrderNumber` was used for another order, or `confirm` is not a boolean", body = ErrorBody),
        (status = 413, description = "The body is larger than the sandbox accepts", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    ApiQuery(query): ApiQuery<CreateQuery>,
    ApiJson(body): ApiJson<OrderRequestBody>,
) -> ApiResult<Response> {
    let confirm = match query.confirm.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            return Err(ApiError::bad_request(
                "invalid-confirm",
                format!("confirm must be true or false, not '{other}'."),
            ))
        }
    };
    let request = body.order_request;
    let now = state.clock.now();
    let step = step(&state);
    let drop_mode = state.faults().drop_after_store;
    let answer_links = links.clone();
    let outcome = if confirm {
        settle_if_due(&state, &caller, now, step).await?;
        // Confirming only reads: a read connection will do.
        state
            .db
            .read(move |connection| confirmation(connection, &caller, &request, now).map(Err))
            .await?
    } else {
        state
            .db
            .run(move |connection| {
                let (tenant, holder) = (&caller.tenant.code, &caller.actor.employee.id);
                settle::settle_completed(connection, tenant, holder, now, step)?;
                let confirmed = confirmation(connection, &caller, &request, now)?;
                store::submit(connection, &caller, &request, &confirmed, now, step).map(Ok)
            })
            .await?
    };
    match outcome {
        Err(confirmed) => Ok(with_links(
            &answer_links,
            &ConfirmationResponse {
                order_confirmation: confirmed.confirmation,
                status: ResponseStatus::Success,
            },
        )?
        .into_response()),
        Ok(Submitted::Replayed(order)) => Ok(order_answer(&answer_links, order)?.into_response()),
        Ok(Submitted::Created(order)) => match drop_mode {
            None => Ok(order_answer(&answer_links, order)?.into_response()),
            Some(DropMode::ServerError) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "500-answer-lost",
                "The order may have been stored, but its answer was lost (fault injection). Look it up by externalOrderNumber before sending it again.",
            )),
            Some(DropMode::Close) => Ok(dropped_answer()),
        },
    }
}

/// Applies the outcome of the actor's orders completed by `now` before a
/// new order is checked against the assets (a write, only when one is due).
async fn settle_if_due(state: &AppState, caller: &Caller, now: i64, step: i64) -> ApiResult<()> {
    let tenant = caller.tenant.code.clone();
    let holder = caller.actor.employee.id.clone();
    let (t, h) = (tenant.clone(), holder.clone());
    let due = state
        .db
        .read(move |c| settle::has_unsettled(c, &t, &h, now, step))
        .await?;
    if due {
        state
            .db
            .run(move |c| settle::settle_completed(c, &tenant, &holder, now, step))
            .await?;
    }
    Ok(())
}

/// Validates `request` at `now` (every problem at once), refuses a reused
/// `externalOrderNumber`, and expands it into its confirmation.
fn confirmation(
    connection: &rusqlite::Connection,
    caller: &Caller,
    request: &OrderRequest,
    now: i64,
) -> ApiResult<Confirmed> {
    let context = validate::load_context(connection, caller, request)?;
    let problems = validate::check_order(&context, request, now);
    if !problems.is_empty() {
        return Err(ApiError::invalid_order(problems));
    }
    let hash = store::request_hash(caller, request);
    store::check_not_duplicate(connection, &caller.tenant.code, request, &hash)?;
    Ok(Confirmed {
        confirmation: build::confirmation(&Links::new(""), caller, &context, request),
        carrier: build::order_carrier(&context),
        ships: context.ships(request),
    })
}

fn order_answer(links: &Links, order: Order) -> ApiResult<Json<Value>> {
    with_links(
        links,
        &OrderResponse {
            order,
            status: ResponseStatus::Success,
        },
    )
}

/// A 200 whose body breaks off: the status and the first bytes go out,
/// then the connection drops, so the client sees a network failure.
fn dropped_answer() -> Response {
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(BrokenBody::default()))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// A body that sends a few bytes, waits for them to leave, then fails.
#[derive(Default)]
struct BrokenBody {
    sent: bool,
    pause: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl futures_core::Stream for BrokenBody {
    type Item = Result<&'static [u8], std::io::Error>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        if !self.sent {
            self.sent = true;
            self.pause = Some(Box::pin(tokio::time::sleep(
                std::time::Duration::from_millis(100),
            )));
            return Poll::Ready(Some(Ok(b"{\"order\":")));
        }
        match self
            .pause
            .as_mut()
            .map(|pause| pause.as_mut().poll(context))
        {
            Some(Poll::Pending) => Poll::Pending,
            _ => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "answer dropped on purpose",
            )))),
        }
    }
}

/// Loads an order the caller may see, or answers 404.
async fn visible_order(state: &AppState, caller: Caller, id: String) -> ApiResult<Order> {
    let now = state.clock.now();
    let step = step(state);
    let lookup = id.clone();
    let order = state
        .db
        .run(move |c| {
            let order = store::load_order(c, &caller.tenant.code, &lookup, now, step)?;
            Ok(order.filter(|o| caller.may_act_for(&o.account_holder.id)))
        })
        .await?;
    order.ok_or_else(|| ApiError::not_found("order", &id))
}

/// One order the user may see, brought up to date.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    operation_id = "order_detail",
    tag = "orders",
    params(("id" = String, Path, description = "The order's id")),
    responses(
        (status = 200, description = "The order", body = OrderResponse),
        (status = 404, description = "No such order, or not one the user may see", body = ErrorBody),
    )
)]
async fn detail(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    ApiPath(id): ApiPath<String>,
) -> ApiResult<Json<Value>> {
    let order = visible_order(&state, caller, id).await?;
    order_answer(&links, order)
}

/// An approver's decision: only on orders of their reports that await one.
#[utoipa::path(
    post,
    path = "/orders/{id}/approval",
    operation_id = "order_approval",
    tag = "orders",
    params(("id" = String, Path, description = "The order's id")),
    request_body = ApprovalRequest,
    responses(
        (status = 200, description = "What became of the decision", body = ApprovalResponse),
        (status = 400, description = "`action` is not APPROVE or REJECT, or the body does not fit", body = ErrorBody),
        (status = 403, description = "The user is not an approver, or the order is their own", body = ErrorBody),
        (status = 404, description = "No such order, or not one the user may see", body = ErrorBody),
        (status = 413, description = "The body is larger than the sandbox accepts", body = ErrorBody),
    )
)]
async fn approval(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ApprovalRequest>,
) -> ApiResult<Json<ApprovalResponse>> {
    let approve = match request.action {
        ApprovalAction::Approve => true,
        ApprovalAction::Reject => false,
        ApprovalAction::Unknown(other) => {
            return Err(ApiError::bad_request(
                "invalid-approval-action",
                format!("action must be APPROVE or REJECT, not '{other}'."),
            ))
        }
    };
    if !caller.user.is_approver {
        return Err(ApiError::forbidden(
            "not-an-approver",
            "Only an approver may approve or reject orders.",
        ));
    }
    let order = visible_order(&state, caller.clone(), id.clone()).await?;
    if order.account_holder.id == caller.user.employee.id {
        return Err(ApiError::forbidden(
            "own-order",
            "Approvers cannot decide on their own orders.",
        ));
    }
    let now = state.clock.now();
    let step = step(&state);
    let tenant = caller.tenant.code.clone();
    let decided = state
        .db
        .run(move |c| {
            let reason = request.reason.as_deref();
            store::decide(c, &tenant, &order.order_id, approve, reason, now, step)
        })
        .await?
        .ok_or_else(|| ApiError::not_found("order", &id))?;
    let status = match decided {
        (OrderStatus::AwaitingApproval, _) if approve => ApprovalStatus::ApprovalQueued,
        (OrderStatus::AwaitingApproval, _) => ApprovalStatus::RejectionQueued,
        (OrderStatus::OrderSubmitted, true) => ApprovalStatus::NotReadyForApproval,
        _ => ApprovalStatus::ApprovalNotNeeded,
    };
    Ok(Json(ApprovalResponse { status }))
}
