//! VALIDATE: check a parsed profile against the rules and a policy; pure, no I/O.
//!
//! Each rule family lives in its own file and adds located findings; the
//! policy then sets each finding's severity (or drops it, for a rule that is off).

mod content;
mod identity;
mod policy;
pub mod rules;
mod salary;
mod score;
mod sections;

pub use identity::{days_from_date, is_slug};
pub use policy::{Policy, REQUIRABLE_FIELDS};
pub use score::{completeness, section_weight};

use crate::finding::{Finding, Position, Severity};
use crate::load::{Document, Locations};

/// All findings for one profile, in file order.
pub fn validate(document: &Document, policy: &Policy) -> Vec<Finding> {
    validate_scope(document, policy, Scope::All)
}

/// Only the errors: enough to decide whether a profile may be exported,
/// without locating warnings nobody will read.
pub fn validate_errors(document: &Document, policy: &Policy) -> Vec<Finding> {
    validate_scope(document, policy, Scope::ErrorsOnly)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    ErrorsOnly,
}

fn validate_scope(document: &Document, policy: &Policy, scope: Scope) -> Vec<Finding> {
    let mut findings = Findings {
        document,
        policy,
        scope,
        list: Vec::new(),
    };
    let profile = &document.profile;
    identity::check(profile, &document.source.name, policy, &mut findings);
    sections::check(profile, policy, &mut findings);
    content::check(profile, &mut findings);
    salary::check(profile, &mut findings);
    if let Some(minimum) = policy.min_score {
        let score = completeness(profile, policy);
        if score < minimum {
            findings.push(
                Finding::error(
                    "low-score",
                    format!("the profile is {score}% complete; the policy asks for at least {minimum}%"),
                    "fill in more of the catalogue sections (`pathways new` lists them all with guidance)",
                ),
                |locations| (locations.start(), String::new()),
            );
        }
    }
    let mut list = findings.list;
    for finding in &mut list {
        finding.file.clone_from(&document.source.name);
    }
    list.sort_by_key(|f| (f.position.line, f.position.column));
    list
}

/// Collects findings: applies the policy's severity (dropping rules that
/// are off), then places each at the right spot in the file.
struct Findings<'a> {
    document: &'a Document,
    policy: &'a Policy,
    scope: Scope,
    list: Vec<Finding>,
}

impl Findings<'_> {
    /// Whether findings of `rule` would be kept: rules can skip work whose
    /// findings nobody asked for (warnings, when only errors matter).
    fn wants(&self, rule: &str) -> bool {
        match self.policy.severity(rule) {
            None => false,
            Some(severity) => self.scope == Scope::All || severity == Severity::Error,
        }
    }

    /// Keep `finding` if the policy and scope want it, located by `locate`
    /// (which returns its position and field path).
    fn push(
        &mut self,
        mut finding: Finding,
        locate: impl FnOnce(&Locations) -> (Position, String),
    ) {
        let Some(severity) = self.policy.severity(finding.rule) else {
            return;
        };
        if self.scope == Scope::ErrorsOnly && severity != Severity::Error {
            return;
        }
        finding.severity = severity;
        let (position, path) = locate(self.document.locations());
        self.list.push(finding.at(position).path(path));
    }

    /// Report a problem with a value (`min: 50000`): points at the value.
    fn at_value(&mut self, path: &str, finding: Finding) {
        self.push(finding, |locations| {
            let position = locations
                .value(path)
                .unwrap_or_else(|| locations.nearest(path));
            (position, path.to_owned())
        });
    }

    /// Report a problem with a field as a whole (`salary:`), or a missing one:
    /// points at its key, or for a missing field at its nearest parent.
    fn at_key(&mut self, path: &str, finding: Finding) {
        self.push(finding, |locations| {
            (locations.nearest(path), path.to_owned())
        });
    }

    /// Report a problem with a piece of text inside a value: points at the
    /// line where `needle` appears (block scalars span many lines), else at
    /// the value.
    fn at_text(&mut self, path: &str, needle: &str, finding: Finding) {
        let text = &self.document.source.text;
        self.push(finding, |locations| {
            let start = locations
                .value(path)
                .unwrap_or_else(|| locations.nearest(path));
            (
                find_after(text, start, needle).unwrap_or(start),
                path.to_owned(),
            )
        });
    }
}

/// The first place at or after `start` where `needle` (compared without
/// regard to case) begins, within a few hundred lines.
fn find_after(text: &str, start: Position, needle: &str) -> Option<Position> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    for (offset, line) in text
        .split('\n')
        .skip(start.line.saturating_sub(1))
        .take(400)
        .enumerate()
    {
        let skip_chars = if offset == 0 {
            start.column.saturating_sub(1)
        } else {
            0
        };
        let searchable: String = line
            .chars()
            .skip(skip_chars)
            .collect::<String>()
            .to_lowercase();
        if let Some(byte) = searchable.find(&needle) {
            let column = skip_chars + searchable[..byte].chars().count() + 1;
            return Some(Position::new(
                start.line + offset,
                column,
                needle.chars().count(),
            ));
        }
    }
    None
}
