//! Shell conveniences: completion scripts and manual pages.

use std::process::Command;

use crate::common::{Run, pathways, read, root};

/// What bash completes for the words typed so far (the last is the one
/// being completed), with pathways' completion script loaded.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let script = Run::of(pathways().args(["completions", "bash"]));
    assert_eq!(script.code, Some(0), "{}", script.stderr);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pathways.bash");
    std::fs::write(&file, &script.stdout).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let line = words.join(" ");
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
         _pathways pathways '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display(),
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let output = Command::new("bash")
        .args(["-c", &program])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_formats() {
    assert_eq!(bash_completes(&["pathways", "ex"]), ["export"]);
    assert_eq!(bash_completes(&["pathways", "pre"]), ["preview"]);
    assert_eq!(
        bash_completes(&["pathways", "render", "--format", ""]),
        ["markdown", "html", "text", "pdf"]
    );
    assert_eq!(
        bash_completes(&["pathways", "check", "--format", ""]),
        ["human", "json", "github", "sarif", "junit"]
    );
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = Run::of(pathways().args(["completions", shell]));
        assert_eq!(output.code, Some(0), "{shell}: {}", output.stderr);
        assert!(
            output.stdout.contains("preview"),
            "{shell} script names the subcommands"
        );
    }
    let output = Run::of(pathways().args(["completions", "tcsh"]));
    assert_eq!(output.code, Some(2));
}

#[test]
fn every_manual_page_renders_without_a_warning() {
    // The folder is made, as `export --out` makes its own.
    let temporary = tempfile::tempdir().unwrap();
    let dir = temporary.path().join("share/man1");
    let output = Run::of(pathways().args(["man", "--out"]).arg(&dir));
    assert_eq!(output.code, Some(0), "{}", output.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(dir.as_path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let subcommands = [
        "check",
        "compare",
        "completions",
        "export",
        "import",
        "man",
        "new",
        "preview",
        "render",
        "schema",
        "seed",
        "templates",
    ];
    let mut expected: Vec<String> = subcommands
        .iter()
        .map(|s| format!("pathways-{s}.1"))
        .collect();
    expected.push("pathways.1".to_owned());
    expected.sort();
    assert_eq!(pages, expected);
    for page in &pages {
        let path = dir.as_path().join(page);
        // -ww: every warning groff has; -z: no output, only the check.
        let groff = Command::new("groff")
            .args(["-man", "-ww", "-z"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            groff.status.success() && groff.stderr.is_empty(),
            "{page}: {}",
            String::from_utf8_lossy(&groff.stderr)
        );
        let roff = read(&path);
        let title = roff.lines().find(|l| l.starts_with(".TH ")).unwrap_or("");
        assert!(
            title.contains(&format!("\"pathways {}\"", env!("CARGO_PKG_VERSION")))
                && title.split(['"', ' ']).any(is_iso_date),
            "{page}: the title line names the version and a date: {title}"
        );
        assert!(roff.contains(".SH \"EXIT STATUS\""), "{page}: EXIT STATUS");
        let man = Command::new("man")
            .arg("-l")
            .arg(&path)
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&man.stdout);
        assert!(
            man.status.success() && text.contains("SYNOPSIS"),
            "{page}: {text}"
        );
    }
    // Without --out, the main page on standard output.
    let output = Run::of(pathways().arg("man"));
    assert!(
        output.stdout.starts_with(".ie \\n(.g .ds Aq") || output.stdout.contains(".TH pathways")
    );
    let _ = root();
}

/// `2026-12-06`
fn is_iso_date(text: &str) -> bool {
    text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// mandoc's own checker finds no warning in any page (the date in the
/// title, no paragraph macro roff would skip, an EXIT STATUS section).
#[test]
#[ignore = "needs mandoc: .ci/run runs it"]
fn every_manual_page_passes_mandoc_lint() {
    let dir = tempfile::tempdir().unwrap();
    Run::of(pathways().args(["man", "--out"]).arg(dir.path())).assert_code(0);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let lint = Command::new("mandoc")
            .args(["-T", "lint", "-W", "warning"])
            .arg(&path)
            .output()
            .expect("mandoc must be installed");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&lint.stdout),
            String::from_utf8_lossy(&lint.stderr)
        );
        assert!(
            lint.status.success() && said.trim().is_empty(),
            "{}: {said}",
            path.display()
        );
    }
}

/// The help a new user reads first says PDF is one of the formats.
#[test]
fn the_help_names_pdf() {
    for args in [
        &["--help"][..],
        &["render", "--help"][..],
        &["export", "--help"][..],
    ] {
        let output = Run::of(pathways().args(args));
        assert_eq!(output.code, Some(0));
        assert!(output.stdout.contains("PDF"), "{args:?}: {}", output.stdout);
    }
}
