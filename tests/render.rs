//! `pathways render`: formats, destinations, templates, safety.

use std::path::Path;

use crate::common::{Run, SEED_PROFILE, fixture, pathways, read, root, stdout};

#[test]
fn seed_report_markdown() {
    let output = Run::of(pathways().args(["render", SEED_PROFILE]));
    output.assert_code(0);
    let stderr = &output.stderr;
    assert!(
        stderr.matches("warning[unfinished-sentence]").count() == 1
            && stderr
                .matches("warning[summary-contradicts-salary]")
                .count()
                == 2
            && stderr.matches("warning[").count() == 3,
        "the seed's findings are its cut-off last summary line and the entry pay its summary \
         and salary table state differently (both from the source page): {stderr}"
    );
    insta::assert_snapshot!("seed.md", output.stdout);
}

#[test]
fn seed_report_html() {
    let output = Run::of(pathways().args(["render", SEED_PROFILE, "--format", "html"]));
    output.assert_code(0);
    let html = output.stdout;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">"));
    assert!(
        html.contains("<th scope=\"col\">Stage</th>"),
        "salary table has header cells"
    );
    assert!(
        html.contains("<td>$25,000</td>"),
        "money is formatted for en-US"
    );
    assert!(
        html.contains("<a href=\"#salary\">Average Salary Range</a>"),
        "table of contents"
    );
    assert!(html.contains("@media print"), "print stylesheet is inline");
    // The only link is the inline icon: nothing is loaded from elsewhere.
    assert_eq!(html.matches("<link").count(), 1);
    assert!(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"));
    assert!(
        !html.contains("<script") && !html.contains(" src="),
        "one self-contained file"
    );
    insta::assert_snapshot!("seed.html", html);
}

#[test]
fn seed_report_text() {
    let output = Run::of(pathways().args(["render", SEED_PROFILE, "--format", "text"]));
    output.assert_code(0);
    let text = output.stdout;
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "line over 80 columns: {line:?}");
    }
    insta::assert_snapshot!("seed.txt", text);
}

#[test]
fn text_width_is_respected() {
    let output = Run::of(pathways().args(["render", SEED_PROFILE, "-f", "text", "--width", "40"]));
    let text = output.stdout;
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 40, "longest line is {longest}");
    assert!(
        longest >= 35,
        "text is wrapped to the width, not far below it"
    );
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.htm", "<!DOCTYPE html>"),
        ("r.md", "# Library Technicians"),
        ("r.txt", "LIBRARY TECHNICIANS\n==================="),
    ] {
        let path = dir.path().join(name);
        let output = Run::of(pathways().args(["render", SEED_PROFILE, "-o"]).arg(&path));
        assert_eq!(output.code, Some(0), "{name}");
        assert!(read(&path).starts_with(starts), "{name}");
        output.assert_stderr_has("\nWrote ");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(
                mode & 0o044,
                0o044,
                "{name} is readable by others, like any new file"
            );
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
}

#[test]
fn unknown_output_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "-o"])
            .arg(dir.path().join("report.docx")),
    );
    output.assert_code(2);
    output.assert_stderr_has("end the name with .html, .md, .txt or .pdf");
}

#[test]
fn reads_standard_input() {
    let profile = read(&fixture("valid/minimal.yaml"));
    let output = Run::of(
        pathways()
            .args(["render", "-", "--format", "text"])
            .write_stdin(profile),
    );
    output.assert_code(0);
    assert!(output.stdout.starts_with("SCHOOL LIBRARIANS"));
}

#[test]
fn errors_on_standard_input_are_named_stdin() {
    let output = Run::of(
        pathways()
            .args(["render", "-"])
            .write_stdin("id: Not A Slug\ntitle: X\nsections: {}\n"),
    );
    output.assert_code(1);
    output.assert_stderr_has("--> <stdin>:1:5");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replace('\n', "\r\n");
    std::fs::write(
        &path,
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )
    .unwrap();
    let output = Run::of(pathways().args(["render", "-f", "text"]).arg(&path));
    output.assert_code(0);
    assert!(!output.stdout.contains('\r'));
}

#[test]
fn missing_file_is_an_io_error() {
    let output = Run::of(pathways().args(["render", "no-such-profile.yaml"]));
    insta::assert_snapshot!("missing_file", output.seen());
}

#[test]
fn oversized_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    std::fs::write(&path, "# padding\n".repeat(500_000)).unwrap();
    let output = Run::of(pathways().arg("render").arg(&path));
    output.assert_code(2);
    output.assert_stderr_has("larger than 4 MiB");
}

