//! `pathways completions SHELL`: a completion script for the shell, on standard output.

use clap::CommandFactory;

use crate::cli::args::{Cli, CompletionsArgs};
use crate::cli::exit::ExitStatus;
use pathways::error::Error;
use pathways::output::{Destination, write};

pub fn run(args: &CompletionsArgs) -> Result<ExitStatus, Error> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "pathways", &mut script);
    write(&Destination::Stdout, &script)?;
    Ok(ExitStatus::Success)
}
