//! PDF: reports and handouts typeset by the embedded Typst, on both papers;
//! the same bytes every time; profile text never run as Typst code. The
//! checks with poppler-utils and qpdf are ignored by `cargo test` and run by
//! `.ci/run` (`cargo test --release --test main pdf -- --ignored`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{Edit, Run, SEED_PROFILE, export, fixture, pathways, read, root};
use crate::fidelity::{HeadingStyle, assert_report_holds_page};

/// Render `profile` to `out` as PDF with `args`; the run must succeed.
fn render_pdf(profile: &Path, out: &Path, args: &[&str]) {
    let output = Run::of(
        pathways()
            .arg("render")
            .arg(profile)
            .arg("-o")
            .arg(out)
            .args(args),
    );
    output.assert_code(0);
    let bytes = std::fs::read(out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{}", out.display());
    assert!(
        bytes.trim_ascii_end().ends_with(b"%%EOF"),
        "a whole PDF: {}",
        out.display()
    );
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn the_output_file_name_chooses_pdf_and_the_same_profile_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    render_pdf(&fixture("valid/minimal.yaml"), &first, &[]);
    render_pdf(
        &fixture("valid/minimal.yaml"),
        &second,
        &["--format", "pdf"],
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn export_writes_a_pdf_per_profile_and_an_index_the_same_with_any_jobs() {
    let outs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().unwrap()).collect();
    for (out, jobs) in outs.iter().zip(["1", "2"]) {
        let output = Run::of(
            pathways()
                .args(["export", SEED_PROFILE, "tests/fixtures/valid/minimal.yaml"])
                .args([
                    "tests/fixtures/check/archivists.yaml",
                    "tests/fixtures/check/librarians.yaml",
                ])
                .args(["--format", "pdf", "-j", jobs, "--out"])
                .arg(out.path()),
        );
        output.assert_code(0);
        assert!(
            output.stderr.contains("Exported 4 profiles"),
            "{}",
            output.stderr
        );
    }
    let (one, two) = (files(outs[0].path()), files(outs[1].path()));
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        [
            "archivists.pdf",
            "index.pdf",
            "librarians.pdf",
            "library-technicians.pdf",
            "minimal.pdf"
        ]
    );
    assert!(one == two, "the same bytes with -j 1 and -j 2");
    let alone = outs[0].path().join("alone.pdf");
    render_pdf(Path::new(SEED_PROFILE), &alone, &[]);
    assert!(
        std::fs::read(&alone).unwrap() == one["library-technicians.pdf"],
        "export writes what render writes"
    );
}

/// The seed rendered to `out.pdf` in a folder whose `report.typ.j2` is `template`.
fn with_typst_template(template: &str) -> (Run, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.typ.j2"), template).unwrap();
    let out = dir.path().join("out.pdf");
    let output = Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "--templates"])
            .arg(dir.path())
            .arg("-o")
            .arg(&out),
    );
    (output, out, dir)
}

#[test]
fn a_broken_typst_template_is_named_with_the_line_typst_stopped_at() {
    let (output, out, _dir) = with_typst_template(
        "#set document(title: [{{ title }}])\n= {{ title }}\n#let broken = (\n",
    );
    output.assert_code(2);
    let stderr = &output.stderr;
    assert!(
        stderr.contains("Typst could not typeset what `report.typ.j2` made"),
        "{stderr}"
    );
    assert!(stderr.contains("line 3"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_typst_template_that_imports_a_package_gets_a_clear_error() {
    let (output, out, _dir) =
        with_typst_template("#import \"@preview/cetz:0.3.0\": canvas\n= {{ title }}\n");
    output.assert_code(2);
    assert!(!out.exists(), "nothing written");
    assert!(
        output.stderr.contains("does not load Typst packages"),
        "{}",
        output.stderr
    );
}

/// A template folder's Typst runs in a process with a time and a memory
/// limit: a loop that does not end and a document that eats memory are
/// stopped, naming the template, and plugins are not there at all.
#[test]
fn a_template_s_runaway_typst_is_stopped_naming_the_template() {
    for (typst, said) in [
        (
            "#for i in range(100000) { for j in range(100000) { } }",
            "was stopped",
        ),
        (
            "#let a = range(100000000).map(i => str(i))\n#a.len()",
            "was stopped",
        ),
        (
            "#plugin(bytes((0, 97, 115, 109, 1, 0, 0, 0)))",
            "unknown variable: plugin",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("report.typ.j2"),
            format!("#set document(title: [{{{{ title }}}}])\n= {{{{ title }}}}\n{typst}\n"),
        )
        .unwrap();
        let out = dir.path().join("out.pdf");
        let started = std::time::Instant::now();
        let output = Run::of(
            pathways()
                .args(["render", SEED_PROFILE, "--templates"])
                .arg(dir.path())
                .arg("-o")
                .arg(&out)
                .env("PATHWAYS_TYPST_SECONDS", "2"),
        );
        output.assert_code(2);
        output.assert_stderr_has("`report.typ.j2`");
        output.assert_stderr_has(said);
        assert!(!out.exists(), "nothing written");
        assert!(started.elapsed().as_secs() < 30, "stopped, not left to run");
    }
}

/// A tool's standard output; the tool must succeed.
fn tool(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{program} (poppler-utils, qpdf) must be installed: {e}"));
    assert!(
        output.status.success(),
        "{program} {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdftotext(file: &Path) -> String {
    pages_text(file, &[])
}

/// The seed's report and handout on A4 and Letter: page size, page count,
/// tagged, title and language, every font embedded, a sound file (qpdf),
/// and every line of the seed page in the report's text, in order.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn pdfs_pass_pdfinfo_pdffonts_qpdf_and_keep_every_line_of_the_page() {
    let dir = PathBuf::from("target/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    for (template, size, paper, pages) in [
        ("report", "a4", "(A4)", 12),
        ("report", "letter", "(letter)", 12),
        ("handout", "a4", "(A4)", 2),
        ("handout", "letter", "(letter)", 2),
    ] {
        let file = dir.join(format!("library-technicians-{template}-{size}.pdf"));
        render_pdf(
            Path::new(SEED_PROFILE),
            &file,
            &["--template", template, "--page-size", size],
        );
        let info = tool("pdfinfo", &[], &file);
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains("Title:           Library Technicians"),
            "{info}"
        );
        let page_size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        assert!(page_size.ends_with(paper), "{page_size}");
        let count: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(count, pages, "{}", file.display());
        let text = pdftotext(&file);
        assert!(!text.contains('\u{ad}'), "no soft hyphen");
        assert_pdf_is_sound(&file);
        if template == "report" {
            let body: String = text
                .lines()
                .filter(|line| !line.starts_with("Page ") && line.trim() != "Library Technicians")
                .collect::<Vec<_>>()
                .join("\n");
            assert_report_holds_page(&body, HeadingStyle::AsWritten);
        }
    }
}

/// pdffonts: every font embedded; qpdf: a sound file.
fn assert_pdf_is_sound(file: &Path) {
    let fonts = tool("pdffonts", &[], file);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: `emb` is the fifth from the end.
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {row}");
    }
    tool("qpdf", &["--check"], file);
}

/// The export's index as PDF: tagged, fonts embedded, sound, one link per career.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn the_pdf_index_passes_pdfinfo_pdffonts_and_qpdf() {
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(
        pathways()
            .args(["export", SEED_PROFILE, "tests/fixtures/valid/minimal.yaml"])
            .args(["--format", "pdf", "--template", "handout", "--out"])
            .arg(out.path()),
    );
    output.assert_code(0);
    let index = out.path().join("index.pdf");
    let info = tool("pdfinfo", &[], &index);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert_pdf_is_sound(&index);
    let text = pdftotext(&index);
    assert!(
        text.contains("Library Technicians") && text.contains("School Librarians"),
        "{text}"
    );
    // The paper and language of its careers' locale, as their reports have.
    assert!(
        info.contains("(letter)"),
        "US careers print on Letter: {info}"
    );
    let bytes = std::fs::read(&index).unwrap();
    assert!(
        contains(&bytes, b"/Lang(en-US)"),
        "the document's language is en-US"
    );

    // A Spanish (Mexico) career in an English index: its category and title
    // are marked as es-MX, not es-US.
    let out = tempfile::tempdir().unwrap();
    Run::of(
        pathways()
            .args([
                "export",
                SEED_PROFILE,
                "tests/fixtures/locales/tecnicos-en-bibliotecas.yaml",
            ])
            .args([
                "tests/fixtures/valid/minimal.yaml",
                "--format",
                "pdf",
                "--out",
            ])
            .arg(out.path()),
    )
    .assert_code(0);
    let bytes = std::fs::read(out.path().join("index.pdf")).unwrap();
    assert!(
        contains(&bytes, b"/Lang(es-MX)"),
        "the Spanish career is marked es-MX"
    );
    assert!(!contains(&bytes, b"/Lang(es-US)"), "no mixed tag");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Typst code in every field of a profile is printed, not run.
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn typst_code_in_every_field_prints_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let profile = fixture("hostile/typst-injection.yaml");
    let fields = read(&profile).matches("#read(").count();
    for template in ["report", "handout"] {
        let file = dir.path().join(format!("{template}.pdf"));
        render_pdf(&profile, &file, &["--template", template]);
        tool("qpdf", &["--check"], &file);
        let text: String = pdftotext(&file)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for payload in [
            "#read(\"/etc/passwd\")",
            "#import \"@preview/x:0.1.0\": *",
            "#include \"a.typ\"",
            "#eval(\"1+1\")",
            "$ x $",
            "<label> @ref",
        ] {
            let shown = text.matches(payload).count();
            if template == "report" {
                assert!(
                    shown >= fields - 2,
                    "{payload}: {shown} of {fields} fields\n{text}"
                );
            } else {
                assert!(shown >= 5, "{payload}: {shown}\n{text}");
            }
        }
        assert!(!text.contains("root:"), "nothing from /etc/passwd");
    }
}