#[test]
fn never_overwrites_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("p.md");
    let original = read(&fixture("valid/minimal.yaml"));
    std::fs::write(&profile, &original).unwrap();
    let output = Run::of(
        pathways()
            .arg("render")
            .arg(&profile)
            .arg("-o")
            .arg(&profile),
    );
    output.assert_code(2);
    assert!(
        output
            .stderr
            .contains("refusing to write the report over the profile")
    );
    assert_eq!(read(&profile), original);
}

#[test]
fn output_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "-o"])
            .arg(dir.path().join("missing/report.html")),
    );
    output.assert_code(2);
    output.assert_stderr_has("missing/report.html");
}

#[test]
fn warnings_are_printed_and_rendering_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replace("average: 52000", "average: 99000");
    std::fs::write(&profile, text).unwrap();
    let report = dir.path().join("p.txt");
    let output = Run::of(
        pathways()
            .arg("render")
            .arg(&profile)
            .arg("-o")
            .arg(&report),
    );
    let stderr = &output.stderr;
    assert_eq!(output.code, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning[salary-average-outside-ranges]"),
        "{stderr}"
    );
    assert!(stderr.contains(") with 1 warning"), "{stderr}");
    assert_eq!(stderr.matches("warning[").count(), 1, "{stderr}");
    assert!(read(&report).contains("$99,000"));
}

#[test]
fn user_templates_override_built_in_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("report.txt.j2"),
        "{{ title }} has {{ sections | length }} sections\n",
    )
    .unwrap();
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "-f", "text", "--templates"])
            .arg(dir.path()),
    );
    assert_eq!(output.stdout, "Library Technicians has 25 sections\n");
    // Formats the folder does not override still use the built-in template.
    let html = pathways()
        .args(["render", SEED_PROFILE, "-f", "html", "--templates"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stdout(&html).starts_with("<!DOCTYPE html>"));
}

/// The shared parts are one file each: replacing `parts.txt` changes the
/// report and the handout, and the rest of both stays built-in.
#[test]
fn a_replaced_partial_changes_every_template_that_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = read(&root().join("templates/parts.txt"));
    let mine = built_in.replace(
        "{{ average_label | colon }}",
        "MY {{ average_label | colon }}",
    );
    assert_ne!(mine, built_in);
    std::fs::write(dir.path().join("parts.txt"), mine).unwrap();
    for (template, line) in [
        ("report", "MY Average salary: $36,000 per year"),
        ("handout", "MY Average: $36,000 per year"),
    ] {
        let output = Run::of(
            pathways()
                .args(["render", SEED_PROFILE, "-f", "text", "--template", template])
                .arg("--templates")
                .arg(dir.path()),
        );
        output.assert_code(0);
        assert!(
            output.stdout.contains(line),
            "{template}: {}",
            output.stdout
        );
        assert!(output.stdout.starts_with("LIBRARY TECHNICIANS\n"));
    }
}

/// `sections.<id>` is one section; a section the profile leaves out is
/// `none`, and a name that is no section is a template error.
#[test]
fn templates_take_a_section_by_its_id() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("card.txt.j2"),
        "{{ sections.salary.heading }} / {{ sections.outlook.heading }} / \
         {{ \"left out\" if sections.related_careers is none else \"there\" }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("typo.txt.j2"),
        "{{ sections.salry.heading }}\n",
    )
    .unwrap();
    let card = |profile: &str, template: &str| {
        Run::of(
            pathways()
                .args(["render", profile, "-f", "text", "--template", template])
                .arg("--templates")
                .arg(dir.path()),
        )
    };
    let seed = card(SEED_PROFILE, "card");
    seed.assert_code(0);
    assert_eq!(seed.stdout, "Average Salary Range / Job Outlook / there\n");
    let minimal = card("tests/fixtures/valid/minimal.yaml", "card");
    assert!(
        minimal.stdout.ends_with("/ left out\n"),
        "{}",
        minimal.seen()
    );
    let typo = card(SEED_PROFILE, "typo");
    typo.assert_code(2);
    assert!(typo.stderr.contains("typo.txt.j2"), "{}", typo.stderr);
}

#[test]
fn template_errors_name_the_template_and_line_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("report.html.j2"),
        "<p>\n{{ title }}\n{{ no_such_field }}\n",
    )
    .unwrap();
    let report = dir.path().join("out.html");
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "--templates"])
            .arg(dir.path())
            .arg("-o")
            .arg(&report),
    );
    output.assert_code(2);
    let stderr = &output.stderr;
    assert!(
        stderr.contains("template `report.html.j2`, line 3"),
        "{stderr}"
    );
    assert!(!report.exists());
}

