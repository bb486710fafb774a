//! `--format json`: one JSON document, stable and documented in README.md
//! ("JSON report"). Fields are only ever added, never renamed or removed,
//! while `version` stays 1.

use serde_json::{Value, json};

use super::CheckReport;
use crate::finding::{Finding, Severity};

/// The whole report as one JSON document.
pub fn render(report: &CheckReport) -> String {
    let profiles: Vec<Value> = report
        .profiles
        .iter()
        .map(|profile| {
            json!({
                "file": profile.file,
                "id": profile.id,
                "score": profile.score,
                "errors": profile.count(Severity::Error),
                "warnings": profile.count(Severity::Warning),
                "passed": !report.profile_fails(profile),
                "findings": profile.findings.iter().map(finding).collect::<Vec<_>>(),
            })
        })
        .collect();
    let document = json!({
        "version": 1,
        "tool": format!("pathways {}", env!("CARGO_PKG_VERSION")),
        "summary": {
            "profiles": report.profiles.len(),
            "errors": report.count(Severity::Error),
            "warnings": report.count(Severity::Warning),
            "unreadable": report.unreadable.len(),
            "passed": !report.failed() && report.unreadable.is_empty(),
        },
        "profiles": profiles,
        "unreadable": report.unreadable.iter().map(|(file, message)| json!({
            "file": file,
            "message": message,
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// One finding as a JSON object.
pub fn finding(finding: &Finding) -> Value {
    json!({
        "rule": finding.rule.id(),
        "severity": finding.severity.as_str(),
        "file": finding.file,
        "line": finding.position.line,
        "column": finding.position.column,
        "path": finding.path,
        "message": finding.message,
        "hint": finding.hint,
    })
}