/// A PDF on a terminal would be noise that can upset it: refused, with
/// what to do. `script` (util-linux) gives the command a terminal.
#[test]
fn a_pdf_is_not_written_to_a_terminal() {
    let binary = env!("CARGO_BIN_EXE_pathways");
    let command = format!("{binary} render tests/fixtures/valid/minimal.yaml --format pdf");
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux) gives the command a terminal");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("a PDF report is not written to a terminal; give -o FILE.pdf"),
        "{shown}"
    );
    assert!(!shown.contains("%PDF"), "{shown}");
}

/// The comparison as PDF, landscape: two careers on one page, four on at
/// most two; its text snapshotted; sound and with every font embedded.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn the_pdf_comparison_is_landscape_and_short() {
    let dir = PathBuf::from("target/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let careers = [
        PathBuf::from(SEED_PROFILE),
        fixture("compare/archivists.yaml"),
        fixture("compare/museum-guides.yaml"),
        fixture("locales/tecnicos-en-bibliotecas.yaml"),
    ];
    // Up to four careers fit one page, on A4 and on Letter: a comparison
    // just over a page is made smaller rather than leave a row or two alone.
    for (count, most, size) in [(2, 1, "a4"), (3, 1, "a4"), (4, 1, "a4"), (4, 1, "letter")] {
        let file = dir.join(format!("compare-{count}-{size}.pdf"));
        Run::of(
            pathways()
                .arg("compare")
                .args(&careers[..count])
                .args(["--page-size", size, "-o"])
                .arg(&file),
        )
        .assert_code(0);
        let info = tool("pdfinfo", &[], &file);
        assert!(info.contains("Tagged:          yes"), "{info}");
        let landscape = if size == "a4" {
            "841.89 x 595.276"
        } else {
            "792 x 612"
        };
        assert!(info.contains(landscape), "landscape {size}: {info}");
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(
            (1..=most).contains(&pages),
            "{count} careers: {pages} pages"
        );
        assert_pdf_is_sound(&file);
        // Each row's label is a row header (TH, scope Row), as in the HTML.
        let plain = String::from_utf8_lossy(&qdf(&file)).into_owned();
        let row_headers = plain.matches("/Scope /Row").count();
        assert!(
            row_headers >= 8,
            "{count} careers: {row_headers} row headers"
        );
        if count == 3 && size == "a4" {
            insta::assert_snapshot!("compare.pdf.txt", pdftotext(&file));
        }
    }
}

/// The booklet as PDF: a cover, contents with page numbers, each career
/// from a new page with its title at the top of each of its pages.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn the_pdf_booklet_has_contents_with_page_numbers_and_running_titles() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = crate::book::careers(dir.path(), false);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    Run::of(export(&profiles, &out).args(["--format", "html", "--book", "booklet.pdf"]))
        .assert_code(0);
    let file = out.join("booklet.pdf");
    std::fs::copy(&file, "target/pdf/booklet.pdf").unwrap();
    let info = tool("pdfinfo", &[], &file);
    assert!(info.contains("Title:           Careers"), "{info}");
    assert_pdf_is_sound(&file);
    let text = pdftotext(&file);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 7, "{} pages", pages.len());
    assert!(pages[0].contains("CAREER BOOKLET") && pages[0].contains("5 careers"));
    // The contents give each career's first page.
    let contents = pages[1];
    for title in ["Museum Guides", "Archivists", "Library Technicians"] {
        let line = contents
            .lines()
            .find(|l| l.starts_with(title))
            .unwrap_or_else(|| panic!("{title} not in the contents: {contents}"));
        let page: usize = line
            .rsplit(['.', ' '])
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no page number: {line:?}"));
        let first = pages[page - 1];
        assert!(
            first.contains("CAREER PROFILE") && first.contains(title),
            "{title} starts on page {page}: {first}"
        );
    }
    // Every page after the contents is headed with its career's title.
    for page in &pages[2..] {
        let header = page.lines().find(|l| !l.trim().is_empty()).unwrap();
        assert!(
            [
                "Museum Guides",
                "Técnicos en bibliotecas",
                "Archivists",
                "Library Technicians",
                "School Librarians"
            ]
            .contains(&header.trim()),
            "{header:?}"
        );
    }
}

