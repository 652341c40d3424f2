//! Router tests of the read resources: every route, its filters and errors.
//! Here: ping, the user and their context, employees and images; the
//! assets, the catalog and the reference data have their own files.

mod assets;
mod catalog;
#[path = "../common/mod.rs"]
mod common;
mod reference;

use axum::body::Body;
use axum::http::Method;
use common::*;

#[tokio::test]
async fn ping_needs_no_token_and_names_the_backend() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .send(
            request(Method::GET, "/mobproc/v1/ping?echoText=hello")
                .header("x-tngo-tenant", "GLOBEX")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["echoText"], "hello");
    assert_eq!(answer.body["backend"], "Rivermine");
}

#[tokio::test]
async fn me_names_the_user_the_actor_and_their_rights() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let me = peter.get("/me").await;
    assert_eq!(me.status, 200, "{}", me.text);
    assert_eq!(me.body["user"]["id"], "28673732");
    assert_eq!(me.body["actor"]["id"], "28673732");
    assert_eq!(me.body["transactionTypes"].as_array().unwrap().len(), 12);
    assert_eq!(me.body["isApprover"], false);
    assert_eq!(
        me.body["user"]["_meta"]["href"],
        "http://sandbox.test/mobproc/v1/employees/28673732"
    );

    let mut maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    assert_eq!(maria.get("/me").await.body["isApprover"], true);
    maria.acting_for = Some("28673732".into());
    let acting = maria.get("/me").await;
    assert_eq!(acting.body["user"]["lastName"], "Lopez");
    assert_eq!(acting.body["actor"]["id"], "28673732");
}

#[tokio::test]
async fn context_by_company_employee_id_works_for_reports_only() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let answer = sandbox
        .send(
            api_request(Method::GET, "/me", &maria.token, "ACME")
                .header("x-tngo-context-companyemployeeid", "peter.edwards.acme")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.body["actor"]["id"], "28673732", "{}", answer.text);

    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let refused = sandbox
        .send(
            api_request(Method::GET, "/me", &peter.token, "ACME")
                .header("x-tngo-context-companyemployeeid", "maria.lopez.acme")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_error(&refused, 403, "403-context-not-allowed");
}

#[tokio::test]
async fn employees_are_only_those_the_user_may_act_for() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let mine = peter.get("/employees").await;
    assert_eq!(mine.body["employees"].as_array().unwrap().len(), 1);
    assert_eq!(mine.body["_meta"]["totalCount"], 1);
    assert_error(
        &peter.get("/employees/28673700").await,
        404,
        "404-employee-not-found",
    );

    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let team = maria.get("/employees?limit=2").await;
    let total = team.body["_meta"]["totalCount"].as_u64().unwrap();
    assert!(total >= 3, "Maria has reports: {}", team.text);
    assert_eq!(team.body["employees"].as_array().unwrap().len(), 2);
    assert!(team.body["_meta"]["hrefNext"]
        .as_str()
        .unwrap()
        .ends_with("limit=2&offset=2"));
    let detail = maria.get("/employees/28673732").await;
    assert_eq!(detail.body["firstName"], "Peter");
    assert!(detail.body["_meta"]["hrefServices"]
        .as_str()
        .unwrap()
        .contains("employee=28673732"));
    let found = maria.get("/employees?search=EDWARDS").await;
    assert_eq!(found.body["employees"][0]["id"], "28673732");
}

#[tokio::test]
async fn images_are_served_by_the_sandbox() {
    let sandbox = Sandbox::new();
    let logo = sandbox
        .send(
            request(Method::GET, "/sandbox/images/vendors/98.svg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(logo.status, 200);
    assert_eq!(logo.headers["content-type"], "image/svg+xml");
    assert!(logo.text.starts_with("<svg"));
    let missing = sandbox
        .send(
            request(Method::GET, "/sandbox/images/planets/x.svg")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(missing.status, 404);
}
