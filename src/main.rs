//! The `pathways` binary: parse the command line, run it, exit with its status.
//!
//! Everything about the command line lives under `src/cli/`; the work
//! itself (load, validate, render, write) is the `pathways` library.

mod cli;

use std::io::IsTerminal;

use clap::Parser;

use cli::args::Cli;

// Batch exports allocate and free many small strings on every thread;
// mimalloc (its version 2, which keeps less memory than version 3 here)
// makes an export about 8 % faster than glibc's malloc, with flat memory
// use (measured with callgrind and /usr/bin/time, see benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args = match Cli::try_parse() {
        Ok(args) => args,
        // Help, version and usage errors, printed like everything else:
        // a closed pipe or a full disk never panics or passes unnoticed.
        Err(error) => {
            let to_stderr = error.use_stderr();
            let on_terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let rendered = error.render();
            let text = if on_terminal {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            if to_stderr {
                cli::console::stderr(&text);
            } else {
                cli::console::stdout(&text);
            }
            return std::process::ExitCode::from(error.exit_code() as u8);
        }
    };
    cli::run(&args).into()
}
