//! The preview's HTTP server (axum on a one-thread tokio runtime): pages
//! rendered on request, the live-reload event stream, and the `Host` check
//! that keeps other web sites out.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use super::site::Site;

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
    let site = Arc::clone(&shared.site);
    // Rendering reads files and takes CPU: off the server's thread.
    let page = tokio::task::spawn_blocking(move || site.page(&path)).await;
    match page {
        Ok(Some(page)) => (
            StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK),
            [(header::CACHE_CONTROL, "no-store")],
            Html(page.html),
        )
            .into_response(),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            "There is no such page in this preview.\n",
        )
            .into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "The page could not be made.\n",
        )
            .into_response(),
    }
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.changes.subscribe())
        .filter_map(|change| change.ok())
        .map(|()| Ok(Event::default().event("reload").data("changed")));
    Sse::new(stream).keep_alive(KeepAlive::default())
}
