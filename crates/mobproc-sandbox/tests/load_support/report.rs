//! The outcome of a load run and its table of latency percentiles.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::time::Duration;

use super::{Kind, Settings};

/// The outcome of a run.
#[derive(Debug)]
pub struct Report {
    pub settings: Settings,
    pub addr: SocketAddr,
    pub elapsed: Duration,
    /// Latencies of the successful and failed requests of each kind.
    pub latencies: BTreeMap<Kind, Vec<Duration>>,
    pub errors: BTreeMap<Kind, u64>,
    /// A few of the errors, to show.
    pub error_examples: Vec<String>,
    /// Orders whose submit answered 200.
    pub submitted: BTreeMap<String, String>,
    /// Orders found in the store afterwards.
    pub stored: usize,
    /// What is wrong with the stored orders (empty when all is well).
    pub integrity_problems: Vec<String>,
}

impl Report {
    pub fn requests(&self) -> usize {
        self.latencies.values().map(Vec::len).sum()
    }

    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// No request failed and the store is intact.
    pub fn ok(&self) -> bool {
        self.error_count() == 0 && self.integrity_problems.is_empty() && self.requests() > 0
    }

    /// The figures as a table, with the store check.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let seconds = self.elapsed.as_secs_f64();
        let _ = writeln!(
            out,
            "MOBPROC sandbox load: {} clients for {:.1} s on http://{} ({} CPU cores)",
            self.settings.clients,
            seconds,
            self.addr,
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );
        let _ = writeln!(
            out,
            "{:<31} {:>9} {:>7} {:>9} {:>9} {:>9} {:>9}",
            "request", "count", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms"
        );
        let mut all = Vec::new();
        for kind in Kind::ALL {
            let latencies = self.latencies.get(&kind).cloned().unwrap_or_default();
            all.extend(latencies.iter().copied());
            let errors = self.errors.get(&kind).copied().unwrap_or(0);
            let _ = writeln!(out, "{}", row(kind.label(), latencies, errors));
        }
        let _ = writeln!(out, "{}", row("all", all, self.error_count()));
        let _ = writeln!(
            out,
            "throughput: {:.1} requests/s, {:.1} orders/s ({} requests, {} orders)",
            self.requests() as f64 / seconds,
            self.submitted.len() as f64 / seconds,
            self.requests(),
            self.submitted.len()
        );
        if self.integrity_problems.is_empty() {
            let _ = writeln!(
                out,
                "store: {} orders, as many as successful submits, each externalOrderNumber once, every body an intact Order with its history: OK",
                self.stored
            );
        } else {
            let _ = writeln!(out, "store: FAILED");
            for problem in self.integrity_problems.iter().take(20) {
                let _ = writeln!(out, "  {problem}");
            }
        }
        for example in &self.error_examples {
            let _ = writeln!(out, "error: {example}");
        }
        out
    }
}

/// A row of the table: count, errors and latency percentiles in ms.
fn row(label: &str, mut latencies: Vec<Duration>, errors: u64) -> String {
    latencies.sort();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let at = |p: usize| {
        // Nearest rank.
        let rank = (p * latencies.len()).div_ceil(100).max(1);
        ms(latencies.get(rank - 1))
    };
    format!(
        "{label:<31} {:>9} {errors:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
        latencies.len(),
        at(50),
        at(90),
        at(99),
        ms(latencies.last())
    )
}