/// A label from a template folder's catalogue is data: Typst code in it is
/// printed, never run, in the PDF, and HTML in it is shown as text.
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn typst_code_in_a_label_prints_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    std::fs::write(
        dir.path().join("locales/en.ftl"),
        "colon = { $label }#text(fill: red, size: 30pt)[INJECTED]<b>bold</b>\n",
    )
    .unwrap();
    let pdf = dir.path().join("out.pdf");
    render_pdf(
        &crate::common::root().join(SEED_PROFILE),
        &pdf,
        &["--templates", dir.path().to_str().unwrap()],
    );
    let text = pdftotext(&pdf);
    assert!(
        text.contains("#text(fill: red, size: 30pt)[INJECTED]"),
        "the label's code is printed as text:\n{text}"
    );
    let html = dir.path().join("out.html");
    Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "--templates"])
            .arg(dir.path())
            .arg("-o")
            .arg(&html),
    )
    .assert_code(0);
    let page = read(&html);
    assert!(!page.contains("<b>bold</b>"), "no live HTML from a label");
    assert!(page.contains("&lt;b&gt;bold&lt;"), "shown as text");
    // A label that would loop for ever as Typst is text too, set at once.
    std::fs::write(
        dir.path().join("locales/en.ftl"),
        "colon = { $label }#for i in range(100000) {\"{\"} for j in range(100000) {\"{\"}{\"}\"} {\"}\"}\n",
    )
    .unwrap();
    let started = std::time::Instant::now();
    render_pdf(
        &crate::common::root().join(SEED_PROFILE),
        &pdf,
        &["--templates", dir.path().to_str().unwrap()],
    );
    assert!(started.elapsed().as_secs() < 20, "not run");
    assert!(pdftotext(&pdf).contains("#for i in range(100000)"));
}

/// Profiles with fields far taller than a page (a 1,500-word list entry, a
/// 2,500-word salary stage, a 1,500-word misconception, a 1,200-word
/// skill), a word of 5,000 letters, and many sections. Every generated word
/// is `w<n><letters>`, unique, so it can be looked for.
fn tall_profiles(dir: &Path) -> Vec<PathBuf> {
    let mut seed: u64 = 0x5eed;
    let mut word_number = 0;
    let mut words = |count: usize| -> String {
        (0..count)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let letters: String = (0..3 + (seed >> 61) as usize)
                    .map(|i| char::from(b'a' + ((seed >> (i * 5)) % 26) as u8))
                    .collect();
                word_number += 1;
                format!("w{word_number}{letters}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let minimal = read(&fixture("valid/minimal.yaml"));
    let shapes = [
        minimal.edited(
            "      - Run the collection",
            &format!("      - title: Long\n        text: {}.", words(1500)),
        ),
        minimal.edited(
            "{ stage: entry, min: 40000, max: 48000 }",
            &format!("{{ stage: \"{}\", min: 40000, max: 48000 }}", words(2500)),
        ),
        minimal.edited(
            "  getting_started:",
            &format!(
                "  misconceptions:\n    items:\n      - myth: {}.\n        reality: {}.\n  getting_started:",
                words(1500),
                words(1500)
            ),
        ),
        minimal
            .edited("      - Organisation", &format!("      - \"{}\"", words(1200)))
            .edited(
                "School librarians run the library of a school.",
                &format!("Start w0{} end.", "abcdefghij".repeat(500)),
            ),
        {
            let sections = [
                "fun_facts",
                "career_path",
                "challenges",
                "gaining_experience",
                "demand",
                "training",
                "work_environment",
                "industry_sectors",
                "employers",
                "tools",
                "related_careers",
                "internships",
            ];
            let many: String = sections
                .iter()
                .map(|id| format!("  {id}:\n    intro: {}.\n", words(300)))
                .collect();
            minimal.edited("  outlook:", &format!("{many}  outlook:"))
        },
    ];
    shapes
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let path = dir.join(format!("tall-{index}.yaml"));
            std::fs::write(
                &path,
                text.edited("id: minimal", &format!("id: tall-{index}")),
            )
            .unwrap();
            path
        })
        .collect()
}

