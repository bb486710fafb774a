//! Faults: broken templates from users, full disks, stopped exports,
//! unreadable inputs. Each gives a clear message and leaves other output intact.

use std::path::Path;
use std::process::Command;

use crate::common::{Edit, Run, SEED_PROFILE, export, fixture, pathways, read, root};

fn render_with_template(template: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.txt.j2"), template).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "inside the folder").unwrap();
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "-f", "text", "--templates"])
            .arg(dir.path()),
    );
    (output.code, output.stderr.clone() + &output.stdout)
}

#[test]
fn a_runaway_user_template_is_stopped_with_a_clear_error() {
    let (code, out) = render_with_template("{% for i in range(100000000) %}{{ i }}{% endfor %}");
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("template `report.txt.j2`"), "{out}");
    let (code, out) =
        render_with_template("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("template `report.txt.j2`"), "{out}");
    // A hundred million steps, each allowed on its own: stopped by the fuel limit.
    let (code, out) = render_with_template(
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    );
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("template `report.txt.j2`, line 1: engine ran out of fuel"),
        "{out}"
    );
}

#[test]
fn a_user_template_cannot_read_outside_the_template_folder() {
    for include in ["../../../etc/passwd", "/etc/passwd", "../secret.txt"] {
        let (code, out) = render_with_template(&format!("{{% include \"{include}\" %}}"));
        assert_eq!(code, Some(2), "{include}: {out}");
        assert!(!out.contains("root:"), "{include}: {out}");
        assert!(out.contains("non-existing template"), "{include}: {out}");
    }
    let (code, out) = render_with_template("{% include \"secret.txt\" %}");
    assert_eq!(
        code,
        Some(0),
        "files inside the folder can be included: {out}"
    );
}

#[test]
fn output_path_that_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "-f", "html", "-o"])
            .arg(dir.path()),
    );
    output.assert_code(2);
    output.assert_stderr_has("is a folder");
}

#[test]
fn an_unreadable_input_mid_batch_is_reported_and_the_rest_exported() {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join(SEED_PROFILE),
        input.path().join("library-technicians.yaml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("valid/minimal.yaml"),
        input.path().join("minimal.yaml"),
    )
    .unwrap();
    // A profile that vanished (a dangling link) sits between the two.
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        input.path().join("gone.yaml"),
        input.path().join("m-gone.yaml"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(export(input.path(), out.path()).arg("-q"));
    let stderr = &output.stderr;
    assert_eq!(output.code, Some(2), "{stderr}");
    assert!(stderr.contains("m-gone.yaml"), "{stderr}");
    assert!(out.path().join("library-technicians.html").exists());
    assert!(out.path().join("minimal.html").exists());
}

/// A full disk: a 64 KiB tmpfs (needs root, as CI runs).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_a_clear_error_and_no_partial_report() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs as root and must be able to mount a tmpfs"
        );
        eprintln!("not root: full-disk check not run here (CI runs it)");
        return;
    }
    // An earlier export that fitted: its index must survive the one that does not.
    Run::of(
        pathways()
            .args(["export", "tests/fixtures/valid/minimal.yaml", "-q", "--out"])
            .arg(dir.path()),
    )
    .assert_code(0);
    let earlier_index = std::fs::read(dir.path().join("index.html")).unwrap();
    let output = Run::of(
        pathways()
            .args([
                "export",
                "profiles",
                "tests/fixtures/check",
                "tests/fixtures/valid",
            ])
            .args(["-q", "--out"])
            .arg(dir.path()),
    );
    let stderr = &output.stderr;
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let index_after = std::fs::read(dir.path().join("index.html")).unwrap();
    let _ = Command::new("umount").arg(dir.path()).status();
    assert_eq!(output.code, Some(2), "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(stderr.contains("The index was not updated"), "{stderr}");
    let failed: usize = stderr
        .split(", failed ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        failed > 0,
        "the summary counts the failed profiles: {stderr}"
    );
    assert_eq!(
        stderr.matches("the disk is full").count(),
        failed,
        "each failed profile is named: {stderr}"
    );
    assert_eq!(index_after, earlier_index, "the earlier index is kept");
    assert!(
        leftovers.iter().all(|f| !f.ends_with(".pathways-tmp")),
        "{leftovers:?}"
    );
}

