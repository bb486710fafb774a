//! `pathways check`: every rule, every report format, exit codes, policies.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Edit, Run, SEED_PROFILE, fixture, pathways, read, root};

const RULE_POLICY: &str = "tests/fixtures/rules/policy.yaml";

/// Rule fixture (`tests/fixtures/rules/<rule>.yaml`), the line the finding
/// must point at, and whether it is checked under `rules/policy.yaml`.
const RULE_CASES: [(&str, usize, bool); 29] = [
    ("duplicate-item", 26, false),
    ("empty-item", 25, false),
    ("empty-section", 22, false),
    ("empty-title", 2, false),
    ("id-file-name", 1, false),
    ("invalid-date", 4, false),
    ("invalid-locale", 4, false),
    ("no-translation", 5, false),
    ("placeholder-text", 21, false),
    ("salary-average-outside-ranges", 16, false),
    ("salary-missing-currency", 14, false),
    ("salary-negative", 16, false),
    ("salary-without-figures", 14, false),
    ("summary-contradicts-salary", 8, false),
    ("unfinished-sentence", 21, false),
    ("unsafe-link", 21, false),
    ("invalid-code", 6, false),
    ("empty-fact", 5, false),
    ("fact-out-of-range", 7, false),
    ("fact-without-source", 5, false),
    ("stale-fact", 9, false),
    ("outlook-without-period", 5, false),
    ("salary-percentile-order", 19, false),
    ("salary-median-outside-ranges", 17, false),
    ("outdated", 4, true),
    ("required-field", 1, true),
    ("too-few-items", 25, true),
    ("too-few-words", 6, true),
    ("low-score", 1, true),
];

