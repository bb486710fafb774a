//! A finding: one problem found in a profile, located to the line and column.
//!
//! Findings are data, not failures: validation returns a list of them and the
//! caller decides what they mean for the exit code.

use std::borrow::Cow;

use crate::rules::Rule;
pub use crate::rules::Severity;

/// Where in a file something is: 1-based line and column (in characters),
/// and how many characters to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// How many characters the finding underlines (0: none).
    pub length: usize,
}

impl Position {
    /// A position at `line`:`column`, `length` characters long.
    pub fn new(line: usize, column: usize, length: usize) -> Self {
        Position {
            line,
            column,
            length,
        }
    }
}

/// One problem found in a profile (or a policy file): what, where, and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Its rule's default severity, or what the policy made it.
    pub severity: Severity,
    /// Stable rule id, e.g. `unknown-key` or `salary-min-above-max`.
    pub rule: Rule,
    /// The file as the user named it (or `<stdin>`).
    pub file: String,
    /// Where in the file.
    pub position: Position,
    /// Field path inside the profile, e.g. `sections.salary.ranges[1].min`; empty for the whole file.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Finding {
    /// A finding of `rule`, with the rule's default severity from the
    /// registry (a policy may change it later).
    pub fn new(rule: Rule, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Finding {
            severity: rule.default_severity(),
            rule,
            file: String::new(),
            position: Position::default(),
            path: String::new(),
            message: visible(&message.into()).into_owned(),
            hint: visible(&hint.into()).into_owned(),
        }
    }

    /// The finding at `position`.
    pub fn at(mut self, position: Position) -> Self {
        self.position = position;
        self
    }

    /// The finding about the field at `path` (`sections.salary.ranges[0].min`).
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The finding about `file`, as messages name it.
    pub fn in_file(mut self, file: &str) -> Self {
        self.file = visible(file).into_owned();
        self
    }

    /// Whether it is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when any finding is an error (as opposed to a warning).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

/// `text` with control characters made visible, for anything shown on a
/// terminal or quoted in a message: a raw ESC could recolour the screen,
/// set the window title or erase lines. C0 controls become their Unicode
/// pictures (ESC → ␛), DEL becomes ␡ and C1 controls �; tab and newline stay.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !is_hidden_control(c) => c,
                '\u{7f}' => '\u{2421}',
                // C0 controls have pictures at U+2400 on.
                '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// A control character other than tab and newline (C0, DEL or C1).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            visible("a\u{1b}]0;title\u{7}b"),
            "a\u{241b}]0;title\u{2407}b"
        );
        assert_eq!(
            visible("\0\r\u{7f}\u{85}"),
            "\u{2400}\u{240d}\u{2421}\u{fffd}"
        );
        let finding = Finding::new(Rule::EmptyTitle, "say \u{1b}[2J", "hint \u{1b}");
        assert_eq!(finding.message, "say \u{241b}[2J");
        assert_eq!(finding.hint, "hint \u{241b}");
    }
}
