//! The transport limits of `serve::serve`, over real sockets on the
//! loopback: slow heads and idle connections are closed, the connection
//! cap holds new connections back, and shutdown lets a request finish.

use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use mobproc_sandbox::serve::{serve, ServeLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio::time::{timeout, Instant};

/// Longest any expected event may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(5);
const SHORT: Duration = Duration::from_millis(300);
const LONG: Duration = Duration::from_secs(30);

const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: sandbox.test\r\n\r\n";

fn limits(header_read_timeout: Duration, idle_timeout: Duration) -> ServeLimits {
    ServeLimits {
        header_read_timeout,
        idle_timeout,
        max_connections: 16,
        shutdown_grace: DEADLINE,
        max_head_bytes: 64 * 1024,
    }
}

/// `/` answers at once; `/slow` tells `started` and answers after 600 ms;
/// `POST /echo` answers its body's length.
fn test_app(started: mpsc::UnboundedSender<()>) -> Router {
    Router::new()
        .route("/", get(|| async { "ok" }))
        .route(
            "/echo",
            axum::routing::post(|body: axum::body::Bytes| async move { body.len().to_string() }),
        )
        .route(
            "/slow",
            get(move || {
                let _ = started.send(());
                async {
                    tokio::time::sleep(Duration::from_millis(600)).await;
                    "slow ok"
                }
            }),
        )
}

struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
    started: mpsc::UnboundedReceiver<()>,
}

async fn start(limits: ServeLimits) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let (started_tx, started) = mpsc::unbounded_channel();
    let task = tokio::spawn(serve(listener, test_app(started_tx), limits, async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        stop: Some(stop),
        task,
        started,
    }
}

/// Reads one whole answer (head and `Content-Length` body).
async fn read_answer(stream: &mut TcpStream) -> String {
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|line| {
                    line.to_ascii_lowercase()
                        .strip_prefix("content-length: ")
                        .map(|n| n.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            if bytes.len() >= end + 4 + length {
                return text;
            }
        }
        let read = stream.read(&mut chunk).await.unwrap();
        assert!(read > 0, "the connection closed mid-answer: {text:?}");
        bytes.extend_from_slice(&chunk[..read]);
    }
}

/// How long until the server closes `stream`; panics past [`DEADLINE`].
async fn closed_after(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut chunk = [0u8; 1024];
    loop {
        match timeout(DEADLINE, stream.read(&mut chunk)).await {
            Err(_) => panic!("the connection is still open after {DEADLINE:?}"),
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test]
async fn a_half_sent_request_head_is_closed_after_the_header_timeout() {
    let server = start(limits(SHORT, LONG)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: sandbox.test\r\nX-Slow: ")
        .await
        .unwrap();
    let waited = closed_after(&mut stream).await;
    assert!(
        waited >= SHORT - Duration::from_millis(50),
        "closed too soon: {waited:?}"
    );
}

#[tokio::test]
async fn a_stalled_request_body_ends_after_the_header_timeout() {
    let server = start(limits(SHORT, LONG)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(
            b"POST /echo HTTP/1.1\r\nHost: sandbox.test\r\nContent-Length: 100\r\n\r\nonly ten b",
        )
        .await
        .unwrap();
    let mut answer = Vec::new();
    let read = timeout(DEADLINE, stream.read_to_end(&mut answer)).await;
    assert!(
        read.is_ok(),
        "the connection is still open after {DEADLINE:?}"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(!answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_request_body_sent_in_time_is_read() {
    let server = start(limits(SHORT, LONG)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST /echo HTTP/1.1\r\nHost: sandbox.test\r\nContent-Length: 10\r\n\r\nfive ")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    stream.write_all(b"more!").await.unwrap();
    let answer = timeout(DEADLINE, read_answer(&mut stream)).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("\r\n10"),
        "{answer}"
    );
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed_after_the_idle_timeout() {
    let server = start(limits(LONG, SHORT)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(REQUEST).await.unwrap();
    assert!(read_answer(&mut stream).await.starts_with("HTTP/1.1 200"));
    let waited = closed_after(&mut stream).await;
    assert!(
        waited >= SHORT - Duration::from_millis(50),
        "closed too soon: {waited:?}"
    );
}

#[tokio::test]
async fn a_request_longer_than_the_idle_timeout_is_answered() {
    // The handler takes 600 ms, twice the idle timeout: time under way is not idle.
    let server = start(limits(SHORT, SHORT)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET /slow HTTP/1.1\r\nHost: sandbox.test\r\n\r\n")
        .await
        .unwrap();
    let answer = timeout(DEADLINE, read_answer(&mut stream)).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("slow ok"),
        "{answer}"
    );
}

#[tokio::test]
async fn at_the_connection_cap_a_new_connection_waits_until_one_closes() {
    let server = start(ServeLimits {
        max_connections: 1,
        ..limits(LONG, LONG)
    })
    .await;
    let mut first = TcpStream::connect(server.addr).await.unwrap();
    first.write_all(REQUEST).await.unwrap();
    assert!(read_answer(&mut first).await.starts_with("HTTP/1.1 200"));

    let mut second = TcpStream::connect(server.addr).await.unwrap();
    second.write_all(REQUEST).await.unwrap();
    let mut byte = [0u8; 1];
    assert!(
        timeout(SHORT, second.read(&mut byte)).await.is_err(),
        "the second connection is not served while the first holds the only slot"
    );

    drop(first);
    let answer = timeout(DEADLINE, read_answer(&mut second))
        .await
        .expect("served once the first closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn shutdown_lets_a_request_under_way_finish_then_stops() {
    let mut server = start(limits(LONG, LONG)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET /slow HTTP/1.1\r\nHost: sandbox.test\r\n\r\n")
        .await
        .unwrap();
    timeout(DEADLINE, server.started.recv())
        .await
        .unwrap()
        .unwrap();

    server.stop.take().unwrap().send(()).unwrap();
    let answer = timeout(DEADLINE, read_answer(&mut stream)).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("slow ok"),
        "{answer}"
    );
    timeout(DEADLINE, server.task)
        .await
        .expect("serve returns")
        .unwrap();
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "no new connection after shutdown"
    );
}

#[tokio::test]
async fn shutdown_does_not_wait_past_its_grace_for_a_stuck_request() {
    let mut server = start(ServeLimits {
        shutdown_grace: Duration::from_millis(100),
        ..limits(LONG, LONG)
    })
    .await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"GET /slow HTTP/1.1\r\nHost: sandbox.test\r\n\r\n")
        .await
        .unwrap();
    timeout(DEADLINE, server.started.recv())
        .await
        .unwrap()
        .unwrap();
    let stopping = Instant::now();
    server.stop.take().unwrap().send(()).unwrap();
    timeout(DEADLINE, server.task)
        .await
        .expect("serve returns")
        .unwrap();
    assert!(
        stopping.elapsed() < Duration::from_millis(550),
        "{:?}",
        stopping.elapsed()
    );
}
