//! Router tests of what a line offers (`orderActions`), what the actor may
//! order (`/me`), and moving a line to another employee.

mod common;

use common::*;
use mobproc_types::{MovedService, TransactionType};
use serde_json::{json, Value};

/// Sets a stored line's status, as an order would.
async fn set_line_status(sandbox: &Sandbox, service_id: &str, status: &str) {
    let (id, status) = (service_id.to_owned(), status.to_owned());
    sandbox
        .state
        .db
        .run(move |c| {
            c.execute(
                "UPDATE services SET body = json_set(body, '$.status', ?1) WHERE id = ?2",
                [status, id],
            )?;
            Ok(())
        })
        .await
        .unwrap();
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn me_lists_every_type_the_backend_takes_and_who_may_move() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let me = peter.get("/me").await;
    let all: Vec<&str> = TransactionType::KNOWN.iter().map(|t| t.as_str()).collect();
    assert_eq!(names(&me.body["transactionTypes"]), all);
    assert_eq!(me.body["canMoveService"], false);
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    assert_eq!(maria.get("/me").await.body["canMoveService"], true);
    let marc = User::sign_in(&sandbox, "marc.gagnon", "GLOBEX").await;
    assert_eq!(
        names(&marc.get("/me").await.body["transactionTypes"]).len(),
        12
    );
    let amelia = User::sign_in(&sandbox, "amelia.clarke", "INITECH").await;
    let atlas = amelia.get("/me").await;
    assert_eq!(
        names(&atlas.body["transactionTypes"]),
        ["NEW_ACTIVATION", "UPGRADE", "ORDER_ACCESSORIES"]
    );
    assert_eq!(atlas.body["canMoveService"], true);
}

#[tokio::test]
async fn lines_offer_the_actions_their_state_allows() {
    let sandbox = Sandbox::new();
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let detail = peter.get("/assets/services/38382349").await;
    assert_eq!(detail.status, 200, "{}", detail.text);
    assert_eq!(
        names(&detail.body["orderActions"]),
        [
            "UPGRADE",
            "PORT_NUMBER",
            "UPDATE_FEATURES",
            "SUSPEND",
            "DEACTIVATE",
            "XFER_SERVICE_OUT"
        ]
    );
    assert_eq!(
        names(&detail.body["device"]["orderActions"]),
        ["UPGRADE", "ORDER_ACCESSORIES", "SWAP_DEVICES"]
    );

    set_line_status(&sandbox, "38382349", "SUSPENDED").await;
    set_line_status(&sandbox, "38382350", "INACTIVE").await;
    let list = peter.get("/assets/services").await;
    let lines = list.body["services"].as_array().unwrap();
    let line = |id: &str| lines.iter().find(|l| l["id"] == id).unwrap().clone();
    let suspended = line("38382349");
    assert_eq!(
        names(&suspended["orderActions"]),
        ["UNSUSPEND", "DEACTIVATE"]
    );
    assert!(names(&suspended["device"]["orderActions"]).is_empty());
    let inactive = line("38382350");
    assert!(names(&inactive["orderActions"]).is_empty());
    assert!(names(&inactive["device"]["orderActions"]).is_empty());
}

#[tokio::test]
async fn atlas_lines_offer_only_atlas_types() {
    let sandbox = Sandbox::new();
    let oliver = User::sign_in(&sandbox, "oliver.bennett", "INITECH").await;
    let list = oliver.get("/assets/services").await;
    let line = &list.body["services"][0];
    assert_eq!(names(&line["orderActions"]), ["UPGRADE"]);
    assert_eq!(
        names(&line["device"]["orderActions"]),
        ["UPGRADE", "ORDER_ACCESSORIES"]
    );
}

fn move_body(owner: Value, charges: &str) -> Value {
    let mut body = owner;
    body["moveCharges"] = json!(charges);
    body
}

