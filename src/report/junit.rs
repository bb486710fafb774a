//! `--format junit`: JUnit XML, one test case per profile; a profile that
//! fails carries its findings in a `<failure>`. Read by GitLab, Jenkins,
//! Azure Pipelines and most CI dashboards.

use super::{CheckReport, plural};
use crate::finding::Severity;

pub fn render(report: &CheckReport) -> String {
    let failures = report
        .profiles
        .iter()
        .filter(|p| report.profile_fails(p))
        .count();
    let errors = report.unreadable.len();
    let tests = report.profiles.len() + errors;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"pathways check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n"
    ));
    out.push_str(&format!(
        "  <testsuite name=\"profiles\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n"
    ));
    for profile in &report.profiles {
        let name = profile.id.as_deref().unwrap_or(&profile.file);
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"pathways.profiles\" file=\"{}\">\n",
            escape(name),
            escape(&profile.file)
        ));
        let details: String = profile
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{}: {}[{}]: {}\nhint: {}\n",
                    f.file,
                    f.position.line,
                    f.position.column,
                    f.severity,
                    f.rule,
                    f.message,
                    f.hint
                )
            })
            .collect();
        if report.profile_fails(profile) {
            out.push_str(&format!(
                "      <failure message=\"{}\" type=\"profile\">{}</failure>\n",
                escape(&format!(
                    "{}, {}",
                    plural(profile.count(Severity::Error), "error"),
                    plural(profile.count(Severity::Warning), "warning")
                )),
                escape(&details)
            ));
        } else if !details.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&details)
            ));
        }
        out.push_str("    </testcase>\n");
    }
    for (file, message) in &report.unreadable {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"pathways.profiles\" file=\"{}\">\n      <error message=\"{}\" type=\"unreadable\"/>\n    </testcase>\n",
            escape(file),
            escape(file),
            escape(message)
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// XML-escape text and attribute values; drop characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}
