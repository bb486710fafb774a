//! Faults: broken templates from users, full disks, stopped exports,
//! unreadable inputs. Each gives a clear message and leaves other output intact.

use std::process::Command;

use crate::common::{Run, SEED_PROFILE, fixture, pathways, read, root};

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
    let output = Run::of(
        pathways()
            .arg("export")
            .arg(input.path())
            .arg("--out")
            .arg(out.path())
            .arg("-q"),
    );
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
    let output = Run::of(
        pathways()
            .args(["export", "profiles", "tests/fixtures/check", "-q", "--out"])
            .arg(dir.path()),
    );
    let stderr = &output.stderr;
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let _ = Command::new("umount").arg(dir.path()).status();
    assert_eq!(output.code, Some(2), "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(
        leftovers.iter().all(|f| !f.ends_with(".pathways-tmp")),
        "{leftovers:?}"
    );
}

/// `export` killed midway: every report present is complete.
#[cfg(unix)]
#[test]
fn an_export_killed_midway_leaves_only_complete_reports() {
    let corpus = tempfile::tempdir().unwrap();
    let seed = read(&root().join(SEED_PROFILE));
    for i in 0..300 {
        let id = format!("career-{i:03}");
        std::fs::write(
            corpus.path().join(format!("{id}.yaml")),
            seed.replace("id: library-technicians", &format!("id: {id}")),
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

    let stopped = tempfile::tempdir().unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("pathways"))
        .arg("export")
        .arg(corpus.path())
        .arg("-q")
        .arg("--out")
        .arg(stopped.path())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for entry in std::fs::read_dir(stopped.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // staged files, never under a report's name
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(complete.path().join(&name)).unwrap(),
            "{name} is not complete"
        );
    }
}
