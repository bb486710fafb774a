//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub const SEED_PROFILE: &str = "profiles/library-technicians.yaml";

/// The repository root, where `profiles/` and `tests/fixtures/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(relative: &str) -> PathBuf {
    root().join("tests/fixtures").join(relative)
}

/// A fixture's text with a change made to it. Unlike `str::replace`, an
/// edit whose text is not there fails the test: a fixture changed under it
/// would otherwise leave the test checking nothing.
pub trait Edit {
    /// The text with every `from` made `to`; panics when there is no `from`.
    fn edited(&self, from: &str, to: &str) -> String;
}

impl Edit for str {
    #[track_caller]
    fn edited(&self, from: &str, to: &str) -> String {
        assert!(
            self.contains(from),
            "the text to edit has no {from:?}: update the test to the fixture"
        );
        self.replace(from, to)
    }
}

/// The `pathways` binary, run from the repository root with colour off.
pub fn pathways() -> Command {
    let mut command = Command::cargo_bin("pathways").expect("binary is built");
    command
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// `pathways export INPUT --out OUT`, to which a test adds its options.
pub fn export(input: impl AsRef<std::ffi::OsStr>, out: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = pathways();
    command.arg("export").arg(input).arg("--out").arg(out);
    command
}

/// One run of `pathways`, as a person sees it: exit code, standard output
/// (which must be UTF-8) and standard error.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(mut command: impl std::borrow::BorrowMut<Command>) -> Run {
        let output = command.borrow_mut().output().expect("pathways starts");
        Run {
            code: output.status.code(),
            stdout: stdout(&output),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// The exit code and standard error, for assertion messages.
    pub fn seen(&self) -> String {
        format!(
            "exit: {}\n--- stderr\n{}",
            self.code.map_or("signal".to_owned(), |c| c.to_string()),
            self.stderr
        )
    }

    #[track_caller]
    pub fn assert_code(&self, expected: i32) -> &Self {
        assert_eq!(self.code, Some(expected), "{}", self.seen());
        self
    }

    #[track_caller]
    pub fn assert_stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "no {text:?} in standard output:\n{}\n{}",
            self.stdout,
            self.seen()
        );
        self
    }

    #[track_caller]
    pub fn assert_stdout_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stdout.contains(text),
            "{text:?} in standard output:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn assert_stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "no {text:?} in\n{}",
            self.seen()
        );
        self
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("file is readable")
}

/// Make a named pipe at `path` (a special file a careless program would hang on).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}
