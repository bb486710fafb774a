//! `pathways import`: legacy career pages into profiles.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Run, SEED_PROFILE, fixture, pathways, read, root};

/// Import `page` into a fresh folder; returns the folder, the profile path, the exit code and stderr.
fn import(page: &str) -> (tempfile::TempDir, PathBuf, Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("library-technicians.yaml");
    let output = Run::of(
        pathways()
            .arg("import")
            .arg(fixture(&format!("pages/{page}")))
            .arg("-o")
            .arg(&profile),
    );
    let stderr = output.stderr.clone();
    (dir, profile, output.code, stderr)
}

/// `pathways check --format json` on one profile, as (rule, severity) pairs.
fn check(profile: &Path) -> Vec<(String, String)> {
    let output = Run::of(
        pathways()
            .arg("check")
            .arg(profile)
            .args(["--format", "json"]),
    );
    let json: Value = serde_json::from_str(&output.stdout).unwrap();
    json["profiles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Section id → number of list entries (items, group items, pairs), from a profile's YAML.
fn shape(profile: &Path) -> Vec<(String, usize)> {
    let value: Value = serde_saphyr::from_str(&read(profile)).unwrap();
    let sections = value["sections"].as_object().unwrap();
    let mut shape: Vec<(String, usize)> = sections
        .iter()
        .map(|(id, section)| {
            let count = |v: &Value| v.as_array().map_or(0, Vec::len);
            let groups: usize = section["groups"]
                .as_array()
                .map_or(0, |g| g.iter().map(|g| count(&g["items"])).sum());
            (id.clone(), count(&section["items"]) + groups)
        })
        .collect();
    shape.sort();
    shape
}

/// The seed page's own faults, and nothing else: its cut-off last summary
/// line, and the entry pay its summary and its salary text state differently.
fn the_seed_page_s_findings_only(findings: &[(String, String)]) {
    let warning = |rule: &str| (rule.to_owned(), "warning".to_owned());
    assert_eq!(
        findings,
        [
            warning("summary-contradicts-salary"),
            warning("unfinished-sentence"),
            warning("summary-contradicts-salary")
        ]
    );
}

#[test]
fn the_seed_page_round_trips() {
    let (_dir, profile, code, stderr) = import("library-technicians.txt");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(read(&profile).starts_with("# For checks as you type"));
    the_seed_page_s_findings_only(&check(&profile));
    crate::fidelity::assert_page_survives(&profile);
}

#[test]
fn the_imported_seed_matches_the_hand_made_profile_in_shape() {
    let (_dir, profile, _, _) = import("library-technicians.txt");
    assert_eq!(shape(&profile), shape(&root().join(SEED_PROFILE)));
    let imported: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
    let shipped: Value = serde_saphyr::from_str(&read(&root().join(SEED_PROFILE))).unwrap();
    for field in ["id", "title", "category", "career_type"] {
        assert_eq!(imported[field], shipped[field], "{field}");
    }
    let salary = |v: &Value| {
        let s = &v["sections"]["salary"];
        (
            s["currency"].clone(),
            s["average"].as_f64(),
            s["ranges"].clone(),
        )
    };
    assert_eq!(salary(&imported), salary(&shipped));
    let headings = |v: &Value| -> Vec<Value> {
        v["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["heading"].clone())
            .collect()
    };
    assert_eq!(headings(&imported), headings(&shipped));
}

#[test]
fn the_import_report_lists_sections_with_their_page_lines() {
    let (_dir, _profile, _, stderr) = import("library-technicians.txt");
    insta::assert_snapshot!(
        "import_report_seed",
        stderr
            .replace(&fixture("").display().to_string(), "FIXTURES/")
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn windows_line_endings_and_a_bom_change_nothing() {
    let (_a, seed, ..) = import("library-technicians.txt");
    let (_b, windows, code, _) = import("crlf-bom.txt");
    assert_eq!(code, Some(0));
    let body = |p: &Path| {
        read(p)
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&windows), body(&seed));
}

#[test]
fn smart_quotes_and_non_breaking_spaces_are_kept_as_text() {
    let (_dir, profile, code, _) = import("smart-quotes-nbsp.txt");
    assert_eq!(code, Some(0));
    let text = read(&profile);
    assert!(text.contains("Library technicians “assist” librarians"));
    assert!(text.contains("steps you can take") && !text.contains('\u{a0}'));
}

#[test]
fn blank_lines_extra_or_missing_do_not_matter() {
    let (_a, seed, ..) = import("library-technicians.txt");
    for page in ["extra-blank-lines.txt", "missing-blank-lines.txt"] {
        let (_b, profile, code, stderr) = import(page);
        assert_eq!(code, Some(0), "{page}: {stderr}");
        assert_eq!(shape(&profile), shape(&seed), "{page}");
    }
}

#[test]
fn sections_in_another_order_come_out_in_catalogue_order() {
    let (_dir, profile, code, _) = import("reordered.txt");
    assert_eq!(code, Some(0));
    let text = read(&profile);
    assert!(text.find("\n  overview:").unwrap() < text.find("\n  outlook:").unwrap());
    the_seed_page_s_findings_only(&check(&profile));
}

#[test]
fn a_missing_section_is_reported() {
    let (_dir, profile, code, stderr) = import("missing-section.txt");
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("not on the page: Famous Personalities"),
        "{stderr}"
    );
    assert!(!read(&profile).contains("famous_people"));
}

#[test]
fn an_unknown_section_is_kept_as_an_extra_section() {
    let (_dir, profile, code, stderr) = import("unknown-section.txt");
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains(
            "`Local Employers` is not a section pathways knows: kept as an extra section"
        )
    );
    let value: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
    let extra = &value["extra_sections"][0];
    assert_eq!(extra["heading"], "Local Employers");
    assert_eq!(
        extra["intro"],
        "The county library and the university archive hire most years."
    );
}

#[test]
fn upper_case_headings_with_colons_are_recognised() {
    let (_a, seed, ..) = import("library-technicians.txt");
    let (_b, profile, code, _) = import("uppercase-headings.txt");
    assert_eq!(code, Some(0));
    assert_eq!(shape(&profile), shape(&seed));
}

#[test]
fn a_page_without_the_counselling_overview_still_imports() {
    let (_dir, profile, code, stderr) = import("no-overview-block.txt");
    assert_eq!(code, Some(0), "{stderr}");
    let value: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
    assert_eq!(value["title"], "Library Technicians");
    assert!(value.get("summary").is_none());
    assert!(
        check(&profile).is_empty(),
        "no cut-off sentence without the overview block"
    );
}

#[test]
fn an_empty_page_is_a_clear_error() {
    let (_dir, profile, code, stderr) = import("empty.txt");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("the page is empty"), "{stderr}");
    assert!(!profile.exists());
}

#[test]
fn several_pages_go_into_a_folder_and_one_bad_page_does_not_stop_the_rest() {
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/library-technicians.txt"))
            .arg(fixture("pages/empty.txt"))
            .arg(fixture("pages/unknown-section.txt"))
            .arg("--out")
            .arg(out.path()),
    );
    output.assert_code(1);
    let stderr = &output.stderr;
    assert!(stderr.contains("empty.txt: the page is empty"), "{stderr}");
    // Both good pages are Library Technicians: the second is not written over the first.
    assert!(out.path().join("library-technicians.yaml").exists());
    assert!(
        stderr.contains("already exists; pathways will not overwrite it"),
        "{stderr}"
    );
}

