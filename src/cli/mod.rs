//! The command line: clap's arguments ([`args`]), one file per subcommand,
//! and [`run`], the one place where an error that stops a command is printed.

pub mod args;
mod check;
mod common;
mod compare;
mod completions;
pub mod console;
mod exit;
mod export;
mod import;
mod man;
mod new;
mod preview;
mod render;
mod schema;
mod seed;
mod templates;
mod typeset;

use std::io::ErrorKind;

use pathways::error::Error;

use args::{Cli, Command};
pub use exit::ExitStatus;

/// Run one parsed command line: the subcommand's status, or exit 2 with
/// its error printed here.
pub fn run(cli: &Cli) -> ExitStatus {
    let color = common::use_color(cli.color);
    let result = match &cli.command {
        Command::Render(args) => render::run(args, color),
        Command::Check(args) => check::run(args, color),
        Command::Compare(args) => compare::run(args, color),
        Command::Export(args) => export::run(args, color),
        Command::Import(args) => import::run(args),
        Command::New(args) => new::run(args),
        Command::Seed(args) => seed::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Templates(args) => templates::run(args),
        Command::Preview(args) => preview::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Typeset(args) => typeset::run(args),
    };
    result.unwrap_or_else(|error| report(&error, color))
}

/// Print an error that stopped a command. A closed pipe on standard output
/// is not one: the reader has what it wanted (as with ripgrep).
fn report(error: &Error, color: bool) -> ExitStatus {
    match error {
        Error::WriteStdout { source } if source.kind() == ErrorKind::BrokenPipe => {
            return ExitStatus::Success;
        }
        Error::UnusableSettings { finding, text, .. } => {
            common::print_findings(std::slice::from_ref(&**finding), Some(text), color);
        }
        _ => {}
    }
    console::print_error(None, error);
    ExitStatus::Error
}
