//! Findings for people: rustc-style, with the source line and a caret.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::finding::{Finding, Severity};

/// Render findings about one file. `text` is the file's text, when it could be read.
pub fn render(findings: &[Finding], text: Option<&str>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in findings {
        out.push_str(&renderer.render(&report(finding, text)));
        out.push_str("\n\n");
    }
    out
}

fn report<'a>(finding: &'a Finding, text: Option<&'a str>) -> Vec<Group<'a>> {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(finding.message.as_str())
        .id(finding.rule);
    let position = finding.position;
    let line_text = text
        .and_then(|t| t.split('\n').nth(position.line.saturating_sub(1)))
        .filter(|_| position.line > 0);
    let mut main = match line_text {
        Some(line) => {
            let span = char_span(line, position.column, position.length);
            title.element(
                Snippet::source(line)
                    .line_start(position.line)
                    .path(finding.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(annotate_snippets::Origin::path(location(finding))),
    };
    if !finding.path.is_empty() {
        main = main.element(Level::NOTE.message(format!("field: {}", finding.path)));
    }
    main = main.element(Level::HELP.message(finding.hint.as_str()));
    vec![main]
}

fn location(finding: &Finding) -> String {
    if finding.position.line == 0 {
        finding.file.clone()
    } else {
        format!(
            "{}:{}:{}",
            finding.file, finding.position.line, finding.position.column
        )
    }
}

/// The byte range of `length` characters from 1-based `column` in `line`.
fn char_span(line: &str, column: usize, length: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(index, _)| index)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + length.max(1)).max(start);
    if start == end && start == line.len() {
        // A caret after the end of the line (an empty value): point at the end.
        return line.len()..line.len();
    }
    start..end
}

/// The closing line: `1 error, 2 warnings in library-technicians.yaml`.
pub fn summary_line(findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    format!(
        "{} and {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}