#[test]
fn import_refuses_bad_ids_and_existing_files() {
    let output = Run::of(
        pathways()
            .args(["import", "--id", "../x"])
            .arg(fixture("pages/library-technicians.txt")),
    );
    output.assert_code(2);
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("keep.yaml");
    std::fs::write(&existing, "mine").unwrap();
    let output = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/library-technicians.txt"))
            .arg("-o")
            .arg(&existing),
    );
    output.assert_code(2);
    assert_eq!(read(&existing), "mine");
}

#[test]
fn import_reads_standard_input_and_takes_an_id() {
    let output = Run::of(
        pathways()
            .args(["import", "-", "--id", "lib-techs"])
            .write_stdin(read(&fixture("pages/library-technicians.txt"))),
    );
    output.assert_code(0);
    output.assert_stdout_has("\nid: lib-techs\n");
}

/// Inputs the fuzzers found problems with, kept so they stay fixed.
#[test]
fn fuzzing_findings_import_cleanly() {
    for entry in std::fs::read_dir(fixture("fuzz")).unwrap() {
        let path = entry.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("import-")
        {
            continue;
        }
        let output = Run::of(pathways().arg("import").arg(&path));
        let stderr = &output.stderr;
        assert!(
            matches!(output.code, Some(0) | Some(1)),
            "{}: {stderr}",
            path.display()
        );
        assert!(
            !stderr.contains("does not read back"),
            "{}: {stderr}",
            path.display()
        );
    }
}

