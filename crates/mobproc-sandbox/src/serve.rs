//! Serving the sandbox over TCP with transport limits: a deadline for
//! request heads, an idle timeout between requests, a cap on connections,
//! a bound on header size, and a graceful shutdown.
//!
//! hyper's own header timer (armed as soon as a connection waits for a
//! request) backs up the per-connection timers below, at the sum of both.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify, Semaphore};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tower::ServiceExt;

use crate::config::Config;

/// Room for the request line beyond `--header-limit`, in the transport's
/// own bound on a request head.
const REQUEST_LINE_ROOM: usize = 64 * 1024;

/// The transport limits [`serve`] applies.
#[derive(Debug, Clone)]
pub struct ServeLimits {
    /// Once a request head has started to arrive, how long it may take;
    /// and then how long its body may take.
    pub header_read_timeout: Duration,
    /// How long a connection may stay open with no request under way.
    pub idle_timeout: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
    /// How long requests under way may take to finish after shutdown.
    pub shutdown_grace: Duration,
    /// Largest request head (request line and headers) the transport reads;
    /// hyper answers a bare 431 and closes the connection beyond it.
    pub max_head_bytes: usize,
}

impl ServeLimits {
    /// The limits set by the configuration's flags.
    pub fn from_config(config: &Config) -> Self {
        ServeLimits {
            header_read_timeout: Duration::from_millis(config.header_read_timeout_ms),
            idle_timeout: Duration::from_millis(config.idle_timeout_ms),
            max_connections: config.max_connections as usize,
            shutdown_grace: Duration::from_millis(config.shutdown_grace_ms),
            max_head_bytes: config.header_limit.saturating_add(REQUEST_LINE_ROOM),
        }
    }
}

/// Serves `app` on `listener` (HTTP/1.1, `TCP_NODELAY`) until `shutdown`
/// resolves; then stops accepting, lets requests under way finish within
/// [`ServeLimits::shutdown_grace`], and returns.
///
/// When [`ServeLimits::max_connections`] are open, no more are accepted
/// until one closes: new ones wait in the listen backlog.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (stop, stopping) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            _ = &mut shutdown => break,
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    pause_after_accept_error(error).await;
                    continue;
                }
            },
        };
        while connections.try_join_next().is_some() {}
        let (app, limits, stopping) = (app.clone(), limits.clone(), stopping.clone());
        connections.spawn(async move {
            serve_connection(stream, app, limits, stopping).await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(limits.shutdown_grace, drained).await;
    connections.shutdown().await;
}

/// A future that resolves on Ctrl-C or SIGTERM. The signals are listened
/// for from this call on (not from the first poll), so a signal that comes
/// while the server starts is not lost. Call it inside the runtime.
#[cfg(unix)]
pub fn shutdown_signal() -> impl Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).ok();
    let mut terminate = signal(SignalKind::terminate()).ok();
    async move {
        tokio::select! {
            _ = received(interrupt.as_mut()) => {}
            _ = received(terminate.as_mut()) => {}
        }
    }
}

/// Resolves when `signal` is received; never without one.
#[cfg(unix)]
async fn received(signal: Option<&mut tokio::signal::unix::Signal>) {
    match signal {
        Some(signal) => {
            signal.recv().await;
        }
        None => std::future::pending().await,
    }
}

