//! Reports in the profile's language: labels from the catalogues, money and
//! dates from CLDR, right-to-left layout, collation, CJK wrapping.

use std::path::Path;

use crate::common::{Edit, Run, SEED_PROFILE, export, fixture, pathways, read, root};

const SPANISH: &str = "tests/fixtures/locales/tecnicos-en-bibliotecas.yaml";
const JAPANESE: &str = "tests/fixtures/locales/library-technicians-ja.yaml";
const ARABIC: &str = "tests/fixtures/rules/no-translation.yaml";

/// The seed profile with `locale` set to `locale` (its text stays English).
pub(crate) fn seed_in(locale: &str, dir: &Path) -> std::path::PathBuf {
    let seed = read(&root().join(SEED_PROFILE));
    assert!(seed.contains("\nlocale: en-US\n"));
    let profile = seed.edited(
        "\nlocale: en-US\n",
        &format!("\nlocale: {locale}\nupdated: 2026-11-28\n"),
    );
    let path = dir.join("library-technicians.yaml");
    std::fs::write(&path, profile).unwrap();
    path
}

fn render(profile: &Path, args: &[&str]) -> Run {
    Run::of(pathways().arg("render").arg(profile).args(args))
}

fn rendered(profile: &Path, args: &[&str]) -> String {
    let output = render(profile, args);
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    output.stdout
}

#[test]
fn the_seed_in_each_shipped_language() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, contents, salary, reviewed) in [
        (
            "en-US",
            "## Contents",
            "| Entry level | $25,000 | $30,000 |",
            "November 28, 2026",
        ),
        (
            "es-ES",
            "## Índice",
            "| Inicial | 25.000\u{a0}US$ | 30.000\u{a0}US$ |",
            "28 de noviembre de 2026",
        ),
        (
            "fr-FR",
            "## Sommaire",
            "| Début de carrière | 25\u{202f}000\u{a0}$US | 30\u{202f}000\u{a0}$US |",
            "28 novembre 2026",
        ),
        (
            "de-DE",
            "## Inhalt",
            "| Einstieg | 25.000\u{a0}$ | 30.000\u{a0}$ |",
            "28. November 2026",
        ),
    ] {
        let profile = seed_in(locale, dir.path());
        let language = &locale[..2];
        for template in ["report", "handout"] {
            for (format, extension) in [("markdown", "md"), ("text", "txt")] {
                let text = rendered(&profile, &["--template", template, "-f", format]);
                insta::assert_snapshot!(format!("seed_{template}_{language}.{extension}"), text);
            }
        }
        let report = rendered(&profile, &["-f", "markdown"]);
        // The table of contents is Markdown only in the HTML report; the
        // Markdown report's salary table and review date show the locale.
        let html = rendered(&profile, &["-f", "html"]);
        assert!(
            html.contains(&format!(">{}</h2>", contents.trim_start_matches("## "))),
            "{locale}: contents heading"
        );
        assert!(report.contains(salary), "{locale}: {salary}\n{report}");
        assert!(report.contains(reviewed), "{locale}: {reviewed}");
        // Profile text stays as written; dollars in a European locale are
        // fine (no warning: an office may well quote US pay).
        assert!(report.contains("To become a library technician"));
        let check = Run::of(pathways().arg("check").arg(&profile));
        assert!(!check.seen().contains("currency"), "{}", check.seen());
    }
}

#[test]
fn a_profile_written_in_spanish_for_mexico() {
    let profile = fixture(SPANISH.trim_start_matches("tests/fixtures/"));
    let output = render(&profile, &["-f", "markdown"]);
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    assert!(output.stderr.is_empty(), "no warning: {}", output.stderr);
    insta::assert_snapshot!("spanish_report.md", output.stdout);
    let text = rendered(&profile, &["--template", "handout", "-f", "text"]);
    insta::assert_snapshot!("spanish_handout.txt", text);
    // Mexico prints on Letter, as the United States and Canada do.
    let html = rendered(&profile, &["-f", "html"]);
    assert!(html.contains("size: letter;"), "es-MX paper");
    // Pesos as Mexican readers write them, not `216.000 MXN`.
    assert!(text.contains("Promedio: $216,000 al año"), "{text}");
}

