//! `pathways export`: whole folders, in parallel, continuing past bad profiles.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Edit, Run, SEED_PROFILE, export, fixture, pathways, read};

/// Every file in `dir` (name → bytes).
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn exports_the_good_profiles_and_reports_the_bad_ones() {
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .args(["export", "tests/fixtures/check", SEED_PROFILE, "--out"])
            .arg(out.path()),
    );
    output.assert_code(1);
    let stderr = &output.stderr;
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "skipped tests/fixtures/check/catalogers.yaml:22:3: `skils` is not a key pathways knows under `sections` [unknown-key]",
            "skipped tests/fixtures/check/records-managers.yaml:21:12: placeholder text `TODO` is still here [placeholder-text]",
        ]
    );
    assert!(
        lines[2].starts_with(&format!(
            "Exported 4 profiles with 3 warnings (--verbose lists them), skipped 2, failed 0: wrote 17 files to {} in ",
            out.path().display()
        )),
        "{stderr}"
    );
    let names: Vec<String> = contents(out.path()).into_keys().collect();
    assert_eq!(
        names,
        [
            "archivists.html",
            "archivists.md",
            "archivists.txt",
            "index.by-education.html",
            "index.by-pay.html",
            "index.html",
            "index.md",
            "index.txt",
            "librarians.html",
            "librarians.md",
            "librarians.txt",
            "library-technicians.html",
            "library-technicians.md",
            "library-technicians.txt",
            "museum-technicians.html",
            "museum-technicians.md",
            "museum-technicians.txt",
        ]
    );
}

#[test]
fn output_is_the_same_whatever_the_number_of_jobs() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&one, "1"), (&two, "2")] {
        pathways()
            .args([
                "export",
                "tests/fixtures/check",
                SEED_PROFILE,
                "-q",
                "--jobs",
                jobs,
                "--out",
            ])
            .arg(dir.path())
            .assert()
            .code(1);
    }
    assert_eq!(contents(one.path()), contents(two.path()));
}