/// A problem in a template another one includes is named where it is (the
/// included file and its line), then where it was included from; the
/// included file's name alone says nothing about what to fix.
#[test]
fn an_error_in_an_included_template_names_that_template_and_the_includer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("report.md.j2"),
        "# {{ title }}\n{% include \"facts.j2\" %}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("facts.j2"),
        "Facts\n\n{{ no_such_field }}\n",
    )
    .unwrap();
    let output = Run::of(
        pathways()
            .args([
                "render",
                SEED_PROFILE,
                "--format",
                "markdown",
                "--templates",
            ])
            .arg(dir.path()),
    );
    output.assert_code(2).assert_stderr_has(
        "template `facts.j2`, line 3: `no_such_field` is undefined, from template `report.md.j2`, line 2",
    );
}

#[test]
fn missing_template_folder_is_an_error() {
    let output =
        Run::of(pathways().args(["render", SEED_PROFILE, "--templates", "no-such-folder"]));
    output.assert_code(2);
    assert!(
        output
            .stderr
            .contains("cannot use the template folder `no-such-folder`")
    );
}

#[test]
fn html_from_profile_text_is_escaped_and_links_are_neutralised() {
    let output =
        Run::of(pathways().args(["render", "tests/fixtures/valid/markup.yaml", "-f", "html"]));
    output.assert_code(0);
    let html = output.stdout;
    assert!(!html.contains("<script>alert"), "raw script passed through");
    assert!(
        !html.contains("<img"),
        "raw or Markdown image passed through"
    );
    // The page's own icon is the one data: address it may hold.
    let html = html.replace("<link rel=\"icon\" href=\"data:image/svg+xml,", "");
    for scheme in ["javascript:", "vbscript:", "data:"] {
        assert!(
            !html.to_lowercase().contains(&format!("href=\"{scheme}")),
            "{scheme} link kept"
        );
    }
    assert!(
        html.contains("click here") && !html.contains("<a href=\"\">"),
        "dangerous link dropped, its text kept"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "script shown as text"
    );
    assert!(
        html.contains("<strong>bold</strong>"),
        "Markdown still works"
    );
    assert!(
        html.contains("<a href=\"https://www.ala.org/\">ALA</a>"),
        "safe links kept"
    );
    assert!(
        html.contains("Tom &amp; &quot;Jerry&quot;"),
        "title escaped"
    );
}

#[test]
fn help_and_usage_errors() {
    pathways().arg("--help").assert().code(0);
    let output = Run::of(pathways().args(["render"]));
    output.assert_code(2);
    let output = Run::of(pathways().args(["render", SEED_PROFILE, "--format", "docx"]));
    output.assert_code(2);
}

#[test]
fn the_readme_render_command_works() {
    let readme = read(&root().join("README.md"));
    assert!(readme.contains("cargo run --release -- render profiles/library-technicians.yaml -o library-technicians.html"));
    assert!(readme.contains("\ncargo test --release\n"));
    assert!(Path::new(&root().join(SEED_PROFILE)).exists());
}

#[test]
fn later_paragraphs_of_a_list_entry_sit_under_its_text() {
    let render = |format: &str| {
        let output = Run::of(
            pathways()
                .args(["render", "-f", format])
                .arg(fixture("valid/long-steps.yaml")),
        );
        output.assert_code(0);
        output.stdout
    };
    for format in ["text", "markdown"] {
        let report = render(format);
        assert!(
            report.contains("- Run the collection.\n\n  Weed it every summer.\n"),
            "{format}: a bullet's second paragraph is indented by its marker's width:\n{report}"
        );
        assert!(
            report.contains("10. Step ten.\n\n    Then keep going.\n"),
            "{format}: step 10's second paragraph is indented by four:\n{report}"
        );
    }
}

/// Plain text keeps to its width, title underline included, and ends with
/// exactly one newline; Markdown has single blank lines and unique headings
/// (what markdownlint checks in CI).
#[test]
fn text_and_markdown_reports_are_tidy_for_their_readers_and_linters() {
    let dir = tempfile::tempdir().unwrap();
    let long_title = "School Librarians and Library Media Specialists in Rural Districts";
    let profile = dir.path().join("minimal.yaml");
    std::fs::write(
        &profile,
        read(&fixture("valid/minimal.yaml")).replacen(
            "title: School Librarians",
            &format!("title: {long_title}"),
            1,
        ),
    )
    .unwrap();
    let mut profiles = vec![profile, root().join(SEED_PROFILE)];
    profiles.extend(
        std::fs::read_dir(fixture("valid"))
            .unwrap()
            .map(|e| e.unwrap().path()),
    );
    for path in &profiles {
        for template in ["report", "handout"] {
            let text = Run::of(
                pathways()
                    .args([
                        "render",
                        "--format",
                        "text",
                        "--width",
                        "40",
                        "--template",
                        template,
                    ])
                    .arg(path),
            );
            text.assert_code(0);
            let out = &text.stdout;
            assert!(
                out.ends_with('\n') && !out.ends_with("\n\n"),
                "{}: {out:?}",
                path.display()
            );
            let lines: Vec<&str> = out.lines().collect();
            let underline = lines.iter().position(|l| l.starts_with("===")).unwrap();
            let title_width = lines[..underline]
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap();
            assert_eq!(
                lines[underline].chars().count(),
                title_width,
                "{}",
                path.display()
            );
            assert!(title_width <= 40);

            let markdown = Run::of(
                pathways()
                    .args(["render", "--format", "markdown", "--template", template])
                    .arg(path),
            );
            let md = &markdown.stdout;
            assert!(
                !md.contains("\n\n\n"),
                "{}: two blank lines",
                path.display()
            );
            let mut headings: Vec<&str> = md
                .lines()
                .filter(|l| l.starts_with('#'))
                .map(|l| l.trim_start_matches('#').trim())
                .collect();
            let count = headings.len();
            headings.sort_unstable();
            headings.dedup();
            assert_eq!(
                headings.len(),
                count,
                "{}: a heading repeats",
                path.display()
            );
        }
    }
}