/// Files that are not pages are refused for what they are, and one page that
/// fails never stops the others.
#[test]
fn binary_files_and_unicode_pages_and_heading_floods() {
    let dir = tempfile::tempdir().unwrap();
    let seed_page = read(&fixture("pages/library-technicians.txt"));
    // A binary file: every byte value, as a program or image has.
    let binary = dir.path().join("photo.txt");
    std::fs::write(
        &binary,
        (0..=255u8).cycle().take(200_000).collect::<Vec<u8>>(),
    )
    .unwrap();
    // What Windows Notepad saves as "Unicode": UTF-16 with a byte-order mark.
    let utf16 = dir.path().join("unicode.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(seed_page.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    let floods = dir.path().join("headings.txt");
    let flood: String = (0..100_000)
        .map(|i| format!("Heading {i}\n\nSome text.\n\n"))
        .collect();
    std::fs::write(&floods, format!("Title\n\n{flood}")).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let run = Run::of(
        pathways()
            .arg("import")
            .args([&binary, &floods, &utf16])
            .arg("--out")
            .arg(&out),
    );
    run.assert_code(1)
        .assert_stderr_has("photo.txt: not a text page")
        .assert_stderr_has("headings.txt: the page has 100002 headings");
    assert!(!run.stderr.contains("please report"), "{}", run.seen());
    let imported = read(&out.join("library-technicians.yaml"));
    assert!(
        !imported.contains("\\0") && !imported.contains('\0'),
        "{imported}"
    );
    let from_utf8 = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/library-technicians.txt")),
    );
    let from_utf16 = Run::of(pathways().arg("import").arg(&utf16));
    // The same profile but for the header comment naming the page.
    let body = |yaml: &str| {
        yaml.lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&from_utf16.stdout), body(&from_utf8.stdout));
}

/// A long title gives an id cut at a word boundary, and `index` is never derived.
#[test]
fn derived_ids_are_short_and_never_reserved() {
    let seed_page = read(&fixture("pages/library-technicians.txt"));
    let long_title = "Senior ".repeat(150) + "Library Technicians";
    for (title, expected) in [(long_title.as_str(), None), ("Index", Some("index-career"))] {
        let page = seed_page.replacen("Library Technicians", title, 1);
        let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
        let id = run
            .stderr
            .split("(id `")
            .nth(1)
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_else(|| panic!("no id: {}", run.seen()))
            .to_owned();
        assert!(id.len() <= 100 && !id.ends_with('-'), "{id}");
        if let Some(expected) = expected {
            assert_eq!(id, expected);
        }
    }
}

/// A page's escape sequences are shown, never sent to the terminal, and
/// the profile made from it says what is wrong with it.
#[test]
fn escape_sequences_in_a_page_are_shown_not_sent() {
    let seed_page = read(&fixture("pages/library-technicians.txt"));
    let page = seed_page.replacen(
        "Library Technicians",
        "Library \u{1b}]0;pwned\u{7}Technicians\u{1b}[2J",
        1,
    );
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    run.assert_code(1)
        .assert_stderr_has("\u{241b}]0;pwned\u{2407}")
        .assert_stderr_has("error[control-character]");
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
}

/// Every page fixture imports with nothing lost (the import checks itself),
/// and a renamed heading right after the Career Type keeps its section.
#[test]
fn every_page_imports_without_losing_a_line() {
    for entry in std::fs::read_dir(fixture("pages")).unwrap() {
        let page = entry.unwrap().path();
        let run = Run::of(pathways().arg("import").arg(&page));
        assert!(
            !run.stderr.contains("NOT in the profile"),
            "{}: {}",
            page.display(),
            run.seen()
        );
    }
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/did-you-know.txt")),
    );
    run.assert_code(0)
        .assert_stderr_has("Fun Facts (`fun_facts`): 1 paragraph, 5 items")
        .assert_stderr_has(
            "`Why Join an Association?` is not a section pathways knows: kept as an extra section",
        );
    assert!(
        run.stdout.contains("heading: Why Join an Association?"),
        "{}",
        run.stdout
    );
}

