//! A policy: what an office requires of its profiles, read from YAML.
//!
//! Every field is optional; what a policy file leaves out keeps the default
//! (the seven required sections of README.md's profile format, nothing else).

use crate::rules::Rule;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::finding::{Finding, Position, Severity};
use crate::profile::{CATALOGUE, default_required_sections};

/// Top-level fields a policy may require.
pub(crate) const REQUIRABLE_FIELDS: [&str; 9] = [
    "aliases",
    "codes",
    "facts",
    "category",
    "career_type",
    "updated",
    "locale",
    "sources",
    "summary",
];

/// How many years before a profile's review its facts may be, by default:
/// national statistics are revised every year or two.
pub(crate) const DEFAULT_MAX_FACT_AGE_YEARS: u16 = 5;

/// What an office asks of its profiles beyond the format: sections and fields required, minimum lengths and score, the age allowed, rule severities.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Section ids that must be present and non-empty.
    pub required_sections: Vec<String>,
    /// Top-level fields that must be present (`updated`, `locale`, `category`, ...).
    pub required_fields: Vec<String>,
    /// Fewest list entries per section id.
    pub min_items: BTreeMap<String, usize>,
    /// Fewest words per section id.
    pub min_words: BTreeMap<String, usize>,
    /// Oldest `updated` date allowed, in days before `today`.
    pub max_age_days: Option<u32>,
    /// How many years before the profile's review a fact's `year` may be
    /// (`stale-fact`).
    pub max_fact_age_years: u16,
    /// Lowest completeness score allowed.
    pub min_score: Option<u8>,
    /// Severity overrides; `None` turns a rule off.
    pub severities: BTreeMap<Rule, Option<Severity>>,
    /// Today, as days since 1970-01-01, for the age rule.
    pub today: Option<i64>,
    /// Languages with a label catalogue (`en`, `es`, ...): a profile in any
    /// other gets `no-translation`. The built-in ones unless a renderer with
    /// a template folder knows more ([`Renderer::languages`](crate::render::Renderer::languages)).
    pub languages: Vec<String>,
    /// Whether the fonts a PDF is made with show a character; set when a
    /// command makes PDF, so that text no font shows is `missing-glyph`.
    pub glyphs: Option<fn(char) -> bool>,
    /// Languages every profile must have a translation into (or be
    /// written in): `missing-language`.
    pub require_languages: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            required_sections: default_required_sections().map(str::to_owned).collect(),
            required_fields: Vec::new(),
            min_items: BTreeMap::new(),
            min_words: BTreeMap::new(),
            max_age_days: None,
            max_fact_age_years: DEFAULT_MAX_FACT_AGE_YEARS,
            min_score: None,
            severities: BTreeMap::new(),
            today: None,
            languages: {
                let mut languages: Vec<String> = crate::locale::BUILT_IN_CATALOGUES
                    .iter()
                    .map(|(language, _)| (*language).to_owned())
                    .collect();
                languages.sort();
                languages
            },
            glyphs: None,
            require_languages: Vec::new(),
        }
    }
}

/// The policy file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    required_sections: Option<Vec<String>>,
    #[serde(default)]
    required_fields: Vec<String>,
    #[serde(default)]
    min_items: BTreeMap<String, usize>,
    #[serde(default)]
    min_words: BTreeMap<String, usize>,
    max_age_days: Option<u32>,
    max_fact_age_years: Option<u16>,
    min_score: Option<u8>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    require_languages: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Off,
}

