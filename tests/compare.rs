//! `pathways compare`: two to four careers side by side, in every format.

use std::path::PathBuf;

use crate::common::{Edit, Run, SEED_PROFILE, fixture, pathways, root};

/// The seed and the two compare fixtures: dollars per year, pounds per
/// year, dollars per hour; the museum guides leave several subjects out.
fn three() -> Vec<PathBuf> {
    vec![
        root().join(SEED_PROFILE),
        fixture("compare/archivists.yaml"),
        fixture("compare/museum-guides.yaml"),
    ]
}

fn four() -> Vec<PathBuf> {
    let mut careers = three();
    careers.push(fixture("locales/tecnicos-en-bibliotecas.yaml"));
    careers
}

fn compare(profiles: &[PathBuf], args: &[&str]) -> Run {
    Run::of(pathways().arg("compare").args(profiles).args(args))
}

#[test]
fn markdown_is_one_table_with_a_column_per_career() {
    let output = compare(&three(), &["--format", "markdown"]);
    output.assert_code(0);
    let markdown = &output.stdout;
    let rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with('|')).collect();
    // Header, delimiter and 10 subjects.
    assert_eq!(rows.len(), 12, "{markdown}");
    for row in &rows {
        let cells = row.replace("\\|", "").matches('|').count() - 1;
        assert_eq!(cells, 4, "a subject column and three careers: {row}");
    }
    assert!(rows[0].contains("| Library Technicians | Archivists | Museum Guides |"));
    let salary = rows
        .iter()
        .find(|r| r.contains("Average Salary Range"))
        .unwrap();
    // The notes stand under the table, not in its narrow heading column.
    let after_table = &markdown[markdown.rfind("\n|").unwrap()..];
    assert!(
        after_table.contains("*Different currencies (USD, GBP): the amounts are not converted.*")
            && after_table.contains("*The pay is for different periods (per year, per hour).*"),
        "{markdown}"
    );
    assert!(!salary.contains("Different currencies"), "{salary}");
    // Beside pounds, "$" would not say which dollars: each amount has its code.
    assert!(
        salary.contains("GBP\u{a0}24,000 to GBP\u{a0}28,000")
            && salary.contains("USD\u{a0}18.50")
            && salary.contains("USD, per hour")
            && !salary.contains('$')
            && !salary.contains('£'),
        "each in its own currency and period: {salary}"
    );
    let training = rows.iter().find(|r| r.starts_with("| **Training")).unwrap();
    assert!(training.ends_with("| *not described* |"), "{training}");
    let education = rows.iter().find(|r| r.contains("Educational")).unwrap();
    assert!(
        education.contains("helps \\| most museums") && !education.contains("second paragraph"),
        "a pipe in the text is escaped; only the first paragraph is shown: {education}"
    );
    let skills = rows.iter().find(|r| r.contains("Required Skills")).unwrap();
    assert!(
        skills.contains("Explaining") && !skills.contains("Latin"),
        "the first five skills: {skills}"
    );
    insta::assert_snapshot!("compare.md", markdown);
}

#[test]
fn html_is_a_table_that_becomes_cards_on_a_narrow_screen() {
    let output = compare(&three(), &["--format", "html"]);
    output.assert_code(0);
    let html = &output.stdout;
    assert_eq!(html.matches("<th scope=\"col\">").count(), 3);
    assert_eq!(html.matches("<th scope=\"row\">").count(), 10);
    // Each cell names its career, shown only when the table becomes cards.
    assert_eq!(html.matches("<span class=\"cell-career\">").count(), 30);
    assert!(html.contains("@media (max-width: 40rem)"));
    assert!(html.contains("size: letter landscape"));
    assert!(html.contains("<td class=\"not-described\">"));
    assert!(!html.contains("<script"));
    insta::assert_snapshot!("compare.html", html);
}

