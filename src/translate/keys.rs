//! Which keys a translation file may hold: the base profile's text fields.
//! Everything else is either data that comes from the base (a figure, a
//! code, a date, an address) or a key pathways does not know.

use crate::finding::{Finding, Position};
use crate::rules::Rule;

/// The keys of every text field, and of the lists and maps that hold them,
/// with list positions written `[]` and section and fact names `*`.
const TEXT_PATHS: &[&str] = &[
    "updated",
    "title",
    "aliases",
    "aliases[]",
    "category",
    "career_type",
    "sources",
    "sources[]",
    "sources[].title",
    "sources[].credit",
    "summary",
    "summary[]",
    "summary[].heading",
    "summary[].text",
    "facts",
    "facts.*",
    "facts.*.text",
    "facts.*.words",
    "facts.*.body",
    "facts.*.source",
    "facts.*.source.title",
    "facts.*.source.credit",
    "sections",
    "sections.*",
    "sections.*.region",
    "sections.*.source",
    "sections.*.source.title",
    "sections.*.source.credit",
    "sections.*.items[].myth",
    "sections.*.items[].reality",
    "extra_sections",
    "extra_sections[]",
    "extra_sections[].id",
    "extra_sections[].heading",
];

/// The text fields of every section shape (under `sections.*` and `extra_sections[]`).
const PROSE_PATHS: &[&str] = &[
    "intro",
    "outro",
    "items",
    "items[]",
    "items[].title",
    "items[].text",
    "groups",
    "groups[]",
    "groups[].heading",
    "groups[].intro",
    "groups[].outro",
    "groups[].items",
    "groups[].items[]",
    "groups[].items[].title",
    "groups[].items[].text",
];

/// Keys a profile has that are not language.
const DATA_KEYS: &[&str] = &[
    "id",
    "codes",
    "soc",
    "onet",
    "isco",
    "esco",
    "local",
    "url",
    "year",
    "currency",
    "period",
    "average",
    "median",
    "median_hourly",
    "percentiles",
    "p10",
    "p25",
    "p50",
    "p75",
    "p90",
    "ranges",
    "stage",
    "min",
    "max",
    "level",
    "count",
    "percent",
];

/// `sections.salary.items[3].text` → `sections.*.items[].text`.
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let parts = path.split('.');
    let mut first = true;
    let mut previous = "";
    for part in parts {
        if !first {
            out.push('.');
        }
        first = false;
        let (name, indexed) = match part.find('[') {
            Some(at) => (&part[..at], true),
            None => (part, false),
        };
        // A section's or fact's name stands for any (`sections.*`); a key
        // named so deeper down is no text path either way.
        let named = if previous == "sections" || previous == "facts" {
            "*"
        } else {
            name
        };
        out.push_str(named);
        if indexed {
            // A nested list (`[0][1]`) is not a shape any profile has.
            out.push_str(&"[]".repeat(part.matches('[').count()));
        }
        previous = if indexed { "" } else { named };
    }
    out
}

fn is_text_pattern(pattern: &str) -> bool {
    if TEXT_PATHS.contains(&pattern) || pattern == "base_text" {
        return true;
    }
    ["sections.*.", "extra_sections[]."].iter().any(|prefix| {
        pattern
            .strip_prefix(prefix)
            .is_some_and(|rest| PROSE_PATHS.contains(&rest))
    })
}

/// Findings for every key of a translation file (its field `paths`, each
/// with where it is) that is not the base's text: `base` names the base
/// profile's file.
pub fn check_keys<'p>(
    paths: impl Iterator<Item = (&'p str, Position)>,
    language: &str,
    base: &str,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = paths
        .filter(|(path, _)| !is_text_pattern(&pattern(path)))
        .filter(|(path, _)| {
            // Report a wrong key once, not again for what is under it.
            let parent = path.rfind(['.', '[']).map(|at| &path[..at]);
            parent.is_none_or(|parent| is_text_pattern(&pattern(parent)))
        })
        .map(|(path, position)| {
            let key = path.rsplit('.').next().unwrap_or(path);
            let key = key.split('[').next().unwrap_or(key);
            let finding = if key == "locale" {
                Finding::new(
                    Rule::TranslationAddsData,
                    format!("a translation's language is the tag in its file name (`{language}`), not a `locale` key"),
                    "remove `locale`; to translate into another language, copy the file to a name with that tag",
                )
            } else if DATA_KEYS.contains(&key) {
                Finding::new(
                    Rule::TranslationAddsData,
                    format!("`{path}` is not text: it comes from the base profile `{base}` and is the same in every language"),
                    format!("remove `{key}` here; to change it, change `{base}`"),
                )
            } else {
                Finding::new(
                    Rule::UnknownKey,
                    format!("`{path}` is not a field a translation has"),
                    "a translation holds the base profile's text in its shape: title, aliases, summary, \
                     sections' intro, items, groups and outro, facts' words, sources' titles \
                     (`pathways new --translate` writes one to fill in)",
                )
            };
            finding.at(position).path(path)
        })
        .collect();
    findings.sort_by_key(|f| (f.position.line, f.position.column));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_patterns() {
        assert_eq!(
            pattern("sections.salary.items[3].text"),
            "sections.*.items[].text"
        );
        assert_eq!(pattern("facts.jobs.source.title"), "facts.*.source.title");
        assert_eq!(
            pattern("extra_sections[0].groups[1].items[2]"),
            "extra_sections[].groups[].items[]"
        );
        assert!(is_text_pattern("sections.*.groups[].items[].title"));
        assert!(is_text_pattern("extra_sections[].intro"));
        assert!(!is_text_pattern("sections.*.average"));
        assert!(!is_text_pattern("sections.*.ranges[].min"));
        assert!(!is_text_pattern("extra_sections[].region"));
        // The fingerprints `new --translate` writes are the translation's own.
        assert!(is_text_pattern("base_text"));
        assert!(!is_text_pattern("base_texts"));
    }

    #[test]
    fn data_is_refused_and_unknown_keys_are_named() {
        let text = "title: Técnicos\nsections:\n  salary:\n    average: 1\n    intro: Hola.\n    ranges:\n      - min: 2\nlocale: es\nsumary: []\n";
        let findings = check_keys(
            crate::load::Locations::scan(text).paths(),
            "es-MX",
            "a.yaml",
        );
        let found: Vec<(Rule, &str, usize)> = findings
            .iter()
            .map(|f| (f.rule, f.path.as_str(), f.position.line))
            .collect();
        assert_eq!(
            found,
            [
                (Rule::TranslationAddsData, "sections.salary.average", 4),
                (Rule::TranslationAddsData, "sections.salary.ranges", 6),
                (Rule::TranslationAddsData, "locale", 8),
                (Rule::UnknownKey, "sumary", 9),
            ]
        );
        assert!(
            findings[0].message.contains("a.yaml"),
            "{}",
            findings[0].message
        );
    }
}