/// The generated words (`w<n><letters>`) of a Markdown text, lower case;
/// a word longer than 40 letters as its pieces of 40, where the PDF may
/// break it (page furniture can stand between the pieces of a word broken
/// at the end of a page).
fn generated_words(markdown: &str) -> std::collections::BTreeSet<String> {
    words_in(markdown)
        .into_iter()
        .filter(|word| word.starts_with('w') && word[1..].starts_with(|c: char| c.is_ascii_digit()))
        .flat_map(|word| {
            let letters: Vec<char> = word.chars().collect();
            letters
                .chunks(40)
                .map(|piece| piece.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every run of letters and digits in `text`, lower case; the zero-width
/// spaces that let a long word break in a PDF part it.
fn words_in(text: &str) -> std::collections::BTreeSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Nothing is lost in PDF: every word the Markdown report, handout and
/// comparison hold is in the PDF's text too, however tall a field is and
/// however long a word (blocks split across pages, long words broken).
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn a_pdf_holds_every_word_the_markdown_holds() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = tall_profiles(dir.path());
    let mut documents: Vec<(String, Vec<String>)> = Vec::new();
    for profile in &profiles {
        let profile = profile.to_string_lossy().into_owned();
        for template in ["report", "handout"] {
            documents.push((
                format!("{profile} {template}"),
                vec![
                    "render".into(),
                    profile.clone(),
                    "--template".into(),
                    template.into(),
                ],
            ));
        }
        documents.push((
            format!("{profile} compare"),
            vec![
                "compare".into(),
                profile.clone(),
                crate::common::root()
                    .join(SEED_PROFILE)
                    .to_string_lossy()
                    .into_owned(),
            ],
        ));
    }
    for (name, args) in documents {
        let markdown = Run::of(pathways().args(&args).args(["--format", "markdown"]));
        markdown.assert_code(0);
        let pdf = dir.path().join("out.pdf");
        Run::of(pathways().args(&args).arg("-o").arg(&pdf)).assert_code(0);
        tool("qpdf", &["--check"], &pdf);
        let wanted = generated_words(&markdown.stdout);
        // A handout or comparison may leave out the field a profile makes
        // tall; the full report never does.
        assert!(
            !wanted.is_empty() || !name.ends_with("report"),
            "{name}: the generated words are in the Markdown"
        );
        let found = words_in(&pdftotext(&pdf));
        let lost: Vec<&String> = wanted.difference(&found).collect();
        assert!(
            lost.is_empty(),
            "{name}: {} of {} words are not in the PDF, such as {:?}",
            lost.len(),
            wanted.len(),
            &lost[..lost.len().min(5)]
        );
    }
}

/// The colon after a French label stands after a no-break space in PDF too
/// (the salary table's caption once had it hard-coded: "(USD, par an):").
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn french_pdf_puts_a_space_before_its_colons() {
    let dir = tempfile::tempdir().unwrap();
    let profile = crate::locales::seed_in("fr-FR", dir.path());
    let pdf = dir.path().join("fr.pdf");
    render_pdf(&profile, &pdf, &[]);
    let text = pdftotext(&pdf);
    assert!(text.contains("(USD, par an) :"), "{text}");
    assert!(!text.contains("par an):"), "{text}");
}

/// The text pdftotext reads from `file` with `args`.
fn pages_text(file: &Path, args: &[&str]) -> String {
    let output = Command::new("pdftotext")
        .args(args)
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(output.status.success(), "pdftotext {}", file.display());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `count` one-page careers, in two categories, in a new folder.
fn many_careers(dir: &Path, count: usize) -> PathBuf {
    let profiles = dir.join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    for n in 1..=count {
        let category = if n % 3 == 0 {
            "Health"
        } else {
            "Education & Training"
        };
        let profile = minimal
            .edited("id: minimal", &format!("id: career-{n}"))
            .edited(
                "title: School Librarians",
                &format!("title: Librarians {n}"),
            )
            .edited(
                "category: Education & Training",
                &format!("category: {category}"),
            );
        std::fs::write(profiles.join(format!("career-{n}.yaml")), profile).unwrap();
    }
    profiles
}

/// Export `profiles` with a PDF booklet of handouts, with `env` set; the booklet.
fn export_booklet(profiles: &Path, out: &Path, env: &[(&str, &str)]) -> PathBuf {
    let mut command = pathways();
    command
        .args(["export", "--format", "html", "--template", "handout"])
        .args(["--no-index", "--quiet", "--book", "book.pdf", "--out"])
        .arg(out)
        .arg(profiles);
    for (name, value) in env {
        command.env(name, value);
    }
    Run::of(&mut command).assert_code(0);
    out.join("book.pdf")
}

/// A long booklet is typeset in parts and joined: here 70 careers, the
/// chapters in parts of 20 and the contents in runs of 50 careers (the
/// first run ends partway down its second page). It reads as the booklet
/// typeset whole, page for page; it is a sound, tagged PDF; and each link
/// of the contents goes to its career's first page.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn a_booklet_typeset_in_parts_reads_as_the_booklet_typeset_whole() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = many_careers(dir.path(), 70);
    let whole = export_booklet(&profiles, &dir.path().join("whole"), &[]);
    let parts = export_booklet(
        &profiles,
        &dir.path().join("parts"),
        &[
            ("PATHWAYS_BOOK_PART_CHAPTERS", "20"),
            ("PATHWAYS_BOOK_CONTENTS_RUN", "50"),
        ],
    );
    let text = pages_text(&parts, &["-layout"]);
    assert_eq!(
        pages_text(&whole, &["-layout"]),
        text,
        "the same text on the same pages"
    );
    let info = tool("pdfinfo", &[], &parts);
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim();
    assert!(
        text.contains("Librarians 70") && text.contains(&format!("Page {count} of {count}")),
        "{text}"
    );
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Careers"), "{info}");
    assert_pdf_is_sound(&parts);

    let pdf = lopdf::Document::load(&parts).unwrap();
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    let mut links = 0;
    for page in &pages[1..4] {
        for link in pdf.get_page_annotations(*page).unwrap() {
            let alt = String::from_utf8_lossy(link.get(b"Contents").unwrap().as_str().unwrap())
                .into_owned();
            let (title, _) = alt.split_once(", Page ").expect(&alt);
            let dest = link.get(b"Dest").unwrap().as_array().unwrap();
            let target = pages
                .iter()
                .position(|p| *p == dest[0].as_reference().unwrap())
                .unwrap()
                + 1;
            let number = target.to_string();
            let on_page = pages_text(&parts, &["-f", &number, "-l", &number]);
            assert!(
                on_page.contains(&format!("{title}\n")),
                "the link to {title} goes to page {target}: {on_page}"
            );
            links += 1;
        }
    }
    assert_eq!(links, 70, "a link per career in the contents");
}

/// In a booklet whose contents are laid out in runs, a run that shows only
/// the careers of no type still names them as the whole booklet does: the
/// category has careers of two types, though this run shows one.
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn a_run_of_contents_names_a_type_as_the_whole_contents_do() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    for n in 1..=4 {
        let profile = minimal
            .edited("id: minimal", &format!("id: career-{n}"))
            .edited(
                "title: School Librarians",
                &format!("title: Librarians {n}"),
            );
        let profile = if n <= 2 {
            profile.edited(
                "category: Education & Training",
                "category: Education & Training\ncareer_type: Stable Careers",
            )
        } else {
            profile
        };
        std::fs::write(profiles.join(format!("career-{n}.yaml")), profile).unwrap();
    }
    let whole = export_booklet(&profiles, &dir.path().join("whole"), &[]);
    let runs = export_booklet(
        &profiles,
        &dir.path().join("runs"),
        &[
            ("PATHWAYS_BOOK_PART_CHAPTERS", "2"),
            ("PATHWAYS_BOOK_CONTENTS_RUN", "2"),
        ],
    );
    let named = |file: &Path| {
        pages_text(file, &[])
            .matches("Other types of career")
            .count()
    };
    assert_eq!(named(&whole), 1);
    assert_eq!(named(&runs), 1);
}

/// Whether a PDF claims PDF/UA-1 (its XMP metadata names the part).
fn claims_pdf_ua(file: &Path) -> bool {
    let bytes = std::fs::read(file).unwrap();
    bytes.windows(12).any(|w| w == b"pdfuaid:part")
}

const SCRIPTS: [&str; 6] = ["ar", "he", "hi", "ja", "zh", "ru"];

/// The profile written in `language` (the Japanese one is also a locale fixture).
fn script_fixture(language: &str) -> PathBuf {
    if language == "ja" {
        fixture("locales/library-technicians-ja.yaml")
    } else {
        fixture(&format!("scripts/library-technicians-{language}.yaml"))
    }
}

/// With only the built-in fonts (Noto Sans: Latin, Greek, Cyrillic), text in
/// another script is never silently boxed: a `missing-glyph` warning names
/// the script, the characters, the field and the font package, and the PDF
/// is made without claiming PDF/UA; `--accessible-pdf` refuses it (exit 1,
/// no file). Russian needs nothing more.
#[test]
fn text_no_pdf_font_shows_is_a_missing_glyph_warning_never_a_silent_box() {
    let dir = tempfile::tempdir().unwrap();
    for (language, script) in [
        ("ar", "Arabic"),
        ("he", "Hebrew"),
        ("hi", "Devanagari"),
        ("zh", "Han (Chinese, Japanese, Korean)"),
    ] {
        let profile = fixture(&format!("scripts/library-technicians-{language}.yaml"));
        let file = dir.path().join(format!("{language}.pdf"));
        Run::of(
            pathways()
                .arg("render")
                .arg(&profile)
                .args(["--no-system-fonts", "-o"])
                .arg(&file),
        )
        .assert_code(0)
        .assert_stderr_has(&format!(
            "warning[missing-glyph]: no font here shows the {script} characters of this text and"
        ))
        .assert_stderr_has("field: title")
        .assert_stderr_has("--font-path DIR");
        assert!(file.exists());
        assert!(!claims_pdf_ua(&file), "{language}: boxes are not PDF/UA");
        let refused = dir.path().join(format!("{language}-refused.pdf"));
        Run::of(
            pathways()
                .arg("render")
                .arg(&profile)
                .args(["--no-system-fonts", "--accessible-pdf", "-o"])
                .arg(&refused),
        )
        .assert_code(1)
        .assert_stderr_has("error[missing-glyph]");
        assert!(!refused.exists(), "{language}: nothing written");
    }
    // Russian text is in the built-in font; the rouble sign its money is
    // printed with is not, and that is said too, at the profile's locale.
    let russian = dir.path().join("ru.pdf");
    let run = Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-ru.yaml"))
            .args(["--no-system-fonts", "-o"])
            .arg(&russian),
    );
    run.assert_code(0)
        .assert_stderr_has(
            "warning[missing-glyph]: no font here shows ₽, which a PDF in ru-RU prints",
        )
        .assert_stderr_has("field: locale");
    assert_eq!(
        run.stderr.matches("missing-glyph").count(),
        1,
        "{}",
        run.seen()
    );
    assert!(!claims_pdf_ua(&russian));
    // That finding follows the rule's severity like any other: an error
    // under --accessible-pdf, nothing under a policy that turns it off.
    Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-ru.yaml"))
            .args(["--no-system-fonts", "--accessible-pdf", "-o"])
            .arg(dir.path().join("ru-refused.pdf")),
    )
    .assert_code(1)
    .assert_stderr_has("error[missing-glyph]: no font here shows ₽");
    assert!(!dir.path().join("ru-refused.pdf").exists());
    let policy = dir.path().join("policy.yaml");
    std::fs::write(&policy, "rules:\n  missing-glyph: off\n").unwrap();
    let quiet = Run::of(
        pathways()
            .arg("export")
            .arg(fixture("scripts/library-technicians-ru.yaml"))
            .args(["--no-system-fonts", "-v", "-f", "pdf", "--policy"])
            .arg(&policy)
            .arg("--out")
            .arg(dir.path().join("ru-export")),
    );
    quiet.assert_code(0);
    assert!(!quiet.stderr.contains("missing-glyph"), "{}", quiet.seen());
    // Only a PDF has fonts to lack: HTML leaves them to the browser.
    let html = Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-zh.yaml"))
            .args(["--no-system-fonts", "-f", "html"]),
    );
    assert!(!html.stderr.contains("missing-glyph"), "{}", html.seen());
}