#[test]
fn text_is_aligned_columns_within_the_width_or_one_block_per_career() {
    let output = compare(&three(), &["--format", "text"]);
    output.assert_code(0);
    let text = &output.stdout;
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    let lines: Vec<&str> = text.lines().collect();
    let rule = lines
        .iter()
        .position(|l| l.starts_with("-----") && l.contains("  -----"))
        .expect("a rule under the careers' names");
    let header = lines[..rule]
        .iter()
        .rev()
        .find(|l| l.contains("Archivists"))
        .unwrap();
    assert!(header.contains("Museum Guides"), "{header}");
    let archivists = header.find("Archivists").unwrap();
    let salary = text
        .lines()
        .find(|l| l.starts_with("Average Salary"))
        .unwrap();
    assert_eq!(
        salary.match_indices("Average:").nth(1).map(|(at, _)| at),
        Some(archivists),
        "cells start under their career: {salary}"
    );
    insta::assert_snapshot!("compare.txt", text);

    for width in ["60", "100", "140"] {
        let output = compare(&four(), &["--format", "text", "--width", width]);
        output.assert_code(0);
        let limit: usize = width.parse().unwrap();
        for line in output.stdout.lines() {
            assert!(line.chars().count() <= limit, "{width}: {line:?}");
        }
    }
    // Four careers do not fit side by side in 80 columns: one after another.
    let output = compare(&four(), &["--format", "text"]);
    let blocks = &output.stdout;
    assert!(
        blocks.contains("MUSEUM GUIDES\n-------------")
            && blocks.contains("Training & Certification:\n  not described"),
        "{blocks}"
    );
    // In 140 they do.
    let wide = compare(&four(), &["--format", "text", "--width", "140"]).stdout;
    assert!(
        wide.lines()
            .any(|l| l.contains("Archivists") && l.contains("Técnicos en")),
        "{wide}"
    );
}

#[test]
fn two_to_four_profiles_and_no_more() {
    let mut five = four();
    five.push(fixture("valid/minimal.yaml"));
    compare(&five, &[]).assert_code(2).assert_stderr_has(
        "compare puts two to four careers side by side, and 5 profiles were given",
    );
    compare(&three()[..1], &[])
        .assert_code(2)
        .assert_stderr_has("one profile was given");
    compare(&four(), &["--format", "markdown"]).assert_code(0);
    // Standard input can stand for one of them only.
    compare(&[PathBuf::from("-"), PathBuf::from("-")], &[])
        .assert_code(2)
        .assert_stderr_has("standard input (`-`) can be read only once");
}

#[test]
fn a_profile_with_errors_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compare.html");
    let output = Run::of(
        pathways()
            .arg("compare")
            .arg(root().join(SEED_PROFILE))
            .arg(fixture("invalid/missing-title.yaml"))
            .arg(fixture("invalid/missing-section.yaml"))
            .arg("-o")
            .arg(&out),
    );
    output
        .assert_code(1)
        .assert_stderr_has("missing-title.yaml: not rendered")
        .assert_stderr_has("missing-section.yaml: not rendered");
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    // Nor is a profile overwritten by its own comparison.
    let copy = dir.path().join("archivists.yaml");
    std::fs::copy(fixture("compare/archivists.yaml"), &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    Run::of(
        pathways()
            .arg("compare")
            .arg(root().join(SEED_PROFILE))
            .arg(&copy)
            .args(["--format", "html", "-o"])
            .arg(&copy),
    )
    .assert_code(2);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn labels_follow_the_first_career_s_language() {
    let mut careers = vec![fixture("locales/tecnicos-en-bibliotecas.yaml")];
    careers.push(fixture("compare/archivists.yaml"));
    let output = compare(&careers, &["--format", "markdown"]);
    output.assert_code(0);
    assert!(
        output.stdout.starts_with("# Comparación de 2 profesiones")
            && output.stdout.contains("Monedas distintas (MXN, GBP)")
            && output.stdout.contains("*sin describir*"),
        "{}",
        output.stdout
    );
}

/// Careers paid in one currency keep its symbol as their readers write it;
/// pesos beside dollars are told apart by their codes, and the note on
/// currencies stands under the table in every format.
#[test]
fn amounts_carry_their_currency_code_only_when_currencies_differ() {
    let dollars = [
        root().join(SEED_PROFILE),
        fixture("compare/museum-guides.yaml"),
    ];
    let output = compare(&dollars, &["--format", "markdown"]);
    output.assert_code(0);
    output.assert_stdout_has("$36,000");
    assert!(
        !output.stdout.contains("USD\u{a0}36,000"),
        "{}",
        output.stdout
    );
    assert!(
        !output.stdout.contains("Different currencies"),
        "{}",
        output.stdout
    );

    let mixed = [
        root().join(SEED_PROFILE),
        fixture("locales/tecnicos-en-bibliotecas.yaml"),
    ];
    for format in ["markdown", "html", "text"] {
        let output = compare(&mixed, &["--format", format]);
        output.assert_code(0);
        let page = &output.stdout;
        assert!(
            page.contains("USD\u{a0}36,000") && page.contains("MXN\u{a0}216,000"),
            "{format}: {page}"
        );
        let note = page.find("Different currencies (USD, MXN)").expect(format);
        let last_figure = page.rfind("MXN\u{a0}340,000").unwrap();
        assert!(
            note > last_figure,
            "{format}: the note comes after the table"
        );
    }
}

/// A step's title is a label, as in reports: Markdown in it (a link) is
/// shown as written, never made a live link.
#[test]
fn a_title_in_a_comparison_is_never_markup() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = crate::common::read(&fixture("valid/minimal.yaml")).edited(
        "      - Volunteer in a school library.",
        "      - title: \"[Click me](https://example.org/evil)\"\n        text: Volunteer in a school library.",
    );
    let profile = dir.path().join("minimal.yaml");
    std::fs::write(&profile, minimal).unwrap();
    let output = compare(&[profile, root().join(SEED_PROFILE)], &["--format", "html"]);
    output.assert_code(0);
    assert!(
        !output.stdout.contains("href=\"https://example.org/evil\""),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("[Click me](https://example.org/evil):"),
        "{}",
        output.stdout
    );
}

