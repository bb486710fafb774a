//! Closed and full output streams: a closed pipe ends quietly (exit 0, as
//! ripgrep does), a full disk is exit 2 with a message; nothing panics.

use std::process::{Command, Stdio};

use crate::common::{SEED_PROFILE, fixture, root};

/// Which stream of pathways is broken, and how.
#[derive(Clone, Copy, Debug)]
enum Broken {
    /// A pipe whose reader has gone (`| head -c 10` after it exited).
    ClosedStdout,
    ClosedStderr,
    /// `> /dev/full`: every write fails with "no space left".
    FullStdout,
    FullStderr,
}

struct Ended {
    code: Option<i32>,
    stderr: String,
}

fn run_with(broken: Broken, args: &[&str]) -> Ended {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("pathways"));
    command.current_dir(root()).args(args).env("NO_COLOR", "1");
    let closed_pipe = || {
        // The reading end is dropped before pathways starts, so its very
        // first write meets a closed pipe.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        Stdio::from(writer)
    };
    let full = || {
        Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
    };
    match broken {
        Broken::ClosedStdout => command.stdout(closed_pipe()).stderr(Stdio::piped()),
        Broken::ClosedStderr => command.stderr(closed_pipe()).stdout(Stdio::null()),
        Broken::FullStdout => command.stdout(full()).stderr(Stdio::piped()),
        Broken::FullStderr => command.stderr(full()).stdout(Stdio::null()),
    };
    let output = command.output().unwrap();
    Ended {
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
fn assert_quiet_end(args: &[&str], broken: Broken) {
    let ended = run_with(broken, args);
    assert_eq!(ended.code, Some(0), "{args:?} {broken:?}: {}", ended.stderr);
    assert!(!ended.stderr.contains("panicked"), "{}", ended.stderr);
}

#[track_caller]
fn assert_full_disk_error(args: &[&str], broken: Broken) {
    let ended = run_with(broken, args);
    assert_eq!(ended.code, Some(2), "{args:?} {broken:?}: {}", ended.stderr);
    assert!(!ended.stderr.contains("panicked"), "{}", ended.stderr);
    if matches!(broken, Broken::FullStdout) {
        assert!(
            ended
                .stderr
                .contains("cannot write to standard output: the disk is full"),
            "{args:?}: {}",
            ended.stderr
        );
    }
}

/// Every subcommand that prints to standard output.
fn stdout_commands() -> Vec<Vec<String>> {
    let page = fixture("pages/library-technicians.txt")
        .display()
        .to_string();
    [
        vec!["render", SEED_PROFILE],
        vec!["render", SEED_PROFILE, "--format", "html"],
        vec!["check", "--format", "json", "profiles"],
        vec!["check", "--format", "sarif", "profiles"],
        vec!["check", "--format", "junit", "profiles"],
        vec!["check", "--format", "github", "tests/fixtures/check"],
        vec!["import", &page],
        vec!["new", "x-career", "--title", "X"],
        vec!["schema"],
        vec!["templates"],
        vec!["--help"],
        vec!["export", "--help"],
        vec!["--version"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

fn as_strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    for args in stdout_commands() {
        assert_quiet_end(&as_strs(&args), Broken::ClosedStdout);
    }
}

#[test]
fn a_full_standard_output_is_an_error_with_a_message() {
    for args in stdout_commands() {
        assert_full_disk_error(&as_strs(&args), Broken::FullStdout);
    }
}

#[test]
fn a_closed_or_full_standard_error_never_panics() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().display().to_string();
    let page = fixture("pages/library-technicians.txt")
        .display()
        .to_string();
    let yaml = out.path().join("imported.yaml").display().to_string();
    let dump = tempfile::tempdir().unwrap();
    let dump_dir = dump.path().display().to_string();
    let html = format!("{out_dir}/seed.html");
    // Each of these prints to standard error only (messages, summaries).
    let commands: [Vec<&str>; 5] = [
        vec!["check", "profiles"],
        vec!["render", SEED_PROFILE, "-o", &html],
        vec!["export", "profiles", "--out", &out_dir],
        vec!["import", &page, "-o", &yaml],
        vec!["templates", "--dump", &dump_dir],
    ];
    for args in &commands {
        let _ = std::fs::remove_file(&yaml);
        assert_quiet_end(args, Broken::ClosedStderr);
        let _ = std::fs::remove_file(&yaml);
        for entry in std::fs::read_dir(dump.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                std::fs::remove_dir_all(path).unwrap();
            } else {
                std::fs::remove_file(path).unwrap();
            }
        }
        assert_full_disk_error(args, Broken::FullStderr);
    }
}
