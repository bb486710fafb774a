//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other
//! dashboards read it. Every rule is listed with a title, a description and
//! help; files are named relative to the base folder (`%SRCROOT%`), and each
//! result carries a fingerprint that follows it across commits.

use serde_json::{Value, json};

use super::CheckReport;
use super::base::uri_reference;
use crate::finding::{Finding, Severity};
use crate::rules::Rule;

/// The name files are given relative to, as `originalUriBaseIds` declares it.
const BASE_ID: &str = "%SRCROOT%";

/// The report as one SARIF 2.1.0 log.
pub fn render(report: &CheckReport) -> String {
    let rules: Vec<Value> = Rule::ALL.iter().map(|&r| rule(r)).collect();
    let results: Vec<Value> = report
        .profiles
        .iter()
        .flat_map(|profile| &profile.findings)
        .map(|finding| result(finding, &report.base.relative(&finding.file)))
        .collect();
    let notifications: Vec<Value> = report
        .unreadable
        .iter()
        .map(|(file, message)| {
            let mut notification = json!({
                "level": "error",
                "message": { "text": message },
                "descriptor": { "id": "unreadable-file" },
            });
            if !file.is_empty() {
                notification["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": artifact(&report.base.relative(file)),
                    },
                }]);
            }
            notification
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pathways",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/pathways",
                    "rules": rules,
                },
            },
            "invocations": [{
                "executionSuccessful": report.unreadable.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": {
                BASE_ID: { "uri": report.base.root_uri() },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn rule(rule: Rule) -> Value {
    // Only a command that makes PDF knows its fonts.
    let command = match rule {
        Rule::MissingGlyph => "pathways render --format pdf",
        _ => "pathways check",
    };
    json!({
        "id": rule.id(),
        "shortDescription": { "text": title(rule.id()) },
        "fullDescription": { "text": rule.help() },
        "help": {
            "text": format!("{} Run `{command}` on the file for the line, the field and what to do.", rule.help()),
        },
        "defaultConfiguration": { "level": level(rule.default_severity()) },
    })
}

fn result(finding: &Finding, relative: &str) -> Value {
    let position = finding.position;
    let mut region = json!({
        "startLine": position.line.max(1),
        "startColumn": position.column.max(1),
    });
    if position.length > 0 {
        region["endColumn"] = json!(position.column.max(1) + position.length);
    }
    let mut result = json!({
        "ruleId": finding.rule.id(),
        "level": level(finding.severity),
        "message": { "text": format!("{} (hint: {})", finding.message, finding.hint) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact(relative),
                "region": region,
            },
        }],
        "partialFingerprints": {
            "pathwaysFinding/v1": fingerprint(finding.rule.id(), relative, &finding.path),
        },
    });
    if !finding.path.is_empty() {
        result["locations"][0]["logicalLocations"] =
            json!([{ "fullyQualifiedName": finding.path, "kind": "member" }]);
    }
    if let Some(index) = Rule::ALL.iter().position(|&r| r == finding.rule) {
        result["ruleIndex"] = json!(index);
    }
    result
}

fn artifact(relative: &str) -> Value {
    json!({ "uri": uri_reference(relative), "uriBaseId": BASE_ID })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `salary-min-above-max` → `Salary min above max`.
fn title(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The same for a finding whatever its line: the rule, the file and the
/// field path (FNV-1a, 64 bits, as hex), so an alert follows a finding as
/// lines move above it.
fn fingerprint(rule: &str, relative: &str, path: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in [rule, relative, path].join("\0").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_titles_and_fingerprints() {
        assert_eq!(title("salary-min-above-max"), "Salary min above max");
        let a = fingerprint("placeholder-text", "profiles/a.yaml", "sections.x.intro");
        assert_eq!(
            a,
            fingerprint("placeholder-text", "profiles/a.yaml", "sections.x.intro")
        );
        assert_ne!(
            a,
            fingerprint("placeholder-text", "profiles/b.yaml", "sections.x.intro")
        );
        assert_ne!(
            a,
            fingerprint("unsafe-link", "profiles/a.yaml", "sections.x.intro")
        );
        assert_ne!(
            a,
            fingerprint("placeholder-text", "profiles/a.yaml", "sections.y.intro")
        );
        assert_eq!(a.len(), 16);
    }
}