#[test]
fn a_right_to_left_language_mirrors_the_page_and_falls_back_to_english_labels() {
    let output = render(&root().join(ARABIC), &["-f", "html"]);
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    output.assert_stdout_has("<html lang=\"ar-EG\" dir=\"rtl\">");
    output.assert_stdout_has(">Educational Requirements</h2>");
    assert_eq!(
        output.stderr.matches("warning[no-translation]").count(),
        1,
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains("locales/ar.ftl"),
        "the warning says how to add one"
    );
    // Every rule that sets something on the left has a right-to-left twin
    // that mirrors it (logical properties would do it alone, but the Nu
    // checker's CSS validator does not know them yet).
    let css = read(&root().join("templates/style.css"));
    let rules: Vec<(String, &str)> = css
        .split('}')
        .filter_map(|piece| piece.rsplit_once('{'))
        .map(|(before, declarations)| {
            let selector = before.rsplit('{').next().unwrap_or("");
            let selector = selector.rsplit("*/").next().unwrap_or("").trim();
            (selector.to_owned(), declarations)
        })
        .collect();
    for (selector, declarations) in &rules {
        if !declarations.contains("left") || selector.contains("[dir=") {
            continue;
        }
        let twin = selector
            .split(", ")
            .map(|part| format!("[dir=\"rtl\"] {part}"))
            .collect::<Vec<_>>()
            .join(", ");
        assert!(
            rules.iter().any(|(s, d)| *s == twin && d.contains("right")),
            "style.css: `{selector}` sets a left side and no `{twin}` rule mirrors it"
        );
    }
    assert!(!css.contains("text-align: left") && !css.contains("text-align: right"));
}

#[test]
fn japanese_plain_text_keeps_to_the_width() {
    for width in [40, 60, 80] {
        let text = rendered(
            &root().join(JAPANESE),
            &["-f", "text", "--width", &width.to_string()],
        );
        assert!(text.contains("図書館技術者は、"));
        for line in text.lines() {
            let columns = textwrap::core::display_width(line);
            assert!(columns <= width, "{columns} columns > {width}: {line}");
        }
    }
}

#[test]
fn a_template_folder_overrides_one_label_or_adds_a_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    std::fs::write(
        dir.path().join("locales/en.ftl"),
        "# Our office's word.\ncontents = On These Pages\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("locales/ar.ftl"),
        "section-overview = نظرة عامة\n",
    )
    .unwrap();
    let templates = dir.path().to_str().unwrap();
    let html = rendered(
        &root().join(SEED_PROFILE),
        &["-f", "html", "--templates", templates],
    );
    assert!(html.contains(">On These Pages</h2>"));
    // Every other label keeps the built-in English.
    assert!(html.contains(">Educational Requirements</h2>"));

    let output = render(
        &root().join(ARABIC),
        &["-f", "html", "--templates", templates],
    );
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    output.assert_stdout_has(">نظرة عامة</h2>");
    assert!(
        output.stdout.contains(">Educational Requirements</h2>"),
        "the rest falls back"
    );
    assert!(
        !output.stderr.contains("no-translation"),
        "{}",
        output.stderr
    );

    std::fs::write(
        dir.path().join("locales/en.ftl"),
        "kind-report = Ours\ncontents = broken {\nsources = Where from\n",
    )
    .unwrap();
    let output = render(
        &root().join(SEED_PROFILE),
        &["-f", "html", "--templates", templates],
    );
    assert_eq!(output.code, Some(2), "{}", output.stderr);
    assert!(
        output.stderr.contains("`locales/en.ftl`, line 2"),
        "{}",
        output.stderr
    );
}

#[test]
fn the_export_index_follows_the_locale_of_its_profiles() {
    let profiles = tempfile::tempdir().unwrap();
    let spanish = read(&root().join(SPANISH));
    for (id, title) in [("beta", "Beta"), ("angel", "Ángel"), ("zeta", "Zeta")] {
        let profile = spanish
            .edited("id: tecnicos-en-bibliotecas", &format!("id: {id}"))
            .edited("title: Técnicos en bibliotecas", &format!("title: {title}"));
        std::fs::write(profiles.path().join(format!("{id}.yaml")), profile).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let output = Run::of(export(profiles.path(), out.path()));
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let index = read(&out.path().join("index.md"));
    assert!(
        index.starts_with(
            "# Todas las profesiones\n\n3 profesiones, agrupadas por categoría y tipo de profesión."
        ),
        "{index}"
    );
    let order: Vec<usize> = ["Ángel", "Beta", "Zeta"]
        .iter()
        .map(|title| index.find(&format!("[{title}]")).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "collation order: {index}"
    );
    let html = read(&out.path().join("index.html"));
    assert!(html.contains("<html lang=\"es-MX\" dir=\"ltr\">"));
    assert!(html.contains("<a href=\"angel.html\">Ángel</a>"), "{html}");
    assert!(
        html.contains(">Educación y formación <span class=\"count\">(3 profesiones)</span></h2>")
    );
}

#[test]
fn a_policy_may_require_a_locale() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.yaml");
    std::fs::write(&policy, "required_fields: [locale]\n").unwrap();
    let output = Run::of(
        pathways()
            .args(["check", "--policy"])
            .arg(&policy)
            .arg(root().join(JAPANESE))
            .arg(root().join("tests/fixtures/rules/required-field.yaml")),
    );
    assert_eq!(output.code, Some(1), "{}", output.stderr);
    assert!(
        output.stdout.contains("add `locale: en-US`")
            || output.stderr.contains("add `locale: en-US`"),
        "{}",
        output.seen()
    );
    assert!(
        !output.seen().contains("library-technicians-ja.yaml:1"),
        "the Japanese profile has one"
    );
}