/// A font folder that does not exist is refused before anything is made.
#[test]
fn a_pdf_font_folder_that_is_not_there_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.pdf");
    Run::of(
        pathways()
            .args(["render", SEED_PROFILE, "--font-path", "no/such/fonts", "-o"])
            .arg(&file),
    )
    .assert_code(2)
    .assert_stderr_has("the font folder no/such/fonts does not exist");
    assert!(!file.exists());
}

/// With the Noto fonts CI installs (fonts-noto-core, fonts-noto-cjk), found
/// as system fonts and, with the system's turned off, through
/// `--font-path`: every script's profile gives a PDF/UA file, no warning,
/// no `.notdef` glyph in its content streams, and pdftotext gives back
/// every word of its text (an Arabic lam-alef ligature in the order poppler
/// gives it: see the comment below).
#[test]
#[ignore = "needs fonts-noto-core, fonts-noto-cjk and poppler-utils: .ci/run installs them"]
fn pdf_in_every_script_has_its_fonts_and_every_word() {
    let dir = tempfile::tempdir().unwrap();
    // The count of boxes is read as it should be: the built-in fonts alone
    // show Chinese as boxes, one per character.
    let boxed = dir.path().join("boxed.pdf");
    Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-zh.yaml"))
            .args(["--no-system-fonts", "-o"])
            .arg(&boxed),
    )
    .assert_code(0);
    assert!(notdef_glyphs(&boxed) > 100, "{}", notdef_glyphs(&boxed));
    for language in SCRIPTS {
        let profile = script_fixture(language);
        for fonts in [
            vec![],
            vec![
                "--no-system-fonts",
                "--font-path",
                "/usr/share/fonts/truetype/noto",
                "--font-path",
                "/usr/share/fonts/opentype/noto",
            ],
        ] {
            let file = dir.path().join(format!("{language}.pdf"));
            let run = Run::of(
                pathways()
                    .arg("render")
                    .arg(&profile)
                    .args(&fonts)
                    .args(["--accessible-pdf", "-o"])
                    .arg(&file),
            );
            run.assert_code(0);
            assert!(!run.stderr.contains("missing-glyph"), "{}", run.seen());
            assert!(claims_pdf_ua(&file), "{language} {fonts:?}");
            assert_eq!(notdef_glyphs(&file), 0, "{language} {fonts:?}");
            assert_pdf_is_sound(&file);
            if language == "ar" {
                // The ligature's glyph reads as lam then alef (U+0644 U+0627).
                let plain = String::from_utf8_lossy(&qdf(&file)).to_lowercase();
                assert!(plain.contains("<06440627>"), "lam-alef's Unicode map");
            }
            let shown: String = pdftotext(&file).split_whitespace().collect();
            for line in read(&profile).lines().filter(|l| !l.starts_with('#')) {
                let value = line.split_once(": ").map_or(line, |(_, v)| v);
                for word in value.split_whitespace() {
                    let word = word.trim_matches(|c: char| c.is_ascii_punctuation());
                    // An Arabic lam-alef ligature is one glyph, mapped to its
                    // two letters in reading order (checked below); poppler
                    // reverses the pair when it reorders right-to-left text,
                    // so such a word is found in that form.
                    let as_poppler_reads = word.replace("لا", "ال").replace("لى", "ىل");
                    if !word.is_empty() && !word.is_ascii() {
                        assert!(
                            shown.contains(word) || shown.contains(&as_poppler_reads),
                            "{language}: {word:?} lost"
                        );
                    }
                }
            }
        }
    }
}

/// On a right-to-left page with English labels (no Arabic catalogue), each
/// label is set apart from the line's direction, so its punctuation stays
/// at its end: "By career stage (EGP, per year):", not ":(EGP, per year)
/// By career stage" (pdftotext's word boxes, left to right).
#[test]
#[ignore = "needs fonts-noto-core and poppler-utils: .ci/run installs them"]
fn english_labels_on_a_right_to_left_pdf_keep_their_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ar.pdf");
    let profile = fixture("scripts/library-technicians-ar.yaml");
    Run::of(
        pathways()
            .arg("render")
            .arg(&profile)
            .args(["--template", "handout", "-o"])
            .arg(&file),
    )
    .assert_code(0);
    let boxes = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let boxes = String::from_utf8_lossy(&boxes.stdout).into_owned();
    let x_of = |word: &str| -> f64 {
        let line = boxes
            .lines()
            .find(|l| l.ends_with(&format!(">{word}</word>")))
            .unwrap_or_else(|| panic!("no word {word:?} in\n{boxes}"));
        let start = line.find("xMin=\"").unwrap() + 6;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    assert!(x_of("By") < x_of("(EGP,"), "{boxes}");
    assert!(x_of("(EGP,") < x_of("year):"), "{boxes}");
    assert!(x_of("Category:") > 0.0);
    // pdftotext gives right-to-left words in visual order (an Arabic title's
    // colon comes first), so only English words are looked at.
    let english_after_colon = boxes
        .match_indices(">:")
        .any(|(at, _)| boxes[at + 2..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '('));
    assert!(
        !english_after_colon,
        "no English word starts with its label's colon: {boxes}"
    );
}

/// The isolates around English labels on a right-to-left page are in the
/// plain text too (for viewers that apply the bidi algorithm), the colon
/// inside; the profile's own text, a step's Arabic title included, is not
/// isolated. A left-to-right page has none.
#[test]
fn english_labels_on_a_right_to_left_page_are_isolated_profile_text_is_not() {
    let profile = fixture("scripts/library-technicians-ar.yaml");
    let text = Run::of(pathways().arg("render").arg(&profile).args([
        "--template",
        "handout",
        "-f",
        "text",
    ]));
    text.assert_code(0)
        .assert_stdout_has("\u{2066}Category:\u{2069} التعليم والتدريب")
        .assert_stdout_has("1. تطوع: تطوع في مكتبة قريبة منك.");
    let russian = Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-ru.yaml"))
            .args(["-f", "text"]),
    );
    russian.assert_code(0);
    assert!(!russian.stdout.contains('\u{2066}'), "{}", russian.stdout);
}