fn check_json(args: &[&str]) -> (Option<i32>, Value) {
    let output = Run::of(
        pathways()
            .arg("check")
            .args(args)
            .args(["--format", "json"]),
    );
    let json = serde_json::from_str(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", output.seen()));
    (output.code, json)
}

fn rules_and_lines(profile: &Value) -> Vec<(String, u64)> {
    profile["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn each_rule_reports_its_fixture_at_the_right_line() {
    for (rule, line, with_policy) in RULE_CASES {
        let file = format!("tests/fixtures/rules/{rule}.yaml");
        let mut args = vec![file.as_str()];
        if with_policy {
            args.extend(["--policy", RULE_POLICY]);
        }
        let (_, json) = check_json(&args);
        let found = rules_and_lines(&json["profiles"][0]);
        assert!(
            found.contains(&(rule.to_owned(), line as u64)),
            "{rule}: expected at line {line}, found {found:?}"
        );
        let finding = json["profiles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap();
        assert!(
            !finding["hint"].as_str().unwrap().is_empty(),
            "{rule} has a hint"
        );
    }
}

#[test]
fn each_rule_passes_on_a_profile_without_the_problem() {
    let (code, json) = check_json(&["tests/fixtures/valid/minimal.yaml"]);
    assert_eq!(code, Some(0));
    assert_eq!(rules_and_lines(&json["profiles"][0]), vec![]);
    let (code, json) = check_json(&[
        "tests/fixtures/rules/policy-passing.yaml",
        "--policy",
        RULE_POLICY,
    ]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(rules_and_lines(&json["profiles"][0]), vec![]);
}

#[test]
fn the_rule_fixture_set_is_complete() {
    let fixtures = std::fs::read_dir(fixture("rules")).unwrap().count();
    // Each rule case, plus the policy and the profile that meets it, the
    // policy that breaks invalid-policy, the folder with a duplicate id,
    // the four folders with a translation and its base, and the folder and
    // policy of missing-language.
    assert_eq!(fixtures, RULE_CASES.len() + 10);
}

/// Rules whose fixture is not `rules/<id>.yaml`, `invalid/<id>.yaml` or
/// `schema/<id>.yaml`: the arguments to `pathways check` that break them.
const TRIGGERS: [(&str, &[&str]); 14] = [
    ("not-utf8", &["tests/fixtures/invalid/invalid-utf8.yaml"]),
    ("empty-file", &["tests/fixtures/invalid/empty.yaml"]),
    (
        "yaml-too-complex",
        &["tests/fixtures/invalid/alias-bomb.yaml"],
    ),
    ("unknown-key", &["tests/fixtures/invalid/typo-key.yaml"]),
    (
        "missing-field",
        &["tests/fixtures/invalid/missing-title.yaml"],
    ),
    ("invalid-id", &["tests/fixtures/invalid/bad-id.yaml"]),
    ("duplicate-id", &["tests/fixtures/rules/duplicate-id"]),
    (
        "invalid-policy",
        &[
            "tests/fixtures/valid/minimal.yaml",
            "--policy",
            "tests/fixtures/rules/invalid-policy.yaml",
        ],
    ),
    // A translation is a pair of files: a base profile and its translation.
    (
        "translation-adds-data",
        &["tests/fixtures/rules/translation-adds-data"],
    ),
    (
        "translation-orphan",
        &["tests/fixtures/rules/translation-orphan"],
    ),
    (
        "translation-incomplete",
        &["tests/fixtures/rules/translation-incomplete"],
    ),
    (
        "translation-outdated",
        &["tests/fixtures/rules/translation-outdated"],
    ),
    (
        "missing-language",
        &[
            "tests/fixtures/rules/missing-language",
            "--policy",
            "tests/fixtures/rules/missing-language-policy.yaml",
        ],
    ),
    // 200,001 values is made by the test: a fixture would be 600 KB.
    ("yaml-too-large", &[]),
];

/// Every registered rule is broken by some fixture, and reported under its
/// id: a rule no input can trigger is dead, and one without a fixture is
/// untested.
#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("large.yaml");
    let items = vec!["x"; 200_001].join(", ");
    std::fs::write(
        &large,
        format!("id: large\ntitle: Large\nsections:\n  skills:\n    items: [{items}]\n"),
    )
    .unwrap();
    for rule in pathways::rules::Rule::ALL {
        let id = rule.id();
        // Only a command that makes PDF knows its fonts: tests/pdf.rs
        // breaks it (`text_no_pdf_font_shows_is_a_missing_glyph_warning_never_a_silent_box`).
        if id == "missing-glyph" {
            continue;
        }
        let mut args: Vec<String> = match TRIGGERS.iter().find(|(r, _)| *r == id) {
            Some((_, [])) => vec![large.display().to_string()],
            Some((_, args)) => args.iter().map(|a| (*a).to_owned()).collect(),
            None => {
                let file = ["rules", "invalid", "schema"]
                    .iter()
                    .map(|folder| format!("tests/fixtures/{folder}/{id}.yaml"))
                    .find(|file| Path::new(file).is_file())
                    .unwrap_or_else(|| {
                        panic!("no fixture breaks `{id}`: add tests/fixtures/rules/{id}.yaml")
                    });
                vec![file]
            }
        };
        if !args.iter().any(|a| a == "--policy") {
            args.extend(["--policy".to_owned(), RULE_POLICY.to_owned()]);
        }
        let output = Run::of(
            pathways()
                .arg("check")
                .args(&args)
                .args(["--format", "json"]),
        );
        let reported: Vec<String> = match serde_json::from_str::<Value>(&output.stdout) {
            Ok(json) => json["profiles"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(rules_and_lines)
                .map(|(rule, _)| rule)
                .collect(),
            // A policy that cannot be used stops the run before any report.
            Err(_) => vec![],
        };
        assert!(
            reported.iter().any(|r| r == id) || output.stderr.contains(&format!("[{id}]")),
            "`{id}` is not reported for {args:?}: {}",
            output.seen()
        );
    }
}

#[test]
fn the_seed_reports_its_cut_off_sentence_with_its_line() {
    let output = Run::of(pathways().args(["check", SEED_PROFILE]));
    assert_eq!(output.code, Some(0), "warnings alone pass");
    insta::assert_snapshot!("check_seed_human", output.seen());
    let output = Run::of(pathways().args(["check", "--strict", SEED_PROFILE]));
    assert_eq!(output.code, Some(1), "--strict fails on warnings");
    let clean =
        Run::of(pathways().args(["check", "--strict", "tests/fixtures/valid/minimal.yaml"]));
    assert_eq!(
        clean.code,
        Some(0),
        "--strict passes a profile without warnings"
    );
}

/// Two readable profiles with findings and one that is not YAML, in every format.
const FORMAT_INPUTS: [&str; 3] = [
    SEED_PROFILE,
    "tests/fixtures/check/records-managers.yaml",
    "tests/fixtures/invalid/yaml-syntax.yaml",
];

#[test]
fn report_format_human() {
    let output = Run::of(pathways().arg("check").args(FORMAT_INPUTS));
    output.assert_code(1);
    assert_eq!(output.stdout, "", "human reports go to standard error");
    let stderr = &output.stderr;
    assert!(
        stderr.ends_with("3 profiles checked: 2 errors, 3 warnings\n"),
        "{stderr}"
    );
    insta::assert_snapshot!("check_format_human", stderr);
}

#[test]
fn report_format_json() {
    let output = Run::of(
        pathways()
            .args(["check", "--format", "json"])
            .args(FORMAT_INPUTS),
    );
    output.assert_code(1);
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["profiles"][0]["score"], 100);
    insta::assert_snapshot!("check_format_json", output.stdout);
}

#[test]
fn report_format_github() {
    let output = Run::of(
        pathways()
            .args(["check", "--format", "github"])
            .args(FORMAT_INPUTS),
    );
    output.assert_code(1);
    let text = output.stdout;
    assert!(text.contains(
        "::warning file=profiles/library-technicians.yaml,line=67,col=11,title=pathways unfinished-sentence::"
    ), "{text}");
    insta::assert_snapshot!("check_format_github", text);
}

#[test]
fn report_format_sarif() {
    let output = Run::of(
        pathways()
            .args(["check", "--format", "sarif"])
            .args(FORMAT_INPUTS),
    );
    let sarif: Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at its rule"
        );
        assert!(!rules[index]["help"]["text"].as_str().unwrap().is_empty());
    }
    // The base folder is wherever the repository was cloned.
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    insta::assert_snapshot!(
        "check_format_sarif",
        output.stdout.replace(base, "file:///[repository]/")
    );
}

#[test]
fn report_format_junit() {
    let output = Run::of(
        pathways()
            .args(["check", "--format", "junit"])
            .args(FORMAT_INPUTS),
    );
    let xml = output.stdout;
    assert!(
        xml.contains("<testsuite name=\"profiles\" tests=\"3\" failures=\"2\""),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 3);
    assert_eq!(xml.matches("<failure ").count(), 2);
    insta::assert_snapshot!("check_format_junit", xml);
}

/// Test names are file paths relative to the base, whatever the ids say
/// and wherever pathways runs: two files with one id stay two tests.
#[test]
fn junit_test_names_are_stable_paths() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    std::fs::write(dir.path().join("a/minimal.yaml"), &minimal).unwrap();
    std::fs::write(dir.path().join("b/minimal.yaml"), &minimal).unwrap();
    let names = |run: &Run| -> Vec<String> {
        run.stdout
            .split("<testcase name=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_owned())
            .collect()
    };
    let from_base = Run::of(
        pathways()
            .current_dir(dir.path())
            .args(["check", "-f", "junit", "--base", ".", "a", "b"]),
    );
    let from_elsewhere = Run::of(
        pathways()
            .args(["check", "-f", "junit", "--base"])
            .arg(dir.path())
            .arg(dir.path()),
    );
    assert_eq!(names(&from_base), ["a/minimal.yaml", "b/minimal.yaml"]);
    assert_eq!(names(&from_elsewhere), names(&from_base));
    assert!(
        !from_base.stdout.contains(" file=\""),
        "junit-10.xsd has no file attribute"
    );
}

#[test]
fn a_folder_with_three_good_and_two_bad_profiles() {
    let (code, json) = check_json(&["tests/fixtures/check"]);
    assert_eq!(code, Some(1));
    let mut found: Vec<(String, String, u64)> = Vec::new();
    for profile in json["profiles"].as_array().unwrap() {
        for (rule, line) in rules_and_lines(profile) {
            found.push((profile["file"].as_str().unwrap().to_owned(), rule, line));
        }
    }
    assert_eq!(
        found,
        vec![
            (
                "tests/fixtures/check/catalogers.yaml".to_owned(),
                "unknown-key".to_owned(),
                22
            ),
            (
                "tests/fixtures/check/records-managers.yaml".to_owned(),
                "placeholder-text".to_owned(),
                21
            ),
        ]
    );
    assert_eq!(json["summary"]["profiles"], 5);
    let passed: Vec<bool> = json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["passed"].as_bool().unwrap())
        .collect();
    assert_eq!(
        passed,
        vec![true, false, true, true, false],
        "sorted by file name"
    );
}

