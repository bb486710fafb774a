//! One file per subcommand: each turns parsed arguments into an exit status.

pub mod check;
pub mod export;
pub mod import;
pub mod new;
pub mod render;
pub mod schema;
pub mod templates;

use crate::console::{err, errln};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::ColorChoice;
use crate::error::Error;
use crate::exit::ExitStatus;
use crate::finding::Finding;
use crate::load::{Discovered, LoadFailure, discover};
use crate::report::{self, human};
use crate::validate::Policy;

/// The profiles named on the command line; what the walk passed over (a
/// pipe named like a profile) is said here, once for every command.
pub fn discover_profiles(paths: &[PathBuf]) -> Discovered {
    let found = discover(paths);
    for warning in &found.warnings {
        errln!("warning: {warning}");
    }
    found
}

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
        err!("{}", human::render(findings, &lines, color));
    }
}

/// Print a profile that could not be loaded; true when it was a problem in
/// the profile (exit 1) rather than a failure to run (exit 2).
pub fn print_load_failure(failure: &LoadFailure, color: bool) -> bool {
    match failure {
        LoadFailure::Unreadable(error) => {
            errln!("error: {error}");
            false
        }
        LoadFailure::Invalid { finding, source } => {
            let text = source.as_ref().map(|s| s.text.as_str());
            print_findings(std::slice::from_ref(finding), text, color);
            true
        }
    }
}

/// The policy file used when `--policy` is not given, if it exists.
pub const DEFAULT_POLICY_FILE: &str = "pathways-policy.yaml";

/// `--policy FILE`, else `pathways-policy.yaml` here, else the default;
/// today's date set for the age rule.
pub fn load_policy(path: Option<&Path>, color: bool) -> Result<Policy, ExitStatus> {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None if Path::new(DEFAULT_POLICY_FILE).is_file() => PathBuf::from(DEFAULT_POLICY_FILE),
        None => return Ok(with_today(Policy::default())),
    };
    let text = std::fs::read_to_string(&path).map_err(|source| {
        errln!(
            "error: {}",
            Error::Read {
                path: path.clone(),
                source
            }
        );
        ExitStatus::Error
    })?;
    Policy::from_yaml(&text).map(with_today).map_err(|finding| {
        let mut finding = *finding;
        finding.file = path.display().to_string();
        finding.message = format!("in the policy file: {}", finding.message);
        print_findings(std::slice::from_ref(&finding), Some(&text), color);
        errln!(
            "error: the policy `{}` cannot be used; nothing was checked",
            path.display()
        );
        ExitStatus::Error
    })
}

fn with_today(mut policy: Policy) -> Policy {
    policy.today = Some(today());
    policy
}

/// Days since 1970-01-01, from the system clock.
fn today() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (seconds / 86_400) as i64
}

/// `--page-size`, as the renderer takes it.
pub fn page_size(arg: Option<crate::cli::PageSizeArg>) -> Option<crate::render::PageSize> {
    arg.map(|size| match size {
        crate::cli::PageSizeArg::A4 => crate::render::PageSize::A4,
        crate::cli::PageSizeArg::Letter => crate::render::PageSize::Letter,
    })
}