/// A `missing-glyph` message names each missing character once, up to 12
/// with "…" after them; fewer are all named, with no "…".
#[test]
fn a_missing_glyph_message_names_each_character_once() {
    let dir = tempfile::tempdir().unwrap();
    let hindi = Run::of(
        pathways()
            .arg("render")
            .arg(fixture("scripts/library-technicians-hi.yaml"))
            .args(["--no-system-fonts", "-o"])
            .arg(dir.path().join("hi.pdf")),
    );
    hindi.assert_stderr_has(
        "the Devanagari characters of this text and 9 others (प ु स ् त क ा ल य न ी श …)",
    );
    let minimal = read(&fixture("valid/minimal.yaml"));
    let title = minimal.lines().find(|l| l.starts_with("title:")).unwrap();
    let profile = dir.path().join("minimal.yaml");
    std::fs::write(&profile, minimal.replace(title, "title: Librarians (أمين)")).unwrap();
    Run::of(
        pathways()
            .arg("render")
            .arg(&profile)
            .args(["--no-system-fonts", "-o"])
            .arg(dir.path().join("one.pdf")),
    )
    .assert_code(0)
    .assert_stderr_has("the Arabic characters of this text (أ م ي ن): the PDF");
}

/// An export checks the fonts of the PDFs it makes, a booklet's included,
/// and counts a `missing-glyph` warning with the others; HTML alone has no
/// fonts to lack.
#[test]
fn an_export_counts_missing_glyphs_only_when_it_makes_pdf() {
    let profiles = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("scripts/library-technicians-ru.yaml"),
        profiles.path().join("library-technicians-ru.yaml"),
    )
    .unwrap();
    for (args, warnings) in [
        (vec!["-f", "html"], "with 1 warning "),
        (vec!["-f", "html", "--book", "book.pdf"], "with 2 warnings "),
        (vec!["-f", "pdf"], "with 2 warnings "),
    ] {
        let out = tempfile::tempdir().unwrap();
        Run::of(
            export(profiles.path(), out.path())
                .arg("--no-system-fonts")
                .args(&args),
        )
        .assert_code(0)
        .assert_stderr_has(warnings);
    }
}

/// The headings `template` gives `profiles` in HTML (where they are marked
/// as such), as their text.
fn html_headings(profiles: &[PathBuf], command: &str, template: &str) -> Vec<String> {
    let mut run = pathways();
    run.arg(command).args(profiles).args(["-f", "html"]);
    if command == "render" {
        run.args(["--template", template]);
    }
    let html = Run::of(&mut run).stdout;
    let mut headings = Vec::new();
    for part in html.split("<h").skip(1) {
        let Some(level) = part.chars().next() else {
            continue;
        };
        if !('1'..='4').contains(&level) {
            continue;
        }
        let Some((_, rest)) = part.split_once('>') else {
            continue;
        };
        let Some((inner, _)) = rest.split_once(&format!("</h{level}>")) else {
            continue;
        };
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        headings.push(text.replace("&amp;", "&").trim().to_owned());
    }
    headings
}

/// The last line of text on each page, page numbers left out.
fn last_lines(file: &Path) -> Vec<String> {
    pdftotext(file)
        .split('\u{c}')
        .filter_map(|page| {
            page.lines()
                .map(str::trim)
                .rfind(|line| !line.is_empty() && !line.starts_with("Page "))
                .map(str::to_owned)
        })
        .collect()
}

/// No heading is the last line of a page, its content on the next: in the
/// seed's report and handout on A4 and Letter, a booklet of handouts, the
/// Spanish report, and the comparisons (checked from the PDF's text).
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn no_heading_ends_a_pdf_page() {
    let dir = tempfile::tempdir().unwrap();
    let seed = PathBuf::from(SEED_PROFILE);
    let spanish = fixture("locales/tecnicos-en-bibliotecas.yaml");
    let mut checked = 0;
    for (profile, template, size) in [
        (&seed, "report", "a4"),
        (&seed, "report", "letter"),
        (&seed, "handout", "a4"),
        (&seed, "handout", "letter"),
        (&spanish, "report", "a4"),
        (&spanish, "handout", "letter"),
    ] {
        let file = dir.path().join(format!("{template}-{size}.pdf"));
        render_pdf(
            profile,
            &file,
            &["--template", template, "--page-size", size],
        );
        let headings = html_headings(std::slice::from_ref(profile), "render", template);
        assert!(headings.len() > 3, "{headings:?}");
        for line in last_lines(&file) {
            assert!(
                !headings.contains(&line),
                "{}: the heading {line:?} ends a page",
                file.display()
            );
            checked += 1;
        }
    }
    let careers = [
        seed.clone(),
        fixture("compare/archivists.yaml"),
        fixture("compare/museum-guides.yaml"),
        spanish.clone(),
    ];
    let file = dir.path().join("compare.pdf");
    Run::of(
        pathways()
            .arg("compare")
            .args(&careers)
            .args(["-o"])
            .arg(&file),
    )
    .assert_code(0);
    let headings = html_headings(&careers, "compare", "");
    for line in last_lines(&file) {
        assert!(
            !headings.contains(&line),
            "comparison: {line:?} ends a page"
        );
        checked += 1;
    }
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    for career in &careers {
        std::fs::copy(career, profiles.join(career.file_name().unwrap())).unwrap();
    }
    let out = dir.path().join("out");
    Run::of(export(&profiles, &out).args([
        "-f",
        "html",
        "--template",
        "handout",
        "--no-index",
        "--book",
        "book.pdf",
    ]))
    .assert_code(0);
    let mut headings = Vec::new();
    for career in &careers {
        headings.extend(html_headings(
            std::slice::from_ref(career),
            "render",
            "handout",
        ));
    }
    for line in last_lines(&out.join("book.pdf")) {
        assert!(!headings.contains(&line), "booklet: {line:?} ends a page");
        checked += 1;
    }
    assert!(checked > 20, "{checked} pages");
}

/// How many glyphs the pages show as `.notdef` (glyph 0, a box), read from
/// the content streams: every font is a CID font whose strings are 2-byte
/// glyph ids, and subsetting keeps glyph 0 as `.notdef`.
fn notdef_glyphs(file: &Path) -> usize {
    let bytes = qdf(file);
    let text = String::from_utf8_lossy(&bytes);
    let mut count = 0;
    // `<…>Tj`, and the strings of `[…]TJ`.
    for (at, _) in text.match_indices("Tj").chain(text.match_indices("TJ")) {
        let before = &text[..at];
        let shown = if text[at..].starts_with("TJ") {
            before.rfind('[').map_or("", |open| &before[open..])
        } else {
            before.rfind('<').map_or("", |open| &before[open..])
        };
        for string in shown.split('<').skip(1) {
            let hex = string.split('>').next().unwrap_or("");
            count += hex
                .as_bytes()
                .chunks(4)
                .filter(|glyph| *glyph == b"0000")
                .count();
        }
    }
    count
}