#[test]
fn paths_may_be_files_folders_and_patterns() {
    let (code, json) = check_json(&[
        "tests/fixtures/check/a*.yaml",
        "tests/fixtures/check/librarians.yaml",
        "profiles",
    ]);
    assert_eq!(code, Some(0));
    let files: Vec<&str> = json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        vec![
            "tests/fixtures/check/archivists.yaml",
            "tests/fixtures/check/librarians.yaml",
            "profiles/library-technicians.es-MX.yaml",
            "profiles/library-technicians.yaml",
            "profiles/veterinary-technologists-and-technicians.fr-CA.yaml",
            "profiles/veterinary-technologists-and-technicians.yaml"
        ]
    );
}

/// A pattern takes profile files only: not other files it matches, and not
/// a folder whose name ends in `.yaml`.
#[test]
fn a_pattern_takes_profile_files_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("valid/minimal.yaml"),
        dir.path().join("minimal.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a profile").unwrap();
    std::fs::create_dir(dir.path().join("old.yaml")).unwrap();
    let pattern = format!("{}/*", dir.path().display());
    let (code, json) = check_json(&[&pattern]);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["profiles"].as_array().map(Vec::len), Some(1), "{json}");
}

#[test]
fn a_missing_path_is_reported_and_the_rest_still_checked() {
    let output = Run::of(pathways().args(["check", "no-such-folder", SEED_PROFILE]));
    output.assert_code(2);
    let stderr = &output.stderr;
    assert!(stderr.contains("cannot read `no-such-folder`"), "{stderr}");
    assert!(stderr.contains("1 profile checked"), "{stderr}");
    // In JUnit the path that could not be read is a test in error.
    let junit = Run::of(pathways().args(["check", "-f", "junit", "no-such-folder", SEED_PROFILE]));
    assert!(
        junit.stdout.contains(
            "<testsuites name=\"pathways check\" tests=\"2\" failures=\"0\" errors=\"1\">"
        ),
        "{}",
        junit.stdout
    );
}

