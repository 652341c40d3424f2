//! The OpenAPI document at `/mobproc/v1/openapi.json`: served without a
//! token, valid OpenAPI 3.1 whose references all resolve, covering every
//! route, and describing the answers the sandbox really gives.
//!
//! The other direction, that every route is documented, holds by
//! construction: `api::documented_routes` builds the axum routes and the
//! document's paths from the same `utoipa_axum::routes!` lists.

mod common;
mod openapi_support;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use common::{request, seed_request, Sandbox, User};
use openapi_support::{assert_fits, operations, refs, response_schema};
use serde_json::Value;

async fn served_document(sandbox: &Sandbox) -> (common::Answer, Value) {
    let answer = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/openapi.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let document = answer.body.clone();
    (answer, document)
}

#[tokio::test]
async fn the_document_is_served_without_a_token_as_valid_openapi_3_1() {
    let sandbox = Sandbox::new();
    let (answer, document) = served_document(&sandbox).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(answer.headers[header::CACHE_CONTROL], "no-store");
    let version = document["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3.1."), "openapi: {version}");
    assert_eq!(document["servers"][0]["url"], "/mobproc/v1");
    let parsed: utoipa::openapi::OpenApi =
        serde_json::from_str(&answer.text).expect("the document parses as OpenAPI");
    assert_eq!(
        parsed.paths.paths.len(),
        document["paths"].as_object().unwrap().len()
    );
    assert_eq!(
        document,
        serde_json::to_value(mobproc_sandbox::api::openapi()).unwrap(),
        "the served document is the one generated from the routes"
    );
    let mut ids: Vec<&str> = operations(&document)
        .iter()
        .map(|(method, path)| {
            document["paths"][path][method]["operationId"]
                .as_str()
                .unwrap()
        })
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "operationIds are not unique: {ids:?}");
}

#[tokio::test]
async fn every_reference_resolves_to_a_component() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let references = refs(&document);
    assert!(references.len() > 50, "{references:?}");
    for reference in references {
        let pointer = reference
            .strip_prefix('#')
            .filter(|p| p.starts_with("/components/"))
            .unwrap_or_else(|| panic!("{reference} is not a local component"));
        assert!(
            document.pointer(pointer).is_some(),
            "{reference} does not resolve"
        );
    }
}

#[tokio::test]
async fn the_security_scheme_is_the_sandboxs_oauth_server() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let flows = &document["components"]["securitySchemes"]["mobproc_oauth"]["flows"];
    assert_eq!(
        flows["implicit"]["authorizationUrl"],
        "/as/authorization.oauth2"
    );
    assert_eq!(
        flows["authorizationCode"]["authorizationUrl"],
        "/as/authorization.oauth2"
    );
    assert_eq!(flows["authorizationCode"]["tokenUrl"], "/as/token.oauth2");
    assert!(flows["implicit"]["scopes"]["MOBPROC"].is_string());
    assert_eq!(document["security"][0]["mobproc_oauth"][0], "MOBPROC");
}

/// Every documented route answers something else than the unknown-route
/// or method-not-allowed fallback (path parameters get a placeholder).
#[tokio::test]
async fn every_documented_route_is_served() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let documented = operations(&document);
    for (method, path) in &documented {
        let concrete = path.replace("{id}", "no-such-id");
        let answer = match method.as_str() {
            "get" => peter.get(&concrete).await,
            "post" => peter.post(&concrete, &serde_json::json!({})).await,
            other => panic!("{other} {path}: a method the test does not send"),
        };
        assert!(
            !["404-resource-not-found", "405-method-not-allowed"].contains(&answer.error_code()),
            "{method} {path} is documented but not served: {}",
            answer.text
        );
    }
    // The check tells the fallbacks apart: an undocumented route is one.
    let unknown = peter.get("/no-such-resource").await;
    assert_eq!(unknown.error_code(), "404-resource-not-found");
    let wrong_method = peter.post("/me", &serde_json::json!({})).await;
    assert_eq!(wrong_method.error_code(), "405-method-not-allowed");
}

