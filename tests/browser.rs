//! Printing in a real browser (headless Chromium): page counts, text on the
//! pages, screenshots. These tests are ignored by a plain `cargo test`, and
//! say so; `.ci/run`, which installs Chromium and poppler-utils, runs them
//! with `cargo test --release --test main browser -- --ignored`, and then a missing
//! browser fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{SEED_PROFILE, export, pathways, root};

fn chromium(args: &[String], profile_dir: &Path) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile_dir.display()))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("Chromium cannot run: {e}"));
    assert!(
        status.status.success(),
        "chromium {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Print `html` to `pdf` as Chromium does, without its own header and footer.
fn print_to_pdf(html: &Path, pdf: &Path, profile_dir: &Path) {
    chromium(
        &[
            "--no-pdf-header-footer".to_owned(),
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", html.display()),
        ],
        profile_dir,
    );
}

/// A screenshot of `html` in a window `width` × `height` pixels, to look at.
fn screenshot(html: &Path, png: &Path, width: u32, height: u32, profile_dir: &Path) {
    chromium(
        &[
            format!("--window-size={width},{height}"),
            format!("--screenshot={}", png.display()),
            format!("file://{}", html.display()),
        ],
        profile_dir,
    );
    assert!(
        std::fs::metadata(png).unwrap().len() > 10_000,
        "{}",
        png.display()
    );
}

fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{program}` cannot run: {e}"));
    assert!(output.status.success(), "{program} {args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    tool("pdfinfo", &[&pdf.to_string_lossy()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Headings the template prints, read from its own HTML.
fn headings(html: &str) -> Vec<String> {
    html.split("<h2")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(_, r)| r))
        .filter_map(|rest| rest.split_once("</h2>").map(|(h, _)| h))
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

#[test]
#[ignore = "needs Chromium and poppler-utils: .ci/run runs it"]
fn reports_and_handouts_print_and_show_in_chromium() {
    let out: PathBuf = root().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let chrome_profile = tempfile::tempdir().unwrap();
    for template in ["report", "handout"] {
        for size in ["a4", "letter"] {
            let html = out.join(format!("{template}-{size}.html"));
            pathways()
                .args([
                    "render",
                    SEED_PROFILE,
                    "--template",
                    template,
                    "--page-size",
                    size,
                    "-o",
                ])
                .arg(&html)
                .assert()
                .code(0);
            let pdf = out.join(format!("{template}-{size}.pdf"));
            print_to_pdf(&html, &pdf, chrome_profile.path());
            let count = pages(&pdf);
            let info = tool("pdfinfo", &[&pdf.to_string_lossy()]);
            let expected_size = if size == "a4" { "(A4)" } else { "(letter)" };
            assert!(info.contains(expected_size), "{template} {size}: {info}");
            if template == "handout" {
                assert!((1..=2).contains(&count), "handout on {size}: {count} pages");
                // The shipped profile with every quick fact fits too.
                let rich_html = out.join(format!("handout-facts-{size}.html"));
                pathways()
                    .args([
                        "render",
                        "profiles/veterinary-technologists-and-technicians.yaml",
                        "--template",
                        "handout",
                        "--page-size",
                        size,
                        "-o",
                    ])
                    .arg(&rich_html)
                    .assert()
                    .code(0);
                let rich_pdf = out.join(format!("handout-facts-{size}.pdf"));
                print_to_pdf(&rich_html, &rich_pdf, chrome_profile.path());
                let rich_count = pages(&rich_pdf);
                assert!(
                    (1..=2).contains(&rich_count),
                    "facts handout on {size}: {rich_count} pages"
                );
                // Set in the PDF handout's face throughout, as one design.
                let fonts = tool("pdffonts", &[&pdf.to_string_lossy()]);
                assert!(fonts.contains("NotoSans"), "{fonts}");
                assert!(!fonts.contains("Serif"), "handout {size}: {fonts}");
            }
            eprintln!("{template} on {size}: {count} pages");
            let text = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]).replace('\u{a0}', " ");
            let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains("Library Technicians"),
                "{template} {size}: title"
            );
            for heading in headings(&std::fs::read_to_string(&html).unwrap()) {
                if heading == "Contents" {
                    continue; // the table of contents is for screens; print hides it
                }
                assert!(
                    flat.contains(&heading),
                    "{template} {size}: heading {heading:?} not in the PDF"
                );
            }
            if size == "a4" {
                for width in [375, 1280] {
                    let png = out.join(format!("{template}-{width}.png"));
                    screenshot(&html, &png, width, 2400, chrome_profile.path());
                }
            }
        }
    }
}

/// A short profile's report prints on one Letter page: its sources, in
/// small print, fit under the last section instead of on a page alone.
#[test]
#[ignore = "needs Chromium and poppler-utils: .ci/run runs it"]
fn a_short_report_keeps_its_sources_on_the_page() {
    let out = tempfile::tempdir().unwrap();
    let chrome_profile = tempfile::tempdir().unwrap();
    let html = out.path().join("short.html");
    pathways()
        .args([
            "render",
            "tests/fixtures/valid/short-with-sources.yaml",
            "-o",
        ])
        .arg(&html)
        .assert()
        .code(0);
    let pdf = out.path().join("short.pdf");
    print_to_pdf(&html, &pdf, chrome_profile.path());
    let text = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]);
    assert_eq!(pages(&pdf), 1, "{text}");
    assert!(text.contains("Sources") && text.contains("American Library Association"));
}

/// The handout in each shipped language, and in Arabic (no catalogue:
/// English labels, right to left), printed on A4: translated labels are
/// longer than English ones, and the handout still fits its two pages.
/// Screenshots are left in `target/browser/handout-<language>.png`.
#[test]
#[ignore = "needs Chromium and poppler-utils: .ci/run runs it"]
fn the_handout_prints_in_every_language() {
    let out: PathBuf = root().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let profiles = tempfile::tempdir().unwrap();
    let chrome_profile = tempfile::tempdir().unwrap();
    for (locale, heading) in [
        ("en-GB", "How to Get Started"),
        ("es-ES", "Cómo empezar"),
        ("fr-FR", "Comment débuter"),
        ("de-DE", "Der Einstieg"),
        ("ar-EG", "What the Job Is"),
    ] {
        let language = &locale[..2];
        let profile = if language == "ar" {
            root().join("tests/fixtures/rules/no-translation.yaml")
        } else {
            crate::locales::seed_in(locale, profiles.path())
        };
        let html = out.join(format!("handout-{language}.html"));
        pathways()
            .arg("render")
            .arg(&profile)
            .args(["--template", "handout", "--page-size", "a4", "-o"])
            .arg(&html)
            .assert()
            .code(0);
        let pdf = out.join(format!("handout-{language}.pdf"));
        print_to_pdf(&html, &pdf, chrome_profile.path());
        let count = pages(&pdf);
        eprintln!("handout in {locale} on A4: {count} pages");
        if language == "fr" {
            assert_eq!(count, 2, "the French handout prints on two A4 pages");
        } else {
            assert!((1..=2).contains(&count), "{locale}: {count} pages");
        }
        let text = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]).replace('\u{a0}', " ");
        assert!(text.contains(heading), "{locale}: {heading:?} not printed");
        let png = out.join(format!("handout-{language}.png"));
        screenshot(&html, &png, 1280, 1600, chrome_profile.path());
    }
}

/// Width and height of a PDF's first page, in points.
fn page_size(pdf: &Path) -> (f64, f64) {
    let info = tool("pdfinfo", &[&pdf.to_string_lossy()]);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_else(|| panic!("no page size in {info}"));
    let mut numbers = size
        .split_whitespace()
        .filter_map(|word| word.parse::<f64>().ok());
    (numbers.next().unwrap(), numbers.next().unwrap())
}

#[test]
#[ignore = "needs Chromium and poppler-utils: .ci/run runs it"]
fn a_comparison_prints_landscape_two_careers_on_one_page_four_on_two() {
    let out: PathBuf = root().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let chrome_profile = tempfile::tempdir().unwrap();
    let careers = [
        root().join(SEED_PROFILE),
        root().join("tests/fixtures/compare/archivists.yaml"),
        root().join("tests/fixtures/compare/museum-guides.yaml"),
        root().join("tests/fixtures/locales/tecnicos-en-bibliotecas.yaml"),
    ];
    for paper in ["a4", "letter"] {
        for (count, most) in [(2, 1), (4, 2)] {
            let html = out.join(format!("compare-{count}-{paper}.html"));
            pathways()
                .arg("compare")
                .args(&careers[..count])
                .args(["--page-size", paper, "-o"])
                .arg(&html)
                .assert()
                .code(0);
            let pdf = html.with_extension("pdf");
            print_to_pdf(&html, &pdf, chrome_profile.path());
            let printed = pages(&pdf);
            let (width, height) = page_size(&pdf);
            eprintln!("compare of {count} on {paper}: {printed} pages, {width} × {height} pt");
            assert!(width > height, "landscape: {width} × {height}");
            assert!(
                (1..=most).contains(&printed),
                "{count} careers on {paper}: {printed} pages, at most {most}"
            );
            let text = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]);
            assert!(
                text.contains("Archivists") && text.contains("First step"),
                "{text}"
            );
        }
    }
    let html = out.join("compare-4-a4.html");
    screenshot(
        &html,
        &out.join("compare-4-wide.png"),
        1280,
        1400,
        chrome_profile.path(),
    );
    screenshot(
        &html,
        &out.join("compare-4-narrow.png"),
        375,
        3000,
        chrome_profile.path(),
    );
}

#[test]
#[ignore = "needs Chromium and poppler-utils: .ci/run runs it"]
fn a_booklet_prints_every_career_from_a_new_page_under_its_own_title() {
    let out: PathBuf = root().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let profiles = crate::book::careers(dir.path(), false);
    let exported = dir.path().join("out");
    std::fs::create_dir_all(&exported).unwrap();
    export(&profiles, &exported)
        .args([
            "--format",
            "html",
            "--page-size",
            "a4",
            "--book",
            "booklet.html",
        ])
        .assert()
        .code(0);
    let html = out.join("booklet.html");
    std::fs::copy(exported.join("booklet.html"), &html).unwrap();
    let chrome_profile = tempfile::tempdir().unwrap();
    let pdf = out.join("booklet.pdf");
    print_to_pdf(&html, &pdf, chrome_profile.path());
    let count = pages(&pdf);
    eprintln!("booklet of 5 careers on A4: {count} pages");
    // The cover, the contents, then five careers of one page or more each.
    assert!(count >= 7, "{count} pages");
    let titles = [
        "Museum Guides",
        "Técnicos en bibliotecas",
        "Archivists",
        "Library Technicians",
        "School Librarians",
    ];
    let mut first_pages = Vec::new();
    for page in 1..=count {
        let number = page.to_string();
        let text = tool(
            "pdftotext",
            &[
                "-f",
                &number,
                "-l",
                &number,
                "-layout",
                &pdf.to_string_lossy(),
                "-",
            ],
        );
        let header = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        if page > 2 {
            assert!(
                titles.iter().any(|t| header.starts_with(t)),
                "page {page} is headed with its career's title, not {header:?}"
            );
        }
        // A career starts on the page that shows its masthead.
        if text.contains("CAREER PROFILE") || text.contains("PERFIL PROFESIONAL") {
            first_pages.push((page, header.to_owned()));
        }
    }
    let started: Vec<&str> = first_pages.iter().map(|(_, h)| h.as_str()).collect();
    assert_eq!(
        started.len(),
        5,
        "each career starts a page: {first_pages:?}"
    );
    for (title, header) in titles.iter().zip(&started) {
        assert!(header.starts_with(title), "{first_pages:?}");
    }
}