/// Characters XML cannot hold (U+FFFE here, in a file name) are left out
/// of the JUnit report, which stays well-formed.
#[test]
fn junit_leaves_out_what_xml_cannot_hold() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("odd\u{fffe}name.yaml");
    std::fs::copy(fixture("valid/minimal.yaml"), &odd).unwrap();
    let run = Run::of(pathways().args(["check", "-f", "junit"]).arg(&odd));
    run.assert_stdout_has("oddname.yaml");
    assert!(!run.stdout.contains('\u{fffe}'), "{}", run.stdout);
}

#[test]
fn duplicate_ids_name_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let profile = read(&fixture("valid/minimal.yaml"));
    std::fs::write(dir.path().join("minimal.yaml"), &profile).unwrap();
    std::fs::create_dir(dir.path().join("copy")).unwrap();
    std::fs::write(dir.path().join("copy/minimal.yaml"), &profile).unwrap();
    let output = Run::of(
        pathways()
            .arg("check")
            .arg(dir.path())
            .args(["--format", "json"]),
    );
    output.assert_code(1);
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    for (index, other) in [(0, "minimal.yaml"), (1, "copy/minimal.yaml")] {
        let finding = &json["profiles"][index]["findings"][0];
        assert_eq!(finding["rule"], "duplicate-id");
        assert_eq!(finding["line"], 1);
        let message = finding["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("{}`", dir.path().join(other).display())),
            "{message}"
        );
    }
}

#[test]
fn min_score_turns_a_low_score_into_an_error() {
    let (code, json) = check_json(&["tests/fixtures/valid/minimal.yaml", "--min-score", "60"]);
    assert_eq!(code, Some(1));
    assert_eq!(json["profiles"][0]["score"], 54);
    assert_eq!(json["profiles"][0]["findings"][0]["rule"], "low-score");
    let (code, _) = check_json(&["tests/fixtures/valid/minimal.yaml", "--min-score", "54"]);
    assert_eq!(code, Some(0));
}

#[test]
fn a_policy_file_in_the_current_folder_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pathways-policy.yaml"),
        "rules:\n  unfinished-sentence: error\n",
    )
    .unwrap();
    let output = Run::of(
        pathways()
            .current_dir(dir.path())
            .arg("check")
            .arg(root().join(SEED_PROFILE)),
    );
    output.assert_code(1);
    output.assert_stderr_has("error[unfinished-sentence]");
}

#[test]
fn a_broken_policy_stops_the_check_with_a_located_message() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.yaml");
    std::fs::write(&policy, "required_sections:\n  - overview\n  - outlok\n").unwrap();
    let output = Run::of(
        pathways()
            .args(["check", SEED_PROFILE, "--policy"])
            .arg(&policy),
    );
    output.assert_code(2);
    let stderr = &output.stderr;
    assert!(stderr.contains("policy.yaml:3:5"), "{stderr}");
    assert!(stderr.contains("did you mean `outlook`?"), "{stderr}");
}

#[test]
fn the_example_policies_work_as_documented() {
    let output = Run::of(pathways().args([
        "check",
        SEED_PROFILE,
        "--policy",
        "examples/policy-strict.yaml",
        "--format",
        "json",
    ]));
    output.assert_code(1);
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    let rules: Vec<String> = rules_and_lines(&json["profiles"][0])
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    assert_eq!(
        rules,
        vec![
            "required-field",
            "required-field",
            "summary-contradicts-salary",
            "unfinished-sentence",
            "summary-contradicts-salary"
        ]
    );
    let output = Run::of(pathways().args([
        "check",
        "tests/fixtures/check",
        "--policy",
        "examples/policy-lenient.yaml",
    ]));
    // The lenient policy still stops a misspelt key, but lets a TODO through as a warning.
    output.assert_code(1);
    let stderr = &output.stderr;
    assert!(stderr.contains("warning[placeholder-text]"), "{stderr}");
    assert!(stderr.contains("error[unknown-key]"), "{stderr}");
}

#[test]
fn colour_follows_the_color_option() {
    let coloured = pathways()
        .args(["check", SEED_PROFILE, "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stderr).contains("\u{1b}["));
    let plain = pathways()
        .args(["check", SEED_PROFILE, "--color", "never"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stderr).contains('\u{1b}'));
}

/// Control characters in profile text are errors, located, and never
/// reach the terminal or a machine report raw.
#[test]
fn control_characters_in_text_are_errors_shown_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let profile = dir.path().join("minimal.yaml");
    std::fs::write(
        &profile,
        minimal.replacen(
            "title: School Librarians",
            "title: \"School \\e]0;pwned\\a\\x7f\"",
            1,
        ),
    )
    .unwrap();
    assert!(
        read(&profile).contains("pwned"),
        "the fixture has the title line"
    );
    let human = Run::of(pathways().arg("check").arg(&profile));
    human
        .assert_code(1)
        .assert_stderr_has("error[control-character]")
        .assert_stderr_has("minimal.yaml:2:")
        .assert_stderr_has("(\u{241b}, U+001B)");
    for format in ["github", "json", "sarif", "junit"] {
        let run = Run::of(pathways().args(["check", "--format", format]).arg(&profile));
        run.assert_code(1);
        assert!(run.stdout.contains("control-character"), "{format}");
        assert!(
            !run.stdout.chars().any(|c| c.is_control() && c != '\n'),
            "{format}: {:?}",
            run.stdout
        );
    }
    let render = Run::of(
        pathways()
            .args(["render", "--format", "text"])
            .arg(&profile),
    );
    render.assert_code(1);
    assert!(render.stdout.is_empty());
}

/// Two shapes a list can go wrong in, each located with words a writer
/// understands: an entry that is itself a list, and a sub-list with
/// nothing in it.
#[test]
fn an_entry_of_the_wrong_shape_and_an_empty_sub_list_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let check = |text: String| {
        let profile = dir.path().join("minimal.yaml");
        std::fs::write(&profile, text).unwrap();
        Run::of(pathways().arg("check").arg(&profile))
    };
    check(minimal.edited(
        "      - Organisation\n",
        "      - Organisation\n      - [Patience, Tact]\n",
    ))
    .assert_code(1)
    .assert_stderr_has(
        "error[wrong-type]: `items[2]` should be text, or a `title:` and `text:` pair, but it is a list",
    )
    .assert_stderr_has("minimal.yaml:26:9");
    check(minimal + "  career_path:\n    groups:\n      - heading: Stages\n        items:\n          - First job.\n      - heading: Advancement\n")
        .assert_code(1)
        .assert_stderr_has("error[empty-item]: the sub-list `Advancement` has nothing in it")
        .assert_stderr_has("minimal.yaml:34:9")
        .assert_stderr_has("field: sections.career_path.groups[1]");
}

/// A finding far into a long line (a paragraph pasted on one line) gives
/// its true column in every format, and the terminal shows the part of
/// the line around it.
#[test]
fn a_finding_far_into_a_long_line_gives_its_true_column() {
    let dir = tempfile::tempdir().unwrap();
    let words = "shelving books ".repeat(300);
    let profile = minimal_with_intro(
        dir.path(),
        &format!("{words}[click](javascript:alert(1)) ends here."),
    );
    let column = 12 + words.len() + "[click](".len();
    let path = profile.to_str().unwrap();
    let (_, json) = check_json(&[path]);
    let finding = &json["profiles"][0]["findings"][0];
    assert_eq!(finding["rule"], "unsafe-link");
    assert_eq!(finding["column"], column);
    let human = Run::of(pathways().args(["check", path]));
    human.assert_stderr_has(&format!("minimal.yaml:6:{column}"));
    let caret_line = human
        .stderr
        .lines()
        .find(|l| l.contains("^^^"))
        .unwrap_or_default();
    let source_line = human
        .stderr
        .lines()
        .find(|l| l.contains("[click]"))
        .unwrap_or_default();
    assert!(source_line.len() < 200, "shortened: {source_line}");
    let before = source_line.split("[click]").next().unwrap_or_default();
    assert!(
        before.len() > 40,
        "some of the text before it is shown: {source_line}"
    );
    let caret = caret_line.find('^').unwrap_or_default();
    assert_eq!(
        &source_line[caret..caret + 10],
        "javascript",
        "{}",
        human.stderr
    );
}

/// What goes wrong in the YAML itself, each told in words a writer acts on,
/// at the right place.
#[test]
fn yaml_problems_are_explained_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let aliases = vec!["*a"; 1_001].join(", ");
    let cases: [(&str, String, &[&str]); 8] = [
        (
            "a list where text belongs",
            "id: t\ntitle: [a, b]\nsections: {}\n".into(),
            &[
                "error[wrong-type]: `title` should be text, but it is something else",
                "t.yaml:2:8",
            ],
        ),
        (
            "a line of text, not a profile",
            "Library technicians help people.\n".into(),
            &[
                "error[wrong-type]: the file should be a group of `key: value` lines, but it is something else",
                "t.yaml:1:1",
            ],
        ),
        (
            "an empty title",
            "id: t\ntitle:\nsections: {}\n".into(),
            &[
                "error[wrong-type]: `title` is empty",
                "write its text after the colon",
            ],
        ),
        (
            "an unclosed bracket",
            "id: t\ntitle: T\nsections:\n  skills:\n    items: [a, b".into(),
            &[
                "error[yaml-syntax]",
                "close the bracket: a list that starts with [ needs a ]",
            ],
        ),
        (
            "a key indented wrongly",
            "id: t\ntitle: T\nsections:\n  overview:\n    intro: a\n   outro:\n".into(),
            &[
                "error[yaml-syntax]",
                "t.yaml:6:4",
                "check the indentation of this line against the lines above it",
            ],
        ),
        (
            "a missing title under a comment header",
            "# For editors\n\n# more\nid: t\nsections: {}\n".into(),
            &[
                "error[missing-field]: the required field `title` is missing",
                "t.yaml:4:1",
                "add a line `title: ...` near the top",
            ],
        ),
        (
            "a misspelt value",
            "id: t\ntitle: T\nsections:\n  remote_work:\n    level: limitted\n".into(),
            &[
                "error[unknown-value]: `limitted` is not an allowed value for `level`",
                "did you mean `limited`? Allowed values: `none`, `limited`, `moderate`, `high`",
            ],
        ),
        (
            "a thousand and one aliases",
            format!("id: t\ntitle: &a T\nsections:\n  skills:\n    items: [{aliases}]\n"),
            &[
                "error[yaml-too-complex]: this file is nested too deeply or repeats itself too often",
            ],
        ),
    ];
    for (name, text, expected) in cases {
        let path = dir.path().join("t.yaml");
        std::fs::write(&path, text).unwrap();
        let run = Run::of(pathways().arg("check").arg(&path));
        assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
        for words in expected {
            assert!(
                run.stderr.contains(words),
                "{name}: no `{words}` in\n{}",
                run.stderr
            );
        }
    }
}

/// Under `--strict` a warning fails the check, so GitHub shows it as an
/// error annotation; without it, as a warning.
#[test]
fn github_annotations_follow_strict() {
    let annotate = |strict: bool| {
        let mut command = pathways();
        command.args(["check", "-f", "github", SEED_PROFILE]);
        if strict {
            command.arg("--strict");
        }
        Run::of(&mut command).stdout
    };
    let plain = annotate(false);
    let strict = annotate(true);
    assert!(plain.starts_with("::warning file="), "{plain}");
    assert!(strict.starts_with("::error file="), "{strict}");
    assert_eq!(plain.replace("::warning", "::error"), strict);
}

/// A line of 160 characters or fewer is shown whole, however many bytes
/// its letters take.
#[test]
fn a_line_of_accented_letters_is_shown_whole() {
    let dir = tempfile::tempdir().unwrap();
    let greek = "βιβλιοθήκη ".repeat(8);
    let profile = minimal_with_intro(dir.path(), &format!("{greek}[x](javascript:y)."));
    let run = Run::of(pathways().args(["check"]).arg(&profile));
    let source_line = run
        .stderr
        .lines()
        .find(|l| l.contains("[x]"))
        .unwrap_or_default();
    assert!(
        source_line.contains(&format!("intro: {greek}[x]")),
        "{}",
        run.stderr
    );
}

/// The rules found in `minimal.yaml` with its overview's intro replaced by
/// `intro` (a YAML block) and `extra` appended.
fn rules_for(intro: &str, extra: &str) -> Vec<String> {
    let indented: String = intro.lines().map(|l| format!("      {l}\n")).collect();
    rules_for_profile(
        &(read(&fixture("valid/minimal.yaml")).edited(
            "    intro: School librarians run the library of a school.\n",
            &format!("    intro: |-\n{indented}"),
        ) + extra),
    )
}

/// The rules (`rule@path`) found in a profile `minimal.yaml` holding `text`.
fn rules_for_profile(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, json) = check_json(&[path.to_str().unwrap()]);
    json["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}@{}",
                f["rule"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect()
}

/// Where text rules draw the line: an unfinished last line unless it is a
/// list step; "Lorem ipsum" but not a street called Lorem; links in
/// Markdown text and in sources, not in plain labels.
#[test]
fn text_rules_draw_the_line_where_a_reader_would() {
    let intro = "sections.overview.intro";
    assert_eq!(
        rules_for("Openings grew by\n30 percent", ""),
        [format!("unfinished-sentence@{intro}")]
    );
    assert!(rules_for("Steps:\n\n1. Apply early", "").is_empty());
    assert!(rules_for("Steps:\n\n2) Apply early", "").is_empty());
    assert_eq!(
        rules_for("Openings grew (in cities\n) and towns", ""),
        [format!("unfinished-sentence@{intro}")]
    );
    assert!(rules_for("The library on Lorem Street is open.", "").is_empty());
    assert_eq!(
        rules_for("Lorem ipsum dolor sit amet.", ""),
        [format!("placeholder-text@{intro}")]
    );
    // An entry's title is plain text, shown as written: no link to follow.
    let titled = rules_for_profile(&read(&fixture("valid/minimal.yaml")).edited(
        "title: Teach research skills",
        "title: \"[Apply](javascript:alert(1))\"",
    ));
    assert!(titled.is_empty(), "{titled:?}");
    let sources = "sources:\n  - title: Library Association\n    url: https://ala.org/\n  - title: A script\n    url: javascript:alert(1)\n";
    assert_eq!(rules_for("Fine.", sources), ["unsafe-link@sources[1].url"]);
    // Entries are the same when their words are, whatever the case and
    // spacing; one letter apart is another entry.
    let skills = |a: &str, b: &str| {
        rules_for_profile(&read(&fixture("valid/minimal.yaml")).edited(
            "      - Patience\n      - Organisation\n",
            &format!("      - {a}\n      - {b}\n"),
        ))
    };
    assert!(skills("a level reader", "e level reader").is_empty());
    assert_eq!(
        skills("Patience", "  PATIENCE "),
        ["duplicate-item@sections.skills.items[1]"]
    );
}

/// A list may hold 1,000 entries; one more is an error at the list.
#[test]
fn the_list_limit_is_exact() {
    let with_items = |count: usize| {
        let items: String = (0..count)
            .map(|i| format!("      - Skill number {i}\n"))
            .collect();
        rules_for_profile(
            &read(&fixture("valid/minimal.yaml"))
                .edited("      - Patience\n      - Organisation\n", &items),
        )
    };
    assert!(with_items(1_000).is_empty());
    assert_eq!(with_items(1_001), ["too-many-items@sections.skills.items"]);
}

/// An empty file is pointed at, not a span of it: SARIF gives its start
/// and no end column.
#[test]
fn sarif_points_at_an_empty_file_without_a_span() {
    let run =
        Run::of(pathways().args(["check", "-f", "sarif", "tests/fixtures/invalid/empty.yaml"]));
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1, "{region}");
    assert_eq!(region["startColumn"], 1, "{region}");
    assert!(region.get("endColumn").is_none(), "{region}");
}

/// `minimal.yaml`, written in `dir`, with its overview's intro on one line
/// replaced by `intro`.
fn minimal_with_intro(dir: &Path, intro: &str) -> PathBuf {
    let profile = dir.join("minimal.yaml");
    std::fs::write(
        &profile,
        read(&fixture("valid/minimal.yaml")).edited(
            "intro: School librarians run the library of a school.",
            &format!("intro: {intro}"),
        ),
    )
    .unwrap();
    profile
}

/// A summary that gives a stage other pay than the salary table is reported
/// at both places, each naming the other's line; one that agrees is not.
#[test]
fn a_summary_that_contradicts_the_salary_table_is_reported_at_both() {
    let (code, json) = check_json(&["tests/fixtures/rules/summary-contradicts-salary.yaml"]);
    assert_eq!(code, Some(0), "warnings only: {json}");
    let findings: Vec<&Value> = json["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "summary-contradicts-salary")
        .collect();
    assert_eq!(findings.len(), 2, "the senior range agrees: {json}");
    assert_eq!(findings[0]["line"], 8);
    assert_eq!(findings[0]["path"], "summary[0].text");
    assert_eq!(
        findings[0]["message"],
        "the summary gives entry pay as $30,000 to $38,000, but the salary section's entry range (line 25) is $40,000 to $48,000"
    );
    assert_eq!(findings[1]["line"], 25);
    assert_eq!(findings[1]["path"], "sections.salary.ranges[0]");
    assert!(findings[1]["message"].as_str().unwrap().contains("line 8"));
}

/// Words in quick facts and in a source's credit line are checked like any
/// other text, and located at their field.
#[test]
fn fact_texts_and_credit_lines_are_checked_like_other_text() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replacen(
        "sections:",
        "facts:\n  training: { text: TODO }\n  regulated: { text: A licence, body: TODO }\n\
         sources:\n  - { title: BLS, credit: This page uses TODO. }\nsections:",
        1,
    );
    std::fs::write(&profile, text).unwrap();
    let output = Run::of(
        pathways()
            .arg("check")
            .arg(&profile)
            .args(["--format", "json"]),
    );
    output.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    let fields: Vec<&str> = report["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "placeholder-text")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "facts.training.text",
            "facts.regulated.body",
            "sources[0].credit"
        ]
    );
}
