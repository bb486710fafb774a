//! A finding: one problem found in a profile, located to the line and column.
//!
//! Findings are data, not failures: validation returns a list of them and the
//! caller decides what they mean for the exit code.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in a file something is: 1-based line and column (in characters),
/// and how many characters to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub length: usize,
}

impl Position {
    pub fn new(line: usize, column: usize, length: usize) -> Self {
        Position {
            line,
            column,
            length,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// Stable rule id, e.g. `unknown-key` or `salary-min-above-max`.
    pub rule: &'static str,
    /// The file as the user named it (or `<stdin>`).
    pub file: String,
    pub position: Position,
    /// Field path inside the profile, e.g. `sections.salary.ranges[1].min`; empty for the whole file.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Finding {
    pub fn error(rule: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            rule,
            file: String::new(),
            position: Position::default(),
            path: String::new(),
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn warning(
        rule: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, message, hint)
        }
    }

    pub fn at(mut self, position: Position) -> Self {
        self.position = position;
        self
    }

    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    pub fn in_file(mut self, file: &str) -> Self {
        self.file = file.to_owned();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when any finding is an error (as opposed to a warning).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}
