//! `--format github`: GitHub Actions workflow commands, so findings appear as
//! annotations on the exact lines of a pull request.

use super::CheckReport;
use crate::finding::Severity;

/// The findings as GitHub Actions workflow commands (`::error file=…`).
pub fn render(report: &CheckReport) -> String {
    let mut out = String::new();
    for profile in &report.profiles {
        for finding in &profile.findings {
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning if report.strict => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "::{command} file={},line={},col={},title={}::{}\n",
                property(&finding.file),
                finding.position.line,
                finding.position.column,
                property(&format!("pathways {}", finding.rule)),
                data(&format!("{}\nhint: {}", finding.message, finding.hint)),
            ));
        }
    }
    for (file, message) in &report.unreadable {
        out.push_str(&format!(
            "::error file={},title=pathways::{}\n",
            property(file),
            data(message)
        ));
    }
    out.push_str(&report.summary_line());
    out.push('\n');
    out
}

/// Escape a message the way the Actions runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (file, title): also `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_would_misread() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