/// The PDF rewritten by qpdf with every stream and object in plain sight.
fn qdf(file: &Path) -> Vec<u8> {
    let plain = file.with_extension("qdf.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(file)
        .arg(&plain)
        .status()
        .unwrap();
    assert!(status.success(), "qpdf --qdf {}", file.display());
    std::fs::read(&plain).unwrap()
}

/// A booklet's structure: its cover title is a heading (H1), its contents a
/// TOC, and a chapter in another language than the booklet's carries that
/// language.
#[test]
#[ignore = "needs qpdf: .ci/run runs it"]
fn a_pdf_booklet_has_a_cover_heading_and_each_chapter_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    for career in [
        PathBuf::from(SEED_PROFILE),
        fixture("locales/tecnicos-en-bibliotecas.yaml"),
    ] {
        std::fs::copy(&career, profiles.join(career.file_name().unwrap())).unwrap();
    }
    let out = dir.path().join("out");
    Run::of(export(&profiles, &out).args([
        "-f",
        "html",
        "--template",
        "handout",
        "--no-index",
        "--book",
        "book.pdf",
        "--book-title",
        "Our Careers",
    ]))
    .assert_code(0);
    let plain = String::from_utf8_lossy(&qdf(&out.join("book.pdf"))).into_owned();
    let objects: Vec<&str> = plain.split(" 0 obj").collect();
    assert!(
        objects
            .iter()
            .any(|o| o.contains("/S /H1") && o.contains("/T (Our Careers)")),
        "the cover title is a heading"
    );
    assert!(
        plain.contains("/Lang (es"),
        "the Spanish chapter says it is Spanish"
    );
    // The contents are a table of contents: one TOC, an entry (TOCI) for
    // each of its lines (two careers, each under its category and type).
    let roles = |role: &str| {
        objects
            .iter()
            .filter(|o| o.contains(&format!("/S /{role}\n")))
            .count()
    };
    assert_eq!((roles("TOC"), roles("TOCI")), (1, 6));
}

/// Run a PDF judge (`program` with `args` then the files); its exit code and output.
fn judge(program: &str, args: &[&str], files: &[PathBuf]) -> (i32, String) {
    let output = Command::new(program)
        .args(args)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}); .ci/run installs it"));
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

/// Every kind of PDF pathways makes passes the PDF/UA checks that run here
/// (veraPDF needs a download): `pdfua` from PyPI, with no finding, and the
/// pikepdf structure checks of `scripts/pdf-structure.py` (the document's
/// language, title and PDF/UA claim, structure types and their nesting,
/// headings not empty nor skipping a level, tables with header cells, the
/// contents as a TOC, links described and in the tab order, fonts embedded
/// with their Unicode maps). pdfua's one rule that stops with an error on
/// these files (UA-14-001, empty headings: pikepdf 10 raises on its test of
/// an array) is checked by the structure checks instead, and no other rule
/// may be skipped.
#[test]
#[ignore = "needs pdfua and pikepdf (PyPI), fonts-noto-core and fonts-noto-cjk: .ci/run installs them"]
fn pdfs_pass_pdfua_and_the_pikepdf_structure_checks() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name);
    let mut pdfs = Vec::new();
    for (name, args) in [
        ("report-a4.pdf", &["--page-size", "a4"][..]),
        ("report-letter.pdf", &["--page-size", "letter"]),
        (
            "handout-a4.pdf",
            &["--template", "handout", "--page-size", "a4"],
        ),
        (
            "handout-letter.pdf",
            &["--template", "handout", "--page-size", "letter"],
        ),
    ] {
        render_pdf(Path::new(SEED_PROFILE), &out(name), args);
        pdfs.push(out(name));
    }
    for language in SCRIPTS {
        for (template, suffix) in [("report", ""), ("handout", "-handout")] {
            let file = out(&format!("{language}{suffix}.pdf"));
            render_pdf(&script_fixture(language), &file, &["--template", template]);
            pdfs.push(file);
        }
    }
    let careers = [
        PathBuf::from(SEED_PROFILE),
        fixture("check/archivists.yaml"),
        fixture("check/librarians.yaml"),
        fixture("check/museum-technicians.yaml"),
    ];
    for count in [2, 4] {
        let file = out(&format!("compare-{count}.pdf"));
        Run::of(
            pathways()
                .arg("compare")
                .args(&careers[..count])
                .arg("-o")
                .arg(&file),
        )
        .assert_code(0);
        pdfs.push(file);
    }
    let profiles = many_careers(dir.path(), 12);
    for career in careers
        .iter()
        .chain([&script_fixture("ar"), &script_fixture("ja")])
    {
        std::fs::copy(career, profiles.join(career.file_name().unwrap())).unwrap();
    }
    Run::of(export(&profiles, out("export")).args(["-f", "pdf", "--quiet", "--book", "book.pdf"]))
        .assert_code(0);
    pdfs.push(out("export").join("index.pdf"));
    pdfs.push(out("export").join("book.pdf"));
    let parts = export_booklet(
        &profiles,
        &out("parts"),
        &[
            ("PATHWAYS_BOOK_PART_CHAPTERS", "4"),
            ("PATHWAYS_BOOK_CONTENTS_RUN", "6"),
        ],
    );
    pdfs.push(parts);

    let (code, report) = judge("python3", &["scripts/pdf-structure.py"], &pdfs);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report.matches(": ok (").count(), pdfs.len(), "{report}");

    let (code, report) = judge("pdfua", &["check", "--format", "json"], &pdfs);
    let results: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&report)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("pdfua's JSON ({e}): {report}"));
    assert_eq!(results.len(), pdfs.len(), "{report}");
    for result in &results {
        assert_eq!(result["summary"]["findings"], 0, "{result:#}");
        for skipped in result["skipped"].as_array().unwrap() {
            assert_eq!(skipped["rule_id"], "UA-14-001", "{result:#}");
            assert!(
                skipped["reason"].as_str().unwrap().contains("is_integer"),
                "only pdfua's known fault: {result:#}"
            );
        }
    }
    assert_eq!(code, 0, "{report}");

    // The structure checks find faults: a PDF with boxes is not PDF/UA.
    let boxed = out("boxed.pdf");
    Run::of(
        pathways()
            .arg("render")
            .arg(script_fixture("zh"))
            .args(["--no-system-fonts", "-o"])
            .arg(&boxed),
    )
    .assert_code(0);
    let (code, report) = judge("python3", &["scripts/pdf-structure.py"], &[boxed]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("does not claim PDF/UA-1"), "{report}");
}

/// The words of a PDF's page `page` (from 1) with where they are: (text,
/// left x, bottom y), from `pdftotext -bbox`; and the page's width and height.
fn placed_words(file: &Path, page: usize) -> (Vec<(String, f64, f64)>, f64, f64) {
    let first = page.to_string();
    let output = Command::new("pdftotext")
        .args(["-bbox", "-f", &first, "-l", &first])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let xhtml = String::from_utf8_lossy(&output.stdout);
    let number = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let page_tag = xhtml.split("<page ").nth(1).unwrap();
    let (width, height) = (number(page_tag, "width"), number(page_tag, "height"));
    let words = xhtml
        .split("<word ")
        .skip(1)
        .map(|word| {
            let text = word.split('>').nth(1).unwrap().split('<').next().unwrap();
            (text.to_owned(), number(word, "xMin"), number(word, "yMax"))
        })
        .collect();
    (words, width, height)
}

