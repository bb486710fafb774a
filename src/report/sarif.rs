//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Every rule
//! pathways has is listed with its help text; results refer to them by index.

use serde_json::{Value, json};

use super::CheckReport;
use crate::finding::Severity;
use crate::validate::rules::RULES;

pub fn render(report: &CheckReport) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.help },
                "help": { "text": rule.help },
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for profile in &report.profiles {
        for finding in &profile.findings {
            let rule_index = RULES.iter().position(|r| r.id == finding.rule);
            let mut result = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": { "text": format!("{} (hint: {})", finding.message, finding.hint) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&finding.file) },
                        "region": {
                            "startLine": finding.position.line.max(1),
                            "startColumn": finding.position.column.max(1),
                        },
                    },
                    "logicalLocations": if finding.path.is_empty() {
                        json!([])
                    } else {
                        json!([{ "fullyQualifiedName": finding.path }])
                    },
                }],
            });
            if let (Some(index), Some(object)) = (rule_index, result.as_object_mut()) {
                object.insert("ruleIndex".to_owned(), json!(index));
            }
            results.push(result);
        }
    }
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pathways",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/pathways",
                    "rules": rules,
                },
            },
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a file path (forward slashes, spaces escaped).
fn uri(file: &str) -> String {
    file.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}
