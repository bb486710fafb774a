//! Section rules: the policy's required sections are present and have content.

use super::{Findings, Policy};
use crate::finding::Finding;
use crate::profile::{Profile, section_info};

pub(super) fn check(profile: &Profile, policy: &Policy, findings: &mut Findings) {
    for id in &policy.required_sections {
        let heading = section_info(id).map_or(id.as_str(), |info| info.heading);
        let path = format!("sections.{id}");
        match profile.sections.get(id) {
            // A missing section has no key of its own: nearest() lands on `sections:`.
            None => findings.at_key(
                &path,
                Finding::error(
                    "missing-section",
                    format!("the required section `{id}` ({heading}) is missing"),
                    format!("add `{id}:` under `sections:` with at least an `intro:` paragraph"),
                ),
            ),
            Some(content) if content.is_empty() => findings.at_key(
                &path,
                Finding::error(
                    "empty-section",
                    format!("the required section `{id}` ({heading}) has no text"),
                    "write at least an `intro:` paragraph or one item in this section",
                ),
            ),
            Some(_) => {}
        }
    }
}
