//! Printing to standard output and standard error without panicking.
//!
//! `println!` panics when its stream fails. Here a closed pipe
//! (`pathways check --format json | head -c 10`) ends the program quietly,
//! as ripgrep does, and any other failure (a full disk behind `> /dev/full`)
//! ends it with exit 2 and, where standard error still works, a message.

use std::io::{ErrorKind, Write};

use crate::cli::exit::ExitStatus;
use pathways::error::Error;

/// Write to standard output, or end the program as described above.
pub fn stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(source) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        drop(out);
        stream_failed(Error::WriteStdout { source });
    }
}

/// Write to standard error, or end the program as described above.
pub fn stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    if let Err(source) = err.write_all(text.as_bytes()).and_then(|()| err.flush()) {
        drop(err);
        // There is nowhere left to say what went wrong.
        let status = if source.kind() == ErrorKind::BrokenPipe {
            ExitStatus::Success
        } else {
            ExitStatus::Error
        };
        std::process::exit(status as i32);
    }
}

/// Print an error on standard error: `error: `, what it is about (a file,
/// a page) when one of many, and the error. The one place that writes it.
pub fn print_error(about: Option<&str>, error: &dyn std::fmt::Display) {
    match about {
        Some(about) => stderr(&format!("error: {about}: {error}\n")),
        None => stderr(&format!("error: {error}\n")),
    }
}

/// End the program after standard output failed: quietly for a closed pipe
/// (the reader has what it wanted), with a message and exit 2 otherwise.
pub fn stream_failed(error: Error) -> ! {
    if let Error::WriteStdout { source } = &error
        && source.kind() == ErrorKind::BrokenPipe
    {
        std::process::exit(ExitStatus::Success as i32);
    }
    print_error(None, &error);
    std::process::exit(ExitStatus::Error as i32);
}

/// `print!` that never panics (see the module documentation).
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::console::stdout(&format!($($arg)*)) };
}

/// `println!` that never panics (see the module documentation).
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::console::stdout(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` that never panics (see the module documentation).
macro_rules! err {
    ($($arg:tt)*) => { $crate::cli::console::stderr(&format!($($arg)*)) };
}

/// `eprintln!` that never panics (see the module documentation).
macro_rules! errln {
    ($($arg:tt)*) => { $crate::cli::console::stderr(&format!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {err, errln, out, outln};
