//! Every rule pathways checks: its stable id, default severity, whether a
//! policy may change it, and the help text machine formats (SARIF) list.

use crate::finding::Severity;

#[derive(Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// Whether a policy may change its severity or turn it off. Rules about a
    /// file that cannot be read as a profile at all may not.
    pub configurable: bool,
    pub help: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    configurable: bool,
    help: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        configurable,
        help,
    }
}

use Severity::{Error, Warning};

pub const RULES: [RuleInfo; 40] = [
    // The file cannot be read as a profile.
    rule("not-utf8", Error, false, "The file must be UTF-8 text."),
    rule("empty-file", Error, false, "The file must hold a profile."),
    rule("yaml-syntax", Error, false, "The file must be valid YAML."),
    rule(
        "yaml-too-complex",
        Error,
        false,
        "The YAML must not nest too deeply or expand aliases without bound.",
    ),
    rule(
        "yaml-too-large",
        Error,
        false,
        "A file must hold no more than 200,000 values: far more than any career profile.",
    ),
    rule(
        "multiple-documents",
        Error,
        false,
        "A file holds one profile: one YAML document.",
    ),
    rule(
        "duplicate-key",
        Error,
        false,
        "A key may appear only once in the same place.",
    ),
    rule(
        "unknown-key",
        Error,
        false,
        "Every key must be one pathways knows, so a typo never drops content.",
    ),
    rule(
        "unknown-value",
        Error,
        false,
        "Fields with a fixed set of values must use one of them.",
    ),
    rule(
        "wrong-type",
        Error,
        false,
        "Each field must hold the kind of value it is for: text, a number, a list.",
    ),
    rule(
        "missing-field",
        Error,
        false,
        "`id`, `title` and `sections` are required, as are the fields inside list entries.",
    ),
    rule(
        "invalid-id",
        Error,
        false,
        "The id is lower-case letters, digits and single hyphens; file names derive from it.",
    ),
    rule(
        "control-character",
        Error,
        false,
        "Text holds no control characters (other than tab and line breaks): they garble reports and terminals.",
    ),
    rule(
        "reserved-id",
        Error,
        false,
        "The id is not `index` (the export's index page) or a device name Windows reserves.",
    ),
    rule(
        "id-too-long",
        Error,
        false,
        "The id has at most 100 characters, so the file names made from it fit every disk.",
    ),
    // The profile reads, but something in it is wrong or unfinished.
    rule("empty-title", Error, true, "The title names the career."),
    rule(
        "invalid-date",
        Error,
        true,
        "`updated` is a date written YYYY-MM-DD.",
    ),
    rule(
        "invalid-locale",
        Error,
        true,
        "`locale` is a language tag such as en-US.",
    ),
    rule(
        "required-field",
        Error,
        true,
        "Fields the policy requires (such as `updated` or `sources`) are present.",
    ),
    rule(
        "outdated",
        Warning,
        true,
        "The profile was reviewed within the policy's maximum age.",
    ),
    rule(
        "missing-section",
        Error,
        true,
        "Sections the policy requires are present.",
    ),
    rule(
        "empty-section",
        Error,
        true,
        "A section that is present has text.",
    ),
    rule(
        "empty-item",
        Error,
        true,
        "List entries, sub-lists and summary entries have text.",
    ),
    rule(
        "duplicate-item",
        Warning,
        true,
        "A list does not repeat an entry.",
    ),
    rule(
        "too-few-items",
        Error,
        true,
        "Sections have at least the number of entries the policy asks for.",
    ),
    rule(
        "too-few-words",
        Warning,
        true,
        "Sections have at least the number of words the policy asks for.",
    ),
    rule(
        "too-many-items",
        Error,
        true,
        "A list has at most 1,000 entries: more means the wrong file, or a generated one.",
    ),
    rule(
        "placeholder-text",
        Error,
        true,
        "No placeholder text (TODO, TBD, FIXME, xxx, ???, lorem ipsum) is left in.",
    ),
    rule(
        "unfinished-sentence",
        Warning,
        true,
        "Paragraphs end with a full stop (or ?, !, :), not mid-sentence.",
    ),
    rule(
        "unsafe-link",
        Warning,
        true,
        "Links are full web addresses (http or https) or mailto: addresses.",
    ),
    rule(
        "unknown-currency",
        Error,
        true,
        "The salary currency is an ISO 4217 code such as USD or EUR.",
    ),
    rule(
        "salary-without-figures",
        Warning,
        true,
        "The salary section gives figures (an average or ranges), not only text.",
    ),
    rule(
        "salary-missing-currency",
        Warning,
        true,
        "Salary figures state their currency.",
    ),
    rule(
        "salary-negative",
        Error,
        true,
        "Salary figures are not negative.",
    ),
    rule(
        "salary-min-above-max",
        Error,
        true,
        "Each salary range starts at or below where it ends.",
    ),
    rule(
        "salary-stage-order",
        Error,
        true,
        "Salary ranges are listed entry, mid, senior, each once.",
    ),
    rule(
        "salary-average-outside-ranges",
        Warning,
        true,
        "The average salary falls within the ranges given.",
    ),
    rule(
        "id-file-name",
        Warning,
        true,
        "The file is named after the profile's id (`<id>.yaml`).",
    ),
    rule("duplicate-id", Error, true, "No two profiles share an id."),
    rule(
        "low-score",
        Error,
        true,
        "The completeness score reaches the policy's minimum.",
    ),
];

pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        for (i, rule) in RULES.iter().enumerate() {
            assert!(
                rule.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                rule.id
            );
            assert!(RULES[..i].iter().all(|r| r.id != rule.id), "{}", rule.id);
        }
    }
}
