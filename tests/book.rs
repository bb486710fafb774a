//! `pathways export --book`: one booklet of every exported career.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::common::{Run, SEED_PROFILE, export, fixture, read, root};

/// A folder of careers to export: the seed, the compare fixtures, the
/// Spanish one, and (when `with_broken`) a profile with an error.
pub fn careers(dir: &Path, with_broken: bool) -> PathBuf {
    let profiles = dir.join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    for source in [
        root().join(SEED_PROFILE),
        fixture("compare/archivists.yaml"),
        fixture("compare/museum-guides.yaml"),
        fixture("locales/tecnicos-en-bibliotecas.yaml"),
        fixture("valid/short-with-sources.yaml"),
    ] {
        std::fs::copy(&source, profiles.join(source.file_name().unwrap())).unwrap();
    }
    if with_broken {
        std::fs::copy(
            fixture("invalid/missing-title.yaml"),
            profiles.join("missing-title.yaml"),
        )
        .unwrap();
    }
    profiles
}

/// `pathways export PROFILES --out OUT ARGS...`, into a folder made first.
fn export_into(profiles: &Path, out: &Path, args: &[&str]) -> Run {
    std::fs::create_dir_all(out).unwrap();
    Run::of(export(profiles, out).args(args))
}

/// Every `id="..."` of an HTML page.
fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
        .collect()
}

#[test]
fn the_booklet_has_a_cover_contents_by_category_and_every_career_on_its_own_pages() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), true);
    let out = dir.path().join("out");
    let output = export_into(
        &profiles,
        &out,
        &["--format", "html", "--book", "careers.html"],
    );
    output.assert_code(1);
    let html = std::fs::read_to_string(out.join("careers.html")).unwrap();

    // The cover: the default title.
    assert!(html.contains("<title>Careers – Career Booklet</title>"));
    assert!(html.contains("<h1>Careers</h1>"));
    assert!(html.contains("5 careers, grouped by category and career type."));

    // The contents: by category (in dictionary order), then title.
    let contents = html.split("<main>").next().unwrap();
    let order: Vec<&str> = contents
        .split("<a href=\"#career-")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
        .collect();
    assert_eq!(
        order,
        [
            "museum-guides",
            "tecnicos-en-bibliotecas",
            "archivists",
            "library-technicians",
            "short-with-sources",
        ],
        "Arts & Culture, Educación y formación, then Education & Training (Heritage Careers, Stable Careers, none)"
    );
    assert!(
        contents.contains("<h3>Arts &amp; Culture <span class=\"count\">(1 career)</span></h3>")
    );

    // The chapters, in the contents' order, each on pages named for it.
    let chapters: Vec<&str> = html
        .split("<div class=\"chapter\" id=\"career-")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id))
        .collect();
    assert_eq!(chapters, order);
    for (number, id) in order.iter().enumerate() {
        assert!(html.contains(&format!("#career-{id} {{ page: chapter-{}; }}", number + 1)));
    }
    assert!(html.contains(
        "@page chapter-4 { @top-center { content: \"Library Technicians\"; font: 9pt sans-serif; color: #444; } }"
    ));
    assert!(
        html.contains(
            "<div class=\"chapter\" id=\"career-tecnicos-en-bibliotecas\" lang=\"es-MX\">"
        )
    );

    // One page: every id once, every link inside it finds its target.
    let ids = ids(&html);
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "an id used twice");
    for target in html
        .split("href=\"#")
        .skip(1)
        .filter_map(|r| r.split_once('"'))
    {
        assert!(
            unique.contains(target.0),
            "a link to #{} goes nowhere",
            target.0
        );
    }
    assert!(html.contains("id=\"library-technicians--overview\""));
    // The booklet's contents are its only navigation, and each career is
    // one named article: no two landmarks share a name, even for careers
    // of one title.
    assert_eq!(html.matches("<nav").count(), 1);
    let main = html.split("<main>").nth(1).unwrap();
    assert_eq!(main.matches("aria-labelledby=").count(), chapters.len());
    assert!(!html.contains("<script"));

    // The profile with an error is skipped, said last, and not in the booklet.
    assert!(!html.contains("missing-title"));
    let last = output.stderr.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("Not in the booklet careers.html (1 profile): ")
            && last.ends_with("missing-title.yaml"),
        "{}",
        output.seen()
    );
}

