//! Hostile input: every case ends with exit 1 or 2 (or, for input that is
//! merely unusual, a correct report), a message naming the file, and no panic
//! or hang. How fast and how small these runs are is a benchmark, not a test:
//! `scripts/bench-hostile.sh` holds the 2 s and 200 MB targets.

use std::path::Path;
use std::process::Command;

use crate::common::{Edit, fixture, read};

/// A run still going after this long has hung (the slowest case takes about
/// a second on the release build; an unoptimised build is eight to twenty
/// times slower). GNU `timeout` stops it and exits 124.
const HANG_SECONDS: &str = "120";
const TIMED_OUT: i32 = 124;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run the release-or-debug `pathways` under GNU `timeout`.
fn run(args: &[&str], stdin: Option<&Path>) -> Run {
    let binary = assert_cmd::cargo::cargo_bin("pathways");
    let mut command = Command::new("timeout");
    command
        .arg(HANG_SECONDS)
        .arg(&binary)
        .args(args)
        .env("NO_COLOR", "1");
    if let Some(input) = stdin {
        command.stdin(std::fs::File::open(input).unwrap());
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("GNU `timeout` (coreutils) is needed for these tests: {e}"));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The run finished by itself (not stopped by `timeout`, not killed for its
/// memory) and did not panic.
fn finished(name: &str, run: &Run) {
    assert_ne!(run.code, Some(TIMED_OUT), "{name} hung");
    assert!(run.code.is_some(), "{name} was killed: {}", run.stderr);
    assert_ne!(run.code, Some(101), "{name} panicked: {}", run.stderr);
}

/// Check `file`: an exit code in `codes`, finished, and a message naming the file (and a line, when `line`).
fn refused(name: &str, file: &Path, expected_code: i32, rule_or_words: &str) {
    let path = file.to_string_lossy();
    let run = run(&["check", &path], None);
    finished(name, &run);
    assert_eq!(run.code, Some(expected_code), "{name}: {}", run.stderr);
    assert!(
        run.stderr.contains(&*path),
        "{name} names the file: {}",
        run.stderr
    );
    assert!(run.stderr.contains(rule_or_words), "{name}: {}", run.stderr);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn alias_bomb() {
    refused(
        "alias bomb",
        &fixture("invalid/alias-bomb.yaml"),
        1,
        "error[yaml-too-complex]",
    );
}

#[test]
fn deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let flow = format!(
        "id: deep\ntitle: {}{}\nsections: {{}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    refused(
        "deep flow nesting",
        &write(dir.path(), "deep-flow.yaml", flow.as_bytes()),
        1,
        ":2:",
    );
    let block: String = (0..100_000)
        .map(|i| format!("{}- \n", " ".repeat(i % 2000)))
        .collect();
    let path = write(dir.path(), "deep-block.yaml", block.as_bytes());
    let run = run(&["check", &path.to_string_lossy()], None);
    finished("deep block nesting", &run);
    assert!(matches!(run.code, Some(1) | Some(2)), "{}", run.stderr);
}

#[test]
fn a_fifty_megabyte_file_and_a_ten_megabyte_line() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.yaml", &vec![b'#'; 50 * 1024 * 1024]);
    refused("50 MB file", &big, 2, "larger than 4 MiB");
    let mut line = b"id: long\ntitle: ".to_vec();
    line.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    let long = write(dir.path(), "long-line.yaml", &line);
    refused("10 MB line", &long, 2, "larger than 4 MiB");
}

#[test]
fn a_hundred_thousand_items_in_one_section() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = read(&fixture("valid/minimal.yaml")).edited("id: minimal", "id: many-items");
    text.push_str("  tools:\n    items:\n");
    for i in 0..100_000 {
        text.push_str(&format!("      - Tool {i}\n"));
    }
    let path = write(dir.path(), "many-items.yaml", text.as_bytes());
    refused("100,000 items", &path, 1, "error[too-many-items]");
}

#[test]
fn nul_bytes_and_invalid_utf8() {
    refused(
        "NUL bytes",
        &fixture("hostile/nul-bytes.yaml"),
        1,
        "nul-bytes.yaml:2:",
    );
    refused(
        "invalid UTF-8",
        &fixture("invalid/invalid-utf8.yaml"),
        1,
        "error[not-utf8]",
    );
}

