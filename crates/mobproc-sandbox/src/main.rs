use clap::Parser;
use mobproc_sandbox::serve::{serve, shutdown_signal, ServeLimits};
use mobproc_sandbox::{app, AppState, Config};

#[tokio::main]
async fn main() {
    let config = Config::parse();
    if let Err(message) = config.check_admin_key() {
        eprintln!("mobproc-sandbox: {message}");
        std::process::exit(1);
    }
    let addr = config.addr;
    let limits = ServeLimits::from_config(&config);
    let state = match AppState::open(config) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("mobproc-sandbox: cannot open the database: {error}");
            std::process::exit(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("mobproc-sandbox: cannot listen on {addr}: {error}");
            std::process::exit(1);
        }
    };
    let shutdown = shutdown_signal();
    eprintln!("mobproc-sandbox: serving http://{addr}/ (API at http://{addr}/mobproc/v1)");
    serve(listener, app(state), limits, shutdown).await;
    eprintln!("mobproc-sandbox: stopped");
}