impl Policy {
    /// Read a policy from YAML. A mistake in it is returned as a finding
    /// (located in the policy file) so it can be shown like any other.
    pub fn from_yaml(text: &str) -> Result<Policy, Box<Finding>> {
        let source = crate::load::Source {
            name: String::new(),
            text: text.to_owned(),
        };
        let file: PolicyFile = crate::load::parse_as(&source)?;
        let locations = crate::load::Locations::scan(text);
        let problem = |path: &str, message: String, hint: String| {
            Box::new(
                Finding::new(Rule::InvalidPolicy, message, hint)
                    .at(locations
                        .value_or_key(path)
                        .unwrap_or(Position::new(1, 1, 1)))
                    .path(path),
            )
        };
        let section_ids: Vec<&str> = CATALOGUE.iter().map(|s| s.id).collect();
        let check_section = |path: String, id: &str| {
            if section_ids.contains(&id) {
                Ok(())
            } else {
                Err(problem(
                    &path,
                    format!("`{id}` is not a section pathways knows"),
                    suggestion(id, &section_ids),
                ))
            }
        };
        let mut policy = Policy::default();
        if let Some(required) = file.required_sections {
            for (i, id) in required.iter().enumerate() {
                check_section(format!("required_sections[{i}]"), id)?;
            }
            policy.required_sections = required;
        }
        for (i, field) in file.required_fields.iter().enumerate() {
            if !REQUIRABLE_FIELDS.contains(&field.as_str()) {
                return Err(problem(
                    &format!("required_fields[{i}]"),
                    format!("`{field}` is not a field a policy can require"),
                    suggestion(field, &REQUIRABLE_FIELDS),
                ));
            }
        }
        policy.required_fields = file.required_fields;
        for id in file.min_items.keys().chain(file.min_words.keys()) {
            let table = if file.min_items.contains_key(id) {
                "min_items"
            } else {
                "min_words"
            };
            check_section(format!("{table}.{id}"), id)?;
        }
        policy.min_items = file.min_items;
        policy.min_words = file.min_words;
        policy.max_age_days = file.max_age_days;
        if let Some(years) = file.max_fact_age_years {
            policy.max_fact_age_years = years;
        }
        if let Some(score) = file.min_score
            && score > 100
        {
            return Err(problem(
                "min_score",
                format!("a completeness score runs from 0 to 100, so {score} cannot be reached"),
                "choose a minimum between 0 and 100".to_owned(),
            ));
        }
        policy.min_score = file.min_score;
        for (i, language) in file.require_languages.iter().enumerate() {
            if !crate::validate::is_language_tag(language) {
                return Err(problem(
                    &format!("require_languages[{i}]"),
                    format!("`{language}` is not a language tag"),
                    "write languages as tags such as `en-US`, `es-MX` or `fr-CA`".to_owned(),
                ));
            }
        }
        policy.require_languages = file.require_languages;
        let rule_ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        for (id, level) in file.rules {
            let path = format!("rules.{id}");
            let Some(rule) = Rule::from_id(&id) else {
                return Err(problem(
                    &path,
                    format!("`{id}` is not a rule pathways has"),
                    suggestion(&id, &rule_ids),
                ));
            };
            if !rule.configurable() {
                return Err(problem(
                    &path,
                    format!("the rule `{id}` cannot be changed by a policy"),
                    "a profile that breaks it cannot be read at all; remove this line".to_owned(),
                ));
            }
            let severity = match level {
                Level::Error => Some(Severity::Error),
                Level::Warning => Some(Severity::Warning),
                Level::Off => None,
            };
            policy.severities.insert(rule, severity);
        }
        Ok(policy)
    }

    /// The severity a rule has under this policy; `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.severities.get(&rule) {
            Some(level) => *level,
            None => Some(rule.default_severity()),
        }
    }
}

fn suggestion(given: &str, allowed: &[&str]) -> String {
    match crate::load::did_you_mean(given, allowed) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("use one of: {}", allowed.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_policy_is_the_default() {
        let policy = Policy::from_yaml("{}").unwrap();
        assert_eq!(policy.required_sections.len(), 7);
        assert_eq!(policy.severity(Rule::Outdated), Some(Severity::Warning));
    }

    /// A score runs from 0 to 100: 100 can be asked for, 101 cannot.
    #[test]
    fn the_minimum_score_is_at_most_100() {
        assert_eq!(
            Policy::from_yaml("min_score: 100\n")
                .map(|p| p.min_score)
                .ok(),
            Some(Some(100))
        );
        assert!(Policy::from_yaml("min_score: 0\n").is_ok());
        let error = Policy::from_yaml("min_score: 101\n").unwrap_err();
        assert!(error.message.contains("101 cannot be reached"), "{error:?}");
    }

    #[test]
    fn rules_can_be_raised_lowered_and_turned_off() {
        let policy = Policy::from_yaml("rules:\n  outdated: error\n  id-file-name: off\n").unwrap();
        assert_eq!(policy.severity(Rule::Outdated), Some(Severity::Error));
        assert_eq!(policy.severity(Rule::IdFileName), None);
    }

    #[test]
    fn mistakes_are_located_with_a_suggestion() {
        let error =
            Policy::from_yaml("required_sections:\n  - overview\n  - outlok\n").unwrap_err();
        assert_eq!(error.position.line, 3);
        assert!(error.hint.contains("`outlook`"), "{}", error.hint);
        let error = Policy::from_yaml("rules:\n  placeholder: off\n").unwrap_err();
        assert!(error.hint.contains("`placeholder-text`"), "{}", error.hint);
        let error = Policy::from_yaml("rules:\n  yaml-syntax: off\n").unwrap_err();
        assert!(error.message.contains("cannot be changed"));
        let error = Policy::from_yaml("min_scor: 5\n").unwrap_err();
        assert_eq!(error.rule, Rule::UnknownKey);
    }
}
