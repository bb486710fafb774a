//! The JSON Schema says what pathways says: whatever the schema rejects,
//! `pathways check` rejects too, and every rule a schema can express has a
//! fixture that both reject. Editors (yaml-language-server) then flag in
//! the editor what CI would stop.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Run, fixture, pathways, read, root};

/// Rules the schema expresses, each with a fixture that breaks it.
const EXPRESSED: [(&str, &str); 18] = [
    ("invalid-id", "invalid/bad-id.yaml"),
    ("reserved-id", "schema/reserved-id.yaml"),
    ("id-too-long", "schema/id-too-long.yaml"),
    ("control-character", "schema/control-character.yaml"),
    ("empty-title", "rules/empty-title.yaml"),
    ("invalid-date", "rules/invalid-date.yaml"),
    ("invalid-locale", "rules/invalid-locale.yaml"),
    ("missing-section", "invalid/missing-section.yaml"),
    ("empty-section", "rules/empty-section.yaml"),
    ("empty-item", "rules/empty-item.yaml"),
    ("too-many-items", "schema/too-many-items.yaml"),
    ("unknown-currency", "invalid/unknown-currency.yaml"),
    ("salary-negative", "rules/salary-negative.yaml"),
    ("salary-out-of-range", "invalid/salary-out-of-range.yaml"),
    ("unknown-key", "invalid/typo-key.yaml"),
    ("unknown-value", "schema/unknown-value.yaml"),
    ("invalid-code", "rules/invalid-code.yaml"),
    ("fact-out-of-range", "rules/fact-out-of-range.yaml"),
];

/// Error rules a JSON Schema cannot express, and why.
const NOT_EXPRESSIBLE: [(&str, &str); 29] = [
    (
        "translation-adds-data",
        "about a translation file, which has its own schema (`schema --translation`)",
    ),
    (
        "translation-orphan",
        "about where a translation file is, not what a profile holds",
    ),
    (
        "missing-language",
        "about which translation files sit beside a profile, which a schema cannot see",
    ),
    (
        "invalid-policy",
        "about a policy file, not a profile: the schema describes profiles",
    ),
    (
        "wrong-type",
        "expressed by every `type`; its fixture is in the sweep",
    ),
    (
        "missing-field",
        "expressed by `required`; its fixture is in the sweep",
    ),
    (
        "not-utf8",
        "about the bytes of the file, before any JSON value exists",
    ),
    ("empty-file", "an empty file has no value to validate"),
    (
        "yaml-syntax",
        "about YAML text, before any JSON value exists",
    ),
    (
        "yaml-too-complex",
        "about aliases and nesting in the YAML text",
    ),
    ("yaml-too-large", "about the size of the YAML text"),
    ("multiple-documents", "a schema sees one document"),
    (
        "duplicate-key",
        "YAML keys, lost when the text becomes a JSON object",
    ),
    ("salary-min-above-max", "compares two values"),
    (
        "salary-median-outside-ranges",
        "compares a value with list entries",
    ),
    ("salary-percentile-order", "compares values with each other"),
    (
        "empty-fact",
        "asks for one of several fields, which the generated schema does not state",
    ),
    (
        "outlook-without-period",
        "asks for a field when another is given, which the generated schema does not state",
    ),
    (
        "salary-stage-order",
        "compares list entries with each other",
    ),
    ("placeholder-text", "needs word-level text search"),
    ("duplicate-id", "compares several files"),
    (
        "low-score",
        "a weighted score over the whole profile, set by a policy",
    ),
    ("required-field", "set by a policy, not by the format"),
    ("too-few-items", "set by a policy, not by the format"),
    ("outdated", "compares with today's date"),
    (
        "line-break-in-label",
        "the generated schema has one text pattern for titles and paragraphs alike",
    ),
    (
        "invisible-text",
        "needs Unicode's format characters, which the regex dialect of JSON Schema does not name",
    ),
    ("link-too-long", "about a link inside Markdown text"),
    (
        "too-deeply-nested",
        "about the Markdown structure of a text",
    ),
];

fn schema() -> jsonschema::Validator {
    let text = read(&root().join("profiles/profile.schema.json"));
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// The profile as the JSON value an editor's schema check sees, if it is YAML at all.
fn as_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_saphyr::from_str::<Value>(&text).ok()
}

/// The error rules `pathways check` reports for `path` (default policy).
fn pathways_errors(path: &Path) -> BTreeSet<String> {
    let run = Run::of(pathways().args(["check", "--format", "json"]).arg(path));
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap().iter())
        .filter(|f| f["severity"] == "error")
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

fn every_fixture() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in [
        "valid", "facts", "handout", "invalid", "rules", "hostile", "check", "schema",
    ] {
        for entry in std::fs::read_dir(fixture(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") && !path.ends_with("policy.yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files.push(root().join("profiles/library-technicians.yaml"));
    files
}

#[test]
fn whatever_the_schema_rejects_pathways_rejects() {
    let validator = schema();
    let mut rejected = 0;
    for path in every_fixture() {
        let Some(value) = as_json(&path) else {
            continue;
        };
        if !validator.is_valid(&value) {
            rejected += 1;
            let errors = pathways_errors(&path);
            let reasons: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(
                !errors.is_empty(),
                "{}: the schema rejects it ({reasons:?}) but pathways does not",
                path.display()
            );
        }
    }
    assert!(
        rejected >= EXPRESSED.len(),
        "only {rejected} fixtures rejected"
    );
}

#[test]
fn each_rule_the_schema_can_express_is_rejected_by_both() {
    let validator = schema();
    for (rule, file) in EXPRESSED {
        let path = fixture(file);
        let errors = pathways_errors(&path);
        assert!(
            errors.contains(rule),
            "{file}: pathways reports {errors:?}, not {rule}"
        );
        let value = as_json(&path).unwrap_or_else(|| panic!("{file} is YAML"));
        assert!(
            !validator.is_valid(&value),
            "{file}: the schema accepts it ({rule})"
        );
    }
}

/// Every error rule is either expressed in the schema or listed above with
/// its reason: a new rule forces a decision.
#[test]
fn every_error_rule_is_accounted_for() {
    let accounted: BTreeSet<&str> = EXPRESSED
        .iter()
        .map(|(rule, _)| *rule)
        .chain(NOT_EXPRESSIBLE.iter().map(|(rule, _)| *rule))
        .collect();
    for rule in pathways::rules::Rule::ALL {
        let id = rule.id();
        if rule.default_severity() == pathways::finding::Severity::Error {
            assert!(
                accounted.contains(id),
                "error rule `{id}` is neither in the schema nor listed"
            );
        }
    }
}
