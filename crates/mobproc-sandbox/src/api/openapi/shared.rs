//! What the operations share, added once to the whole document: the
//! headers and error answers of every call that needs a token, and the
//! 500 any call may answer.
//!
//! An operation needs a token unless its `#[utoipa::path]` says
//! `security(())` (public: `/ping`, the document itself).

use mobproc_types::ErrorBody;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, Required, ResponseBuilder};
use utoipa::{PartialSchema, ToSchema};

/// The headers of every call with a token (as `crate::auth` reads them):
/// name, whether required, what it is.
const CALLER_HEADERS: &[(&str, bool, &str)] = &[
    (
        "X-TNGO-TENANT",
        true,
        "The tenant (customer) code; the signed-in user must belong to it.",
    ),
    (
        "client_id",
        true,
        "The registered client application's id; the token must have been issued to it.",
    ),
    (
        "X-TNGO-CONTEXT-EMPLOYEEID",
        false,
        "Act on behalf of this employee (Tangoe id): the user or someone who reports to them. Wins over the company id.",
    ),
    (
        "X-TNGO-CONTEXT-COMPANYEMPLOYEEID",
        false,
        "Act on behalf of this employee, named by the customer's id for them.",
    ),
    (
        "X-TNGO-CONTEXT-ACTIVITYID",
        false,
        "Groups related calls in logs; echoed back in the answer.",
    ),
    (
        "X-TNGO-CONTEXT-CORRELATIONID",
        false,
        "Tags one call in logs; echoed back in the answer.",
    ),
];

/// The reusable error answers: component name, status, description.
const ERROR_ANSWERS: &[(&str, &str, &str)] = &[
    (
        "BadRequest",
        "400",
        "A required header is missing, or a parameter or the body is not valid (`400-...`).",
    ),
    (
        "Unauthorized",
        "401",
        "No usable access token: missing, unknown, revoked or expired (`401-...`).",
    ),
    (
        "Forbidden",
        "403",
        "The token was issued to another client, the user is not of the tenant, \
         or the context header names someone they may not act for (`403-...`).",
    ),
    (
        "ServerError",
        "500",
        "The sandbox failed (or fault injection failed the call on purpose).",
    ),
];

/// Adds the error body schemas, the error answers, and to each operation
/// its shared headers and errors.
pub fn add(document: &mut OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    let mut schemas = vec![(ErrorBody::name().into_owned(), ErrorBody::schema())];
    ErrorBody::schemas(&mut schemas);
    components.schemas.extend(schemas);
    for (name, _, description) in ERROR_ANSWERS {
        let body = Content::new(Some(Ref::from_schema_name(ErrorBody::name())));
        let answer = ResponseBuilder::new()
            .description(*description)
            .content("application/json", body)
            .build();
        components.responses.insert(name.to_string(), answer.into());
    }
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            if operation.security.is_none() {
                add_caller_headers(operation);
                for name in ["BadRequest", "Unauthorized", "Forbidden"] {
                    add_error(operation, name);
                }
            }
            add_error(operation, "ServerError");
        }
    }
}

fn add_caller_headers(operation: &mut Operation) {
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    for (name, required, description) in CALLER_HEADERS {
        let required = if *required {
            Required::True
        } else {
            Required::False
        };
        parameters.push(
            ParameterBuilder::new()
                .name(*name)
                .parameter_in(ParameterIn::Header)
                .required(required)
                .description(Some(*description))
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .build(),
        );
    }
}

/// Adds the shared error answer `name` unless the operation describes
/// that status itself.
fn add_error(operation: &mut Operation, name: &str) {
    let Some((_, status, _)) = ERROR_ANSWERS.iter().find(|(n, _, _)| *n == name) else {
        return;
    };
    operation
        .responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
}
