//! VALIDATE: check a parsed profile against the rules and a policy; pure, no I/O.
//!
//! Each rule family lives in its own file and adds located findings.

mod identity;
mod salary;
mod sections;

use crate::finding::Finding;
use crate::load::{Document, Locations};
use crate::profile::DEFAULT_REQUIRED_SECTIONS;

/// What an office requires of its profiles.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Section ids that must be present and non-empty.
    pub required_sections: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            required_sections: DEFAULT_REQUIRED_SECTIONS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }
}

/// All findings for one profile, in file order.
pub fn validate(document: &Document, policy: &Policy) -> Vec<Finding> {
    let mut findings = Findings {
        locations: &document.locations,
        list: Vec::new(),
    };
    identity::check(&document.profile, &mut findings);
    salary::check(&document.profile, &mut findings);
    sections::check(&document.profile, policy, &mut findings);
    let mut list = findings.list;
    for finding in &mut list {
        finding.file.clone_from(&document.source.name);
    }
    list.sort_by_key(|f| (f.position.line, f.position.column));
    list
}

/// Collects findings, placing each at the right spot in the file.
struct Findings<'a> {
    locations: &'a Locations,
    list: Vec<Finding>,
}

impl Findings<'_> {
    /// Report a problem with a value (`min: 50000`): points at the value.
    fn at_value(&mut self, path: &str, finding: Finding) {
        let position = self
            .locations
            .value(path)
            .unwrap_or_else(|| self.locations.nearest(path));
        self.list.push(finding.at(position).path(path));
    }

    /// Report a problem with a field as a whole (`salary:`), or a missing one:
    /// points at its key, or for a missing field at its nearest parent.
    fn at_key(&mut self, path: &str, finding: Finding) {
        let position = self.locations.nearest(path);
        self.list.push(finding.at(position).path(path));
    }
}
