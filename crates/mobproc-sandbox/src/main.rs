use axum::serve::ListenerExt;
use clap::Parser;
use mobproc_sandbox::{app, AppState, Config};

#[tokio::main]
async fn main() {
    let config = Config::parse();
    let addr = config.addr;
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
    eprintln!("mobproc-sandbox: serving http://{addr}/ (API at http://{addr}/mobproc/v1)");
    // Small answers go out at once (no Nagle delay on kept-alive connections).
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let served = axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    if let Err(error) = served {
        eprintln!("mobproc-sandbox: {error}");
        std::process::exit(1);
    }
}