/// The routes docs/SANDBOX.md lists under "The API", as `(method, path)`:
/// the first cell of each row of its table, e.g. `` `GET /a`, `/a/{id}` ``.
fn routes_in_the_guide() -> BTreeSet<(String, String)> {
    let guide = include_str!("../../../docs/SANDBOX.md");
    let section = guide
        .split("## The API (`/mobproc/v1`)")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("the guide has its API section");
    let mut routes = BTreeSet::new();
    for row in section.lines().filter(|line| line.starts_with("| `")) {
        let cell = row.trim_start_matches("| ").split(" | ").next().unwrap();
        let mut method = "";
        for item in cell.split(", ") {
            let item = item.trim_matches('`');
            let path = match item.split_once(' ') {
                Some((named, path)) => {
                    method = named;
                    path
                }
                None => item,
            };
            let path = path.split('?').next().unwrap();
            routes.insert((method.to_lowercase(), path.to_owned()));
        }
    }
    routes
}

/// The document and the guide's table of routes name the same routes (and
/// the router serves every documented one: the test above).
#[tokio::test]
async fn the_document_has_every_route_of_the_guide_and_no_other() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let documented: BTreeSet<(String, String)> = operations(&document).into_iter().collect();
    assert_eq!(documented, routes_in_the_guide());
}

#[tokio::test]
async fn calls_with_a_token_document_the_headers_and_the_error_body() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    for (method, path) in operations(&document) {
        let operation = &document["paths"][&path][&method];
        let public = operation["security"] == serde_json::json!([{}]);
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let header = |name: &str| {
            parameters
                .iter()
                .find(|p| p["in"] == "header" && p["name"] == name)
                .cloned()
        };
        if public {
            assert!(header("client_id").is_none(), "{method} {path}");
        } else {
            for name in ["X-TNGO-TENANT", "client_id"] {
                let parameter = header(name)
                    .unwrap_or_else(|| panic!("{method} {path} does not document {name}"));
                assert_eq!(parameter["required"], true, "{method} {path} {name}");
            }
            for status in ["400", "401", "403"] {
                assert!(
                    operation["responses"][status].is_object(),
                    "{method} {path} does not document {status}"
                );
            }
        }
        for (status, answer) in operation["responses"].as_object().unwrap() {
            if status.starts_with('4') || status.starts_with('5') {
                let answer = openapi_support::resolve(&document, answer);
                assert_eq!(
                    answer["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
    }
}

#[tokio::test]
async fn query_and_path_parameters_are_documented() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let parameters = |method: &str, path: &str, place: &str| -> Vec<(String, bool)> {
        document["paths"][path][method]["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{method} {path} has no parameters"))
            .iter()
            .filter(|p| p["in"] == place)
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_owned(),
                    p["required"] == true,
                )
            })
            .collect()
    };
    let has = |list: &[(String, bool)], name: &str, required: bool| {
        list.iter().any(|(n, r)| n == name && *r == required)
    };
    let services = parameters("get", "/assets/services", "query");
    for name in [
        "employee",
        "companyEmployeeId",
        "serviceNumber",
        "limit",
        "offset",
    ] {
        assert!(has(&services, name, false), "{name}: {services:?}");
    }
    let properties = parameters("get", "/orders/properties", "query");
    assert!(has(&properties, "transactionType", true), "{properties:?}");
    assert!(has(&properties, "vendor", false), "{properties:?}");
    let acknowledgements = parameters("get", "/acknowledgements", "query");
    assert!(has(&acknowledgements, "transactionType", true));
    assert!(has(&acknowledgements, "vendor", true));
    let vendors = parameters("get", "/vendors", "query");
    assert!(has(&vendors, "type", false), "{vendors:?}");
    let orders = parameters("get", "/orders", "query");
    assert!(has(&orders, "eligibleToApproveEmployeeId", false));
    assert!(has(&orders, "includeApprovers", false));
    for path in ["/employees/{id}", "/orders/{id}/history", "/vendors/{id}"] {
        assert!(has(&parameters("get", path, "path"), "id", true), "{path}");
    }
    let limit = document["paths"]["/catalog/devices"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .cloned()
        .unwrap();
    assert_eq!(limit["schema"]["maximum"], 5000, "{limit}");
}