#[test]
fn a_bom_inside_the_text_is_an_error_but_one_at_the_start_is_not() {
    refused(
        "BOM inside",
        &fixture("hostile/bom-inside.yaml"),
        1,
        "bom-inside.yaml:",
    );
    let dir = tempfile::tempdir().unwrap();
    let text = read(&fixture("valid/minimal.yaml"));
    let path = write(
        dir.path(),
        "minimal.yaml",
        &[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    let run = run(&["check", &path.to_string_lossy()], None);
    finished("leading BOM", &run);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn mixed_line_endings_read_as_one_file() {
    let run = run(
        &[
            "check",
            &fixture("hostile/mixed-line-endings.yaml").to_string_lossy(),
        ],
        None,
    );
    finished("mixed line endings", &run);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn template_syntax_in_profile_text_prints_literally() {
    let path = fixture("hostile/template-syntax.yaml");
    for format in ["html", "markdown", "text"] {
        let run = run(&["render", &path.to_string_lossy(), "-f", format], None);
        finished("template syntax", &run);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains("{{ 7*7 }}"), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains("School 49"), "{format}");
        assert!(run.stdout.contains("{% include"), "{format}");
        assert!(
            !run.stdout.contains("root:"),
            "{format}: nothing was included"
        );
    }
}

#[test]
fn ids_that_would_name_files_elsewhere_are_refused() {
    for name in ["id-dotdot", "id-absolute", "id-reserved", "id-lookalike"] {
        refused(
            name,
            &fixture(&format!("hostile/{name}.yaml")),
            1,
            "error[invalid-id]",
        );
    }
    for id in ["../x", "/tmp/x", "CON", "lіbrary"] {
        let run = run(
            &[
                "import",
                &fixture("pages/library-technicians.txt").to_string_lossy(),
                "--id",
                id,
            ],
            None,
        );
        finished("import --id", &run);
        assert_eq!(run.code, Some(2), "{id}: {}", run.stderr);
        assert!(
            run.stderr.contains("cannot be an id"),
            "{id}: {}",
            run.stderr
        );
    }
}

/// Findings are located in time that grows with the file, not with the file
/// times the findings (each finding once rescanned the text from the top).
#[test]
fn many_findings_are_located_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut todo = String::from("id: todo\ntitle: Todo\nsections:\n  skills:\n    items:\n");
    todo.push_str(&"      - TODO\n".repeat(80_000));
    let path = write(dir.path(), "todo.yaml", todo.as_bytes());
    for command in ["check", "export"] {
        let out = dir.path().join(format!("out-{command}"));
        std::fs::create_dir(&out).unwrap();
        let args: Vec<String> = match command {
            "check" => vec!["check".into(), path.display().to_string()],
            _ => vec![
                "export".into(),
                path.display().to_string(),
                "--out".into(),
                out.display().to_string(),
            ],
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run(&args, None);
        finished(&format!("80,000 TODO items ({command})"), &run);
        assert_eq!(run.code, Some(1), "{command}");
    }
    let links: Vec<String> = (0..60_000)
        .map(|i| format!("[a](javascript:x{i})"))
        .collect();
    let text = format!(
        "id: links\ntitle: Links\nsections:\n  overview:\n    intro: \"{}\"\n",
        links.join(" ")
    );
    let path = write(dir.path(), "links.yaml", text.as_bytes());
    let run = run(&["check", &path.to_string_lossy()], None);
    finished("60,000 links on one line", &run);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stderr.matches("warning[unsafe-link]").count(), 60_000);
}

/// A flow list of two million entries is refused early, for what it is.
#[test]
fn a_four_megabyte_flow_list_is_refused_as_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id: flow\ntitle: Flow\nsections:\n  skills:\n    items: [x");
    while text.len() < 4 * 1024 * 1024 - 10 {
        text.push_str(", x");
    }
    text.push_str("]\n");
    let path = write(dir.path(), "flow.yaml", text.as_bytes());
    refused("4 MiB flow list", &path, 1, "error[yaml-too-large]");
    let run = run(&["check", &path.to_string_lossy()], None);
    assert!(!run.stderr.contains("alias"), "{}", run.stderr);
}

/// A user's template that builds a huge string is stopped before it takes
/// the machine's memory.
#[test]
fn a_template_that_builds_a_huge_value_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "report.html.j2",
        br#"{% set a = ("x" * 10000) | replace("x", "x" * 10000) %}{{ a | length }}"#,
    );
    let seed = crate::common::root().join(crate::common::SEED_PROFILE);
    let run = run(
        &[
            "render",
            &seed.to_string_lossy(),
            "--format",
            "html",
            "--templates",
            &dir.path().to_string_lossy(),
        ],
        None,
    );
    finished("huge template value", &run);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("report.html.j2"), "{}", run.stderr);
}

