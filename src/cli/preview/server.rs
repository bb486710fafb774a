//! The preview's HTTP server (axum on a one-thread tokio runtime): pages
//! rendered on request, the live-reload event stream, and the `Host` check
//! that keeps other web sites out.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tokio::sync::{Semaphore, broadcast};
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use super::site::{Fingerprint, Page, Site};

/// Connections served at once; one more is closed as it comes, so a flood
/// of idle connections cannot use up the files the process may open (1,024
/// on most systems) and make the preview unreachable.
const MAX_CONNECTIONS: usize = 256;
/// Live-reload streams open at once (each open page holds one).
const MAX_EVENT_STREAMS: usize = 64;
/// Pages rendered at once; more requests wait (rendering takes a core and
/// memory, and a page is rendered once per change anyway).
const MAX_RENDERS: usize = 2;
/// A client that has not sent a request's headers by then is disconnected.
const HEADER_SECONDS: u64 = 5;

/// A page made, and the state of the files it was made from.
type KeptPage = (Fingerprint, Arc<Page>);

/// What every request handler can reach.
#[derive(Clone)]
pub struct Shared {
    pub site: Arc<Site>,
    /// One message per change of a watched file.
    pub changes: broadcast::Sender<()>,
    /// `Host` headers answered: this computer's names, with the port.
    pub hosts: Arc<Vec<String>>,
    /// With `--bind`: also any IP address with the port (a DNS name could
    /// be another site's, rebound to this address; an IP address cannot).
    pub any_address: Option<u16>,
    /// Pages made, by path, each with the state of the files it was made
    /// from: served again until one of them changes.
    pub pages: Arc<Mutex<HashMap<String, KeptPage>>>,
    pub renders: Arc<Semaphore>,
    pub streams: Arc<Semaphore>,
}

impl Shared {
    /// The state of a server for `site`, with its watch's `changes`.
    pub fn new(
        site: Site,
        changes: broadcast::Sender<()>,
        hosts: Vec<String>,
        any_address: Option<u16>,
    ) -> Self {
        Shared {
            site: Arc::new(site),
            changes,
            hosts: Arc::new(hosts),
            any_address,
            pages: Arc::default(),
            renders: Arc::new(Semaphore::new(MAX_RENDERS)),
            streams: Arc::new(Semaphore::new(MAX_EVENT_STREAMS)),
        }
    }

    /// Forget every kept page when the watcher sees a change: a save that
    /// keeps a file's size within the time resolution of its disk (2 s on
    /// a FAT memory stick) leaves the fingerprint as it was.
    pub async fn forget_pages_on_change(self) {
        let mut changes = self.changes.subscribe();
        while !matches!(
            changes.recv().await,
            Err(broadcast::error::RecvError::Closed)
        ) {
            self.pages
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clear();
        }
    }

    /// The page kept for `path`, if it was made from files as they are now.
    fn kept(&self, path: &str, now: &Fingerprint) -> Option<Arc<Page>> {
        let pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        pages
            .get(path)
            .filter(|(made_from, _)| made_from == now)
            .map(|(_, page)| Arc::clone(page))
    }
}

/// Serve `app` on `listener`: HTTP/1.1, at most [`MAX_CONNECTIONS`] at once,
/// and a client that does not finish its request's headers within
/// [`HEADER_SECONDS`] is disconnected.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file handles, say: wait for connections to close.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(Duration::from_secs(HEADER_SECONDS));
            let _ = builder
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
}

/// The router: the event stream, and every other GET through the site.
pub fn router(shared: Shared) -> Router {
    Router::new()
        .route("/_pathways/events", get(events))
        .fallback(get(page))
        .layer(middleware::from_fn_with_state(shared.clone(), check_host))
        .with_state(shared)
}

/// The `Host` headers a preview on `port` answers.
pub fn allowed_hosts(port: u16, bind: Option<IpAddr>) -> Vec<String> {
    let mut hosts = vec![
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ];
    if let Some(address) = bind {
        hosts.push(SocketAddr::new(address, port).to_string());
    }
    hosts
}

async fn check_host(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .unwrap_or("");
    let allowed = shared.hosts.iter().any(|allowed| allowed == host)
        || shared
            .any_address
            .is_some_and(|port| host.parse::<SocketAddr>().is_ok_and(|a| a.port() == port));
    if allowed {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "pathways preview answers only requests for this computer (localhost, 127.0.0.1 or [::1] with its port)\n",
        )
            .into_response()
    }
}

async fn page(State(shared): State<Shared>, uri: Uri) -> Response {
    let path = uri.path().to_owned();
    let page = made_or_kept(&shared, path).await;
    match page {
        Some(page) => (
            StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK),
            [(header::CACHE_CONTROL, "no-store")],
            Html(page.html.clone()),
        )
            .into_response(),
        None => (
            StatusCode::NOT_FOUND,
            "There is no such page in this preview.\n",
        )
            .into_response(),
    }
}

/// The page at `path`: the one made before if no file it comes from has
/// changed since (however many ask at once, it is made once per change),
/// else made now, at most [`MAX_RENDERS`] at a time.
async fn made_or_kept(shared: &Shared, path: String) -> Option<Arc<Page>> {
    let site = Arc::clone(&shared.site);
    // Reading files and rendering take time: off the server's thread.
    let now = tokio::task::spawn_blocking(move || site.fingerprint())
        .await
        .ok()?;
    if let Some(page) = shared.kept(&path, &now) {
        return Some(page);
    }
    let _permit = shared.renders.acquire().await.ok()?;
    // Made by another request while this one waited?
    if let Some(page) = shared.kept(&path, &now) {
        return Some(page);
    }
    let site = Arc::clone(&shared.site);
    let asked = path.clone();
    let page = Arc::new(
        tokio::task::spawn_blocking(move || site.page(&asked))
            .await
            .ok()??,
    );
    shared
        .pages
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(path, (now, Arc::clone(&page)));
    Some(page)
}

async fn events(State(shared): State<Shared>) -> Response {
    let Ok(permit) = Arc::clone(&shared.streams).try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Too many pages are open in this preview; close some and reload.\n",
        )
            .into_response();
    };
    let stream = BroadcastStream::new(shared.changes.subscribe())
        .filter_map(|change| change.ok())
        .map(move |()| {
            // Held as long as the stream is open.
            let _held = &permit;
            Ok::<Event, Infallible>(Event::default().event("reload").data("changed"))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