/// Every HTML page says what it is to search engines and names an icon of
/// its own (no request for /favicon.ico), the export index included.
#[test]
fn html_pages_carry_a_description_and_an_inline_icon() {
    let out = tempfile::tempdir().unwrap();
    Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "--format", "html", "-q", "--out"])
            .arg(out.path()),
    )
    .assert_code(0);
    let handout = Run::of(pathways().args([
        "render",
        SEED_PROFILE,
        "-f",
        "html",
        "--template",
        "handout",
    ]));
    let pages = [
        read(&out.path().join("library-technicians.html")),
        read(&out.path().join("index.html")),
        handout.stdout,
    ];
    for page in &pages {
        let description = page
            .split("<meta name=\"description\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no description in {}", &page[..400]));
        assert!(
            description.len() > 40 && description.len() < 240,
            "{description}"
        );
        assert!(page.contains("<link rel=\"icon\" href=\"data:image/svg+xml,"));
    }
    assert!(pages[0].contains(
        "content=\"Library technicians assist librarians in managing library resources and providing services to patrons.\""
    ));
    assert!(
        pages[1].contains("content=\"Career profiles: 1 career, each"),
        "{}",
        &pages[1][..600]
    );
}

/// Small things a reader notices: the remote-work level is a line of text,
/// not a headline figure; a stage of the profile's own wording starts with a
/// capital like the known ones; paper sizes are read in any case.
#[test]
fn remote_level_stage_labels_and_page_sizes_read_naturally() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replace(
        "{ stage: senior,",
        "{ stage: middle, min: 49000, max: 59000 }\n      - { stage: senior,",
    ) + "  remote_work:\n    level: none\n    intro: The work is done in the school.\n";
    std::fs::write(&profile, text).unwrap();
    let html = Run::of(
        pathways()
            .args(["render", "-f", "html", "--page-size", "A4"])
            .arg(&profile),
    );
    html.assert_code(0);
    html.assert_stdout_has("<p class=\"level\"><span class=\"figure-label\">Remote work:</span> <strong>None</strong></p>");
    html.assert_stdout_lacks("figure-value\">None");
    assert!(
        html.stdout.contains("<th scope=\"row\">Middle</th>"),
        "free stage label capitalised"
    );
    html.assert_stdout_has("size: A4");
    let help = Run::of(pathways().args(["new", "--help"]));
    assert!(help.stdout.contains("--color <WHEN>") && help.stdout.contains("[default: auto]"));
}

/// With `empty-item` turned off by an export's policy, a blank list entry
/// is left out of the report (no empty bullet, numbering unbroken), and a
/// misconception with only its myth still counts as content.
#[test]
fn blank_entries_allowed_by_a_policy_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.yaml");
    std::fs::write(&policy, "rules:\n  empty-item: off\n").unwrap();
    let profile = read(&fixture("valid/minimal.yaml"))
        .replace(
            "      - Patience\n",
            "      - Patience\n      - \"  \"\n      - { title: \"\", text: \" \" }\n",
        )
        .replace(
            "      - Volunteer in a school library.",
            "      - \"\"\n      - Volunteer in a school library.\n      - Ask a librarian.\n  misconceptions:\n    items:\n      - { myth: Librarians only shelve books., reality: \"\" }",
        );
    let path = dir.path().join("minimal.yaml");
    std::fs::write(&path, profile).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    Run::of(
        pathways()
            .arg("export")
            .arg(&path)
            .arg("--policy")
            .arg(&policy)
            .arg("--out")
            .arg(&out),
    )
    .assert_code(0);
    let report = |extension: &str| read(&out.join(format!("minimal.{extension}")));
    let markdown = report("md");
    assert!(
        markdown.contains("- Patience\n- Organisation\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("1. Volunteer in a school library.\n2. Ask a librarian.\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Librarians only shelve books."),
        "{markdown}"
    );
    let html = report("html");
    assert!(!html.contains("<li></li>"), "{html}");
}

