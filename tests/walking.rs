//! Walking folders: only regular files are read, each real folder is
//! visited once, and one unreadable sub-folder does not stop the walk.

#![cfg(unix)]

use std::path::Path;
use std::time::Duration;

use crate::common::{Run, SEED_PROFILE, pathways, root};

fn folder_with_the_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join(SEED_PROFILE),
        dir.path().join("library-technicians.yaml"),
    )
    .unwrap();
    dir
}

#[test]
fn a_pipe_named_like_a_profile_is_skipped_with_a_warning() {
    let dir = folder_with_the_seed();
    let fifo = dir.path().join("evil.yaml");
    crate::common::mkfifo(&fifo);
    let out = tempfile::tempdir().unwrap();
    for args in [
        vec!["check".to_owned()],
        vec![
            "export".to_owned(),
            "--out".to_owned(),
            out.path().display().to_string(),
        ],
    ] {
        // A hang (the old behaviour) ends at the timeout with no exit code.
        let run = Run::of(
            pathways()
                .args(&args)
                .arg(dir.path())
                .timeout(Duration::from_secs(20)),
        );
        run.assert_code(0)
            .assert_stderr_has("warning: skipped `")
            .assert_stderr_has("evil.yaml`: it is not a regular file");
    }
    assert!(out.path().join("library-technicians.html").exists());
}

#[test]
fn a_link_to_a_parent_folder_is_walked_once() {
    let dir = folder_with_the_seed();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("again")).unwrap();
    let run = Run::of(pathways().arg("check").arg(dir.path()));
    run.assert_code(0).assert_stderr_has("1 profile checked");
    assert!(!run.stderr.contains("duplicate-id"), "{}", run.seen());
}

#[test]
fn an_unreadable_sub_folder_is_reported_and_the_rest_checked() {
    let dir = folder_with_the_seed();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(root().join(SEED_PROFILE), locked.join("hidden-career.yaml")).unwrap();
    set_mode(&locked, 0o000);
    set_mode(dir.path(), 0o755);
    let binary = assert_cmd::cargo::cargo_bin("pathways");
    let is_root = std::fs::metadata("/proc/self").is_ok_and(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    // Root reads every folder whatever its mode, so as root the check runs
    // as an ordinary user.
    let mut command = if is_root {
        // setpriv (util-linux) drops to the `nobody` user for this one run.
        let mut command = assert_cmd::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        command
    } else {
        assert_cmd::Command::new(&binary)
    };
    command.current_dir("/").env("NO_COLOR", "1");
    let run = Run::of(command.arg("check").arg(dir.path()));
    set_mode(&locked, 0o755);
    run.assert_code(2)
        .assert_stderr_has("locked`: permission denied")
        .assert_stderr_has("1 profile checked");
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A `**` pattern through a link to a parent folder finds each file once.
#[test]
fn a_pattern_through_a_link_loop_finds_each_file_once() {
    let dir = folder_with_the_seed();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let pattern = format!("{}/**/*.yaml", dir.path().display());
    let run = Run::of(pathways().arg("check").arg(&pattern));
    run.assert_code(0).assert_stderr_has("1 profile checked");
}

/// A file name holding an escape sequence is shown, never sent to the terminal.
#[test]
fn control_characters_in_file_names_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad\u{1b}]0;pwned\u{7}.yaml"), "x").unwrap();
    let run = Run::of(pathways().arg("check").arg(dir.path()));
    run.assert_code(1)
        .assert_stderr_has("bad\u{241b}]0;pwned\u{2407}.yaml");
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    let missing = dir.path().join("gone\u{1b}[2J.yaml");
    let run = Run::of(pathways().arg("check").arg(&missing));
    run.assert_code(2).assert_stderr_has("gone\u{241b}[2J.yaml");
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}
