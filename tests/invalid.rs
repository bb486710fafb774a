//! Every invalid fixture: exit 1, nothing written, and a located message
//! (snapshotted word for word) that names the rule.

use crate::common::{Run, fixture, pathways};

/// Fixture name and the rule its message must name.
const CASES: [(&str, &str); 23] = [
    ("alias-bomb", "yaml-too-complex"),
    ("bad-id", "invalid-id"),
    ("duplicate-key", "duplicate-key"),
    ("empty-section", "empty-section"),
    ("empty", "empty-file"),
    ("invisible-text", "invisible-text"),
    ("line-break-in-label", "line-break-in-label"),
    ("link-too-long", "link-too-long"),
    ("invalid-utf8", "not-utf8"),
    ("missing-section", "missing-section"),
    ("missing-title", "missing-field"),
    ("missing-sections", "missing-field"),
    ("multiple-documents", "multiple-documents"),
    ("only-comments", "empty-file"),
    ("salary-min-above-max", "salary-min-above-max"),
    ("salary-out-of-range", "salary-out-of-range"),
    ("salary-stage-order", "salary-stage-order"),
    ("tab-indentation", "yaml-syntax"),
    ("too-deeply-nested", "too-deeply-nested"),
    ("typo-key", "unknown-key"),
    ("unknown-currency", "unknown-currency"),
    ("wrong-type", "wrong-type"),
    ("yaml-syntax", "yaml-syntax"),
];

#[test]
fn each_invalid_fixture_fails_with_a_located_message_and_writes_nothing() {
    let out_dir = tempfile::tempdir().unwrap();
    for (name, rule) in CASES {
        let profile = format!("tests/fixtures/invalid/{name}.yaml");
        let report = out_dir.path().join(format!("{name}.html"));
        let output = Run::of(pathways().args(["render", &profile, "-o"]).arg(&report));
        let stderr = &output.stderr;
        assert_eq!(output.code, Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("error[{rule}]")),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("--> {profile}:")),
            "{name} has no file:line:column: {stderr}"
        );
        assert!(stderr.contains("= help: "), "{name} has no hint: {stderr}");
        assert!(!report.exists(), "{name}: a report was written");
        insta::assert_snapshot!(format!("invalid__{name}"), output.seen());
    }
}

#[test]
fn the_fixture_set_is_complete() {
    let on_disk = std::fs::read_dir(fixture("invalid")).unwrap().count();
    assert_eq!(
        on_disk,
        CASES.len(),
        "every invalid fixture needs a case above"
    );
}

#[test]
fn a_profile_with_errors_is_not_rendered_to_stdout_either() {
    pathways()
        .args(["render", "tests/fixtures/invalid/bad-id.yaml"])
        .assert()
        .code(1)
        .stdout("");
}
