//! The `pathways` binary: parse the command line, run it, exit with its status.

use clap::Parser;

// Batch exports allocate and free many small strings on every thread;
// mimalloc (its version 2, which keeps less memory than version 3 here)
// makes an export about 8 % faster than glibc's malloc, with flat memory
// use (measured with callgrind and /usr/bin/time, see benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = pathways::cli::Cli::parse();
    pathways::run(cli).into()
}
