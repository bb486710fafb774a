//! Findings for people: rustc-style, with the source line and a caret.

use std::collections::BTreeMap;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::CheckReport;
use crate::finding::{Finding, Severity};
use crate::words::plural;

/// Every profile's findings, then the closing summary line.
pub fn render_check(report: &CheckReport, color: bool) -> String {
    let mut out = String::new();
    for profile in &report.profiles {
        out.push_str(&render(&profile.findings, &profile.lines, color));
    }
    // The messages name their file already.
    for (_, message) in &report.unreadable {
        out.push_str(&format!("error: {message}\n\n"));
    }
    for profile in &report.profiles {
        out.push_str(&profile_line(profile));
        out.push('\n');
    }
    out.push_str(&report.summary_line());
    out.push('\n');
    out
}

/// `profiles/a.yaml: 86% complete, 1 error, 2 warnings`: the completeness
/// score staff look for, beside the counts.
fn profile_line(profile: &super::ProfileReport) -> String {
    let score = profile.score.map_or_else(
        || "not scored".to_owned(),
        |score| format!("{score}% complete"),
    );
    format!(
        "{}: {score}, {}, {}",
        crate::finding::visible(&profile.file),
        plural(profile.count(Severity::Error), "error"),
        plural(profile.count(Severity::Warning), "warning")
    )
}

/// Render findings about one file, with the source `lines` they point at.
pub fn render(findings: &[Finding], lines: &BTreeMap<usize, String>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in findings {
        out.push_str(&with_true_column(
            renderer.render(&report(finding, lines)),
            finding,
            lines,
        ));
        out.push_str("\n\n");
    }
    out
}

/// Source lines longer than this (in characters) are shown as a window around the caret.
const LONGEST_SHOWN_LINE: usize = 160;

/// The part of a long `line` around 1-based `column`, and the column within
/// it: a hostile one-line file would otherwise be drawn whole under every finding.
fn window(line: &str, column: usize) -> (&str, usize) {
    if line.len() <= LONGEST_SHOWN_LINE || line.chars().nth(LONGEST_SHOWN_LINE).is_none() {
        return (line, column);
    }
    let first = column
        .saturating_sub(1)
        .saturating_sub(LONGEST_SHOWN_LINE / 3);
    let byte_at = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    let (start, end) = (byte_at(first), byte_at(first + LONGEST_SHOWN_LINE));
    (&line[start..end], column - first)
}

/// A long line is drawn as a window, and the renderer counts the column in
/// `--> file:line:column` from the window's start; put back the column in
/// the file, which is what an editor's "go to" needs.
fn with_true_column(
    rendered: String,
    finding: &Finding,
    lines: &BTreeMap<usize, String>,
) -> String {
    let position = finding.position;
    let Some(line) = lines.get(&position.line) else {
        return rendered;
    };
    let (_, shown_column) = window(line, position.column);
    if shown_column == position.column {
        return rendered;
    }
    let origin = |column: usize| format!("{}:{}:{column}", finding.file, position.line);
    rendered.replacen(&origin(shown_column), &origin(position.column), 1)
}

fn report<'a>(finding: &'a Finding, lines: &'a BTreeMap<usize, String>) -> Vec<Group<'a>> {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(finding.message.as_str())
        .id(finding.rule.id());
    let position = finding.position;
    // The lines were taken from the file for these findings; a line that
    // is not there (it cannot be) would show as an empty one.
    let line = lines.get(&position.line).map_or("", String::as_str);
    let (line, column) = window(line, position.column);
    let span = char_span(line, column, position.length);
    let mut main = title.element(
        Snippet::source(line)
            .line_start(position.line)
            .path(finding.file.as_str())
            .annotation(AnnotationKind::Primary.span(span)),
    );
    if !finding.path.is_empty() {
        main = main.element(Level::NOTE.message(format!("field: {}", finding.path)));
    }
    main = main.element(Level::HELP.message(finding.hint.as_str()));
    vec![main]
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
    if start == line.len() {
        // A caret after the end of the line (an empty value): point at the end.
        return line.len()..line.len();
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_shown_around_the_caret() {
        let line = format!("{}TODO{}", "a".repeat(1000), "b".repeat(1000));
        let (shown, column) = window(&line, 1001);
        assert_eq!(shown.chars().count(), LONGEST_SHOWN_LINE);
        assert_eq!(&shown[column - 1..column + 3], "TODO");
        assert_eq!(window("short", 3), ("short", 3));
        let (start, column) = window(&line, 2);
        assert!(start.starts_with("aaa") && column == 2);
    }
}