/// A template name with no template says which file it looked for, where,
/// and which sets there are; a template that does not parse names its line.
#[test]
fn unknown_and_unparsable_templates_are_named_with_where_to_look() {
    let dir = tempfile::tempdir().unwrap();
    let render = |args: &[&str]| Run::of(pathways().args(["render", SEED_PROFILE]).args(args));
    render(&["--template", "nosuch", "-f", "html"])
        .assert_code(2)
        .assert_stderr_has(
            "there is no template `nosuch` for HTML (looked for `nosuch.html.j2` in the built-in set); templates available: handout, report",
        );
    std::fs::write(dir.path().join("report.txt.j2"), "{% if %}\n").unwrap();
    let folder = dir.path().to_str().unwrap();
    render(&["--templates", folder, "--template", "nosuch", "-f", "text"])
        .assert_code(2)
        .assert_stderr_has(
            "there is no template `nosuch` for plain text (looked for `nosuch.txt.j2` in the template folder and the built-in set)",
        );
    render(&["--templates", folder, "-f", "markdown", "--template", "x"])
        .assert_code(2)
        .assert_stderr_has("for Markdown");
    render(&["--templates", folder, "-f", "text"])
        .assert_code(2)
        .assert_stderr_has("template `report.txt.j2`, line 1: unexpected end of block");
}

/// The page description (what a search result shows) is the first sentence
/// of the overview, cut to at most 160 characters with "…" when longer,
/// at a space when there is one.
#[test]
fn the_page_description_is_at_most_160_characters() {
    let dir = tempfile::tempdir().unwrap();
    let description_of = |intro: &str| {
        let path = dir.path().join("minimal.yaml");
        std::fs::write(
            &path,
            read(&fixture("valid/minimal.yaml")).replace(
                "intro: School librarians run the library of a school.",
                &format!("intro: {intro}"),
            ),
        )
        .unwrap();
        let run = Run::of(pathways().args(["render", "-f", "html"]).arg(&path));
        run.assert_code(0);
        let start = run
            .stdout
            .find("<meta name=\"description\" content=\"")
            .unwrap()
            + "<meta name=\"description\" content=\"".len();
        let end = start + run.stdout[start..].find('"').unwrap();
        run.stdout[start..end].to_owned()
    };
    assert_eq!(
        description_of("School librarians run the library of a school. They also teach."),
        "School librarians run the library of a school."
    );
    let word = "x".repeat(300);
    assert_eq!(description_of(&word), format!("{}…", "x".repeat(159)));
    let words = "library ".repeat(40);
    let cut = description_of(&words);
    assert!(
        cut.chars().count() <= 160 && cut.ends_with("library…"),
        "{cut}"
    );
}

/// An extra section's id is the writer's own: capitals and spaces become a
/// usable anchor, and the contents link to it.
#[test]
fn an_extra_section_with_a_written_id_gets_a_working_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.yaml");
    std::fs::write(
        &path,
        read(&fixture("valid/minimal.yaml"))
            + "extra_sections:\n  - id: Big Idea\n    heading: The Big Idea\n    intro: Libraries are for everyone.\n",
    )
    .unwrap();
    let run = Run::of(pathways().args(["render", "-f", "html"]).arg(&path));
    run.assert_code(0);
    assert!(
        run.stdout.contains("id=\"extra-big-idea\""),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("href=\"#extra-big-idea\""),
        "{}",
        run.stdout
    );
}

/// Written to a file, a report says where it went, its format and size,
/// and how many findings the profile has.
#[test]
fn a_written_report_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.html");
    let run = Run::of(pathways().args(["render", SEED_PROFILE, "-o"]).arg(&target));
    run.assert_code(0)
        .assert_stderr_has("(HTML, ")
        .assert_stderr_has(" KB) with 3 warnings");
}

/// The shipped profile with every kind of fact.
const FACT_RICH: &str = "profiles/veterinary-technologists-and-technicians.yaml";

/// The quick facts of `profile` in `format`: from their heading (or the
/// other titles before it) to the next heading, in the report and the handout.
fn quick_facts_block(profile: &str, template: &str, format: &str) -> String {
    let output =
        Run::of(pathways().args(["render", profile, "--template", template, "-f", format]));
    output.assert_code(0);
    let text = output.stdout;
    let start = text
        .find(match format {
            "html" => "<p class=\"aliases\"",
            "markdown" => "**Also called:**",
            _ => "Also called:",
        })
        .unwrap_or_else(|| panic!("{profile} {format}: no block\n{text}"));
    let end = text[start..]
        .find(match format {
            "html" => "<section class=\"summary\"",
            "markdown" => "## At a Glance",
            _ => "AT A GLANCE",
        })
        .map_or(text.len(), |end| start + end);
    text[start..end].to_owned()
}

