//! Load test of the sandbox on the loopback interface:
//!
//! ```sh
//! cargo run --release -p mobproc-sandbox --example load -- --clients 32 --seconds 20
//! ```
//!
//! Starts the sandbox in-process on `127.0.0.1:0` with a temporary SQLite
//! file, signs in with the password grant, runs the ordering happy path
//! from `--clients` clients for `--seconds` (catalog page, confirm, submit,
//! read back), prints requests, errors, throughput and latency
//! percentiles per kind of request, then checks every stored order. Exits
//! non-zero when a request failed or the store is not intact.

#[path = "../tests/load_support/mod.rs"]
mod load_support;

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use load_support::{Settings, MAX_DURATION};

/// Load test of the MOBPROC sandbox on 127.0.0.1 (nothing else is contacted).
#[derive(Debug, Parser)]
struct Args {
    /// Clients running the happy path at the same time.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// How long to run, in seconds (at most 600).
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Stop each client after this many iterations, even before the time is up.
    #[arg(long)]
    iterations: Option<u64>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let settings = Settings {
        clients: args.clients.clamp(1, 1024),
        duration: Duration::from_secs(args.seconds).min(MAX_DURATION),
        iterations: args.iterations,
    };
    eprintln!(
        "load: {} clients for {} s against an in-process sandbox on 127.0.0.1...",
        settings.clients,
        settings.duration.as_secs()
    );
    match load_support::run(settings).await {
        Ok(report) => {
            print!("{}", report.table());
            if report.ok() {
                ExitCode::SUCCESS
            } else {
                eprintln!("load: FAILED");
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("load: {error}");
            ExitCode::FAILURE
        }
    }
}