#[tokio::test]
async fn a_moved_line_belongs_to_its_new_owner() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let moved = maria
        .post(
            "/assets/services/38382350/move",
            &move_body(
                json!({"newOwnerEmployeeId": "28673802"}),
                "MOVE_ALL_CHARGES",
            ),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.text);
    let answer: MovedService = serde_json::from_value(moved.body.clone()).unwrap();
    assert_eq!(answer.id, "38382350");
    assert_eq!(answer.employee.as_ref().unwrap().id, "28673802");
    assert!(answer.plan.is_some_and(|plan| !plan.name.is_empty()));
    let vendors = answer.vendor.unwrap();
    assert_eq!(vendors.billing, vendors.current);
    assert!(vendors.billing.unwrap().logo_url.is_some());
    let device = answer.device.unwrap();
    let model = device.model.unwrap();
    assert_eq!(
        (model.id.as_str(), model.name.as_str()),
        ("iPhone 12", "iPhone 12")
    );
    assert!(model.image_url.unwrap().starts_with("http://sandbox.test/"));
    assert!(device
        .order_actions
        .unwrap()
        .contains(&TransactionType::SwapDevices));
    assert!(answer
        .order_actions
        .unwrap()
        .contains(&TransactionType::Suspend));

    let peters = peter.get("/assets/services").await;
    assert!(!peters.text.contains("38382350"), "{}", peters.text);
    assert_error(
        &peter.get("/assets/services/38382350").await,
        404,
        "404-service-not-found",
    );
    assert!(!peter.get("/assets/devices").await.text.contains("35362369"));
    let theirs = maria.get("/assets/services?employee=28673802").await;
    assert!(theirs.text.contains("38382350"), "{}", theirs.text);
    let devices = maria.get("/assets/devices?employee=28673802").await;
    assert!(devices.text.contains("35362369"), "{}", devices.text);

    let charges = sandbox
        .state
        .db
        .run(|c| {
            Ok(c.query_row(
                "SELECT move_charges FROM services WHERE id = '38382350'",
                [],
                |row| row.get::<_, String>(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(charges, "MOVE_ALL_CHARGES");

    let back = maria
        .post(
            "/assets/services/38382350/move",
            &move_body(
                json!({"newOwnerCompanyEmployeeId": "peter.edwards.acme"}),
                "MOVE_NO_CHARGES",
            ),
        )
        .await;
    assert_eq!(back.body["employee"]["id"], "28673732", "{}", back.text);
    assert!(peter
        .get("/assets/services")
        .await
        .text
        .contains("38382350"));
}

#[tokio::test]
async fn moves_refuse_bad_bodies_strangers_and_the_unauthorised() {
    let sandbox = Sandbox::new();
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let path = "/assets/services/38382350/move";
    let to_report = json!({"newOwnerEmployeeId": "28673802", "moveCharges": "MOVE_NO_CHARGES"});
    assert_error(
        &peter.post(path, &to_report).await,
        403,
        "403-cannot-move-service",
    );
    for owners in [
        json!({}),
        json!({"newOwnerEmployeeId": "28673802", "newOwnerCompanyEmployeeId": "maria.lopez.acme"}),
    ] {
        assert_error(
            &maria
                .post(path, &move_body(owners, "MOVE_NO_CHARGES"))
                .await,
            400,
            "400-exactly-one-new-owner",
        );
    }
    assert_error(
        &maria
            .post(
                path,
                &move_body(json!({"newOwnerEmployeeId": "28673802"}), "HALF"),
            )
            .await,
        400,
        "400-invalid-move-charges",
    );
    assert_error(
        &maria
            .post(path, &json!({"newOwnerEmployeeId": "28673802"}))
            .await,
        400,
        "400-invalid-request-body",
    );
    let mut unknown_key = to_report.clone();
    unknown_key["comment"] = json!("why");
    assert_error(
        &maria.post(path, &unknown_key).await,
        400,
        "400-invalid-request-body",
    );
    assert_error(
        &maria.post_raw(path, "{".into()).await,
        400,
        "400-malformed-json",
    );
    assert_error(
        &maria.post("/assets/services/0/move", &to_report).await,
        404,
        "404-service-not-found",
    );
    // A line of someone outside Maria's team is not found either.
    let strangers_line = maria_cannot_see_line(&sandbox).await;
    assert_error(
        &maria
            .post(
                &format!("/assets/services/{strangers_line}/move"),
                &to_report,
            )
            .await,
        404,
        "404-service-not-found",
    );
    for (owner, code) in [
        (
            json!({"newOwnerEmployeeId": "nobody"}),
            "404-employee-not-found",
        ),
        (
            json!({"newOwnerEmployeeId": "28673810"}),
            "404-employee-not-found",
        ),
        (
            json!({"newOwnerCompanyEmployeeId": "nobody.acme"}),
            "404-employee-not-found",
        ),
        (json!({"newOwnerEmployeeId": "28673732"}), "400-same-owner"),
    ] {
        let status = if code.starts_with("404") { 404 } else { 400 };
        assert_error(
            &maria.post(path, &move_body(owner, "MOVE_NO_CHARGES")).await,
            status,
            code,
        );
    }
    sandbox
        .state
        .db
        .run(|c| {
            c.execute(
                "UPDATE employees SET body = json_set(body, '$.status', 'INACTIVE') WHERE id = '28673802'",
                [],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    assert_error(
        &maria.post(path, &to_report).await,
        400,
        "400-new-owner-not-active",
    );
    assert!(peter
        .get("/assets/services")
        .await
        .text
        .contains("38382350"));
}

/// A line of the tenant whose owner is not in Maria's team.
async fn maria_cannot_see_line(sandbox: &Sandbox) -> String {
    sandbox
        .state
        .db
        .run(|c| {
            Ok(c.query_row(
                "SELECT id FROM services WHERE tenant = 'ACME' AND employee_id = '28673810'",
                [],
                |row| row.get::<_, String>(0),
            )?)
        })
        .await
        .unwrap()
}