/// Headings offices use, and an office's own list.
#[test]
fn heading_variants_and_an_office_headings_file() {
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/salary-wording.txt")),
    );
    run.assert_code(0);
    for found in [
        "Educational Requirements (`education`)",
        "Key Responsibilities (`responsibilities`)",
        "Job Outlook (`outlook`)",
        "Required Skills (`skills`)",
        "Work Environment (`work_environment`)",
        "How to Get Started (`getting_started`)",
        "Fun Facts (`fun_facts`)",
    ] {
        run.assert_stderr_has(found);
    }
    run.assert_stderr_has("`Education & Training` names two sections")
        .assert_stderr_has("counselling overview: 1 summary entry\n");

    let dir = tempfile::tempdir().unwrap();
    let page = "Career List Archivists\n\nOverview\n\nArchivists keep records.\n\nWhere to Study\n\nA master's degree.\n";
    let office = dir.path().join("headings.yaml");
    std::fs::write(&office, "Where to Study: education\n").unwrap();
    let run = Run::of(
        pathways()
            .args(["import", "-", "--headings"])
            .arg(&office)
            .write_stdin(page),
    );
    run.assert_stderr_has("Educational Requirements (`education`)");
    std::fs::write(&office, "Where to Study: schooling\n").unwrap();
    let run = Run::of(
        pathways()
            .args(["import", "-", "--headings"])
            .arg(&office)
            .write_stdin(page),
    );
    run.assert_code(2)
        .assert_stderr_has(&format!("--> {}:1:17", office.display()))
        .assert_stderr_has("`schooling` is not a section pathways knows")
        .assert_stderr_has("nothing was imported");
    // A settings file is read only up to the size of the largest profile.
    let run = Run::of(
        pathways()
            .args(["import", "-", "--headings", "/dev/zero"])
            .write_stdin(page),
    );
    run.assert_code(2).assert_stderr_has("larger than 4 MiB");
    let run = Run::of(pathways().args(["check", "profiles", "--policy", "/dev/zero"]));
    run.assert_code(2).assert_stderr_has("larger than 4 MiB");
}

/// Pay in ordinary wording becomes numbers; what is unclear is for review.
#[test]
fn salary_figures_in_ordinary_wording() {
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/salary-wording.txt")),
    );
    run.assert_stderr_has(
        "salary figures (USD per year): median 58000, ranges entry 38000–45000, mid 50000–65000, senior 70000–90000",
    )
    .assert_stderr_has("the figure 38000 in \"Student archive assistants are paid $38k or less.\" is neither")
    .assert_stderr_has("a sum of money under `Where They Work` was left in the text");
    assert!(
        run.stdout
            .contains("      - { stage: senior, min: 70000, max: 90000 }")
    );
    // The sentence stays in the prose.
    run.assert_stdout_has("earn a median of about $58,000 a year");

    let unreadable = "Career List X\n\nAverage Salary Range\n\nPay is good, from $30,000 to $40,000, or £20,000 in the UK.\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(unreadable));
    run.assert_stderr_has("for a person to review:")
        .assert_stderr_has("more than one currency");
    assert!(
        !run.stdout.contains("ranges:"),
        "nothing guessed: {}",
        run.stdout
    );
}

/// Pages written in ways the seed is not: a category with a line after it,
/// the title repeated as a heading and another heading in the overview,
/// numbered lists with `)` and a four-digit number that is not a list,
/// `•` and `*` bullets, salary figures in shorthand with an hourly range
/// beside yearly ones, misconceptions without labels, and misconceptions
/// whose lines run on. The profile and the report are snapshots.
#[test]
fn pages_written_differently_import_as_a_person_would_read_them() {
    for page in ["edge-cases", "misconceptions"] {
        let run = Run::of(
            pathways()
                .arg("import")
                .arg(format!("tests/fixtures/pages/{page}.txt")),
        );
        insta::assert_snapshot!(
            format!("import_{page}"),
            format!("{}--- stdout\n{}", run.seen(), run.stdout)
        );
    }
}

