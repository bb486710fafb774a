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

/// The `pathways` binary, run from the repository root with colour off.
pub fn pathways() -> Command {
    let mut command = Command::cargo_bin("pathways").expect("binary is built");
    command
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// What a person sees: the exit code, then standard error.
pub fn exit_and_stderr(output: &Output) -> String {
    format!(
        "exit: {}\n--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".to_owned(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stderr)
    )
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("file is readable")
}
