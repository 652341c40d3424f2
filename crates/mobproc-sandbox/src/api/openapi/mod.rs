//! The OpenAPI 3.1 description of the API, served at
//! `GET /mobproc/v1/openapi.json`.
//!
//! It is generated from the code, so it cannot drift from what is served:
//! each handler carries its `#[utoipa::path]` beside it, and each resource's
//! `router()` registers its handlers with `utoipa_axum::routes!`, which
//! builds the axum route and the document's path from the same handler.
//! `api::documented_routes` merges them: a route cannot be served
//! without being documented, nor documented without being served.
//!
//! What every call with a token shares is added here once (`shared`):
//! the required headers, the context headers and the error answers.

mod shared;

use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{
    AuthorizationCode, Flow, Implicit, OAuth2, Password, Scopes, SecurityRequirement,
    SecurityScheme,
};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::oauth::SCOPE;
use crate::state::AppState;

/// The name of the OAuth 2 security scheme in the document.
pub const SECURITY_SCHEME: &str = "mobproc_oauth";

/// The document's fixed part: title, server, security, tags.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "MOBPROC v1 (sandbox)",
        version = "1",
        description = "The Tangoe Mobile Procurement v1 API as the MOBPROC sandbox implements it. \
            Every call but `/ping` and this document needs an access token from the sandbox's \
            OAuth server (`/as`) and the `client_id` and `X-TNGO-TENANT` headers. \
            Errors answer the MOBPROC error body (`ErrorBody`).",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/mobproc/v1", description = "This sandbox")),
    modifiers(&OAuthScheme),
    tags(
        (name = "service", description = "Liveness and this description"),
        (name = "people", description = "The signed-in user and the employees they may act for"),
        (name = "assets", description = "Lines (services) and devices"),
        (name = "catalog", description = "Devices, plans, features, accessories, vendors"),
        (name = "regions", description = "Countries and their states, with address formats"),
        (name = "orders", description = "Order details, confirmation, submission and approval"),
    )
)]
pub struct ApiDoc;

/// The sandbox's own OAuth server as the document's security scheme,
/// required by every operation that does not say `security(())`.
struct OAuthScheme;

impl Modify for OAuthScheme {
    fn modify(&self, document: &mut Document) {
        let scopes = || Scopes::one(SCOPE, "Calls to the MOBPROC API");
        let (authorize, token) = ("/as/authorization.oauth2", "/as/token.oauth2");
        let scheme = OAuth2::with_description(
            [
                Flow::Implicit(Implicit::new(authorize, scopes())),
                Flow::AuthorizationCode(AuthorizationCode::new(authorize, token, scopes())),
                Flow::Password(Password::new(token, scopes())),
            ],
            "The sandbox's OAuth 2 server; the code grant needs PKCE (S256).",
        );
        document
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(SECURITY_SCHEME, SecurityScheme::OAuth2(scheme));
        document.security = Some(vec![SecurityRequirement::new(SECURITY_SCHEME, [SCOPE])]);
    }
}

/// The complete document: the routes' paths, with what the calls share.
pub fn complete(mut document: Document) -> Document {
    shared::add(&mut document);
    document
}

/// The route of the document itself.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_json))
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    super::openapi()
        .to_json()
        .expect("the OpenAPI document serializes")
});

/// This description: OpenAPI 3.1, generated from the sandbox's routes.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "service",
    security(()),
    responses(
        (status = 200, description = "The OpenAPI 3.1 description of this API", body = Object)
    )
)]
async fn openapi_json() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}