#[test]
fn the_index_lists_every_exported_career_by_category_type_and_title() {
    let out = tempfile::tempdir().unwrap();
    pathways()
        .args([
            "export",
            "tests/fixtures/check",
            SEED_PROFILE,
            "-q",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(1);
    let index = read(&out.path().join("index.md"));
    insta::assert_snapshot!("export_index_md", index);
    let html = read(&out.path().join("index.html"));
    // One category; its named career type first, then the others by title
    // (each type a group of rows of the category's table, as every career
    // gives its pay).
    let order: Vec<usize> = [
        ">Education &amp; Training <span class=\"count\">(4 careers)</span></h2>",
        ">Stable Careers <span class=\"count\">(1 career)</span></th></tr>",
        ">Library Technicians</a>",
        ">Other types of career <span class=\"count\">(3 careers)</span></th></tr>",
        ">Archivists</a>",
        ">Librarians</a>",
        ">Museum Technicians</a>",
    ]
    .iter()
    .map(|text| {
        html.find(text)
            .unwrap_or_else(|| panic!("{text} not in {html}"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "grouped, then by title"
    );
    assert!(html.contains("<a href=\"library-technicians.html\">"));
    // The published index is for students: no completeness score.
    assert!(!html.contains("<td class=\"score\">100%</td>"), "{html}");
    assert!(!html.contains(">Complete<"), "{html}");
    assert!(
        !html.contains("Catalogers"),
        "skipped profiles are not listed"
    );
}

#[test]
fn index_scores_are_for_staff_in_one_table_per_category() {
    let out = tempfile::tempdir().unwrap();
    pathways()
        .args([
            "export",
            "tests/fixtures/check",
            SEED_PROFILE,
            "-q",
            "--index-scores",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(1);
    let html = read(&out.path().join("index.html"));
    // One category: one table, its heading row written once, each career
    // type a group of rows under it.
    assert_eq!(html.matches("<table").count(), 1, "{html}");
    assert_eq!(html.matches(">Complete</th>").count(), 1, "{html}");
    assert_eq!(html.matches("scope=\"rowgroup\"").count(), 2, "{html}");
    assert!(html.contains("<td class=\"score\">100%</td>"), "{html}");
    let markdown = read(&out.path().join("index.md"));
    assert_eq!(
        markdown
            .matches("| Career | Pay | Education to start | Complete |")
            .count(),
        1,
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| [Library Technicians](library-technicians.md) | Average $36,000 per year | Associate’s degree | 100% |"
        ),
        "{markdown}"
    );
    let text = read(&out.path().join("index.txt"));
    assert!(
        text.contains("- Library Technicians, 100% complete: library-technicians.txt"),
        "{text}"
    );
}

#[test]
fn the_index_groups_careers_by_category_then_career_type() {
    let out = tempfile::tempdir().unwrap();
    pathways()
        .args([
            "export",
            "tests/fixtures/locales",
            SEED_PROFILE,
            "tests/fixtures/valid",
            "-q",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(0);
    let text = read(&out.path().join("index.txt"));
    let headings: Vec<&str> = text
        .lines()
        .filter(|line| line.ends_with(')') || line.ends_with("):"))
        .collect();
    assert_eq!(
        headings,
        [
            "EDUCACIÓN Y FORMACIÓN (1 CAREER)",
            "Carreras estables (1 career):",
            "EDUCATION & TRAINING (3 CAREERS)",
            "Stable Careers (1 career):",
            "Other types of career (2 careers):",
            "教育・研修 (1 CAREER)",
            "OTHER CAREERS (2 CAREERS)",
        ],
        "{text}"
    );
    // In the English index, the Spanish and Japanese careers' own words are
    // marked with their language, so a screen reader reads them as such.
    let html = read(&out.path().join("index.html"));
    assert!(
        html.contains("<span lang=\"es-MX\">Educación y formación</span>"),
        "{html}"
    );
    assert!(
        html.contains("lang=\"es-MX\">Técnicos en bibliotecas</a>"),
        "{html}"
    );
    assert!(html.contains("<html lang=\"en-US\""), "{html}");
}

#[test]
fn formats_can_be_chosen_and_the_index_left_out() {
    let out = tempfile::tempdir().unwrap();
    pathways()
        .args([
            "export",
            SEED_PROFILE,
            "--format",
            "html,text",
            "--no-index",
            "-q",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(0);
    let names: Vec<String> = contents(out.path()).into_keys().collect();
    assert_eq!(
        names,
        ["library-technicians.html", "library-technicians.txt"]
    );
}

#[test]
fn the_policy_and_the_template_set_apply_to_an_export() {
    let out = tempfile::tempdir().unwrap();
    let strict = Run::of(
        pathways()
            .args([
                "export",
                SEED_PROFILE,
                "--policy",
                "examples/policy-strict.yaml",
            ])
            .args(["--out"])
            .arg(out.path()),
    );
    strict
        .assert_code(1)
        .assert_stderr_has("skipped profiles/library-technicians.yaml:")
        .assert_stderr_has("[required-field]");
    assert!(!out.path().join("library-technicians.html").exists());

    let handouts = tempfile::tempdir().unwrap();
    Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--template", "handout"])
            .args(["--format", "markdown", "--format", "text", "-q", "--out"])
            .arg(handouts.path()),
    )
    .assert_code(0);
    let names: Vec<String> = contents(handouts.path()).into_keys().collect();
    assert_eq!(
        names,
        [
            "index.md",
            "index.txt",
            "library-technicians.md",
            "library-technicians.txt"
        ]
    );
    assert!(
        read(&handouts.path().join("library-technicians.md"))
            .starts_with("# Library Technicians\n\nCareer Handout\n")
    );
}

#[test]
fn profiles_sharing_an_id_are_reported_and_neither_is_written() {
    let input = tempfile::tempdir().unwrap();
    let profile = read(&fixture("valid/minimal.yaml"));
    std::fs::write(input.path().join("minimal.yaml"), &profile).unwrap();
    std::fs::create_dir(input.path().join("b")).unwrap();
    std::fs::write(input.path().join("b/minimal.yaml"), &profile).unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(export(input.path(), out.path()));
    output.assert_code(1);
    let stderr = &output.stderr;
    assert_eq!(stderr.matches("[duplicate-id]").count(), 2, "{stderr}");
    let copy = input.path().join("b/minimal.yaml");
    assert!(
        stderr.contains(&format!(
            "skipped {}:1:5: the id `minimal` is also used by `{}` [duplicate-id]",
            input.path().join("minimal.yaml").display(),
            copy.display()
        )),
        "the finding as check gives it, at the id: {stderr}"
    );
    let names: Vec<String> = contents(out.path()).into_keys().collect();
    assert_eq!(
        names,
        ["index.html", "index.md", "index.txt"],
        "no report, no temporary file"
    );
}

/// A policy that lowers `duplicate-id` to a warning lets the first profile
/// in the list keep the id, whichever worker finishes first.
#[test]
fn under_a_lenient_policy_the_first_profile_keeps_a_shared_id() {
    let input = tempfile::tempdir().unwrap();
    let profile = read(&fixture("valid/minimal.yaml"));
    for (file, title) in [("a", "First"), ("b", "Second"), ("c", "Third")] {
        let text = profile.replacen("title: School Librarians", &format!("title: {title}"), 1);
        assert_ne!(text, profile);
        std::fs::write(input.path().join(format!("{file}.yaml")), text).unwrap();
    }
    let policy = input.path().join("policy.yml");
    std::fs::write(&policy, "rules:\n  duplicate-id: warning\n").unwrap();
    for _ in 0..4 {
        let out = tempfile::tempdir().unwrap();
        let output = Run::of(
            pathways()
                .arg("export")
                .args(["a", "b", "c"].map(|f| input.path().join(format!("{f}.yaml"))))
                .args(["-j", "3", "--format", "md", "--policy"])
                .arg(&policy)
                .arg("--out")
                .arg(out.path()),
        );
        output.assert_code(1);
        let stderr = &output.stderr;
        assert_eq!(stderr.matches("[duplicate-id]").count(), 2, "{stderr}");
        assert!(!stderr.contains("a.yaml:1:5"), "{stderr}");
        assert!(stderr.contains("Exported 1 profile"), "{stderr}");
        let report = read(&out.path().join("minimal.md"));
        assert!(report.starts_with("# First\n"), "{report}");
        let names: Vec<String> = contents(out.path()).into_keys().collect();
        assert_eq!(names, ["index.md", "minimal.md"], "no temporary file");
    }
}

#[test]
fn other_files_in_the_output_folder_are_left_alone() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("notes.txt"), "mine").unwrap();
    std::fs::write(out.path().join("library-technicians.md"), "old report").unwrap();
    pathways()
        .args(["export", SEED_PROFILE, "-q", "--out"])
        .arg(out.path())
        .assert()
        .code(0);
    assert_eq!(read(&out.path().join("notes.txt")), "mine");
    assert!(read(&out.path().join("library-technicians.md")).starts_with("# Library Technicians"));
}

#[test]
fn a_missing_output_folder_is_made_and_a_file_in_its_place_refused() {
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("new/nested");
    let output = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--format", "markdown", "--out"])
            .arg(&missing),
    );
    output.assert_code(0);
    output.assert_stderr_has("(a new folder)");
    assert!(read(&missing.join("library-technicians.md")).starts_with("# Library Technicians"));

    // Once it exists, the summary no longer calls it new.
    let again = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--format", "markdown", "--out"])
            .arg(&missing),
    );
    again.assert_code(0);
    assert!(!again.stderr.contains("new folder"), "{}", again.seen());

    let file = out.path().join("file");
    std::fs::write(&file, "").unwrap();
    let output = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--out"])
            .arg(&file),
    );
    output.assert_code(2);
    output.assert_stderr_has("is a file, not a folder");
    assert_eq!(read(&file), "", "the file is left as it was");
}

#[test]
fn an_export_never_writes_over_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(&crate::common::root().join(crate::common::SEED_PROFILE));
    // A profile whose file name is the name of its text report.
    let input = dir.path().join("library-technicians.txt");
    std::fs::write(&input, &seed).unwrap();
    let output = Run::of(
        pathways()
            .args(["export", "--format", "text", "--out"])
            .arg(dir.path())
            .arg(&input),
    );
    output.assert_code(2);
    output.assert_stderr_has("refusing to write the report over the profile itself");
    assert_eq!(read(&input), seed, "the profile is unchanged");

    // A booklet named like an input is refused before anything is written.
    let profile = dir.path().join("prof.html");
    std::fs::write(&profile, &seed).unwrap();
    let output = Run::of(
        pathways()
            .args([
                "export",
                "--format",
                "markdown",
                "--book",
                "prof.html",
                "--out",
            ])
            .arg(dir.path())
            .arg(&profile),
    );
    output.assert_code(2);
    output.assert_stderr_has("refusing to write the report over the profile itself");
    assert_eq!(read(&profile), seed, "the profile is unchanged");
    assert!(!dir.path().join("library-technicians.md").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_output_folder_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().unwrap();
    let locked = out.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions, so there (as in CI) the folder is a read-only mount instead.
    let mounted = std::fs::write(locked.join("probe"), "").is_ok()
        && std::fs::remove_file(locked.join("probe")).is_ok()
        && std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs"])
            .arg(&locked)
            .status()
            .is_ok_and(|s| s.success());
    let output = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--out"])
            .arg(&locked),
    );
    if mounted {
        let _ = std::process::Command::new("umount").arg(&locked).status();
    }
    output.assert_code(2);
    let stderr = &output.stderr;
    assert!(
        stderr.contains("permission denied") || stderr.contains("read-only"),
        "{stderr}"
    );
}

#[test]
fn an_id_can_never_name_a_file_outside_the_output_folder() {
    let input = tempfile::tempdir().unwrap();
    let base = read(&fixture("valid/minimal.yaml"));
    for (name, id) in [
        ("a", "../escaped"),
        ("b", "/tmp/escaped"),
        ("c", "sub/escaped"),
        ("d", "CON"),
    ] {
        let text = base.edited("id: minimal", &format!("id: \"{id}\""));
        std::fs::write(input.path().join(format!("{name}.yaml")), text).unwrap();
    }
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let output = Run::of(export(input.path(), &out));
    output.assert_code(1);
    let stderr = &output.stderr;
    assert_eq!(stderr.matches("[invalid-id]").count(), 4, "{stderr}");
    let names: Vec<String> = contents(&out).into_keys().collect();
    assert_eq!(names, ["index.html", "index.md", "index.txt"]);
    assert_eq!(
        std::fs::read_dir(parent.path()).unwrap().count(),
        1,
        "nothing beside the output folder"
    );
}

/// The summary counts the warnings of exported profiles; --verbose lists them.
#[test]
fn export_counts_warnings_and_lists_them_when_asked() {
    let out = tempfile::tempdir().unwrap();
    let run = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--out"])
            .arg(out.path()),
    );
    run.assert_code(0).assert_stderr_has(
        "Exported 1 profile with 3 warnings (--verbose lists them), skipped 0, failed 0",
    );
    assert!(!run.stderr.contains("unfinished-sentence"));
    let run = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--verbose", "--out"])
            .arg(out.path()),
    );
    run.assert_code(0)
        .assert_stderr_has("warning[unfinished-sentence]")
        .assert_stderr_has("library-technicians.yaml:67:11")
        .assert_stderr_has("Exported 1 profile with 3 warnings, skipped 0");
}

/// Each exported report is byte for byte what `render` writes for that
/// profile and format, for both template sets.
#[test]
fn exported_reports_are_what_render_writes() {
    for template in ["report", "handout"] {
        let out = tempfile::tempdir().unwrap();
        Run::of(
            pathways()
                .args([
                    "export",
                    "profiles",
                    "tests/fixtures/valid",
                    "--template",
                    template,
                    "-q",
                    "--out",
                ])
                .arg(out.path()),
        )
        .assert_code(0);
        let exported = contents(out.path());
        let mut compared = 0;
        for dir in ["profiles", "tests/fixtures/valid"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let profile = entry.unwrap().path();
                if profile.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let id = profile.file_stem().unwrap().to_string_lossy().into_owned();
                for (format, extension) in [("markdown", "md"), ("html", "html"), ("text", "txt")] {
                    let rendered = Run::of(
                        pathways()
                            .args(["render", "--template", template, "-f", format])
                            .arg(&profile),
                    );
                    let name = format!("{id}.{extension}");
                    assert_eq!(
                        exported
                            .get(&name)
                            .map(|b| without_language_links(&String::from_utf8_lossy(b))),
                        Some(rendered.stdout),
                        "{template} {name}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared >= 15, "{compared}");
    }
}

#[test]
fn the_index_shows_pay_education_and_outlook_and_each_sorts_on_a_page_of_its_own() {
    let input = tempfile::tempdir().unwrap();
    for file in [
        SEED_PROFILE,
        "profiles/veterinary-technologists-and-technicians.yaml",
        "tests/fixtures/handout/electricians.yaml",
    ] {
        let name = Path::new(file).file_name().unwrap();
        std::fs::copy(file, input.path().join(name)).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    Run::of(export(input.path(), out.path()).args(["-q", "--format", "html,md,txt"]))
        .assert_code(0);
    let row = |html: &str, title: &str| -> String {
        let start = html
            .find(&format!(">{title}</a></th>"))
            .unwrap_or_else(|| panic!("{title} not in {html}"));
        html[start..start + html[start..].find("</tr>").unwrap()].to_owned()
    };
    let html = read(&out.path().join("index.html"));
    // Each figure in its column; the median is called so, an average too.
    let vet = row(&html, "Veterinary Technologists and Technicians");
    assert!(
        vet.contains("<td>Median $45,980 per year</td><td>Associate’s degree</td><td>+9% (Much faster than average (12,200 more jobs))</td>"),
        "{vet}"
    );
    assert!(
        row(&html, "Electricians").contains("<td>Average $61,590 per year</td><td></td><td></td>"),
        "{html}"
    );
    for sort in ["pay", "education", "outlook"] {
        assert!(
            html.contains(&format!("<a href=\"index.by-{sort}.html\">")),
            "{sort}: {html}"
        );
    }
    // A page per order, the sorted column marked for a screen reader.
    let order_of = |page: &str| -> Vec<usize> {
        let html = read(&out.path().join(page));
        [
            "Electricians",
            "Library Technicians",
            "Veterinary Technologists and Technicians",
        ]
        .iter()
        .map(|title| html.find(&format!(">{title}</a></th>")).unwrap())
        .collect()
    };
    let [electricians, library, vet] = order_of("index.by-pay.html")[..] else {
        unreachable!()
    };
    assert!(electricians < vet && vet < library, "highest pay first");
    let [electricians, library, vet] = order_of("index.by-education.html")[..] else {
        unreachable!()
    };
    // Both need an associate's degree (then by title); electricians give no level.
    assert!(
        library < vet && vet < electricians,
        "least education first, none last"
    );
    let [electricians, library, vet] = order_of("index.by-outlook.html")[..] else {
        unreachable!()
    };
    assert!(
        vet < electricians && electricians < library,
        "a percent first"
    );
    let by_pay = read(&out.path().join("index.by-pay.html"));
    assert!(
        by_pay.contains("<th scope=\"col\" aria-sort=\"descending\">Pay<"),
        "{by_pay}"
    );
    assert!(
        by_pay.contains("<a href=\"index.html\">List by category</a>"),
        "{by_pay}"
    );
    assert!(!by_pay.contains("<h2"), "one table, not grouped: {by_pay}");
    // Markdown and text show the same figures; only HTML has sorted pages.
    let markdown = read(&out.path().join("index.md"));
    assert!(
        markdown.contains("| [Veterinary Technologists and Technicians](veterinary-technologists-and-technicians.md) | Median $45,980 per year | Associate’s degree | \\+9% (Much faster than average (12,200 more jobs)) |"),
        "{markdown}"
    );
    let text = read(&out.path().join("index.txt"));
    assert!(
        text.contains("  Pay: Median $45,980 per year\n  Education to start: Associate’s degree\n  Job outlook: +9%"),
        "{text}"
    );
    assert!(!out.path().join("index.by-pay.md").exists());
}

/// An export into a folder where an earlier one wrote an index sorted by a
/// column no career has now removes that page: it would list careers that
/// are gone.
#[test]
fn a_sorted_index_page_no_longer_written_is_removed() {
    let out = tempfile::tempdir().unwrap();
    Run::of(
        export(
            "profiles/veterinary-technologists-and-technicians.yaml",
            out.path(),
        )
        .arg("-q"),
    )
    .assert_code(0);
    assert!(out.path().join("index.by-outlook.html").exists());
    Run::of(export("tests/fixtures/valid/minimal.yaml", out.path()).arg("-q")).assert_code(0);
    assert!(!out.path().join("index.by-outlook.html").exists());
    assert!(!out.path().join("index.by-education.html").exists());
    let by_pay = read(&out.path().join("index.by-pay.html"));
    assert!(by_pay.contains(">School Librarians</a>"), "{by_pay}");
    assert!(!by_pay.contains("Veterinary"), "{by_pay}");
}

/// Pay is sorted over a year (an hourly wage by 2,080 hours, a monthly one
/// by 12); a level alone or words alone fill the education column, a
/// percent alone or words alone the outlook column.
#[test]
fn the_index_sorts_pay_over_a_year_and_shows_partial_facts() {
    let input = tempfile::tempdir().unwrap();
    let base = read(&fixture("valid/minimal.yaml"));
    for (id, pay, facts) in [
        (
            "hourly",
            "    period: hour\n    average: 25",
            "  entry_education: { level: bachelor }",
        ),
        (
            "monthly",
            "    period: month\n    average: 4300",
            "  entry_education: { text: See How to Become One }",
        ),
        (
            "yearly",
            "    average: 50000",
            "  outlook: { percent: 3, period: 2024–34 }",
        ),
        (
            "wordy",
            "    average: 40000",
            "  outlook: { words: Decline }",
        ),
    ] {
        let (low, high) = match id {
            "hourly" => ("20, max: 24", "28, max: 35"),
            "monthly" => ("3300, max: 4000", "5000, max: 6200"),
            _ => ("30000, max: 38000", "55000, max: 70000"),
        };
        let text = base
            .replacen("id: minimal", &format!("id: {id}"), 1)
            .replacen("title: School Librarians", &format!("title: {id}"), 1)
            .replacen("    average: 52000", pay, 1)
            .replacen("min: 40000, max: 48000", &format!("min: {low}"), 1)
            .replacen("min: 60000, max: 75000", &format!("min: {high}"), 1)
            .replacen("sections:", &format!("facts:\n{facts}\nsections:"), 1);
        std::fs::write(input.path().join(format!("{id}.yaml")), text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    Run::of(export(input.path(), out.path()).args(["-q", "--format", "html"])).assert_code(0);
    let by_pay = read(&out.path().join("index.by-pay.html"));
    let at = |title: &str| by_pay.find(&format!(">{title}</a></th>")).unwrap();
    // $25 an hour is $52,000 a year; $4,300 a month, $51,600.
    assert!(
        at("hourly") < at("monthly") && at("monthly") < at("yearly") && at("yearly") < at("wordy"),
        "{by_pay}"
    );
    let index = read(&out.path().join("index.html"));
    for cell in [
        "<td>Bachelor’s degree</td>",
        "<td>See How to Become One</td>",
        "<td>+3%</td>",
        "<td>Decline</td>",
    ] {
        assert!(index.contains(cell), "{cell}: {index}");
    }
}

/// An exported report without the links to the same career in the
/// export's other languages, which a report rendered alone cannot have.
fn without_language_links(report: &str) -> String {
    let mut kept = Vec::new();
    let mut lines = report.split_inclusive('\n');
    while let Some(line) = lines.next() {
        if line.starts_with("<nav class=\"languages\"") {
            // The <p> with the links, and </nav>.
            lines.next();
            lines.next();
        } else if !line.starts_with(['-', '|', '*'])
            && line.contains(": [")
            && line.trim_end().ends_with(".md)")
        {
            // "Other languages: [español (MX)](….es-MX.md)" in any language, and its blank line.
            lines.next();
        } else if let Some(at) = line.find("<link rel=\"alternate\"") {
            let end = line[at..].find("<title>").map_or(line.len(), |e| at + e);
            kept.push(format!("{}{}", &line[..at], &line[end..]));
            continue;
        } else {
            kept.push(line.to_owned());
        }
    }
    kept.concat()
}