/// A future that resolves on Ctrl-C (never if it cannot be listened for).
#[cfg(not(unix))]
pub fn shutdown_signal() -> impl Future<Output = ()> {
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// A failed accept: a connection that went away before it was accepted is
/// nothing; anything else (out of descriptors) is told, with a pause.
async fn pause_after_accept_error(error: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    eprintln!("mobproc-sandbox: cannot accept a connection: {error}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// One connection, until it ends, its timers expire, or the server stops.
async fn serve_connection(
    stream: TcpStream,
    app: Router,
    limits: ServeLimits,
    mut stopping: watch::Receiver<bool>,
) {
    // Small answers go out at once (no Nagle delay on kept-alive connections).
    let _ = stream.set_nodelay(true);
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched {
        stream,
        activity: activity.clone(),
    });
    let service_activity = activity.clone();
    let body_time = limits.header_read_timeout;
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let under_way = service_activity.request_started();
        let app = app.clone();
        let request = request.map(|body| axum::body::Body::new(TimedBody::new(body, body_time)));
        async move {
            let answer = app.oneshot(request).await;
            drop(under_way);
            answer
        }
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout + limits.header_read_timeout)
        .max_header_size(limits.max_head_bytes)
        .serve_connection(io, service);
    tokio::pin!(connection);
    let expired = tokio::select! {
        _ = connection.as_mut() => return,
        expiry = expiry(&activity, &limits) => Some(expiry),
        _ = stopping.wait_for(|stop| *stop) => None,
    };
    // A head too slow: nothing is under way, so the connection just closes.
    if let Some(Expiry::SlowHead) = expired {
        return;
    }
    // Idle or stopping: no new request; one under way finishes (an idle
    // connection closes at once).
    connection.as_mut().graceful_shutdown();
    match expired {
        Some(_) => {
            let _ = tokio::time::timeout(limits.header_read_timeout, connection).await;
        }
        None => {
            let _ = connection.await;
        }
    }
}

/// Why a connection's timer ran out.
#[derive(Debug, Clone, Copy)]
enum Expiry {
    /// No request under way, and no byte of a new one, for the idle timeout.
    Idle,
    /// A request head started arriving longer than the header timeout ago.
    SlowHead,
}

/// Resolves when the connection's current deadline passes.
async fn expiry(activity: &Activity, limits: &ServeLimits) -> Expiry {
    loop {
        let changed = activity.changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        match activity.deadline(limits) {
            None => changed.await,
            Some((at, expiry)) if at <= Instant::now() => return expiry,
            Some((at, _)) => {
                tokio::select! {
                    _ = changed => {}
                    _ = tokio::time::sleep_until(at) => {}
                }
            }
        }
    }
}

/// What a connection is doing, for its timers.
struct Activity {
    phase: Mutex<Phase>,
    changed: Notify,
}

struct Phase {
    requests_under_way: usize,
    /// Since when nothing has been under way (accepted, or last answered).
    quiet_since: Instant,
    /// When bytes of a new request head first came, while nothing was under way.
    head_since: Option<Instant>,
}

impl Activity {
    fn new() -> Self {
        Activity {
            phase: Mutex::new(Phase {
                requests_under_way: 0,
                quiet_since: Instant::now(),
                head_since: None,
            }),
            changed: Notify::new(),
        }
    }

    fn phase(&self) -> std::sync::MutexGuard<'_, Phase> {
        self.phase.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The next deadline and what it means; none while a request is under way.
    fn deadline(&self, limits: &ServeLimits) -> Option<(Instant, Expiry)> {
        let phase = self.phase();
        if phase.requests_under_way > 0 {
            return None;
        }
        Some(match phase.head_since {
            Some(since) => (since + limits.header_read_timeout, Expiry::SlowHead),
            None => (phase.quiet_since + limits.idle_timeout, Expiry::Idle),
        })
    }

    fn bytes_arrived(&self) {
        let mut phase = self.phase();
        if phase.requests_under_way == 0 && phase.head_since.is_none() {
            phase.head_since = Some(Instant::now());
            drop(phase);
            self.changed.notify_waiters();
        }
    }

    fn request_started(self: &Arc<Self>) -> UnderWay {
        let mut phase = self.phase();
        phase.requests_under_way += 1;
        phase.head_since = None;
        drop(phase);
        self.changed.notify_waiters();
        UnderWay(self.clone())
    }
}

/// A request under way; its end (or cancellation) restarts the idle timer.
struct UnderWay(Arc<Activity>);

impl Drop for UnderWay {
    fn drop(&mut self) {
        let mut phase = self.0.phase();
        phase.requests_under_way -= 1;
        if phase.requests_under_way == 0 {
            phase.quiet_since = Instant::now();
            phase.head_since = None;
        }
        drop(phase);
        self.0.changed.notify_waiters();
    }
}

/// The connection's socket, telling its [`Activity`] when bytes arrive.
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.bytes_arrived();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// A request body that fails when it has not all arrived within a time of
/// its head: a stalled body cannot hold a connection (and its handler) open.
struct TimedBody {
    inner: Incoming,
    deadline: Instant,
    /// Armed the first time the body has to wait.
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl TimedBody {
    fn new(inner: Incoming, limit: Duration) -> Self {
        TimedBody {
            inner,
            deadline: Instant::now() + limit,
            timer: None,
        }
    }
}

impl hyper::body::Body for TimedBody {
    type Data = hyper::body::Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(Into::into)));
        }
        let deadline = this.deadline;
        let timer = this
            .timer
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                Poll::Ready(Some(Err("the request body was not sent in time".into())))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}