/// A short handout uses its page: its facts in two columns of about equal
/// length, set larger than the 10.5 pt minimum, the last of them in the
/// bottom quarter of the page above the closing line. The seed's long
/// handout takes two pages, alone and as a booklet's chapter, on A4 and Letter.
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn a_short_handout_fills_its_page_and_the_seed_takes_two() {
    let dir = tempfile::tempdir().unwrap();
    for size in ["a4", "letter"] {
        let file = dir.path().join(format!("electricians-{size}.pdf"));
        render_pdf(
            &fixture("handout/electricians.yaml"),
            &file,
            &["--template", "handout", "--page-size", size],
        );
        assert_eq!(pdftotext(&file).matches('\u{c}').count(), 1, "one page");
        let (words, width, height) = placed_words(&file, 1);
        let closing = words.iter().find(|(w, ..)| w == "·").unwrap().2;
        let lowest_fact = words
            .iter()
            .filter(|(_, _, y)| *y < closing - 1.0)
            .map(|(_, _, y)| *y)
            .fold(0.0, f64::max);
        assert!(
            lowest_fact > height * 0.75,
            "{size}: the facts end at {lowest_fact:.0} of {height:.0} pt"
        );
        // Both columns hold facts: the headings of the first and the last.
        let at = |word: &str| words.iter().find(|(w, ..)| w == word).unwrap();
        let (salary, related) = (at("Salary"), at("Related"));
        assert!(
            salary.1 < width / 2.0 && related.1 > width / 2.0,
            "{salary:?} {related:?}"
        );
        // Set larger than the 10.5 pt body text: a line of the list is taller.
        let skill = words
            .iter()
            .position(|(w, ..)| w == "Troubleshooting")
            .unwrap();
        let line_gap = words[skill + 1].2 - words[skill].2;
        assert!(line_gap > 10.5 * 1.55, "{line_gap:.1} pt between lines");
    }
    let profiles = dir.path().join("seed");
    std::fs::create_dir(&profiles).unwrap();
    std::fs::copy(SEED_PROFILE, profiles.join("library-technicians.yaml")).unwrap();
    for size in ["a4", "letter"] {
        let alone = dir.path().join(format!("seed-{size}.pdf"));
        render_pdf(
            Path::new(SEED_PROFILE),
            &alone,
            &["--template", "handout", "--page-size", size],
        );
        assert_eq!(pdftotext(&alone).matches('\u{c}').count(), 2, "{size}");
        let out = dir.path().join(format!("book-{size}"));
        Run::of(export(&profiles, &out).args([
            "-f",
            "html",
            "--template",
            "handout",
            "--no-index",
            "--quiet",
            "--page-size",
            size,
            "--book",
            "book.pdf",
        ]))
        .assert_code(0);
        // The shipped profile with every quick fact: two pages at most.
        let rich = dir.path().join(format!("rich-{size}.pdf"));
        render_pdf(
            Path::new("profiles/veterinary-technologists-and-technicians.yaml"),
            &rich,
            &["--template", "handout", "--page-size", size],
        );
        assert!(pdftotext(&rich).matches('\u{c}').count() <= 2, "{size}");
        // A cover, the contents, and the handout's two pages.
        assert_eq!(
            pdftotext(&out.join("book.pdf")).matches('\u{c}').count(),
            4,
            "{size}"
        );
    }
}

/// Every word of the quick facts, their sources and the codes is in the PDF
/// report and handout of the shipped profile that has every kind of fact.
#[test]
#[ignore = "needs poppler-utils: .ci/run runs it"]
fn the_pdf_shows_every_quick_fact_its_sources_and_codes() {
    let dir = tempfile::tempdir().unwrap();
    let profile = "profiles/veterinary-technologists-and-technicians.yaml";
    let text = Run::of(pathways().args(["render", profile, "-f", "text", "--width", "1000"]));
    text.assert_code(0);
    let lines: Vec<&str> = text.stdout.lines().collect();
    let block: Vec<&str> = lines
        .iter()
        .skip_while(|l| !l.starts_with("Also called"))
        .take_while(|l| !l.starts_with("AT A GLANCE"))
        .chain(lines.iter().filter(|l| l.starts_with("Occupation codes")))
        .copied()
        .collect();
    assert!(block.len() > 10, "{block:?}");
    for template in ["report", "handout"] {
        let pdf = dir.path().join(format!("{template}.pdf"));
        render_pdf(Path::new(profile), &pdf, &["--template", template]);
        // Compared without spaces and hyphens: a long address breaks
        // across lines, and pdftotext drops a hyphen at a line's end.
        let squeeze = |text: &str| -> String {
            text.chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '-' | ':' | '(' | ')'))
                .collect()
        };
        let shown = squeeze(&pdftotext(&pdf));
        for line in &block {
            if template == "handout" && line.starts_with("Occupation codes") {
                continue; // codes are the full report's
            }
            if line.starts_with("QUICK FACTS") || line.starts_with("---") {
                continue; // the text report's heading, upper case and underlined
            }
            let lost: Vec<&str> = line
                .split_whitespace()
                .filter(|word| !shown.contains(&squeeze(word)))
                .collect();
            assert!(lost.is_empty(), "{template}: {lost:?} of {line:?}");
        }
        // A credit line the source asks for: under the facts, and in the
        // report's sources.
        let credited = dir.path().join(format!("credited-{template}.pdf"));
        render_pdf(
            Path::new("tests/fixtures/facts/credited-facts.yaml"),
            &credited,
            &["--template", template],
        );
        let credit = squeeze(
            "This page includes information from the O*NET 27.0 Database by the U.S. Department \
             of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY \
             4.0 license. O*NET® is a trademark of USDOL/ETA. The counselling office has \
             modified all or some of this information. USDOL/ETA has not approved, endorsed, or \
             tested these modifications.",
        );
        let shown = squeeze(&pdftotext(&credited));
        let expected = if template == "report" { 2 } else { 1 };
        assert_eq!(
            shown.matches(&credit).count(),
            expected,
            "{template}: {shown}"
        );
    }
}

/// A table in a profile's text (here one import kept from a page) is a
/// table in the PDF: every cell's text is there, row by row, and the file
/// is sound.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn a_table_in_profile_text_is_a_table_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("veterinary-technicians.yaml");
    Run::of(
        pathways()
            .arg("import")
            .arg(fixture("pages/pay-table.txt"))
            .arg("-o")
            .arg(&profile),
    )
    .assert_code(0);
    let pdf = dir.path().join("veterinary-technicians.pdf");
    Run::of(pathways().arg("render").arg(&profile).arg("-o").arg(&pdf)).assert_code(0);
    assert_pdf_is_sound(&pdf);
    let text = pages_text(&pdf, &["-layout"]);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| line.split_whitespace().collect())
        .collect();
    for row in [
        &["Level", "Hourly", "pay"][..],
        &["Entry", "$17", "–", "$20"],
        &["Specialist", "$26", "–", "$32"],
        &["Shift", "Extra", "per", "hour"],
        &["Weekend", "$1.50"],
    ] {
        assert!(rows.iter().any(|r| r == row), "{row:?} in\n{text}");
    }
}

/// A booklet per language: the Spanish booklet of the shipped profiles is
/// sound (fonts embedded, qpdf), says it is Spanish, and prints the
/// Spanish text of the career that has a translation.
#[test]
#[ignore = "needs poppler-utils and qpdf: .ci/run runs it"]
fn the_pdf_booklet_in_each_language_is_sound_and_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    Run::of(export(root().join("profiles"), &out).args([
        "--format",
        "html",
        "--book",
        "booklet.pdf",
    ]))
    .assert_code(0);
    let spanish = out.join("booklet.es-MX.pdf");
    assert_pdf_is_sound(&spanish);
    let bytes = qdf(&spanish);
    assert!(
        contains(&bytes, b"/Lang (es-MX)"),
        "the booklet says it is Spanish"
    );
    let words = pdftotext(&spanish)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for spanish_words in [
        "Técnicos de biblioteca",
        "Requisitos de educación y capacitación",
    ] {
        assert!(words.contains(spanish_words), "{spanish_words}: {words}");
    }
}
