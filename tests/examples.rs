//! The CI examples run the commands they show.

use std::process::Command;

use crate::common::{read, root};

/// `target/debug` (or wherever the test binary's `pathways` is), first on PATH.
fn path_with_pathways() -> String {
    let binary = assert_cmd::cargo::cargo_bin("pathways");
    let folder = binary.parent().unwrap().display().to_string();
    format!("{folder}:{}", std::env::var("PATH").unwrap_or_default())
}

fn yaml(path: &str) -> serde_json::Value {
    serde_saphyr::from_str(&read(&root().join(path))).unwrap()
}

#[test]
fn the_github_workflow_runs_pathways_check() {
    let workflow = yaml("examples/github-workflow.yml");
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    let commands: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|run| run.starts_with("pathways "))
        .collect();
    assert_eq!(commands.len(), 1);
    let output = Command::new("sh")
        .args(["-c", commands[0]])
        .current_dir(root())
        .env("PATH", path_with_pathways())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("::warning file=profiles/library-technicians.yaml,line="),
        "{stdout}"
    );
}

/// The hook of that id in the repository's `.pre-commit-hooks.yaml`.
fn hook(id: &str) -> serde_json::Value {
    let hooks = yaml(".pre-commit-hooks.yaml");
    hooks
        .as_array()
        .unwrap()
        .iter()
        .find(|hook| hook["id"] == id)
        .unwrap_or_else(|| panic!("no hook {id}"))
        .clone()
}

#[test]
fn the_whole_folder_hook_catches_a_clash_with_a_profile_not_staged() {
    let hook = hook("pathways-check-all");
    assert_eq!(hook["pass_filenames"], false);
    let args: Vec<&str> = hook["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    // An office repository: one profile committed long ago, a second one
    // being committed with the same id.
    let office = tempfile::tempdir().unwrap();
    let profiles = office.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    let seed = read(&root().join(crate::common::SEED_PROFILE));
    std::fs::write(profiles.join("library-technicians.yaml"), &seed).unwrap();
    std::fs::write(profiles.join("new-one.yaml"), &seed).unwrap();
    let output = Command::new("sh")
        .args([
            "-c",
            &format!("{} {}", hook["entry"].as_str().unwrap(), args.join(" ")),
        ])
        .current_dir(office.path())
        .env("PATH", path_with_pathways())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("[duplicate-id]"), "{stderr}");
}

#[test]
fn the_staged_files_hook_runs_pathways_check() {
    let hook = hook("pathways-check");
    let entry = hook["entry"].as_str().unwrap();
    // pre-commit appends the staged files that match `files`.
    let output = Command::new("sh")
        .args([
            "-c",
            &format!(
                "{entry} profiles/library-technicians.yaml tests/fixtures/check/catalogers.yaml"
            ),
        ])
        .current_dir(root())
        .env("PATH", path_with_pathways())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "a broken profile blocks the commit"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("2 profiles checked: 1 error, 3 warnings")
    );
}