/// A profile with every fact shows each, with its sources, first in the
/// report and the handout, in Markdown, HTML and text (PDF: tests/pdf.rs);
/// the shipped seed shows the one fact its page states.
#[test]
fn quick_facts_show_every_fact_a_profile_gives() {
    for format in ["markdown", "html", "text"] {
        let block = quick_facts_block(FACT_RICH, "report", format);
        insta::assert_snapshot!(format!("quick_facts_{format}"), block);
        assert_eq!(
            quick_facts_block(FACT_RICH, "handout", format),
            block,
            "{format}"
        );
        let seed = quick_facts_block(SEED_PROFILE, "report", format);
        insta::assert_snapshot!(format!("quick_facts_seed_{format}"), seed);
    }
}

/// A profile without facts has no quick facts block, heading and all, and
/// no codes line; a profile with facts but without a kind of fact has no
/// line for it.
#[test]
fn a_profile_without_facts_has_no_empty_block() {
    for format in ["markdown", "html", "text"] {
        for template in ["report", "handout"] {
            let output = Run::of(pathways().args([
                "render",
                "tests/fixtures/valid/minimal.yaml",
                "--template",
                template,
                "-f",
                format,
            ]));
            output.assert_code(0);
            for absent in [
                "Quick Facts",
                "QUICK FACTS",
                "class=\"quick-facts\"",
                "Also called",
                "Occupation codes",
            ] {
                assert!(
                    !output.stdout.contains(absent),
                    "{template} {format}: {absent}"
                );
            }
        }
        let seed = quick_facts_block(SEED_PROFILE, "report", format);
        for absent in [
            "Median pay",
            "Number of jobs",
            "Job outlook",
            "Hours per week",
            "Sources of these facts",
        ] {
            assert!(!seed.contains(absent), "{format}: {absent}");
        }
    }
}

/// The HTML report and handout say what the career is in schema.org's
/// Occupation microdata (no script element): its name, other names, each
/// occupation code with its classification, its pay distribution and the
/// education to start. An average alone is not a distribution: none is given.
#[test]
fn html_names_the_occupation_and_its_codes_for_machines() {
    let average_only =
        Run::of(pathways().args(["render", "tests/fixtures/valid/minimal.yaml", "-f", "html"]));
    assert!(!average_only.stdout.contains("estimatedSalary"));
    assert!(!average_only.stdout.contains("educationRequirements"));
    for template in ["report", "handout"] {
        let output =
            Run::of(pathways().args(["render", FACT_RICH, "--template", template, "-f", "html"]));
        output.assert_code(0);
        let html = output.stdout;
        assert!(!html.contains("<script"), "{template}");
        let article = html
            .split("<article class=\"career\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{template}: no article"));
        assert!(article.starts_with(
            " aria-labelledby=\"title\" itemscope itemtype=\"https://schema.org/Occupation\">"
        ));
        let values = |property: &str| -> Vec<String> {
            article
                .split(&format!("itemprop=\"{property}\" content=\""))
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap().to_owned())
                .collect()
        };
        assert_eq!(values("name"), ["Veterinary Technologists and Technicians"]);
        assert_eq!(
            values("alternateName"),
            ["Veterinary Technicians", "Vet Techs", "Veterinary Nurses"]
        );
        assert_eq!(values("codeValue"), ["29-2056", "29-2056.00", "3240"]);
        assert_eq!(values("inCodeSet"), ["SOC 2018", "O*NET-SOC", "ISCO-08"]);
        // Pay as a distribution, in plain numbers; education as words.
        let salary = article
            .split("itemprop=\"estimatedSalary\" itemscope itemtype=\"https://schema.org/MonetaryAmountDistribution\">")
            .nth(1)
            .unwrap_or_else(|| panic!("{template}: no estimatedSalary"));
        let salary = &salary[..salary.find("</div>").unwrap()];
        assert_eq!(
            salary,
            "<meta itemprop=\"currency\" content=\"USD\"><meta itemprop=\"duration\" content=\"P1Y\">\
             <meta itemprop=\"median\" content=\"45980\"><meta itemprop=\"percentile10\" content=\"32120\">\
             <meta itemprop=\"percentile25\" content=\"37390\"><meta itemprop=\"percentile75\" content=\"50960\">\
             <meta itemprop=\"percentile90\" content=\"60880\">"
        );
        assert_eq!(values("educationRequirements"), ["Associate’s degree"]);
    }
}

