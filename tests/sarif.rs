//! SARIF for GitHub code scanning: names relative to a base, percent-encoded,
//! fingerprints that survive line moves, unreadable files reported.

use serde_json::Value;

use crate::common::{Run, fixture, pathways, read, root};

fn sarif(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.seen()))
}

fn uris(sarif: &Value) -> Vec<String> {
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let artifact = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
            artifact["uri"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn file_names_are_relative_to_the_base_however_they_were_given() {
    let relative = Run::of(pathways().args(["check", "-f", "sarif", "tests/fixtures/check"]));
    let absolute = Run::of(
        pathways()
            .args(["check", "-f", "sarif"])
            .arg(fixture("check")),
    );
    let from_inside = Run::of(
        pathways()
            .current_dir(root().join("tests"))
            .args(["check", "-f", "sarif", "--base", ".."])
            .arg("fixtures/check"),
    );
    let expected = uris(&sarif(&relative));
    assert!(expected.contains(&"tests/fixtures/check/records-managers.yaml".to_owned()));
    assert_eq!(uris(&sarif(&absolute)), expected);
    assert_eq!(uris(&sarif(&from_inside)), expected);
    let document = sarif(&relative);
    let run = &document["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[field]["text"].as_str().unwrap_or("").is_empty(),
                "{rule}"
            );
        }
    }
}

/// A file above the base folder is named with `..`, in SARIF and JUnit
/// alike, so it resolves to that file and not to one inside the base.
#[test]
fn a_file_above_the_base_is_named_with_dot_dot() {
    let dir = tempfile::tempdir().unwrap();
    let inside = dir.path().join("office");
    std::fs::create_dir(&inside).unwrap();
    std::fs::copy(
        fixture("check/records-managers.yaml"),
        dir.path().join("records-managers.yaml"),
    )
    .unwrap();
    let check = |format: &str| {
        Run::of(pathways().current_dir(&inside).args([
            "check",
            "-f",
            format,
            "--base",
            ".",
            "../records-managers.yaml",
        ]))
    };
    let sarif_run = check("sarif");
    assert!(
        uris(&sarif(&sarif_run))
            .iter()
            .all(|uri| uri == "../records-managers.yaml"),
        "{}",
        sarif_run.stdout
    );
    let junit = check("junit");
    assert!(
        junit.stdout.contains("name=\"../records-managers.yaml\""),
        "{}",
        junit.stdout
    );
}

#[test]
fn odd_file_names_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub dir");
    std::fs::create_dir(&sub).unwrap();
    let bad = read(&fixture("check/records-managers.yaml"));
    std::fs::write(sub.join("ünï cödé.yaml"), &bad).unwrap();
    std::fs::write(dir.path().join("a:b.yaml"), &bad).unwrap();
    let run = Run::of(
        pathways()
            .args(["check", "-f", "sarif", "--base"])
            .arg(dir.path())
            .arg(dir.path()),
    );
    let mut found = uris(&sarif(&run));
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            "a%3Ab.yaml",
            "sub%20dir/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9.yaml"
        ]
    );
}

/// A finding keeps its fingerprint when lines are added above it.
#[test]
fn fingerprints_follow_a_finding_across_line_moves() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("records-managers.yaml");
    let text = read(&fixture("check/records-managers.yaml"));
    let fingerprints = |text: &str| -> Vec<(String, u64, String)> {
        std::fs::write(&profile, text).unwrap();
        let run = Run::of(
            pathways()
                .args(["check", "-f", "sarif", "--base"])
                .arg(dir.path())
                .arg(&profile),
        );
        sarif(&run)["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                    r["partialFingerprints"]["pathwaysFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                )
            })
            .collect()
    };
    let before = fingerprints(&text);
    let after = fingerprints(&format!("# reviewed\n# again\n{text}"));
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((rule_a, line_a, print_a), (rule_b, line_b, print_b)) in before.iter().zip(&after) {
        assert_eq!(rule_a, rule_b);
        assert_eq!(line_a + 2, *line_b, "the finding moved down two lines");
        assert_eq!(print_a, print_b, "{rule_a} kept its fingerprint");
    }
}

/// Files that cannot be read are in the SARIF, not only in the exit code.
#[test]
fn unreadable_files_are_tool_execution_notifications() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.yaml");
    std::fs::write(&huge, vec![b'#'; 5 * 1024 * 1024]).unwrap();
    let run = Run::of(
        pathways()
            .args(["check", "-f", "sarif", "missing.yaml"])
            .arg(&huge)
            .arg(fixture("check/records-managers.yaml")),
    );
    run.assert_code(2);
    let document = sarif(&run);
    let invocation = &document["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let named: Vec<&str> = notes
        .iter()
        .map(|n| {
            assert_eq!(n["level"], "error");
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(named.len(), 2, "{notes:?}");
    assert!(named.iter().any(|u| u.ends_with("huge.yaml")));
    assert!(named.contains(&"missing.yaml"));
    assert!(
        !uris(&document).is_empty(),
        "the readable file's findings are there"
    );
}
