//! `pathways preview`: serve a profile's pages on this computer, rendered
//! from the files on every request, and reload an open page when a profile,
//! a template or the policy is saved.

mod server;
mod site;
mod watch;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};

use tokio::sync::broadcast;

use crate::cli::args::PreviewArgs;
use crate::cli::console::errln;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;

/// How many ports after `--port` are tried when it is taken.
const PORTS_TRIED: u16 = 100;

pub fn run(args: &PreviewArgs) -> Result<ExitStatus, Error> {
    if !args.path.exists() {
        return Err(Error::Usage {
            message: format!(
                "`{}` does not exist; give a profile (.yaml) or a folder of profiles",
                args.path.display()
            ),
        });
    }
    let site = site::Site {
        target: args.path.clone(),
        templates: args.look.templates.clone(),
        template: args.look.template.clone(),
        page_size: super::common::page_size(args.look.page_size),
        policy: args.policy.clone(),
    };
    // Settings that cannot work stop here, not in the browser.
    crate::cli::common::renderer(site.templates.as_deref())?
        .with_template(&site.template, &[pathways::render::Format::Html])?;
    super::common::load_policy(site.policy.as_deref())?;

    let (listeners, port) = bind(args.bind, args.port)?;
    let (changes, _) = broadcast::channel(16);
    let _watch = match watch::watch(&site.watched(), changes.clone()) {
        Ok(watch) => Some(watch),
        Err(error) => {
            errln!(
                "warning: cannot watch the files for changes ({error}); reload the page by hand"
            );
            None
        }
    };
    let url = format!("http://{}/", url_host(args.bind, port));
    if port != args.port && args.port != 0 {
        errln!("Port {} is taken; using {port}.", args.port);
    }
    if let Some(address) = args.bind {
        errln!(
            "Listening on {}: anyone who can reach this address can read these pages.",
            SocketAddr::new(address, port)
        );
    }
    errln!(
        "Previewing {} at {url} (Ctrl-C stops). Save a change and the page follows.",
        args.path.display()
    );
    if args.open {
        open_browser(&url);
    }
    let shared = server::Shared::new(
        site,
        changes,
        server::allowed_hosts(port, args.bind),
        args.bind.map(|_| port),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Server {
            what: "cannot start the preview server",
            source,
        })?;
    let served = runtime.block_on(async move {
        tokio::spawn(shared.clone().forget_pages_on_change());
        let app = server::router(shared);
        let mut servers = tokio::task::JoinSet::new();
        for listener in listeners {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            servers.spawn(server::serve(listener, app.clone()));
        }
        tokio::select! {
            // Ctrl-C stops at once, open pages and all.
            _ = tokio::signal::ctrl_c() => Ok(()),
            Some(ended) = servers.join_next() => match ended {
                Ok(result) => result,
                Err(error) => Err(std::io::Error::other(error)),
            },
        }
    });
    runtime.shutdown_background();
    served.map_err(|source| Error::Server {
        what: "the preview server stopped",
        source,
    })?;
    errln!("Stopped.");
    Ok(ExitStatus::Success)
}

/// Listeners on `port`, or the next free port: 127.0.0.1 and ::1 (when the
/// computer has IPv6), or only `bind`.
fn bind(bind: Option<IpAddr>, port: u16) -> Result<(Vec<TcpListener>, u16), Error> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORTS_TRIED - 1)
    };
    let mut tried = port;
    loop {
        match bind_port(bind, tried) {
            Ok(bound) => return Ok(bound),
            Err(error) if tried < last && error.kind() == std::io::ErrorKind::AddrInUse => {
                tried += 1;
            }
            Err(error) => {
                return Err(Error::Usage {
                    message: format!(
                        "cannot listen on port {tried}: {error}; choose another with --port"
                    ),
                });
            }
        }
    }
}

fn bind_port(bind: Option<IpAddr>, port: u16) -> std::io::Result<(Vec<TcpListener>, u16)> {
    if let Some(address) = bind {
        let listener = TcpListener::bind(SocketAddr::new(address, port))?;
        let port = listener.local_addr()?.port();
        return Ok((vec![listener], port));
    }
    let v4 = TcpListener::bind(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port))?;
    let port = v4.local_addr()?.port();
    match TcpListener::bind(SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), port)) {
        Ok(v6) => Ok((vec![v4, v6], port)),
        Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => Err(error),
        // No IPv6 on this computer: 127.0.0.1 alone.
        Err(_) => Ok((vec![v4], port)),
    }
}

fn url_host(bind: Option<IpAddr>, port: u16) -> String {
    match bind {
        Some(address) if !address.is_unspecified() => SocketAddr::new(address, port).to_string(),
        _ => format!("127.0.0.1:{port}"),
    }
}

/// Open `url` in the default browser; a failure is only a warning.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        vec!["open"]
    } else if cfg!(windows) {
        vec!["cmd", "/C", "start", ""]
    } else {
        vec!["xdg-open"]
    };
    let opened = std::process::Command::new(program[0])
        .args(&program[1..])
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = opened {
        errln!("warning: cannot open a browser ({error}); open {url} yourself");
    }
}
