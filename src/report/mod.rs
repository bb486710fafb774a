//! Ways of showing check results: one file per output format.
//!
//! `human` is for people (stderr, with source snippets); `json`, `github`,
//! `sarif` and `junit` are for machines (stdout).

mod base;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;

pub use base::Base;

use crate::finding::{Finding, Severity};

/// The results for one profile file.
#[derive(Debug, Clone)]
pub struct ProfileReport {
    /// The file as the user named it.
    pub file: String,
    /// The profile's id, when it could be read.
    pub id: Option<String>,
    /// Completeness score 0–100, when the profile could be read.
    pub score: Option<u8>,
    /// Its findings, in file order.
    pub findings: Vec<Finding>,
    /// The source lines findings point at, for snippets.
    pub lines: BTreeMap<usize, String>,
}

impl ProfileReport {
    /// How many of its findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// The results of one `check` run.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// One report per profile, in the order they were named.
    pub profiles: Vec<ProfileReport>,
    /// Files that could not be read at all: (file, message).
    pub unreadable: Vec<(String, String)>,
    /// Whether warnings fail the run.
    pub strict: bool,
    /// Where SARIF and JUnit name files from.
    pub base: Base,
}

impl CheckReport {
    /// How many findings of all profiles have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.profiles.iter().map(|p| p.count(severity)).sum()
    }

    /// Whether a profile fails: it has errors, or warnings under `--strict`.
    pub fn profile_fails(&self, profile: &ProfileReport) -> bool {
        profile.count(Severity::Error) > 0 || (self.strict && profile.count(Severity::Warning) > 0)
    }

    /// Whether the check fails (exit 1): some profile fails (see [`Self::profile_fails`]).
    pub fn failed(&self) -> bool {
        self.profiles.iter().any(|p| self.profile_fails(p))
    }

    /// `3 profiles checked: 2 errors, 1 warning`
    pub fn summary_line(&self) -> String {
        format!(
            "{} checked: {}, {}",
            plural(self.profiles.len(), "profile"),
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning")
        )
    }
}

/// The lines of `text` that `findings` point at (plus `extra`); a finding
/// without a position (line 0) points at none.
pub fn source_lines(
    text: &str,
    findings: &[Finding],
    extra: Option<usize>,
) -> BTreeMap<usize, String> {
    let wanted: std::collections::BTreeSet<usize> = findings
        .iter()
        .map(|f| f.position.line)
        .chain(extra)
        .collect();
    text.split('\n')
        .enumerate()
        .filter(|(i, _)| wanted.contains(&(i + 1)))
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect()
}

use crate::words::plural;