/// A corpus of `count` copies of the seed under other ids, and its complete export.
#[cfg(unix)]
fn corpus_and_its_export(count: usize) -> (tempfile::TempDir, tempfile::TempDir) {
    let corpus = tempfile::tempdir().unwrap();
    let seed = read(&root().join(SEED_PROFILE));
    for i in 0..count {
        let id = format!("career-{i:04}");
        std::fs::write(
            corpus.path().join(format!("{id}.yaml")),
            seed.edited("id: library-technicians", &format!("id: {id}")),
        )
        .unwrap();
    }
    let complete = tempfile::tempdir().unwrap();
    pathways()
        .arg("export")
        .arg(corpus.path())
        .arg("-q")
        .arg("--out")
        .arg(complete.path())
        .assert()
        .code(0);
    (corpus, complete)
}

/// Start an export of `corpus` into `out`, and return once some reports are there.
#[cfg(unix)]
fn export_under_way(corpus: &Path, out: &Path) -> std::process::Child {
    let child = Command::new(assert_cmd::cargo::cargo_bin("pathways"))
        .arg("export")
        .arg(corpus)
        .arg("-q")
        .arg("--out")
        .arg(out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while names_in(out)
        .iter()
        .filter(|n| n.ends_with(".html"))
        .count()
        < 20
    {
        assert!(
            started.elapsed().as_secs() < 60,
            "no reports appeared within a minute"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child
}

#[cfg(unix)]
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Every report in `out` is byte for byte the one a complete run writes.
#[cfg(unix)]
fn assert_reports_whole(out: &Path, complete: &Path) -> usize {
    let mut reports = 0;
    for name in names_in(out) {
        if name.starts_with('.') {
            continue;
        }
        assert_eq!(
            std::fs::read(out.join(&name)).unwrap(),
            std::fs::read(complete.join(&name)).unwrap(),
            "{name} is not complete"
        );
        reports += 1;
    }
    reports
}

fn staging_files(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".pathways-tmp"))
        .collect()
}

/// Ctrl-C in the middle of an export: the profiles under way finish, the
/// run stops with exit 130 and a one-line summary, nothing staged is left.
#[cfg(unix)]
#[test]
fn an_interrupted_export_stops_cleanly_and_leaves_no_staging_files() {
    let (corpus, complete) = corpus_and_its_export(600);
    let out = tempfile::tempdir().unwrap();
    let child = export_under_way(corpus.path(), out.path());
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("Interrupted: exported ") && stderr.contains("of 600 profiles"),
        "{stderr}"
    );
    assert_eq!(staging_files(out.path()), Vec::<String>::new());
    let reports = assert_reports_whole(out.path(), complete.path());
    assert!((20..1800).contains(&reports), "{reports} reports");
    assert!(
        !out.path().join("index.html").exists(),
        "the index was not written"
    );
}

/// An export killed outright (SIGKILL) cannot clean up: the reports it
/// committed are whole, and the next run into that folder removes what it
/// had staged (pathways' own staging names only).
#[cfg(unix)]
#[test]
fn an_export_killed_outright_is_cleaned_up_by_the_next_run() {
    let (corpus, complete) = corpus_and_its_export(600);
    let out = tempfile::tempdir().unwrap();
    let mut child = export_under_way(corpus.path(), out.path());
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(assert_reports_whole(out.path(), complete.path()) >= 20);
    // What a killed run may leave, whether or not this one did; and a file
    // that only looks like it, which is not pathways' to remove.
    std::fs::write(
        out.path()
            .join(".career-0001.html.4194304999-0.pathways-tmp"),
        "half",
    )
    .unwrap();
    std::fs::write(out.path().join(".notes.pathways-tmp"), "mine").unwrap();
    pathways()
        .arg("export")
        .arg(fixture("valid/minimal.yaml"))
        .arg("-q")
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(0);
    assert_eq!(staging_files(out.path()), [".notes.pathways-tmp"]);
}