/// A quick fact two or more of the careers give has a row (the one-career
/// facts do not): here the education to start, which the seed and the
/// fact-rich profile both give, in every format; the number of jobs, which
/// only one gives, has none.
#[test]
fn a_fact_two_careers_give_has_a_row() {
    let careers = [
        root().join(SEED_PROFILE),
        root().join("profiles/veterinary-technologists-and-technicians.yaml"),
    ];
    for format in ["markdown", "html", "text"] {
        let run = compare(&careers, &["-f", format]);
        run.assert_code(0);
        assert!(run.stdout.contains("Education to start"), "{format}");
        assert_eq!(
            run.stdout.matches("Associate’s degree").count(),
            2,
            "{format}"
        );
        assert!(!run.stdout.contains("Number of jobs"), "{format}");
    }
    let two_rich = [
        root().join("profiles/veterinary-technologists-and-technicians.yaml"),
        root().join("profiles/veterinary-technologists-and-technicians.yaml"),
    ];
    let run = compare(&two_rich, &["-f", "markdown"]);
    run.assert_code(0);
    for row in [
        "Number of jobs",
        "Job outlook",
        "Hours per week",
        "Licence or registration",
    ] {
        assert!(run.stdout.contains(&format!("| **{row}** |")), "{row}");
    }
}

/// A section whose first paragraph leads into its list ("... include:")
/// shows that paragraph and its first three entries; one whose paragraph
/// says all it needs shows the paragraph alone.
#[test]
fn a_paragraph_that_leads_into_a_list_brings_its_first_entries() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = crate::common::read(&fixture("valid/minimal.yaml"));
    let with_routes = |id: &str, intro: &str| {
        let text = minimal.edited("id: minimal", &format!("id: {id}")).edited(
            "    intro: A degree in library science is usually required.\n",
            &format!(
                "    intro: {intro}\n    items:\n      - Degree route\n      - Apprenticeship route\n      - Diploma route\n      - Certificate route\n"
            ),
        );
        let path = dir.path().join(format!("{id}.yaml"));
        std::fs::write(&path, text).unwrap();
        path
    };
    let leading = with_routes("leading", "\"Routes include:\"");
    let complete = with_routes("complete", "A degree is usually required.");
    let output = compare(&[leading, complete], &["--format", "markdown"]);
    output.assert_code(0);
    let education = output
        .stdout
        .lines()
        .find(|line| line.starts_with("| **Educational Requirements"))
        .unwrap_or_else(|| panic!("{}", output.stdout));
    let cells: Vec<&str> = education.split(" | ").collect();
    assert_eq!(
        cells[1], "Routes include: · Degree route · Apprenticeship route · Diploma route",
        "{education}"
    );
    assert_eq!(
        cells[2].trim_end_matches(" |"),
        "A degree is usually required.",
        "{education}"
    );
}

/// A salary with an average and no ranges is compared by its figure.
#[test]
fn an_average_without_ranges_is_compared_by_its_figure() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = crate::common::read(&fixture("valid/minimal.yaml"));
    let average_only = dir.path().join("average-only.yaml");
    std::fs::write(
        &average_only,
        minimal.edited("id: minimal", "id: average-only").edited(
            "    ranges:\n      - { stage: entry, min: 40000, max: 48000 }\n      - { stage: senior, min: 60000, max: 75000 }\n",
            "    intro: Pay depends on the school district.\n",
        ),
    )
    .unwrap();
    let output = compare(
        &[average_only, fixture("valid/minimal.yaml")],
        &["--format", "markdown"],
    );
    output.assert_code(0);
    let salary = output
        .stdout
        .lines()
        .find(|line| line.starts_with("| **Average Salary Range"))
        .unwrap_or_else(|| panic!("{}", output.stdout));
    let cells: Vec<&str> = salary.split(" | ").collect();
    assert_eq!(cells[1], "Average: $52,000 · USD, per year", "{salary}");
}
