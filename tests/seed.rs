//! `pathways seed onet`: draft profiles from an O*NET download, read by
//! column names, with what the database cannot say left for `check` to list.

use std::path::{Path, PathBuf};

use crate::common::{Run, fixture, pathways, read};

const CODES: [&str; 3] = ["25-4031.00", "25-4022.00", "47-2111.00"];

/// `pathways seed onet --db DB ARGS...`.
fn seed(db: &Path, args: &[&str]) -> Run {
    Run::of(pathways().args(["seed", "onet", "--db"]).arg(db).args(args))
}

/// A copy of the O*NET fixture folder to change.
fn copy_of_onet(dir: &Path) -> PathBuf {
    let db = dir.join("db");
    std::fs::create_dir(&db).unwrap();
    for entry in std::fs::read_dir(fixture("seed/onet")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), db.join(entry.file_name())).unwrap();
    }
    db
}

/// `file`'s columns in the order `order` gives (by index), with an extra
/// column `Title` added at the end as O*NET's Excel re-exports do.
fn reorder(file: &Path, order: &[usize]) {
    let text = read(file);
    let rewritten: String = text
        .lines()
        .enumerate()
        .map(|(index, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            let mut out: Vec<&str> = order.iter().map(|&i| fields[i]).collect();
            out.push(if index == 0 { "Title" } else { "Some title" });
            out.join("\t") + "\r\n"
        })
        .collect();
    std::fs::write(file, rewritten).unwrap();
}

#[test]
fn three_occupations_seed_profiles_that_only_lack_what_o_net_cannot_say() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut args = CODES.to_vec();
    args.extend([
        "--out",
        out.to_str().unwrap(),
        "--office",
        "Riverside Careers Office",
    ]);
    seed(&fixture("seed/onet"), &args)
        .assert_code(0)
        .assert_stderr_has("Seeded 25-4031.00 Library Technicians →")
        .assert_stderr_has("18 supplemental tasks left out");
    for name in [
        "library-technicians",
        "librarians-and-media-collections-specialists",
        "electricians",
    ] {
        let file = out.join(format!("{name}.yaml"));
        let text = read(&file);
        insta::assert_snapshot!(format!("seed_onet_{name}"), text);
        // `check` lists exactly what a counsellor must write: the summary
        // and the sections O*NET has nothing for, nothing else.
        let checked = Run::of(pathways().args(["check", "--format", "json"]).arg(&file));
        checked.assert_code(1);
        let report: serde_json::Value = serde_json::from_str(&checked.stdout).unwrap();
        let findings = report["profiles"][0]["findings"].as_array().unwrap();
        let paths: Vec<&str> = findings
            .iter()
            .inspect(|f| assert_eq!(f["rule"], "placeholder-text", "{f}"))
            .map(|f| f["path"].as_str().unwrap())
            .collect();
        assert_eq!(
            paths,
            [
                "summary[0].heading",
                "summary[0].text",
                "sections.salary.intro",
                "sections.outlook.intro",
                "sections.getting_started.intro",
                "sections.getting_started.items[0].title",
                "sections.getting_started.items[0].text",
            ],
            "{name}"
        );
    }
    let technicians = read(&out.join("library-technicians.yaml"));
    assert!(technicians.contains("  soc: 25-4031\n  onet:\n    - 25-4031.00\n"));
    assert!(technicians.contains(
        "Riverside Careers Office has modified all or some of this information. \
         USDOL/ETA has not approved, endorsed, or tested these modifications."
    ));
    // A distribution, as O*NET states it, never "typical".
    assert!(technicians.contains(
        "the most common answer was Bachelor's Degree (30 %), then Associate's Degree (28 %)"
    ));
    let education = &technicians[technicians.find("  education:").unwrap()
        ..technicians.find("  responsibilities:").unwrap()];
    assert!(!education.to_lowercase().contains("typical"), "{education}");
}

