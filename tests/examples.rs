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

#[test]
fn the_pre_commit_hook_runs_pathways_check() {
    let hooks = yaml("examples/.pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "pathways-check");
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
        String::from_utf8_lossy(&output.stderr).contains("2 profiles checked: 1 error, 1 warning")
    );
}