#[test]
fn a_booklet_of_handouts_with_its_own_title() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let out = dir.path().join("out");
    export_into(
        &profiles,
        &out,
        &[
            "--format",
            "markdown",
            "--template",
            "handout",
            "--book",
            "fair.html",
            "--book-title",
            "Spring Careers Fair <2027>",
        ],
    )
    .assert_code(0);
    let html = std::fs::read_to_string(out.join("fair.html")).unwrap();
    assert!(html.contains("<h1>Spring Careers Fair &lt;2027&gt;</h1>"));
    assert!(html.contains("<body class=\"book handout\">"));
    assert_eq!(
        html.matches("<p class=\"kicker\">Career Handout</p>")
            .count(),
        4
    );
    assert_eq!(
        html.matches("<p class=\"kicker\">Ficha profesional</p>")
            .count(),
        1
    );
    // The reports themselves are Markdown, as asked.
    assert!(out.join("archivists.md").exists() && !out.join("archivists.html").exists());
}

#[test]
fn the_booklet_is_written_only_into_the_output_folder_and_only_as_html_or_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let out = dir.path().join("out");
    let elsewhere = dir.path().join("careers.html");
    export_into(&profiles, &out, &["--book", &elsewhere.to_string_lossy()])
        .assert_code(2)
        .assert_stderr_has("the booklet is written into the --out folder");
    assert!(!elsewhere.exists());
    export_into(&profiles, &out, &["--book", "careers.md"])
        .assert_code(2)
        .assert_stderr_has("a booklet is HTML or PDF");
    // Naming the folder itself is fine.
    let inside = out.join("inside.html");
    export_into(&profiles, &out, &["--book", &inside.to_string_lossy()]).assert_code(0);
    assert!(inside.exists());
    // A booklet never replaces a report or the index, nor takes a name
    // Windows keeps for a device.
    export_into(&profiles, &out, &["--book", "archivists.html"])
        .assert_code(2)
        .assert_stderr_has("would replace a report of this export");
    for name in [
        "index.html",
        "CON.html",
        "nul.pdf",
        "con .html",
        "CONIN$.html",
        "com0.pdf",
    ] {
        export_into(&profiles, &out, &["--book", name])
            .assert_code(2)
            .assert_stderr_has("cannot name the booklet");
    }
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("All Careers")
    );
    export_into(&profiles, &out, &["--book-title", "X"]).assert_code(2);
}

#[test]
fn a_template_set_without_the_block_a_booklet_takes_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("plain.html.j2"), "<p>{{ title }}</p>\n").unwrap();
    let out = dir.path().join("out");
    let output = export_into(
        &profiles,
        &out,
        &[
            "--format",
            "html",
            "--templates",
            &templates.to_string_lossy(),
            "--template",
            "plain",
            "--book",
            "careers.html",
        ],
    );
    output
        .assert_code(2)
        .assert_stderr_has("The booklet was not written")
        .assert_stderr_has(
            "`plain.html.j2` has no block `career`, which a booklet takes of each career",
        );
    assert!(!out.join("careers.html").exists());
    assert!(
        !output.stderr.contains("Not in the booklet"),
        "{}",
        output.seen()
    );
}

/// Every contents link of a PDF booklet, as the page (from 0) it goes to,
/// and the number of pages.
fn contents_links(pdf: &Path) -> (Vec<usize>, usize) {
    let pdf = lopdf::Document::load(pdf).unwrap();
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let mut targets = Vec::new();
    for page in &pages {
        for link in pdf.get_page_annotations(*page).unwrap() {
            let dest = link
                .get(b"Dest")
                .and_then(|d| pdf.dereference(d))
                .and_then(|(_, d)| d.as_array());
            if let Ok(dest) = dest {
                let to = dest[0].as_reference().unwrap();
                targets.push(pages.iter().position(|p| *p == to).unwrap());
            }
        }
    }
    (targets, pages.len())
}

