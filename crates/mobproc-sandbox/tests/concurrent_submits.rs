//! Many simultaneous submits of one `externalOrderNumber`, over real HTTP:
//! exactly one order is stored, every request with the body that won
//! answers that order, every request with another body is refused as a
//! duplicate, and the store stays consistent.

mod common;

use std::sync::Arc;

use common::*;
use mobproc_sandbox::serve::{serve, ServeLimits};
use serde_json::{json, Value};
use tokio::sync::Barrier;

/// Simultaneous submits of the same body.
const SAME: usize = 32;
/// Simultaneous submits of a different body with the same number.
const DIFFERENT: usize = 16;
/// Races, each with its own `externalOrderNumber` (the winner varies).
const ROUNDS: usize = 3;

/// The sandbox served on a free loopback port.
struct Served {
    sandbox: Sandbox,
    base: String,
    token: String,
}

impl Served {
    async fn start() -> Served {
        let sandbox = Sandbox::new();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/mobproc/v1", listener.local_addr().unwrap());
        let app = sandbox.app.clone();
        let limits = ServeLimits::from_config(&sandbox.state.config);
        tokio::spawn(serve(listener, app, limits, std::future::pending()));
        let token = sandbox.token("peter.edwards").await;
        Served {
            sandbox,
            base,
            token,
        }
    }

    async fn submit(&self, http: &reqwest::Client, body: &Value) -> (u16, Value) {
        let response = http
            .post(format!("{}/orders", self.base))
            .bearer_auth(&self.token)
            .header("x-tngo-tenant", "ACME")
            .header("client_id", CLIENT)
            .json(body)
            .send()
            .await
            .expect("the sandbox answers");
        let status = response.status().as_u16();
        let text = response.text().await.expect("the whole answer arrives");
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {status} {text}"));
        (status, body)
    }
}

/// The seed request with this number; `expedite` tells the bodies apart.
fn order(number: &str, expedite: bool) -> Value {
    let mut order = seed_request();
    order["orderRequest"]["externalOrderNumber"] = json!(number);
    order["orderRequest"]["shipTo"]["expedite"] = json!(expedite);
    order
}

/// What the store holds for a number: (order id, body) rows.
async fn stored(sandbox: &Sandbox, number: &str) -> Vec<(String, Value)> {
    let number = number.to_owned();
    sandbox
        .state
        .db
        .run(move |c| {
            let mut statement = c.prepare(
                "SELECT order_id, body FROM orders WHERE tenant = 'ACME' AND external_order_number = ?1",
            )?;
            let rows = statement.query_map([&number], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            let rows: Vec<(String, String)> = rows.collect::<Result<_, _>>()?;
            Ok(rows
                .into_iter()
                .map(|(id, body)| (id, serde_json::from_str(&body).unwrap()))
                .collect())
        })
        .await
        .unwrap()
}

/// (orders, history rows of no order, shipments of no order, history rows per order id).
async fn store_summary(sandbox: &Sandbox) -> (i64, i64, i64, Vec<(String, i64)>) {
    sandbox
        .state
        .db
        .run(|c| {
            let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
            let orders = count("SELECT COUNT(*) FROM orders")?;
            let orphan_history = count(
                "SELECT COUNT(*) FROM order_history h
                 WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = h.order_id)",
            )?;
            let orphan_shipments = count(
                "SELECT COUNT(*) FROM shipments s
                 WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = s.order_id)",
            )?;
            let mut statement = c.prepare(
                "SELECT o.order_id, (SELECT COUNT(*) FROM order_history h WHERE h.order_id = o.order_id)
                 FROM orders o ORDER BY o.order_id",
            )?;
            let history = statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            Ok((orders, orphan_history, orphan_shipments, history))
        })
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_submits_of_one_external_order_number_store_one_order() {
    let served = Arc::new(Served::start().await);
    let http = reqwest::Client::new();
    for round in 0..ROUNDS {
        let number = format!("race-{round}");
        let same = order(&number, true);
        let different = order(&number, false);
        let barrier = Arc::new(Barrier::new(SAME + DIFFERENT));
        let mut tasks = Vec::new();
        // Which body is sent by the first tasks changes from round to round,
        // so that either may win.
        let mut kinds: Vec<bool> = (0..SAME + DIFFERENT).map(|i| i < SAME).collect();
        match round % 3 {
            0 => {}
            1 => kinds.reverse(),
            _ => kinds.sort_by_key(|is_same| *is_same),
        }
        for is_same in kinds {
            let (served, http, barrier) = (served.clone(), http.clone(), barrier.clone());
            let body = if is_same {
                same.clone()
            } else {
                different.clone()
            };
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                (is_same, served.submit(&http, &body).await)
            }));
        }
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.expect("no submit panics"));
        }

        // Exactly one order, made by one of the two bodies.
        let rows = stored(&served.sandbox, &number).await;
        assert_eq!(rows.len(), 1, "round {round}: {rows:?}");
        let (order_id, body) = &rows[0];
        let same_won = body["shipTo"]["expedite"] == json!(true);
        let (winners, losers): (Vec<_>, Vec<_>) = answers
            .iter()
            .partition(|(is_same, _)| *is_same == same_won);
        assert_eq!(
            (winners.len(), losers.len()),
            if same_won {
                (SAME, DIFFERENT)
            } else {
                (DIFFERENT, SAME)
            }
        );
        for (_, (status, answer)) in &winners {
            assert_eq!(*status, 200, "round {round}: {answer}");
            assert_eq!(answer["status"], "SUCCESS");
            assert_eq!(
                answer["order"]["orderId"].as_str(),
                Some(order_id.as_str()),
                "round {round}: every request of the winning body answers the one order"
            );
            assert_eq!(answer["order"]["externalOrderNumber"], number.as_str());
        }
        for (_, (status, answer)) in &losers {
            assert_eq!(*status, 400, "round {round}: {answer}");
            assert_eq!(
                answer["errorCode"], "400-duplicate-external-order-number",
                "round {round}: {answer}"
            );
            assert_eq!(answer["status"], 400);
            assert!(answer["id"].as_str().is_some_and(|id| !id.is_empty()));
            assert!(answer["message"]
                .as_str()
                .is_some_and(|m| m.contains(&number)));
        }

        // The store is whole: one order per round, a history row per
        // segment of each, nothing that belongs to no order.
        let segments = body["orderSegments"]["items"].as_array().unwrap().len() as i64;
        assert!(segments >= 1);
        let (orders, orphan_history, orphan_shipments, history) =
            store_summary(&served.sandbox).await;
        assert_eq!(orders, round as i64 + 1);
        assert_eq!((orphan_history, orphan_shipments), (0, 0));
        let this = history.iter().find(|(id, _)| id == order_id).unwrap();
        assert_eq!(this.1, segments, "one history row per segment: {history:?}");
        println!(
            "round {round}: the {} body won ({} answers 200, {} refused)",
            if same_won { "first" } else { "second" },
            winners.len(),
            losers.len()
        );
    }
}
