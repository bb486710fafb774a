//! The handout template, template sets, page sizes, and `pathways templates`.

use crate::common::{Edit, Run, SEED_PROFILE, fixture, pathways, read, stdout};

fn render(args: &[&str]) -> String {
    let output = Run::of(pathways().arg("render").arg(SEED_PROFILE).args(args));
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    output.stdout
}

// The seed's handout in Markdown and text is snapshotted once, with the
// other languages' (`seed_handout_en.md`, `.txt` in tests/locales.rs).

#[test]
fn handout_text_fits_80_columns() {
    let text = render(&["--template", "handout", "-f", "text"]);
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}

#[test]
fn handout_html() {
    let html = render(&["--template", "handout", "-f", "html"]);
    for heading in [
        "At a Glance",
        "Average Salary Range",
        "Educational Requirements",
        "Job Outlook",
        "Top Skills",
        "How to Get Started",
        "Related Careers",
    ] {
        assert!(html.contains(&format!(">{heading}</h2>")), "{heading}");
    }
    assert!(html.contains("<td>$25,000</td>"));
    insta::assert_snapshot!("handout.html", html);
}

#[test]
fn page_size_follows_the_locale_unless_given() {
    assert!(
        render(&["-f", "html"]).contains("size: letter;"),
        "en-US prints on Letter"
    );
    assert!(render(&["-f", "html", "--page-size", "a4"]).contains("size: A4;"));
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("library-technicians.yaml");
    std::fs::write(
        &profile,
        read(&crate::common::root().join(SEED_PROFILE)).edited("locale: en-US", "locale: en-GB"),
    )
    .unwrap();
    let output = Run::of(pathways().arg("render").arg(&profile).args(["-f", "html"]));
    // en-GB prints on A4.
    output.assert_stdout_has("size: A4;");
}

#[test]
fn the_running_title_cannot_break_out_of_the_stylesheet() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&crate::common::fixture("valid/minimal.yaml")).edited(
        "title: School Librarians",
        r#"title: 'Evil"; } </style><script>alert(1)</script> \'"#,
    );
    std::fs::write(&profile, text).unwrap();
    let output = Run::of(pathways().arg("render").arg(&profile).args(["-f", "html"]));
    let html = output.stdout;
    assert!(!html.contains("<script>"), "{html}");
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains(r#"@top-center { content: "Evil\"; } \3c /style\3e \3c script\3e alert(1)\3c /script\3e  \\";"#), "{html}");
}

#[test]
fn export_can_use_the_handout() {
    let out = tempfile::tempdir().unwrap();
    pathways()
        .args(["export", "profiles", "--template", "handout", "-q", "--out"])
        .arg(out.path())
        .assert()
        .code(0);
    assert!(read(&out.path().join("library-technicians.html")).contains("Career Handout"));
}

/// A template gets the handout's blocks when it reads them, whatever its
/// set is called: a folder's own report may show them, and its own set
/// copied from the handout keeps them.
#[test]
fn the_handout_s_blocks_go_to_templates_that_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let reads = "{% if handout %}{{ handout.steps_heading }}{% else %}no handout{% endif %}\n";
    std::fs::write(dir.path().join("report.md.j2"), reads).unwrap();
    std::fs::write(dir.path().join("brochure.md.j2"), reads).unwrap();
    let folder = dir.path().to_str().unwrap();
    for set in ["report", "brochure"] {
        Run::of(pathways().args([
            "render",
            SEED_PROFILE,
            "-f",
            "markdown",
            "--templates",
            folder,
            "--template",
            set,
        ]))
        .assert_code(0)
        .assert_stdout_has("How to Get Started")
        .assert_stdout_lacks("no handout");
    }
}

#[test]
fn an_unknown_template_names_the_ones_there_are() {
    let output = Run::of(pathways().args(["render", SEED_PROFILE, "--template", "brochure"]));
    output.assert_code(2);
    output.assert_stderr_has("templates available: handout, report");
}

