//! The `pathways` binary: parse the command line, run it, exit with its status.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = pathways::cli::Cli::parse();
    pathways::run(cli).into()
}