#[tokio::test]
async fn request_bodies_are_documented() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    for (path, schema) in [
        ("/orders", "OrderRequestBody"),
        ("/orders/{id}/approval", "ApprovalRequest"),
        ("/assets/services/{id}/move", "MoveServiceRequest"),
    ] {
        let body = &document["paths"][path]["post"]["requestBody"];
        assert_eq!(body["required"], true, "{path}");
        assert_eq!(
            body["content"]["application/json"]["schema"]["$ref"],
            format!("#/components/schemas/{schema}"),
            "{path}"
        );
    }
}

/// Real answers fit their documented schema: every key is a documented
/// property (so a renamed field fails), and every required one is there.
#[tokio::test]
async fn real_answers_fit_their_documented_schemas() {
    let sandbox = Sandbox::new();
    let (_, document) = served_document(&sandbox).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let catalog = peter.get("/catalog/devices").await;
    let device_id = catalog.body["devices"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let confirmation = peter.post("/orders?confirm=true", &seed_request()).await;
    assert_eq!(confirmation.status, StatusCode::OK, "{}", confirmation.text);
    let submitted = peter.post("/orders", &seed_request()).await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.text);
    let order_id = submitted.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    let reads = [
        ("/me", "/me".to_owned()),
        ("/employees", "/employees".to_owned()),
        ("/assets/services", "/assets/services".to_owned()),
        ("/catalog/devices", "/catalog/devices".to_owned()),
        (
            "/catalog/devices/{id}",
            format!("/catalog/devices/{device_id}"),
        ),
        ("/regions", "/regions".to_owned()),
        ("/orders", "/orders".to_owned()),
        ("/orders/{id}", format!("/orders/{order_id}")),
        (
            "/orders/{id}/history",
            format!("/orders/{order_id}/history"),
        ),
    ];
    for (documented, concrete) in reads {
        let answer = peter.get(&concrete).await;
        assert_eq!(answer.status, StatusCode::OK, "{concrete}: {}", answer.text);
        let schema = response_schema(&document, "get", documented, "200");
        assert_fits(&document, &answer.body, &schema, documented);
    }
    let create = response_schema(&document, "post", "/orders", "200");
    assert_fits(&document, &confirmation.body, &create, "confirm=true");
    assert_fits(&document, &submitted.body, &create, "submit");
    let missing = peter.get("/employees/no-such-id").await;
    let error = response_schema(&document, "get", "/employees/{id}", "404");
    assert_fits(&document, &missing.body, &error, "a 404");
}

#[test]
fn a_renamed_field_does_not_fit() {
    let document = serde_json::to_value(mobproc_sandbox::api::openapi()).unwrap();
    let me = response_schema(&document, "get", "/me", "200");
    let employee =
        serde_json::json!({"id": "1", "firstName": "A", "lastName": "B", "status": "ACTIVE"});
    let mut answer = serde_json::json!({
        "user": employee, "actor": employee, "transactionTypes": ["UPGRADE"],
        "isApprover": false, "canMoveService": false, "customAttributes": []
    });
    assert_eq!(openapi_support::fits(&document, &answer, &me), Ok(()));
    let flag = answer
        .as_object_mut()
        .unwrap()
        .remove("isApprover")
        .unwrap();
    answer["approver"] = flag;
    assert!(openapi_support::fits(&document, &answer, &me).is_err());
}