#[test]
fn a_seeded_profile_renders_with_o_net_s_credit_line() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("library-technicians.yaml");
    let yaml = seed(&fixture("seed/onet"), &["25-4031.00"])
        .assert_code(0)
        .stdout
        .clone();
    // Filled in as a counsellor would, so it renders.
    let filled = yaml.replace("TODO", "Written by the office.");
    std::fs::write(&profile, filled).unwrap();
    Run::of(pathways().arg("render").arg(&profile).args(["--format", "html"]))
        .assert_code(0)
        .assert_stdout_has("This page includes information from the O*NET 27.0 Database by the U.S. Department of Labor")
        .assert_stdout_has("Reading Comprehension");
}

#[test]
fn a_release_with_reordered_and_added_columns_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_onet(dir.path());
    let before = seed(&db, &["25-4031.00"]).assert_code(0).stdout.clone();
    // Occupation Data: Description, Title, code; Task Statements and
    // Skills: the code last.
    reorder(&db.join("Occupation Data.txt"), &[2, 1, 0]);
    reorder(&db.join("Task Statements.txt"), &[1, 2, 3, 4, 5, 6, 0]);
    reorder(
        &db.join("Skills.txt"),
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0],
    );
    let after = seed(&db, &["25-4031.00"]).assert_code(0).stdout.clone();
    assert_eq!(after, before);
}

#[test]
fn a_row_with_a_missing_field_is_reported_at_its_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = copy_of_onet(dir.path());
    let tasks = db.join("Task Statements.txt");
    let mut lines: Vec<String> = read(&tasks).lines().map(str::to_owned).collect();
    let line = lines
        .iter()
        .position(|l| l.contains("Enter and update patrons' records on computers."))
        .unwrap();
    lines[line] = lines[line].replacen("\tCore", "", 1);
    std::fs::write(&tasks, lines.join("\n") + "\n").unwrap();
    let run = seed(&db, &["25-4031.00"]);
    run.assert_code(0).assert_stderr_has(&format!(
        "Task Statements.txt:{}: 6 fields where the header has 7; the row is skipped",
        line + 1
    ));
    assert!(!run.stdout.contains("Enter and update patrons' records"));
    assert!(
        run.stdout
            .contains("Reserve, circulate, renew, and discharge books")
    );
}

#[test]
fn an_unknown_code_exits_1_naming_it_and_the_others_are_still_seeded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    seed(
        &fixture("seed/onet"),
        &[
            "99-9999.00",
            "25-4031.00",
            "25-4031",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .assert_code(1)
    .assert_stderr_has("error: 99-9999.00: the O*NET 27.0 database in")
    .assert_stderr_has("has no occupation 99-9999.00")
    .assert_stderr_has("error: 25-4031: not an O*NET-SOC code (they look like 25-4031.00)");
    assert!(out.join("library-technicians.yaml").is_file());
}

#[test]
fn a_folder_that_is_not_an_o_net_download_exits_2_naming_what_is_missing() {
    seed(&fixture("translations"), &["25-4031.00"])
        .assert_code(2)
        .assert_stderr_has(
            "is not an O*NET database download: it has no `Occupation Data.txt` and `Read Me.txt`",
        )
        .assert_stderr_has("onetcenter.org/database.html");
}

#[test]
fn a_profile_already_there_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let file = out.join("library-technicians.yaml");
    std::fs::write(&file, "an office's own words\n").unwrap();
    let args = ["25-4031.00", "--out", out.to_str().unwrap()];
    seed(&fixture("seed/onet"), &args)
        .assert_code(1)
        .assert_stderr_has("already exists; pathways will not overwrite it");
    assert_eq!(read(&file), "an office's own words\n");
    let mut forced = args.to_vec();
    forced.push("--force");
    seed(&fixture("seed/onet"), &forced).assert_code(0);
    assert!(read(&file).contains("title: Library Technicians"));
}