/// The 4 MiB limit is exact, for a file and for standard input alike: a
/// profile of exactly 4 MiB is read, one byte more is refused.
#[test]
fn the_size_limit_is_exact_for_files_and_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let limit = 4 * 1024 * 1024;
    let profile = |size: usize| {
        let mut bytes = read(&fixture("valid/minimal.yaml")).into_bytes();
        bytes.extend(b"# ");
        bytes.resize(size - 1, b'x');
        bytes.push(b'\n');
        bytes
    };
    let exact = write(dir.path(), "exact.yaml", &profile(limit));
    let over = write(dir.path(), "over.yaml", &profile(limit + 1));
    for (name, file, code) in [("exact", &exact, 0), ("over", &over, 2)] {
        let path = file.to_string_lossy();
        let from_file = run(&["check", &path], None);
        let from_stdin = run(&["check", "-"], Some(file));
        for (how, run) in [("file", from_file), ("stdin", from_stdin)] {
            finished(name, &run);
            assert_eq!(run.code, Some(code), "{name} from {how}: {}", run.stderr);
            assert_eq!(
                run.stderr.contains("larger than 4 MiB"),
                code == 2,
                "{name} from {how}: {}",
                run.stderr
            );
        }
    }
}

/// Past 200,000 values a file is refused for its size, whatever else is
/// wrong with it: here a list of 200,001 one-letter entries (600 KB).
#[test]
fn two_hundred_thousand_values_are_too_many() {
    let dir = tempfile::tempdir().unwrap();
    let items = vec!["x"; 200_001].join(", ");
    let text = format!("id: flow\ntitle: Flow\nsections:\n  skills:\n    items: [{items}]\n");
    let path = write(dir.path(), "flow.yaml", text.as_bytes());
    refused("200,001 values", &path, 1, "error[yaml-too-large]");
}