#[test]
fn templates_lists_and_dumps_the_built_in_set() {
    let listing = pathways().arg("templates").output().unwrap();
    assert!(stdout(&listing).starts_with("handout "));
    assert!(stdout(&listing).contains("\nreport "));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("style.css"), "/* mine */").unwrap();
    pathways()
        .args(["templates", "--dump"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert_eq!(
        read(&dir.path().join("style.css")),
        "/* mine */",
        "existing files are kept"
    );
    assert!(read(&dir.path().join("handout.html.j2")).contains("t(\"kind-handout\")"));
    assert!(
        read(&dir.path().join("locales/fr.ftl")).contains("kind-handout = Fiche métier résumée")
    );
    // A dumped set, renamed, is a new template set.
    std::fs::rename(
        dir.path().join("handout.txt.j2"),
        dir.path().join("brochure.txt.j2"),
    )
    .unwrap();
    let output = Run::of(
        pathways()
            .args([
                "render",
                SEED_PROFILE,
                "-f",
                "text",
                "--template",
                "brochure",
                "--templates",
            ])
            .arg(dir.path()),
    );
    output.assert_code(0);
    assert!(
        output
            .stdout
            .starts_with("LIBRARY TECHNICIANS\n===================\nCareer Handout")
    );
}

fn handout_of(profile: &std::path::Path, format: &str) -> String {
    let run = Run::of(
        pathways()
            .args(["render", "--template", "handout", "-f", format])
            .arg(profile),
    );
    run.assert_code(0);
    run.stdout
}

/// A handout never prints a heading with nothing under it: salary text
/// stands in for missing figures, a missing summary is replaced by the
/// overview, and blocks with no source are left out, in every format.
#[test]
fn handouts_never_print_an_empty_block() {
    let profile = fixture("rules/salary-without-figures.yaml");
    for format in ["markdown", "html", "text"] {
        let out = handout_of(&profile, format);
        assert!(
            out.contains("paid on the teachers"),
            "{format}: salary text shown"
        );
        assert!(
            out.contains("School librarians run the library of a school."),
            "{format}: the overview says what the job is"
        );
        for absent in [
            "Related Careers",
            "RELATED CAREERS",
            "Average:",
            "By career stage",
        ] {
            assert!(
                !out.contains(absent),
                "{format}: {absent} printed with nothing to show"
            );
        }
        // The blocks that have a source are all there.
        let headings: Vec<&str> = out
            .lines()
            .map(str::trim_start)
            .filter(|l| {
                l.starts_with("## ")
                    || l.starts_with("<h2")
                    || (l.len() >= 3 && l.chars().all(|c| c == '-'))
            })
            .collect();
        assert!(headings.len() >= 5, "{format}: {headings:?}");
    }
    let check = Run::of(pathways().arg("check").arg(&profile));
    check
        .assert_code(0)
        .assert_stderr_has("warning[salary-without-figures]");
}

/// Every format names the handout the same way and shows each first step
/// with its title and first sentence.
#[test]
fn handouts_agree_across_formats() {
    let seed = crate::common::root().join(SEED_PROFILE);
    let markdown = handout_of(&seed, "markdown");
    let html = handout_of(&seed, "html");
    let text = handout_of(&seed, "text");
    assert!(markdown.starts_with("# Library Technicians\n\nCareer Handout\n"));
    assert!(
        html.contains("<h1 id=\"title\">Library Technicians</h1>")
            && html.contains("Career Handout")
    );
    assert!(text.starts_with("LIBRARY TECHNICIANS\n===================\nCareer Handout"));
    let first_step = "Most library technician positions require a post-secondary certificate or";
    let dropped = "Consider enrolling in a program";
    for (format, out) in [("markdown", &markdown), ("html", &html), ("text", &text)] {
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Education:"), "{format}: step title");
        assert!(
            flat.contains(first_step),
            "{format}: the step's first sentence"
        );
        assert!(!flat.contains(dropped), "{format}: only the first sentence");
    }
}

/// A salary section written as a list, with no figures and no intro: the
/// handout gives its first entry. Stage names of an office's own are
/// capitalised as written, beside the three pathways knows.
#[test]
fn salary_from_a_list_and_stage_names_of_an_offices_own() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let salary = "  salary:\n    currency: USD\n    average: 52000\n    ranges:\n      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }\n";
    assert!(minimal.contains(salary));
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let listed = write(
        "listed.yaml",
        minimal.edited(
            salary,
            "  salary:\n    items:\n      - Pay depends on the size of the library.\n      - Rural schools pay less.\n",
        ),
    );
    let run = Run::of(
        pathways()
            .args(["render", "--template", "handout", "-f", "text"])
            .arg(&listed),
    );
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("Pay depends on the size of the library."),
        "{}",
        run.stdout
    );
    run.assert_stdout_lacks("Rural schools");
    let staged = write(
        "staged.yaml",
        minimal
            .edited("stage: entry", "stage: apprentice")
            .edited("stage: senior", "stage: Head librarian"),
    );
    let report = Run::of(pathways().args(["render", "-f", "text"]).arg(&staged));
    report.assert_code(0);
    report.assert_stdout_has("Apprentice");
    assert!(
        report.stdout.contains("Head librarian"),
        "{}",
        report.stdout
    );
}

/// A salary with an average and no ranges (or ranges and no average) is
/// still given as figures in the handout.
#[test]
fn a_salary_with_only_an_average_or_only_ranges_shows_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let ranges = "    ranges:\n      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }\n";
    assert!(minimal.contains(ranges));
    for (name, text, figure) in [
        ("average", minimal.edited(ranges, ""), "52,000"),
        (
            "ranges",
            minimal.edited("    average: 52000\n", ""),
            "60,000",
        ),
    ] {
        let path = dir.path().join("minimal.yaml");
        std::fs::write(&path, text).unwrap();
        let run = Run::of(
            pathways()
                .args(["render", "--template", "handout", "-f", "text"])
                .arg(&path),
        );
        run.assert_code(0);
        assert!(run.stdout.contains(figure), "{name}: {}", run.stdout);
    }
}
