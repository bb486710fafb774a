//! Rules over a collection of profiles rather than one: an id used twice.
//! `check` and `export` both find duplicate ids here.

use std::collections::BTreeMap;

use crate::finding::{Finding, Position};
use crate::rules::Rule;

/// One profile's claim on an id: the id, the file as the user named it, and
/// where the `id` value is in that file.
#[derive(Debug, Clone, Copy)]
pub struct IdClaim<'a> {
    /// The profile's id.
    pub id: &'a str,
    /// The file it came from, as messages name it.
    pub file: &'a str,
    /// Where its `id` value is.
    pub position: Position,
}

/// Every claim whose id another claim also makes: its place in `claims` and
/// a `duplicate-id` finding (at the rule's default severity; a policy may
/// change it) naming the other files. Places are in id order, then in the
/// order of `claims`.
pub fn duplicate_ids(claims: &[IdClaim<'_>]) -> Vec<(usize, Finding)> {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (place, claim) in claims.iter().enumerate() {
        by_id.entry(claim.id).or_default().push(place);
    }
    let mut findings = Vec::new();
    for (id, places) in by_id.into_iter().filter(|(_, places)| places.len() > 1) {
        for &place in &places {
            let others: Vec<String> = places
                .iter()
                .filter(|&&other| other != place)
                .map(|&other| format!("`{}`", claims[other].file))
                .collect();
            let claim = &claims[place];
            let finding = Finding::new(
                Rule::DuplicateId,
                format!("the id `{id}` is also used by {}", others.join(", ")),
                "give each career its own id; reports are named after it, so one would overwrite the other",
            )
            .at(claim.position)
            .path("id")
            .in_file(claim.file);
            findings.push((place, finding));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim<'a>(id: &'a str, file: &'a str) -> IdClaim<'a> {
        IdClaim {
            id,
            file,
            position: Position::new(2, 5, 3),
        }
    }

    #[test]
    fn each_profile_sharing_an_id_names_the_others() {
        let claims = [
            claim("b", "one.yaml"),
            claim("a", "two.yaml"),
            claim("b", "three.yaml"),
            claim("b", "four.yaml"),
        ];
        let found = duplicate_ids(&claims);
        let places: Vec<usize> = found.iter().map(|(place, _)| *place).collect();
        assert_eq!(places, [0, 2, 3]);
        let (_, first) = &found[0];
        assert_eq!(
            first.message,
            "the id `b` is also used by `three.yaml`, `four.yaml`"
        );
        assert_eq!(first.file, "one.yaml");
        assert_eq!(first.position, Position::new(2, 5, 3));
        assert_eq!(first.path, "id");
        assert_eq!(first.rule, Rule::DuplicateId);
    }

    #[test]
    fn distinct_ids_give_nothing() {
        assert!(duplicate_ids(&[claim("a", "a.yaml"), claim("b", "b.yaml")]).is_empty());
    }
}