/// The quick facts' sources are listed once each: two facts from one source
/// name it once, with both years; two sources that share a title but not
/// an address (or an address but not a title) are two.
#[test]
fn each_source_of_the_quick_facts_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replacen(
        "sections:",
        "facts:\n  jobs: { count: 10, source: { title: BLS, url: \"https://a.example/\" }, year: 2023 }\n  \
         hours: { min: 30, source: { title: BLS, url: \"https://a.example/\" }, year: 2024 }\n  \
         outlook: { percent: 3, period: 2024–34, source: { title: BLS, url: \"https://b.example/\" }, year: 2024 }\n  \
         openings_per_year: { count: 5, source: { title: OES, url: \"https://a.example/\" }, year: 2024 }\n\
         sections:",
        1,
    );
    std::fs::write(&profile, text).unwrap();
    let output = Run::of(
        pathways()
            .arg("render")
            .arg(&profile)
            .args(["-f", "markdown"]),
    );
    output.assert_code(0);
    let sources = output
        .stdout
        .lines()
        .find(|line| line.starts_with("Sources of these facts:"))
        .unwrap_or_else(|| panic!("{}", output.stdout));
    assert_eq!(
        sources,
        "Sources of these facts: [BLS](<https://a.example/>) (2023, 2024); \
         [BLS](<https://b.example/>) (2024); [OES](<https://a.example/>) (2024)"
    );
}

/// A source that asks for a credit line has it printed word for word under
/// the quick facts and beside the source in the list of sources, in every
/// format; a source without one prints none.
#[test]
fn a_source_s_credit_line_is_printed_under_the_facts_and_in_the_sources() {
    let credit = "This page includes information from the O*NET 27.0 Database by the U.S. \
                  Department of Labor, Employment and Training Administration (USDOL/ETA). Used \
                  under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The \
                  counselling office has modified all or some of this information. USDOL/ETA has \
                  not approved, endorsed, or tested these modifications.";
    let words = |text: &str| -> String {
        text.replace("O\\*NET", "O*NET")
            .replace("&#x2f;", "/")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for format in ["markdown", "html", "text"] {
        for template in ["report", "handout"] {
            let output = Run::of(pathways().args([
                "render",
                "tests/fixtures/facts/credited-facts.yaml",
                "--template",
                template,
                "-f",
                format,
            ]));
            output.assert_code(0);
            let shown = words(&output.stdout);
            let facts_at = shown.find("Sources of these facts").unwrap();
            let credit_at = shown
                .find(credit)
                .unwrap_or_else(|| panic!("{template} {format}: {shown}"));
            assert!(facts_at < credit_at, "{template} {format}: under the facts");
            let expected = if template == "report" { 2 } else { 1 };
            assert_eq!(
                shown.matches(credit).count(),
                expected,
                "{template} {format}: under the facts, and in the report's sources"
            );
        }
    }
    let plain = Run::of(pathways().args(["render", FACT_RICH, "-f", "text"]));
    assert!(!plain.stdout.contains("This page includes information"));
}

/// Pay figures beyond an average and stage ranges open a quick facts block
/// on their own, each of them alone: a median, one per hour, percentiles,
/// or the year, region or source of the figures.
#[test]
fn pay_beyond_an_average_opens_the_quick_facts() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let base = read(&fixture("valid/minimal.yaml"));
    for (figure, shown) in [
        ("median: 51000", "$51,000"),
        ("median_hourly: 24.5", "$24.50"),
        ("percentiles: { p10: 41000 }", "Average pay"),
        ("year: 2024", "2024"),
        ("region: Ohio", "Ohio"),
        ("source: { title: State survey }", "State survey"),
    ] {
        std::fs::write(
            &profile,
            base.replacen(
                "    average: 52000",
                &format!("    average: 52000\n    {figure}"),
                1,
            ),
        )
        .unwrap();
        let output = Run::of(
            pathways()
                .arg("render")
                .arg(&profile)
                .args(["-f", "markdown"]),
        );
        output.assert_code(0);
        let block = output
            .stdout
            .split("## Quick Facts")
            .nth(1)
            .unwrap_or_else(|| panic!("{figure}: no quick facts\n{}", output.stdout));
        let block = &block[..block.find("\n## ").unwrap_or(block.len())];
        assert!(block.contains(shown), "{figure}: {block}");
    }
}

