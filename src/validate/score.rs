//! The completeness score: how much of the catalogue a profile fills in, 0–100.
//!
//! Each catalogue section that is present and non-empty earns its weight:
//! 3 for a section the policy requires, 1 for any other. The score is the
//! share of all weights earned, rounded to a whole percent. With the default
//! policy the weights add up to 7 × 3 + 18 × 1 = 39, so a profile with only
//! the seven required sections scores 54.

use super::Policy;
use crate::profile::{CATALOGUE, Profile};

/// Weight of a section in the score under `policy`.
pub(crate) fn section_weight(id: &str, policy: &Policy) -> u32 {
    if policy.required_sections.iter().any(|r| r == id) {
        3
    } else {
        1
    }
}

/// How complete a profile is, 0–100: the weighted share of catalogue
/// sections it fills in, required ones (under `policy`) counting three times.
pub fn completeness(profile: &Profile, policy: &Policy) -> u8 {
    let total: u32 = CATALOGUE.iter().map(|s| section_weight(s.id, policy)).sum();
    let earned: u32 = CATALOGUE
        .iter()
        .filter(|s| profile.sections.get(s.id).is_some_and(|c| !c.is_empty()))
        .map(|s| section_weight(s.id, policy))
        .sum();
    // Rounded half up; `total` is never 0 (the catalogue has 25 sections).
    ((earned * 100 + total / 2) / total) as u8
}
