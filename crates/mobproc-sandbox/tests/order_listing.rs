//! `GET /orders` with many stored orders: totals, page links, newest
//! first, only the people the caller may see, and the filters, page by page.

mod common;

use common::*;
use serde_json::{json, Value};

const PETER: &str = "28673732";
const MARIA: &str = "28673700";
/// Orders cloned from the one submitted; every sixth is another employee's.
const CLONES: i64 = 150;

/// Submits the seed order as Peter, then stores `CLONES` copies of it,
/// the `i`-th submitted `i * 40 + 10` seconds earlier (so they are at every
/// stage of their life, at least 10 s from any step). Returns Peter's colleague (one
/// of Maria's other reports) and every order id, newest first, with its holder.
async fn many_orders(sandbox: &Sandbox) -> (String, Vec<(String, String)>) {
    let peter = User::sign_in(sandbox, "peter.edwards", "ACME").await;
    let mut request = seed_request();
    request["orderRequest"]["externalOrderNumber"] = json!("listing-0");
    let submitted = peter.post("/orders", &request).await;
    assert_eq!(submitted.status, 200, "{}", submitted.text);
    let first: i64 = submitted.body["order"]["orderId"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let now = sandbox.state.clock.now();
    let colleague: String = sandbox
        .state
        .db
        .run(move |c| {
            let colleague: String = c.query_row(
                "SELECT id FROM employees WHERE tenant = 'ACME' AND manager_id = ?1 AND id <> ?2 ORDER BY seq LIMIT 1",
                [MARIA, PETER],
                |row| row.get(0),
            )?;
            for i in 1..=CLONES {
                let holder = if i % 6 == 0 { colleague.as_str() } else { PETER };
                c.execute(
                    "INSERT INTO orders (order_id, tenant, external_order_number, request_hash,
                         account_holder_id, requested_by_id, submitted_at, needs_approval, body)
                     SELECT ?1, tenant, ?2, request_hash, ?3, requested_by_id, ?4, needs_approval,
                         json_set(body, '$.orderId', ?1, '$.accountHolder.id', ?3)
                     FROM orders WHERE order_id = ?5",
                    rusqlite::params![
                        (first + 10 * i).to_string(),
                        format!("listing-{i}"),
                        holder,
                        now - (i * 40 + 10),
                        first.to_string()
                    ],
                )?;
            }
            Ok(colleague)
        })
        .await
        .unwrap();
    let mut all = vec![(first.to_string(), PETER.to_owned())];
    all.extend((1..=CLONES).map(|i| {
        let holder = if i % 6 == 0 {
            colleague.clone()
        } else {
            PETER.into()
        };
        ((first + 10 * i).to_string(), holder)
    }));
    (colleague, all)
}

fn ids(page: &Value) -> Vec<String> {
    page["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["orderId"].as_str().unwrap().to_owned())
        .collect()
}

/// Follows `hrefNext` from `path`, checking every page's `_meta`; the ids
/// in order and the total.
async fn walk(user: &User<'_>, path: &str, limit: usize) -> (Vec<String>, u64) {
    let mut seen = Vec::new();
    let mut next = Some(format!("http://sandbox.test/mobproc/v1{path}"));
    let mut total = None;
    while let Some(href) = next {
        let page = user
            .get(href.strip_prefix("http://sandbox.test/mobproc/v1").unwrap())
            .await;
        assert_eq!(page.status, 200, "{}", page.text);
        let meta = &page.body["_meta"];
        let count = meta["totalCount"].as_u64().unwrap();
        assert_eq!(*total.get_or_insert(count), count, "{href}");
        assert_eq!(meta["offset"].as_u64().unwrap() as usize, seen.len());
        let last_start = count.saturating_sub(1) as usize / limit * limit;
        let on_last = seen.len() == last_start;
        assert_eq!(meta["hrefEnd"].is_null(), on_last, "{href}: {meta}");
        assert_eq!(
            meta["hrefPrevious"].is_null(),
            seen.is_empty(),
            "{href}: {meta}"
        );
        let page_ids = ids(&page.body);
        assert_eq!(page_ids.len(), limit.min(count as usize - seen.len()));
        seen.extend(page_ids);
        next = meta["hrefNext"].as_str().map(str::to_owned);
    }
    (seen, total.unwrap())
}

#[tokio::test]
async fn pages_of_many_orders_are_whole_newest_first_and_only_the_callers() {
    let sandbox = Sandbox::new();
    let (colleague, all) = many_orders(&sandbox).await;
    let peter = User::sign_in(&sandbox, "peter.edwards", "ACME").await;
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let of = |holder: Option<&str>| -> Vec<String> {
        all.iter()
            .filter(|(_, h)| holder.is_none_or(|holder| h == holder))
            .map(|(id, _)| id.clone())
            .collect()
    };

    let (peters, total) = walk(&peter, "/orders?limit=25", 25).await;
    assert_eq!(peters, of(Some(PETER)));
    assert_eq!(total, peters.len() as u64);
    let (team, total) = walk(&maria, "/orders?limit=40", 40).await;
    assert_eq!(team, of(None));
    assert_eq!(total, CLONES as u64 + 1);
    let (colleagues, _) = walk(&maria, &format!("/orders?employee={colleague}&limit=7"), 7).await;
    assert_eq!(colleagues, of(Some(&colleague)));

    let hidden = peter.get(&format!("/orders?employee={colleague}")).await;
    assert_eq!(hidden.body["_meta"]["totalCount"], 0, "{}", hidden.text);
    let one = peter.get("/orders?externalOrderNumber=listing-7").await;
    assert_eq!(ids(&one.body), [all[7].0.clone()]);
    assert_eq!(one.body["_meta"]["totalCount"], 1);
}

#[tokio::test]
async fn status_and_update_filters_page_the_same_orders_the_full_list_shows() {
    let sandbox = Sandbox::new();
    many_orders(&sandbox).await;
    let maria = User::sign_in(&sandbox, "maria.lopez", "ACME").await;
    let everything = maria.get("/orders?limit=5000").await.body;
    let orders = everything["orders"].as_array().unwrap();
    for status in [
        "ORDER_SUBMITTED",
        "AWAITING_APPROVAL",
        "APPROVED",
        "SHIPPED",
        "COMPLETE",
    ] {
        let expected: Vec<&str> = orders
            .iter()
            .filter(|o| o["status"] == status)
            .map(|o| o["orderId"].as_str().unwrap())
            .collect();
        assert!(!expected.is_empty(), "no order is {status}");
        let (found, total) = walk(&maria, &format!("/orders?status={status}&limit=10"), 10).await;
        assert_eq!(found, expected, "{status}");
        assert_eq!(total, expected.len() as u64);
    }
    let since = orders[20]["updated"].as_str().unwrap();
    let expected: Vec<&str> = orders
        .iter()
        .filter(|o| o["updated"].as_str().unwrap() >= since)
        .map(|o| o["orderId"].as_str().unwrap())
        .collect();
    let (found, _) = walk(
        &maria,
        &format!("/orders?dateTimeUpdated={since}&limit=10"),
        10,
    )
    .await;
    assert_eq!(found, expected);
    assert!(found.len() < orders.len());
}