/// A change of none is written without a sign ("0%", not "+0%"); the pay
/// period is stated to machines as an ISO 8601 duration (a month, an hour).
#[test]
fn no_change_has_no_sign_and_the_pay_period_is_a_duration() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let base = read(&fixture("valid/minimal.yaml"));
    for (period, pay, duration) in [
        ("month", "    average: 4300", "P1M"),
        ("hour", "    average: 25", "PT1H"),
    ] {
        let ranges = if period == "hour" {
            "      - { stage: entry, min: 20, max: 24 }\n      - { stage: senior, min: 28, max: 35 }"
        } else {
            "      - { stage: entry, min: 3300, max: 4000 }\n      - { stage: senior, min: 5000, max: 6200 }"
        };
        let text = base
            .replacen("    average: 52000", &format!("    period: {period}\n{pay}\n    median: {}", &pay[13..]), 1)
            .replacen(
                "      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }",
                ranges,
                1,
            )
            .replacen(
                "sections:",
                "facts:\n  outlook: { percent: 0, period: 2024–34, words: Little or no change, source: { title: BLS }, year: 2024 }\nsections:",
                1,
            );
        std::fs::write(&profile, text).unwrap();
        let html = Run::of(pathways().arg("render").arg(&profile).args(["-f", "html"]));
        html.assert_code(0);
        assert!(
            html.stdout.contains(&format!(
                "<meta itemprop=\"duration\" content=\"{duration}\">"
            )),
            "{period}: {}",
            html.stdout
        );
        let text = Run::of(pathways().arg("render").arg(&profile).args(["-f", "text"]));
        assert!(
            text.stdout
                .contains("Job outlook: 0% (2024–34), Little or no change"),
            "{}",
            text.stdout
        );
    }
}

/// A decline is written with a minus sign (U+2212), not a hyphen and never
/// as growth, in every format.
#[test]
fn a_decline_is_written_with_a_minus_sign() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replacen(
        "sections:",
        "facts:\n  outlook: { percent: -4.5, period: 2024–34, words: Decline, source: { title: BLS }, year: 2024 }\nsections:",
        1,
    );
    std::fs::write(&profile, text).unwrap();
    for format in ["text", "markdown", "html"] {
        let run = Run::of(pathways().arg("render").arg(&profile).args(["-f", format]));
        run.assert_code(0);
        assert!(
            run.stdout.contains("\u{2212}4.5% (2024–34)"),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("+4.5%"), "{format}");
    }
}

/// An entry's title is followed by a colon, unless it ends a sentence
/// already: "Talk to a counsellor." never becomes "Talk to a counsellor.:".
#[test]
fn a_title_that_ends_a_sentence_takes_no_colon() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replace(
        "      - Volunteer in a school library.",
        "      - title: Talk to a counsellor.\n        text: Ask about courses.\n      \
         - title: Why not volunteer?\n        text: Libraries welcome help.\n      \
         - title: Read widely\n        text: Every kind of book.",
    );
    std::fs::write(&profile, text).unwrap();
    for template in ["report", "handout"] {
        for format in ["html", "md", "txt"] {
            let run = Run::of(pathways().arg("render").arg(&profile).args([
                "--template",
                template,
                "--format",
                format,
            ]));
            run.assert_code(0);
            let words = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
            for bad in [".:", "?:", ". :", "? :"] {
                assert!(
                    !words.contains(bad),
                    "{template} {format}: {bad} in {words}"
                );
            }
            assert!(
                words.contains("Read widely:"),
                "{template} {format}: {words}"
            );
        }
    }
}

/// In text, the other titles are a paragraph of their own, with or
/// without quick facts after them.
#[test]
fn other_titles_stand_apart_from_the_next_heading_in_text() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let text = read(&fixture("valid/minimal.yaml")).replace(
        "category: Education & Training\n",
        "category: Education & Training\naliases: [Teacher Librarians]\n",
    );
    std::fs::write(&profile, text).unwrap();
    for template in ["report", "handout"] {
        let run = Run::of(pathways().arg("render").arg(&profile).args([
            "--template",
            template,
            "--format",
            "text",
        ]));
        run.assert_code(0);
        let after = run
            .stdout
            .split("Also called: Teacher Librarians\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{template}: {}", run.stdout));
        assert!(after.starts_with('\n'), "{template}: {}", run.stdout);
    }
}

/// A figure's year is printed beside it when no source names it with its
/// own, and hours from a minimum to a different maximum are a range.
#[test]
fn a_fact_s_year_stands_beside_it_and_hours_can_be_a_range() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("minimal.yaml");
    let base = read(&fixture("valid/minimal.yaml"));
    std::fs::write(
        &profile,
        base.replacen(
            "sections:\n",
            "facts:\n  training: { text: Six months with a mentor, year: 2023 }\n  \
             hours: { min: 35, max: 40, source: { title: BLS }, year: 2024 }\nsections:\n",
            1,
        ),
    )
    .unwrap();
    for format in ["text", "markdown", "html"] {
        let output = Run::of(pathways().arg("render").arg(&profile).args(["-f", format]));
        output.assert_code(0);
        assert!(
            output.stdout.contains("Six months with a mentor (2023)"),
            "{format}: {}",
            output.stdout
        );
        assert!(
            output.stdout.contains("35–40"),
            "{format}: {}",
            output.stdout
        );
        // The year of the hours is said with their source, not beside them.
        assert!(!output.stdout.contains("35–40 (2024)"), "{format}");
    }
}
