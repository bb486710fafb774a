//! The link policy holds in every format: a destination other than http,
//! https, mailto or a relative path never survives into a report.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};

use crate::common::{Run, fixture, pathways};

const FIXTURE: &str = "hostile/dangerous-links.yaml";

fn render(format: &str, template: &str) -> String {
    let run = Run::of(
        pathways()
            .args(["render", "--format", format, "--template", template])
            .arg(fixture(FIXTURE)),
    );
    run.assert_code(0);
    run.stdout
}

fn allowed(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| !s.contains(['/', '?', '#']));
    matches!(scheme, None | Some("http" | "https" | "mailto"))
}

/// Every link and image destination of a Markdown document, as a Markdown
/// reader (comrak, as pandoc and GitHub would) sees them.
fn destinations(markdown: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &Options::default());
    root.descendants()
        .filter_map(|node| match &node.data.borrow().value {
            NodeValue::Link(link) | NodeValue::Image(link) => Some(link.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_reports_keep_only_safe_link_destinations() {
    for template in ["report", "handout"] {
        let markdown = render("markdown", template);
        let found = destinations(&markdown);
        let unsafe_ones: Vec<&String> = found.iter().filter(|url| !allowed(url)).collect();
        assert!(
            unsafe_ones.is_empty(),
            "{template}: {unsafe_ones:?}\n{markdown}"
        );
        if template == "report" {
            // The safe links survive, and so does the text of the dropped ones.
            for kept in [
                "https://www.ala.org/",
                "mailto:careers@example.org",
                "other-career.html",
            ] {
                assert!(found.iter().any(|url| url == kept), "{kept} in {found:?}");
            }
            for text in [
                "inline link",
                "upper case",
                "entity",
                "reference",
                "vb",
                "file",
            ] {
                assert!(markdown.contains(text), "{text} kept as text");
            }
        }
    }
}

#[test]
fn html_and_text_reports_carry_no_dangerous_scheme() {
    for template in ["report", "handout"] {
        let html = render("html", template).to_ascii_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:text", "file:"] {
            assert!(
                !html.contains(&format!("href=\"{scheme}")),
                "{template}: {scheme}"
            );
        }
        // Plain text prints a link's destination after its text, in brackets.
        let text = render("text", template).to_ascii_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:text", "file:///"] {
            assert!(
                !text.contains(&format!("({scheme}")),
                "{template} text: {scheme}"
            );
        }
        if template == "report" {
            assert!(text.contains("(https://www.ala.org/)"), "{text}");
        }
    }
}

/// The same fixture, checked: each dangerous link is a located warning.
#[test]
fn check_warns_about_each_dangerous_link() {
    let run = Run::of(pathways().arg("check").arg(fixture(FIXTURE)));
    run.assert_code(0);
    assert!(
        run.stderr.matches("warning[unsafe-link]").count() >= 10,
        "{}",
        run.seen()
    );
}
