//! Typst from a user's template folder, typeset in a process of its own:
//! Typst has no limit on the time or memory a document takes (a nested loop,
//! a huge image), so `pathways` runs itself as the hidden `__typeset`
//! command, with limited memory and processor time, and stops it when its
//! time is up.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::args::TypesetArgs;
use crate::cli::exit::ExitStatus;
use pathways::error::Error;

/// The most a user's Typst may take, in seconds of wall-clock time, unless
/// `PATHWAYS_TYPST_SECONDS` says otherwise.
const MAX_SECONDS: u64 = 20;
/// The most address space the typesetting process may use, in MiB.
const MAX_MEBIBYTES: u64 = 1024;

/// The seconds a document may take: `PATHWAYS_TYPST_SECONDS`, else [`MAX_SECONDS`].
fn max_seconds() -> u64 {
    std::env::var("PATHWAYS_TYPST_SECONDS")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .filter(|&seconds| seconds > 0)
        .unwrap_or(MAX_SECONDS)
}

/// `pathways __typeset TEMPLATE`: the Typst on standard input, typeset, as
/// PDF on standard output, within the limits.
pub fn run(args: &TypesetArgs) -> Result<ExitStatus, Error> {
    limit_this_process();
    // The fonts come from the environment the parent set.
    super::common::use_fonts(&crate::cli::args::FontArgs::default())?;
    // Only pathways itself writes here, and its PDF budget has refused a
    // source too large before starting this process.
    let mut source = String::new();
    std::io::stdin()
        .lock()
        .read_to_string(&mut source)
        .map_err(|source| Error::ReadStdin { source })?;
    let pdf = pathways::render::typeset_pdf(source, &args.template)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&pdf)
        .and_then(|()| out.flush())
        .map_err(|source| Error::WriteStdout { source })?;
    Ok(ExitStatus::Success)
}

#[cfg(unix)]
fn limit_this_process() {
    use rlimit::Resource;
    let bytes = MAX_MEBIBYTES * 1024 * 1024;
    // Best effort: where a limit cannot be set, the parent's clock still stops it.
    let _ = rlimit::setrlimit(Resource::AS, bytes, bytes);
    let _ = rlimit::setrlimit(Resource::CPU, max_seconds(), max_seconds() + 1);
}

#[cfg(not(unix))]
fn limit_this_process() {}

/// Typeset `source` (made by `template`) in a child `pathways __typeset`,
/// stopped after [`max_seconds`]. Its own message when the Typst is wrong;
/// one naming the template when it was stopped.
pub fn isolated(source: String, template: &str) -> Result<Vec<u8>, Error> {
    let program = std::env::current_exe().map_err(|e| Error::Template {
        message: format!("cannot start the typesetter for `{template}`: {e}"),
    })?;
    let fonts = pathways::render::font_options();
    let font_path = std::env::join_paths(&fonts.font_paths).unwrap_or_default();
    let mut child = Command::new(program)
        .arg("__typeset")
        .arg(template)
        .env(super::common::FONT_PATH_VARIABLE, font_path)
        .env(
            super::common::SYSTEM_FONTS_VARIABLE,
            if fonts.system_fonts { "1" } else { "0" },
        )
        .env("NO_COLOR", "1")
        // mimalloc reserves a gibibyte of address space up front unless
        // told not to, which the address-space limit would refuse.
        .env("MIMALLOC_ARENA_RESERVE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Template {
            message: format!("cannot start the typesetter for `{template}`: {e}"),
        })?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let (pdf, said, status) = std::thread::scope(|scope| {
        scope.spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(source.as_bytes());
            }
            // Dropped here: the child reads to the end.
        });
        let reading = scope.spawn(move || {
            let mut pdf = Vec::new();
            if let Some(out) = stdout.as_mut() {
                let _ = out.read_to_end(&mut pdf);
            }
            pdf
        });
        let telling = scope.spawn(move || {
            // Read to the end, so the child never waits to write its message.
            let mut said = String::new();
            if let Some(err) = stderr.as_mut() {
                let _ = err.read_to_string(&mut said);
            }
            said
        });
        let status = wait_at_most(&mut child, Duration::from_secs(max_seconds()));
        (
            reading.join().unwrap_or_default(),
            telling.join().unwrap_or_default(),
            status,
        )
    });
    match status {
        Some(status) if status.success() => Ok(pdf),
        Some(status) if status.code() == Some(ExitStatus::Error as i32) => Err(Error::Template {
            message: said
                .trim()
                .strip_prefix("error: ")
                .unwrap_or(said.trim())
                .to_owned(),
        }),
        _ => Err(Error::Template {
            message: format!(
                "the Typst that `{template}` made took more than {} s or {MAX_MEBIBYTES} MiB \
                 to typeset, and was stopped; look for a loop that does not end, or an image far too \
                 large, in the template",
                max_seconds()
            ),
        }),
    }
}

/// The child's status, or `None` when it was still running after `limit`
/// (it is then killed).
fn wait_at_most(
    child: &mut std::process::Child,
    limit: Duration,
) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if started.elapsed() < limit => {
                std::thread::sleep(Duration::from_millis(10));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}