/// A folder's label that names itself (or a label no catalogue has) would
/// print Fluent's placeholders in every report: it is refused, named.
#[test]
fn a_label_that_names_itself_is_refused_naming_it() {
    for catalogue in [
        "contents = { contents } and more\n",
        "-a = { -a }\ncontents = { -a } Contents\n",
        "contents = { no-such-label }\n",
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("locales")).unwrap();
        std::fs::write(dir.path().join("locales/en.ftl"), catalogue).unwrap();
        let output = Run::of(
            pathways()
                .args(["render", SEED_PROFILE, "--format", "html", "--templates"])
                .arg(dir.path()),
        );
        output.assert_code(2);
        output.assert_stderr_has("the label `contents` in `locales/en.ftl`");
        assert!(output.stdout.is_empty(), "nothing rendered");
    }
}

/// Typography as each language's editors want it: a typographic apostrophe
/// everywhere (a straight one prints as `&#x27;` in HTML), and in French a
/// no-break space before `:` and a narrow one before `?`, `!`, `;` and `%`,
/// so the mark never starts a line.
#[test]
fn the_catalogues_follow_each_language_s_typography() {
    for language in ["en", "es", "fr", "de"] {
        let catalogue = read(&root().join(format!("templates/locales/{language}.ftl")));
        for (number, line) in catalogue.lines().enumerate() {
            if line.starts_with('#') || !line.contains('=') {
                continue;
            }
            let text = line.split_once('=').map_or("", |(_, text)| text);
            assert!(
                !text.contains('\''),
                "{language}.ftl:{}: {line}",
                number + 1
            );
            if language == "fr" {
                for mark in [" :", " ?", " !", " ;", " %"] {
                    assert!(
                        !text.contains(mark),
                        "fr.ftl:{}: a breakable space in {line}",
                        number + 1
                    );
                }
            }
        }
    }
}

/// A language tag with a Unicode extension (Thai digits) or a private-use
/// part is a valid BCP 47 tag, read as such.
#[test]
fn language_tags_with_extensions_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["th-TH-u-nu-thai", "en-US-x-office"] {
        let profile = seed_in(tag, dir.path());
        let output = Run::of(pathways().arg("check").arg(&profile));
        assert!(
            !output.stderr.contains("invalid-locale"),
            "{tag}: {}",
            output.stderr
        );
        assert_ne!(output.code, Some(2), "{tag}");
    }
}

/// The quick facts' labels, education levels and percentiles come in the
/// profile's language, numbers as its locale writes them, in every format
/// (the PDF as pdftotext reads it is checked in tests/pdf.rs).
#[test]
fn quick_facts_are_labelled_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let base = read(&root().join("profiles/veterinary-technologists-and-technicians.yaml"));
    for (locale, labels) in [
        (
            "es-ES",
            [
                "Datos rápidos",
                "Salario mediano",
                "Título de asociado",
                "percentil 10",
                "Número de empleos",
            ],
        ),
        (
            "fr-FR",
            [
                "L’essentiel",
                "Salaire médian",
                "Diplôme de premier cycle court",
                "10e centile",
                "Nombre d’emplois",
            ],
        ),
        (
            "de-DE",
            [
                "Kurz und bündig",
                "Mittleres Gehalt (Median)",
                "Kurzstudium (Associate)",
                "10. Perzentil",
                "Zahl der Stellen",
            ],
        ),
    ] {
        let path = dir
            .path()
            .join("veterinary-technologists-and-technicians.yaml");
        std::fs::write(
            &path,
            base.replacen("locale: en-US", &format!("locale: {locale}"), 1),
        )
        .unwrap();
        for format in ["markdown", "html", "text"] {
            // (Plain text writes headings in capitals.)
            let shown = rendered(&path, &["-f", format]).to_lowercase();
            for label in labels {
                assert!(
                    shown.contains(&label.to_lowercase()),
                    "{locale} {format}: {label}"
                );
            }
            assert!(
                !shown.contains("Associate’s degree"),
                "{locale} {format}: English left"
            );
        }
        // 134,200 jobs in the locale's digits: "134.200" (es, de), "134 200" (fr).
        let text = rendered(&path, &["-f", "text"]);
        assert!(
            ["134.200", "134\u{a0}200", "134\u{202f}200"]
                .iter()
                .any(|n| text.contains(n)),
            "{locale}: {text}"
        );
    }
}
