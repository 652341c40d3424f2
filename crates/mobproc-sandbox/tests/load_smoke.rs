//! A smoke-sized run of the load generator (`examples/load.rs`): four
//! clients, a fixed number of iterations each, over real HTTP on the
//! loopback. Every request succeeds and every order is stored intact and
//! once. No timing is asserted.

mod load_support;

use std::time::Duration;

use load_support::{Kind, Settings};

const CLIENTS: usize = 4;
const ITERATIONS: u64 = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_load_run_has_no_errors_and_leaves_intact_unique_orders() {
    let report = load_support::run(Settings {
        clients: CLIENTS,
        // Generous: the run stops after its iterations, long before this.
        duration: Duration::from_secs(120),
        iterations: Some(ITERATIONS),
    })
    .await
    .expect("the load run starts");
    let table = report.table();
    println!("{table}");
    assert_eq!(report.error_count(), 0, "{table}");
    assert!(report.integrity_problems.is_empty(), "{table}");
    let orders = CLIENTS * ITERATIONS as usize;
    assert_eq!(report.submitted.len(), orders, "{table}");
    assert_eq!(report.stored, orders, "{table}");
    for kind in Kind::ALL {
        assert_eq!(report.latencies[&kind].len(), orders, "{table}");
    }
    assert_eq!(report.requests(), 4 * orders);
    assert!(report.ok());
    assert!(table.contains("POST /orders?confirm=true") && table.contains("orders/s"));
}
