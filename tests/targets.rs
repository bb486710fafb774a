//! What pathways may write over: report files only. Devices, pipes, sockets,
//! folders, links to them and read-only files are refused (exit 2) and left
//! as they were; a replaced report keeps its permissions.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::{Run, SEED_PROFILE, export, fixture, pathways, read};

fn render_to(target: &Path) -> Run {
    Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "--format", "html", "-o"])
            .arg(target),
    )
}

#[test]
fn special_files_and_links_to_them_are_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.html");
    crate::common::mkfifo(&fifo);
    let socket = dir.path().join("socket.html");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let device_link = dir.path().join("null.html");
    std::os::unix::fs::symlink("/dev/null", &device_link).unwrap();
    let fifo_link = dir.path().join("pipe-link.html");
    std::os::unix::fs::symlink(&fifo, &fifo_link).unwrap();
    for target in [&fifo, &socket, &device_link, &fifo_link] {
        render_to(target)
            .assert_code(2)
            .assert_stderr_has("is not a regular file; pathways only replaces report files");
        let kind = std::fs::symlink_metadata(target).unwrap().file_type();
        assert!(!kind.is_file(), "{} was replaced", target.display());
    }
    // Through /proc, standard output is a link to a pipe or a device.
    render_to(Path::new("/proc/self/fd/1"))
        .assert_code(2)
        .assert_stderr_has("not a regular file");
}

#[test]
fn a_replaced_report_keeps_its_permissions_and_a_read_only_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private.html");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    render_to(&private).assert_code(0);
    let meta = std::fs::metadata(&private).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(read(&private).contains("<html"));

    let fresh = dir.path().join("fresh.html");
    render_to(&fresh).assert_code(0);
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);

    let locked = dir.path().join("locked.html");
    std::fs::write(&locked, "keep me").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    render_to(&locked)
        .assert_code(2)
        .assert_stderr_has("is read-only");
    assert_eq!(read(&locked), "keep me");

    // A link to a report is followed: the report is replaced, the link stays.
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&fresh, &link).unwrap();
    std::fs::write(&fresh, "old").unwrap();
    render_to(&link).assert_code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(read(&fresh).contains("<html"));
}

/// Export: a folder where a report would go fails that profile alone, with
/// none of its other formats written, and the others are exported.
#[test]
fn an_export_target_taken_by_a_folder_fails_that_profile_cleanly() {
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("library-technicians.html")).unwrap();
    std::fs::create_dir(out.path().join("minimal.txt")).unwrap();
    let run = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "tests/fixtures/valid", "--out"])
            .arg(out.path()),
    );
    run.assert_code(2)
        .assert_stderr_has("library-technicians.html` is a folder")
        .assert_stderr_has("failed 2");
    for name in [
        "library-technicians.md",
        "library-technicians.txt",
        "minimal.md",
        "minimal.html",
    ] {
        assert!(!out.path().join(name).exists(), "{name} was written");
    }
    assert!(out.path().join("markup.html").exists());
    assert!(out.path().join("long-steps.txt").exists());
}

/// `index` names the export's index page, so no profile may take it.
#[test]
fn reserved_and_overlong_ids_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let index = dir.path().join("index.yaml");
    std::fs::write(&index, minimal.replace("id: minimal", "id: index")).unwrap();
    let long_id = format!("career-{}", "x".repeat(100));
    let long = dir.path().join(format!("{long_id}.yaml"));
    std::fs::write(
        &long,
        minimal.replace("id: minimal", &format!("id: {long_id}")),
    )
    .unwrap();
    Run::of(pathways().arg("check").arg(&index))
        .assert_code(1)
        .assert_stderr_has("error[reserved-id]");
    Run::of(pathways().arg("check").arg(&long))
        .assert_code(1)
        .assert_stderr_has("error[id-too-long]");

    let out = tempfile::tempdir().unwrap();
    Run::of(export(&index, out.path()))
        .assert_code(1)
        .assert_stderr_has("[reserved-id]");
    // Only the (empty) index pages were written.
    let index_html = read(&out.path().join("index.html"));
    assert!(!index_html.contains("Minimal"), "{index_html}");

    Run::of(pathways().args(["new", "index", "--title", "Index"]))
        .assert_code(2)
        .assert_stderr_has("`index` cannot be an id: `index` names the export's index page")
        .assert_stderr_has("are device names on Windows");
    Run::of(pathways().args(["new", "Bad Id", "--title", "Bad"]))
        .assert_code(2)
        .assert_stderr_has(
            "`Bad Id` cannot be an id: use lower-case letters, digits and single hyphens",
        )
        .assert_stderr_has("; try `bad-id`");
    Run::of(pathways().args(["new", &long_id, "--title", "Long"]))
        .assert_code(2)
        .assert_stderr_has("cannot be an id: an id has at most 100 characters");
}

/// `-o report.html`: a file in the current folder (no folder part) is written there.
#[test]
fn a_report_named_without_a_folder_is_written_in_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::common::root().join(SEED_PROFILE);
    Run::of(
        pathways()
            .current_dir(dir.path())
            .args(["render", "-o", "report.html"])
            .arg(&seed),
    )
    .assert_code(0);
    assert!(read(&dir.path().join("report.html")).contains("<html"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.html"], "no staging file left beside it");
}

/// A link in the export folder is not written through: the profile fails,
/// the link stays a link and the file it points to is untouched.
#[test]
fn an_export_target_taken_by_a_link_to_a_file_fails_that_profile() {
    let out = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let kept = elsewhere.path().join("notes.html");
    std::fs::write(&kept, "the office's own notes").unwrap();
    let link = out.path().join("minimal.html");
    std::os::unix::fs::symlink(&kept, &link).unwrap();
    Run::of(export(fixture("valid/minimal.yaml"), out.path()))
        .assert_code(2)
        .assert_stderr_has("minimal.html` is not a regular file")
        .assert_stderr_has("failed 1");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(read(&kept), "the office's own notes");
    assert!(!out.path().join("minimal.md").exists());
}

/// `-o missing/report.html`: the folder is not created, the message says
/// so, and nothing is left in the current folder either.
#[test]
fn a_report_into_a_missing_folder_is_refused_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::common::root().join(SEED_PROFILE);
    Run::of(
        pathways()
            .current_dir(dir.path())
            .args(["render", "-o", "missing/report.html"])
            .arg(&seed),
    )
    .assert_code(2)
    .assert_stderr_has("cannot write to `missing/report.html`: the folder does not exist");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(names.is_empty(), "{names:?}");
}

/// Staging files of a run that is still going are not another run's to
/// remove; those of a run that has ended are.
#[test]
fn an_export_leaves_the_staging_files_of_a_run_under_way() {
    let out = tempfile::tempdir().unwrap();
    let live = format!(".career.html.{}-0.pathways-tmp", std::process::id());
    let dead = ".career.html.4194304999-0.pathways-tmp";
    std::fs::write(out.path().join(&live), "being written").unwrap();
    std::fs::write(out.path().join(dead), "left by a killed run").unwrap();
    Run::of(
        pathways()
            .arg("export")
            .arg(fixture("valid/minimal.yaml"))
            .arg("-q")
            .arg("--out")
            .arg(out.path()),
    )
    .assert_code(0);
    assert_eq!(read(&out.path().join(&live)), "being written");
    assert!(!out.path().join(dead).exists());
}
