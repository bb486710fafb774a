//! pathways turns YAML career profiles into reports. The pipeline:
//!
//! 1. [`load`]: read a profile file and parse it into the [`profile::Profile`] model;
//! 2. [`validate`]: check it, producing located [`finding::Finding`]s;
//! 3. [`render`]: turn it into Markdown, HTML or plain text through templates;
//! 4. [`output`]: write the report to standard output or atomically to a file.
//!
//! [`links`] (how Markdown is read, which links a reader may follow) sits
//! below both `validate` and `render`.
//!
//! [`cmd`] wires the steps together for each subcommand; [`run`] is the whole program.

pub mod cli;
pub mod cmd;
pub mod console;
pub mod error;
pub mod exit;
pub mod finding;
pub mod import;
pub mod links;
pub mod load;
pub mod output;
pub mod profile;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod validate;

use cli::{Cli, Command};
use exit::ExitStatus;

/// Run one parsed command line.
pub fn run(cli: Cli) -> ExitStatus {
    let color = cmd::use_color(cli.color);
    match &cli.command {
        Command::Render(args) => cmd::render::run(args, color),
        Command::Check(args) => cmd::check::run(args, color),
        Command::Export(args) => cmd::export::run(args, color),
        Command::Import(args) => cmd::import::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Templates(args) => cmd::templates::run(args),
    }
}
