//! One file per subcommand: each turns parsed arguments into an exit status.

pub mod check;
pub mod new;
pub mod render;
pub mod schema;

use std::io::IsTerminal;

use crate::cli::ColorChoice;
use crate::finding::Finding;
use crate::load::LoadFailure;
use crate::report::{self, human};

/// Whether messages on standard error get colour.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// Print findings about one file to standard error.
pub fn print_findings(findings: &[Finding], text: Option<&str>, color: bool) {
    if !findings.is_empty() {
        let lines = report::source_lines(text.unwrap_or(""), findings, None);
        eprint!("{}", human::render(findings, &lines, color));
    }
}

/// Print a profile that could not be loaded; true when it was a problem in
/// the profile (exit 1) rather than a failure to run (exit 2).
pub fn print_load_failure(failure: &LoadFailure, color: bool) -> bool {
    match failure {
        LoadFailure::Unreadable(error) => {
            eprintln!("error: {error}");
            false
        }
        LoadFailure::Invalid { finding, source } => {
            let text = source.as_ref().map(|s| s.text.as_str());
            print_findings(std::slice::from_ref(finding), text, color);
            true
        }
    }
}
