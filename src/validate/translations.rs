//! Translation rules: what a translation file may not hold, what it leaves
//! to the base's language, and whether it is older than its base.

use super::Findings;
use crate::finding::Finding;
use crate::load::TranslationOf;
use crate::rules::Rule;

/// How many untranslated fields a message names before "and N more".
const NAMED_FIELDS: usize = 8;

pub(super) fn check(translation: &TranslationOf, findings: &mut Findings) {
    for problem in &translation.problems {
        findings.placed(problem.clone());
    }
    let fallback = &translation.fallback;
    if !fallback.is_empty() && findings.keeps(Rule::TranslationIncomplete) {
        findings.at_key(
            "",
            Finding::new(
                Rule::TranslationIncomplete,
                format!(
                    "{} of the base profile {} not translated and will print in {}: {}",
                    crate::words::plural(fallback.len(), "text field"),
                    if fallback.len() == 1 { "is" } else { "are" },
                    translation.base_language,
                    named_fields(fallback)
                ),
                "add the text in this language under the same keys as in the base profile \
                 (`pathways new --translate BASE --lang LANGUAGE` writes every field to fill in)",
            ),
        );
    } else if !fallback.is_empty() {
        // Only counted (an export's warnings), or off: no message to build.
        findings.at_key("", Finding::new(Rule::TranslationIncomplete, "", ""));
    }
    outdated(translation, findings);
}

fn outdated(translation: &TranslationOf, findings: &mut Findings) {
    // Fingerprints of the base text say which fields changed: each is
    // reported where its translation is.
    for (path, now) in &translation.changed {
        findings.at_key(
            path,
            Finding::new(
                Rule::TranslationOutdated,
                format!(
                    "the base profile `{}` has changed this text since it was translated",
                    translation.base().name
                ),
                format!(
                    "compare it with the base profile's `{path}` and bring it up to date; \
                     then change its line under `base_text:` to `{path} {now}`"
                ),
            ),
        );
    }
    let Some(base_updated) = &translation.base_updated else {
        return;
    };
    if translation.fingerprinted {
        return;
    }
    let own_date = translation.translated.contains("updated");
    let updated = findings
        .document
        .profile
        .updated
        .as_ref()
        .filter(|_| own_date);
    let days = super::identity::days_from_date;
    match updated {
        Some(updated) if days(updated) >= days(base_updated) => {}
        Some(updated) => findings.at_value(
            "updated",
            Finding::new(
                Rule::TranslationOutdated,
                format!(
                    "the base profile `{}` was reviewed on {base_updated}, after this translation ({updated}): \
                     its text may have changed since",
                    translation.base().name
                ),
                "compare the translation with the base profile, bring it up to date, then set `updated` to today's date",
            ),
        ),
        None => findings.at_key(
            "",
            Finding::new(
                Rule::TranslationOutdated,
                format!(
                    "this translation has no `updated` date, so whether it is older than its base profile \
                     (reviewed on {base_updated}) cannot be told"
                ),
                "add `updated: YYYY-MM-DD`, the day the translation was last checked against the base profile",
            ),
        ),
    }
}

/// The first [`NAMED_FIELDS`] paths, quoted, then how many more there are.
fn named_fields(paths: &[String]) -> String {
    let mut named: Vec<String> = paths
        .iter()
        .take(NAMED_FIELDS)
        .map(|path| format!("`{path}`"))
        .collect();
    if paths.len() > NAMED_FIELDS {
        named.push(format!("and {} more", paths.len() - NAMED_FIELDS));
    }
    named.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_fields_names_the_first_eight_and_counts_the_rest() {
        let paths = |n: usize| -> Vec<String> { (0..n).map(|i| format!("f{i}")).collect() };
        assert_eq!(named_fields(&paths(1)), "`f0`");
        assert_eq!(
            named_fields(&paths(8)),
            "`f0`, `f1`, `f2`, `f3`, `f4`, `f5`, `f6`, `f7`"
        );
        assert_eq!(
            named_fields(&paths(10)),
            "`f0`, `f1`, `f2`, `f3`, `f4`, `f5`, `f6`, `f7`, and 2 more"
        );
    }
}