/// A page that states its quick facts and codes: each goes into `codes`,
/// `facts` or the salary figures, listed with its page line, and the
/// profile checks without an error.
#[test]
fn quick_facts_and_codes_on_a_page_become_facts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir
        .path()
        .join("veterinary-technologists-and-technicians.yaml");
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/quick-facts.txt"))
            .arg("-o")
            .arg(&out),
    );
    run.assert_code(0);
    for found in [
        "page line 4: O*NET-SOC code 29-2056.00",
        "page line 4: SOC code: \"29-2056\"",
        "page line 8: median pay: 45980 USD per year (22.11 per hour), 2024",
        "page line 9: entry education: `associate`",
        "page line 12: number of jobs: 134200 in 2024",
        "page line 13: job outlook: +9%, 2024–34, Much faster than average",
        "page line 29: openings each year: 16800",
    ] {
        run.assert_stderr_has(found);
    }
    let yaml = read(&out);
    for expected in [
        "codes:\n  soc: \"29-2056\"\n  onet:\n    - \"29-2056.00\"\n",
        "  entry_education:\n    level: associate\n",
        "  jobs:\n    count: 134200\n    year: 2024\n",
        "  outlook:\n    percent: 9\n    period: \"2024–34\"\n    words: Much faster than average\n",
        "  openings_per_year:\n    count: 16800\n",
        "    median: 45980\n    median_hourly: 22.11\n    year: 2024\n",
    ] {
        assert!(yaml.contains(expected), "{expected}\n{yaml}");
    }
    // A median is never written as the average.
    assert!(!yaml.contains("average:"), "{yaml}");
    let check = Run::of(pathways().arg("check").arg(&out));
    check.assert_code(0);
    assert!(
        check.seen().contains("1 profile checked: 0 errors"),
        "{}",
        check.seen()
    );
    // The quick facts render: the numbers are the page's.
    let text = Run::of(pathways().arg("render").arg(&out).args(["-f", "text"]));
    text.assert_stdout_has("Median pay: $45,980 per year ($22.11 per hour), 2024")
        .assert_stdout_has("Openings each year: 16,800");
}

/// Figures import cannot place are listed for review and not written.
#[test]
fn a_figure_import_cannot_place_is_for_review() {
    let page = "Career List Archivists\n\nJob Outlook\n\nAbout 5,000 openings are expected. \
                The field will grow 12 percent over the next ten years.\n\n\
                Average Salary Range\n\nThe median is $50,000 a year.\n\n\
                Did You Know\n\nThe median pay was $58,000 in 2024.\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    run.assert_stderr_has("for a person to review:")
        .assert_stderr_has("page line 5: 5,000 openings, but not said to be each year: it was not read")
        .assert_stderr_has(
            "page line 5: the outlook's period is \"the next ten years\", as the page says: give its years",
        )
        .assert_stderr_has(
            "the page's median pay (58000 USD per year) was not put with the salary section's figures, which differ: enter it by hand",
        );
    assert!(!run.stdout.contains("openings_per_year"), "{}", run.stdout);
    assert!(run.stdout.contains("    median: 50000\n"), "{}", run.stdout);
    assert!(!run.stdout.contains("58000"), "{}", run.stdout);
}

/// A median the page states outside its salary section goes into the
/// salary figures, which are made when the page has no salary section; a
/// median in other terms (another period) than the section's is for review.
#[test]
fn a_median_outside_the_salary_section_joins_its_figures() {
    let page = "Career List Archivists\n\nQuick Facts\n\n2024 Median Pay: $40,000 per year\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    assert!(
        run.stdout.contains(
            "  salary:\n    currency: USD\n    period: year\n    median: 40000\n    year: 2024\n"
        ),
        "{}",
        run.stdout
    );
    let page = "Career List Archivists\n\nAverage Salary Range\n\nThe average is $52,000 a year.\n\n\
                Quick Facts\n\nMedian Pay: $24.10 per hour\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    run.assert_stderr_has(
        "the page's median pay (24.1 USD per hour) was not put with the salary section's figures, which differ: enter it by hand",
    );
    assert!(!run.stdout.contains("    median:"), "{}", run.stdout);
    // A SOC code alone is the profile's code.
    let page = "Career List Archivists\n\nOverview\n\nArchivists (SOC 25-4011) keep records.\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    assert!(
        run.stdout.contains("codes:\n  soc: \"25-4011\"\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("onet"), "{}", run.stdout);
    // The same median in the section and in the box is one figure.
    let page = "Career List Archivists\n\nAverage Salary Range\n\nThe median is $40,000 a year.\n\n\
                Quick Facts\n\nMedian Pay: $40,000 per year\n";
    let run = Run::of(pathways().arg("import").arg("-").write_stdin(page));
    assert!(!run.stderr.contains("was not put with"), "{}", run.stderr);
    assert!(run.stdout.contains("    median: 40000\n"), "{}", run.stdout);
}

