//! The `pathways` binary: parse the command line, run it, exit with its status.

use clap::Parser;

// Batch exports allocate and free many small strings on every thread;
// mimalloc does that in about a third of the instructions glibc's malloc
// takes (measured with callgrind, see benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = pathways::cli::Cli::parse();
    pathways::run(cli).into()
}