/// What `check` passes renders in every format: text that would come out
/// wrong or break the PDF (a line break in a title, a title of invisible
/// characters, `.inf` pay, an endless link, quotes nested past what PDF lays
/// out) is an error, even at hostile sizes.
#[test]
fn what_would_render_wrongly_is_refused_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let cases: Vec<(&str, String)> = vec![
        (
            "line-break-in-label",
            minimal.edited(
                "title: School Librarians",
                "title: \"School\\n# Librarians\"",
            ),
        ),
        (
            "invisible-text",
            minimal.edited(
                "title: School Librarians",
                &format!("title: \"{}\"", "\\u200B\\u202E".repeat(10_000)),
            ),
        ),
        (
            "salary-out-of-range",
            minimal.edited("average: 52000", "average: .inf"),
        ),
        (
            "link-too-long",
            minimal.edited(
                "School librarians run the library of a school.",
                &format!("A [library](https://example.org/{}).", "a".repeat(100_000)),
            ),
        ),
        (
            "too-deeply-nested",
            minimal.edited(
                "School librarians run the library of a school.",
                &format!("\"{}Deep.\"", "> ".repeat(50_000)),
            ),
        ),
    ];
    for (rule, text) in &cases {
        let file = write(dir.path(), &format!("{rule}.yaml"), text.as_bytes());
        refused(rule, &file, 1, &format!("error[{rule}]"));
    }
    // An export skips them and still writes the rest, and the booklet.
    let out = dir.path().join("out");
    let valid = fixture("valid/minimal.yaml");
    let mut args = vec![
        "export", "--format", "pdf", "--book", "book.pdf", "--quiet", "--out",
    ];
    let out_text = out.to_string_lossy().into_owned();
    args.push(&out_text);
    let valid_text = valid.to_string_lossy().into_owned();
    args.push(&valid_text);
    let files: Vec<String> = cases
        .iter()
        .map(|(rule, _)| {
            dir.path()
                .join(format!("{rule}.yaml"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    args.extend(files.iter().map(String::as_str));
    let export = run(&args, None);
    assert_eq!(export.code, Some(1), "{}", export.stderr);
    let skipped = export
        .stderr
        .lines()
        .filter(|line| line.starts_with("skipped "))
        .count();
    assert_eq!(skipped, 5, "{}", export.stderr);
    assert!(
        out.join("book.pdf").is_file(),
        "the booklet is written: {}",
        export.stderr
    );
    assert!(out.join("minimal.pdf").is_file());
}

/// A profile far too large for a PDF (20,000 sections; one 4 MB paragraph)
/// is refused up front with a message saying what to do,
/// and nothing is written; HTML still takes it.
#[test]
fn a_profile_too_large_for_a_pdf_is_refused_up_front() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = read(&fixture("valid/minimal.yaml"));
    let sections: String = (0..20_000)
        .map(|i| {
            format!("  - id: extra-{i}\n    heading: Extra {i}\n    intro: Words about part {i}.\n")
        })
        .collect();
    let words: Vec<String> = (0..370_000).map(|i| format!("word{i}")).collect();
    let cases = [
        ("sections", format!("{minimal}extra_sections:\n{sections}")),
        (
            "paragraph",
            minimal.edited(
                "School librarians run the library of a school.",
                &format!("{}.", words.join(" ")),
            ),
        ),
    ];
    for (name, text) in cases {
        let profile = write(dir.path(), &format!("{name}.yaml"), text.as_bytes());
        let pdf = dir.path().join(format!("{name}.pdf"));
        let run = run(
            &[
                "render",
                &profile.to_string_lossy(),
                "-o",
                &pdf.to_string_lossy(),
            ],
            None,
        );
        finished(name, &run);
        assert_eq!(run.code, Some(2), "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("too large to make into a PDF") && run.stderr.contains("as HTML"),
            "{name}: {}",
            run.stderr
        );
        assert!(!pdf.exists(), "{name}: nothing written");
        let html = dir.path().join(format!("{name}.html"));
        let run = run_html(&profile, &html);
        assert_ne!(run, Some(2), "{name}: HTML takes it");
    }
}

fn run_html(profile: &Path, html: &Path) -> Option<i32> {
    run(
        &[
            "render",
            &profile.to_string_lossy(),
            "-o",
            &html.to_string_lossy(),
        ],
        None,
    )
    .code
}

/// Money written oddly ("30 € 40 €", "$30 $40", "EUR 3 EUR 4", codes and
/// signs glued to words) is read or left for review, never a panic: in
/// an imported page's salary section, and in a profile's summary, which
/// `check` compares with the salary figures.
#[test]
fn money_written_oddly_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let odd = "Senior staff earn 30 € 40 € a month, $30 $40 $50, EUR 3 EUR 4 EUR, x5€6, 1'000'000 CHF CHF.";
    let page = write(
        dir.path(),
        "page.txt",
        format!("Career List Test\n\nSalary\n\n{odd}\n\nOverview\n\n{odd}\n").as_bytes(),
    );
    let imported = run(&["import", &page.to_string_lossy()], None);
    finished("import", &imported);
    assert!(matches!(imported.code, Some(0 | 1)), "{}", imported.stderr);
    let minimal = read(&fixture("valid/minimal.yaml"));
    let profile = write(
        dir.path(),
        "odd.yaml",
        minimal
            .edited("School librarians run the library of a school.", odd)
            .as_bytes(),
    );
    let checked = run(&["check", &profile.to_string_lossy()], None);
    finished("check", &checked);
    assert!(matches!(checked.code, Some(0 | 1)), "{}", checked.stderr);
}