/// Import `page` (a fixture) into `dir`; the profile's path and the run.
fn import_into(dir: &Path, page: &str, extra: &[&str]) -> (PathBuf, Run) {
    let profile = dir.join(format!("{page}.yaml"));
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(fixture(&format!("pages/{page}")))
            .args(extra)
            .arg("-o")
            .arg(&profile),
    );
    (profile, run)
}

/// The salary section's figures: currency, period, and (stage, min, max) ranges.
fn salary_of(profile: &Value) -> (String, String, Vec<(String, f64, f64)>) {
    let salary = &profile["sections"]["salary"];
    let ranges = salary["ranges"]
        .as_array()
        .map(|ranges| {
            ranges
                .iter()
                .map(|r| {
                    (
                        r["stage"].as_str().unwrap_or("").to_owned(),
                        r["min"].as_f64().unwrap_or(f64::NAN),
                        r["max"].as_f64().unwrap_or(f64::NAN),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let text = |key: &str| salary[key].as_str().unwrap_or("year").to_owned();
    (text("currency"), text("period"), ranges)
}

/// Each imported profile checks without an error and renders in every format.
fn checks_and_renders(profile: &Path) {
    Run::of(pathways().arg("check").arg(profile)).assert_code(0);
    let dir = profile.parent().unwrap();
    for extension in ["md", "html", "txt", "pdf"] {
        let out = dir.join(format!("rendered.{extension}"));
        Run::of(pathways().arg("render").arg(profile).arg("-o").arg(&out)).assert_code(0);
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{extension}");
    }
}

/// Pages in Spanish, French and German import into their sections, with
/// their language and region as the locale, an id in ASCII letters, their
/// money read in their own words, and misconception pairs in their own
/// markers; nothing of the page is lost, and each profile checks and renders.
#[test]
fn pages_in_spanish_french_and_german_import_in_their_language() {
    /// A page, and the id, locale, currency, ranges and misconception pairs it gives.
    struct Case {
        page: &'static str,
        id: &'static str,
        locale: &'static str,
        currency: &'static str,
        ranges: &'static [(&'static str, f64, f64)],
        pairs: usize,
    }
    let cases = [
        Case {
            page: "pharmacy-technicians.es.txt",
            id: "tecnicos-en-farmacia",
            locale: "es-MX",
            currency: "MXN",
            ranges: &[
                ("entry", 8_000.0, 11_000.0),
                ("mid", 12_000.0, 16_000.0),
                ("senior", 17_000.0, 22_000.0),
            ],
            pairs: 3,
        },
        Case {
            page: "archivists.fr.txt",
            id: "archivistes",
            locale: "fr-FR",
            currency: "EUR",
            ranges: &[("entry", 1_900.0, 2_300.0), ("mid", 2_500.0, 3_200.0)],
            pairs: 1,
        },
        Case {
            page: "archivare.de.txt",
            id: "archivare-im-offentlichen-dienst",
            locale: "de-DE",
            currency: "EUR",
            ranges: &[("entry", 3_200.0, 3_700.0), ("mid", 3_900.0, 4_600.0)],
            pairs: 1,
        },
    ];
    for Case {
        page,
        id,
        locale,
        currency,
        ranges,
        pairs,
    } in cases
    {
        let dir = tempfile::tempdir().unwrap();
        let (profile, run) = import_into(dir.path(), page, &[]);
        run.assert_code(0);
        assert!(
            !run.stderr.contains("NOT in the profile"),
            "{page}: {}",
            run.seen()
        );
        assert!(
            !run.stderr.contains("extra section"),
            "{page}: {}",
            run.seen()
        );
        let yaml: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
        assert_eq!(yaml["id"], id, "{page}");
        assert_eq!(yaml["locale"], locale, "{page}");
        assert!(yaml.get("extra_sections").is_none(), "{page}");
        let expected: Vec<(String, f64, f64)> = ranges
            .iter()
            .map(|(stage, min, max)| ((*stage).to_owned(), *min, *max))
            .collect();
        assert_eq!(
            salary_of(&yaml),
            (currency.to_owned(), "month".to_owned(), expected),
            "{page}"
        );
        let myths = yaml["sections"]["misconceptions"]["items"]
            .as_array()
            .unwrap();
        assert_eq!(myths.len(), pairs, "{page}");
        assert!(
            myths.iter().all(|pair| {
                !pair["myth"].as_str().unwrap_or("").is_empty()
                    && !pair["reality"].as_str().unwrap_or("").is_empty()
            }),
            "{page}: {myths:?}"
        );
        // A list written on one line, with commas or semicolons.
        assert_eq!(
            yaml["sections"]["related_careers"]["items"]
                .as_array()
                .map(Vec::len),
            Some(4),
            "{page}"
        );
        checks_and_renders(&profile);
    }
    // The Spanish page, section by section: the chrome read as chrome, the
    // category and career type as themselves, every section in its place.
    let dir = tempfile::tempdir().unwrap();
    let (profile, run) = import_into(dir.path(), "pharmacy-technicians.es.txt", &[]);
    run.assert_stderr_has("title: Técnicos en Farmacia")
        .assert_stderr_has("language: es-MX, from the page's words and its currency (MXN)");
    let yaml: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
    assert_eq!(yaml["title"], "Técnicos en Farmacia");
    assert_eq!(yaml["category"], "Salud y Bienestar");
    assert_eq!(yaml["career_type"], "Carreras Estables");
    assert_eq!(
        yaml["sections"]["salary"]["average"].as_f64(),
        Some(10_500.0)
    );
    let sections: Vec<&String> = yaml["sections"].as_object().unwrap().keys().collect();
    assert_eq!(sections.len(), 25, "{sections:?}");
    assert_eq!(
        shape(&profile)
            .iter()
            .find(|(id, _)| id == "employers")
            .map(|s| s.1),
        Some(4)
    );
    assert_eq!(
        yaml["sections"]["misconceptions"]["outro"],
        "En general, es una carrera con estabilidad y oportunidades de crecimiento."
    );
}

/// An English page with a pay table, lists marked `1)`, `•` and `*`, a
/// list on one line, and headings pages often use.
#[test]
fn a_pay_table_and_every_list_marker_import_as_a_person_would_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, run) = import_into(dir.path(), "pay-table.txt", &[]);
    run.assert_code(0);
    assert!(!run.stderr.contains("NOT in the profile"), "{}", run.seen());
    // Each row's label is its stage: nothing is inferred, nothing guessed.
    assert!(!run.stderr.contains("from its place"), "{}", run.seen());
    run.assert_stderr_has(
        "salary figures (USD per hour): ranges entry 17–20, mid 21–25, senior 26–32",
    );
    let yaml: Value = serde_saphyr::from_str(&read(&profile)).unwrap();
    assert_eq!(yaml["id"], "veterinary-technicians");
    assert_eq!(yaml["locale"], "en-US");
    let counts = shape(&profile);
    let count = |id: &str| counts.iter().find(|(i, _)| i == id).map(|(_, n)| *n);
    for (id, items) in [
        ("responsibilities", 3),
        ("education", 2),
        ("skills", 3),
        ("related_careers", 4),
        ("getting_started", 3),
        ("training", 0),
    ] {
        assert_eq!(count(id), Some(items), "{id}: {counts:?}");
    }
    // The pay table stays a table in the text, and another table is kept
    // as a Markdown table in its section.
    let salary_intro = yaml["sections"]["salary"]["intro"]
        .as_str()
        .unwrap_or_default();
    assert!(
        salary_intro.contains("| Level | Hourly pay |\n| --- | --- |\n| Entry | $17 – $20 |"),
        "{salary_intro}"
    );
    let extras = yaml["extra_sections"].as_array().unwrap();
    assert_eq!(extras[0]["heading"], "Shift Pay");
    let shift = extras[0]["intro"].as_str().unwrap();
    assert!(
        shift.contains("| Shift | Extra per hour |\n| --- | --- |\n| Night | $2 |"),
        "{shift}"
    );
    checks_and_renders(&profile);
    // Tables render as tables in every format.
    let html = read(&dir.path().join("rendered.html"));
    assert!(
        html.contains("<th>Shift</th>") && html.contains("<td>Night</td>"),
        "HTML table"
    );
    let text = read(&dir.path().join("rendered.txt"));
    assert!(text.contains("Night") && text.contains("$1.50"), "{text}");
    assert!(
        !text.contains("| --- |"),
        "no Markdown rule in text: {text}"
    );
    let markdown = read(&dir.path().join("rendered.md"));
    assert!(markdown.contains("| Night | $2 |"), "{markdown}");

    // Row labels that name no stage: stages from the order, each for review.
    let page = read(&fixture("pages/pay-table.txt"))
        .replace("| Entry |", "| Band 1 |")
        .replace("| Experienced |", "| Band 2 |")
        .replace("| Specialist |", "| Band 3 |");
    let banded = dir.path().join("banded.txt");
    std::fs::write(&banded, page).unwrap();
    let run = Run::of(pathways().arg("import").arg(&banded));
    run.assert_code(0).assert_stderr_has(
        "salary figures (USD per hour): ranges entry 17–20, mid 21–25, senior 26–32",
    );
    let inferred = run
        .stderr
        .lines()
        .filter(|line| line.contains("from its place among ranges that rise in order"))
        .count();
    assert_eq!(inferred, 3, "{}", run.seen());
}

/// When most headings are unknown (a page in a language pathways does not
/// know), the report says so and lists them ready to paste into a headings
/// file; with that file, the page imports into its sections.
#[test]
fn unknown_headings_are_listed_ready_for_a_headings_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("italian.txt");
    std::fs::write(
        &page,
        "Elenco Carriere Archivisti\n\nPanoramica\n\nGli archivisti conservano i documenti.\n\n\
         Requisiti di studio\n\nServe una laurea in archivistica.\n\n\
         Prospettive di lavoro\n\nLe prospettive sono stabili.\n",
    )
    .unwrap();
    let run = Run::of(pathways().arg("import").arg(&page));
    // Exit 1: the profile made has empty sections.
    run.assert_code(1)
        .assert_stderr_has("most of the page's headings (4 of 4) are not ones pathways knows")
        .assert_stderr_has("--headings FILE")
        .assert_stderr_has(
            "    Elenco Carriere Archivisti:\n    Panoramica:\n    Requisiti di studio:\n    Prospettive di lavoro:\n",
        );
    let headings = dir.path().join("headings.yaml");
    std::fs::write(
        &headings,
        "Panoramica: overview\nRequisiti di studio: education\nProspettive di lavoro: outlook\n",
    )
    .unwrap();
    let run = Run::of(
        pathways()
            .arg("import")
            .arg(&page)
            .arg("--headings")
            .arg(&headings)
            .args(["--locale", "it"]),
    );
    // Still exit 1: the page lacks required sections.
    run.assert_code(1)
        .assert_stderr_has("language: it, given with --locale")
        .assert_stderr_has("Job Outlook (`outlook`): 1 paragraph");
    assert!(
        !run.stderr.contains("not ones pathways knows"),
        "{}",
        run.seen()
    );
    assert!(run.stdout.contains("locale: it\n"), "{}", run.stdout);
    assert!(run.stdout.contains("  outlook:\n"), "{}", run.stdout);
    // `--locale` is checked like a profile's.
    Run::of(
        pathways()
            .arg("import")
            .arg(&page)
            .args(["--locale", "Italian please"]),
    )
    .assert_code(2)
    .assert_stderr_has("is not a language tag");
}

/// Every page fixture imports into the profile its snapshot holds: the
/// pages that were here before languages, tables and inferred stages
/// import exactly as they did (their snapshots were taken from the
/// release before those changes), and the new ones as reviewed.
#[test]
fn every_page_imports_as_its_snapshot_holds() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(fixture("pages"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    pages.sort();
    for page in pages {
        let name = page.file_stem().unwrap().to_string_lossy().into_owned();
        let run = Run::of(pathways().arg("import").arg(&page));
        let fixtures = fixture("").display().to_string();
        insta::assert_snapshot!(
            format!("import_yaml_{name}"),
            run.stdout.replace(&fixtures, "FIXTURES/")
        );
    }
}