/// A booklet typeset in parts (here of two chapters) has the pages of the
/// booklet typeset whole, and its contents link to the same pages.
#[test]
fn a_pdf_booklet_in_parts_links_its_contents_as_the_whole_one_does() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let args = [
        "--format",
        "html",
        "--template",
        "handout",
        "--book",
        "book.pdf",
        "--quiet",
    ];
    export_into(&profiles, &dir.path().join("whole"), &args).assert_code(0);
    let parts = dir.path().join("parts");
    std::fs::create_dir_all(&parts).unwrap();
    Run::of(
        export(&profiles, &parts)
            .args(args)
            .env("PATHWAYS_BOOK_PART_CHAPTERS", "2"),
    )
    .assert_code(0);
    let whole = contents_links(&dir.path().join("whole/book.pdf"));
    assert_eq!(whole.0.len(), 5, "a link per career: {whole:?}");
    assert_eq!(contents_links(&parts.join("book.pdf")), whole);
}

/// Contents laid out in runs too short to fill a page (one career each)
/// outgrow the first guess of their length: the page numbers are worked out
/// again until they settle, and every link still goes to its chapter, the
/// first right after the contents.
#[test]
fn contents_longer_than_guessed_still_link_each_career_to_its_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let out = dir.path().join("runs");
    std::fs::create_dir_all(&out).unwrap();
    Run::of(
        export(&profiles, &out)
            .args([
                "--format",
                "html",
                "--template",
                "handout",
                "--book",
                "book.pdf",
                "--quiet",
            ])
            .env("PATHWAYS_BOOK_PART_CHAPTERS", "2")
            .env("PATHWAYS_BOOK_CONTENTS_RUN", "1"),
    )
    .assert_code(0);
    let (targets, pages) = contents_links(&out.join("book.pdf"));
    // The cover, then five runs of contents, a page each.
    assert_eq!(targets.first(), Some(&6), "{targets:?}");
    assert!(
        targets.windows(2).all(|pair| pair[0] < pair[1]),
        "{targets:?}"
    );
    assert!(*targets.last().unwrap() < pages, "{targets:?} of {pages}");
    assert_eq!(targets.len(), 5);
}

/// Only a PDF booklet is typeset in parts: an HTML booklet of the same
/// careers, past the length that splits a PDF, is one HTML page with every
/// chapter.
#[test]
fn an_html_booklet_is_never_split_into_parts() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = careers(dir.path(), false);
    let out = dir.path().join("html");
    std::fs::create_dir_all(&out).unwrap();
    Run::of(
        export(&profiles, &out)
            .args(["--format", "html", "--book", "book.html", "--quiet"])
            .env("PATHWAYS_BOOK_PART_CHAPTERS", "1"),
    )
    .assert_code(0);
    let html = read(&out.join("book.html"));
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..html.len().min(200)]
    );
    assert_eq!(html.matches("<div class=\"chapter\"").count(), 5, "{html}");
}

/// The summary counts the booklet among the files written, and names
/// profiles left out of a booklet only when a booklet was written and some
/// profile was skipped.
#[test]
fn the_summary_counts_the_booklet_and_names_only_profiles_left_out_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join(SEED_PROFILE);
    let broken = fixture("invalid/missing-title.yaml");
    let summary = |run: &Run| {
        run.stderr
            .lines()
            .find(|l| l.starts_with("Exported "))
            .map(str::to_owned)
    };
    // A booklet, nothing skipped: the report, three indexes and the booklet.
    let out = dir.path().join("booklet");
    let run = Run::of(export(&seed, &out).args(["--format", "html", "--book", "careers.html"]));
    run.assert_code(0);
    assert!(
        summary(&run).is_some_and(|s| s.contains("skipped 0, failed 0: wrote 5 files to ")),
        "{}",
        run.seen()
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 5);
    assert!(!run.stderr.contains("Not in the booklet"), "{}", run.seen());
    // A profile skipped, no booklet: nothing is said of one.
    let out = dir.path().join("no-booklet");
    let run = Run::of(export(&seed, &out).arg(&broken).args(["--format", "html"]));
    run.assert_code(1);
    assert!(
        summary(&run).is_some_and(|s| s.contains("skipped 1, failed 0: wrote 4 files to ")),
        "{}",
        run.seen()
    );
    assert!(!run.stderr.contains("Not in the booklet"), "{}", run.seen());
}
