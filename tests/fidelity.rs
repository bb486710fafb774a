//! Fidelity: every sentence of the Library Technicians page survives into
//! the plain-text report of `profiles/library-technicians.yaml`, in order,
//! under the heading of its own section.

use pathways::import::{Headings, Target};
use pathways::profile::section_info;

use crate::common::{Run, SEED_PROFILE, fixture, pathways, read};

/// The page's first lines, which name the page rather than hold content.
const PAGE_TITLE_LINES: [&str; 3] = [
    "Career Pathways View",
    "Career List Library Technicians",
    "Career Counselling/Overview",
];

/// Top-level facts that the page writes as headings of their own.
const FACT_HEADINGS: [&str; 2] = ["Career Category", "Career Type"];

#[test]
fn every_line_of_the_seed_page_is_in_the_text_report_in_order() {
    assert_page_survives(&crate::common::root().join(SEED_PROFILE));
}

/// For every content line of the seed page, its words are in the plain-text
/// report of `profile`, in order, under the heading of its own section.
pub fn assert_page_survives(profile: &std::path::Path) {
    let output = Run::of(
        pathways()
            .arg("render")
            .arg(profile)
            .args(["--format", "text"]),
    );
    output.assert_code(0);
    assert_report_holds_page(&output.stdout, HeadingStyle::Underlined);
}

/// How a report's text shows section headings.
pub enum HeadingStyle {
    /// The text report: upper case, underlined with dashes.
    Underlined,
    /// Text taken out of a PDF: the heading alone on its line, as the
    /// catalogue writes it.
    AsWritten,
}

/// Every content line of the seed page is in `report`, in order, under
/// the heading of its own section.
pub fn assert_report_holds_page(report: &str, headings: HeadingStyle) {
    let page = read(&fixture("pages/library-technicians.txt"));
    // pdftotext joins a word the PDF breaks at its own hyphen at the end of
    // a line ("entry-" / "level" gives "entrylevel"): PDF words are compared
    // without their hyphens.
    let words_of = |text: &str| match headings {
        HeadingStyle::AsWritten => normalise(text)
            .into_iter()
            .map(|word| word.replace('-', ""))
            .collect(),
        HeadingStyle::Underlined => normalise(text),
    };
    let mut checked = 0;
    for block in split_page(&page, &headings) {
        let segment = report_segment(report, block.report_heading.as_deref(), &headings);
        let words = words_of(&segment);
        let mut from = 0;
        for line in &block.lines {
            let wanted = words_of(line);
            match find_run(&words, &wanted, from) {
                Some(end) => from = end,
                None => panic!(
                    "under {:?}, this page line is missing from the report (or out of order):\n{line}",
                    block
                        .report_heading
                        .as_deref()
                        .unwrap_or("the report's opening")
                ),
            }
            checked += 1;
        }
    }
    // 253 non-empty lines, less 31 heading lines (3 page-title lines, the `###`
    // line, 25 section and 2 fact headings). Guards against a split that
    // silently skips lines and so passes vacuously.
    assert_eq!(checked, 222);
}

struct Block {
    /// The heading the report prints for this part; `None` for the opening
    /// (summary, category, career type), which precedes the first section.
    report_heading: Option<String>,
    lines: Vec<String>,
}

fn split_page(page: &str, style: &HeadingStyle) -> Vec<Block> {
    let headings = Headings::built_in();
    let mut blocks = vec![Block {
        report_heading: None,
        lines: Vec::new(),
    }];
    for line in page.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if PAGE_TITLE_LINES.contains(&line) || line.starts_with("###") {
            continue;
        }
        if FACT_HEADINGS.contains(&line) {
            blocks.push(Block {
                report_heading: None,
                lines: Vec::new(),
            });
            continue;
        }
        // The line after a fact heading is its value ("Education & Training").
        let is_fact_value = blocks
            .last()
            .is_some_and(|b| b.report_heading.is_none() && b.lines.is_empty() && blocks.len() > 1);
        // A heading stands alone: a bold label inside a section is not one.
        if !line.starts_with("**")
            && !is_fact_value
            && let Some(Target::Section(id)) = headings.find(line)
            && let Some(info) = section_info(id)
        {
            blocks.push(Block {
                report_heading: Some(match style {
                    HeadingStyle::Underlined => info.heading().to_uppercase(),
                    HeadingStyle::AsWritten => info.heading().to_owned(),
                }),
                lines: Vec::new(),
            });
            continue;
        }
        if let Some(block) = blocks.last_mut() {
            block.lines.push(line.to_owned());
        }
    }
    blocks
}

/// The report from `heading` (an underlined line) to the next underlined
/// heading; for `None`, the report before its first section.
fn report_segment(report: &str, heading: Option<&str>, style: &HeadingStyle) -> String {
    let lines: Vec<&str> = report.lines().map(str::trim).collect();
    let is_heading_at = |i: usize| match style {
        HeadingStyle::Underlined => lines.get(i + 1).is_some_and(|next| {
            !next.is_empty()
                && next.chars().all(|c| c == '-')
                && next.len() == lines[i].chars().count()
        }),
        HeadingStyle::AsWritten => {
            pathways::profile::CATALOGUE
                .iter()
                .any(|section| section.heading() == lines[i])
                || ["At a Glance", "Quick Facts", "Contents", "Sources"].contains(&lines[i])
        }
    };
    let underline = match style {
        HeadingStyle::Underlined => 2,
        HeadingStyle::AsWritten => 1,
    };
    let headings: Vec<usize> = (0..lines.len()).filter(|&i| is_heading_at(i)).collect();
    let first_section = headings
        .iter()
        .copied()
        .find(|&i| {
            ![
                "AT A GLANCE",
                "At a Glance",
                "Contents",
                "QUICK FACTS",
                "Quick Facts",
            ]
            .contains(&lines[i])
        })
        .unwrap_or(lines.len());
    let (start, end) = match heading {
        None => (0, first_section),
        Some(heading) => {
            let start = headings
                .iter()
                .copied()
                .find(|&i| lines[i] == heading)
                .unwrap_or_else(|| panic!("the report has no heading {heading:?}"));
            let end = headings
                .iter()
                .copied()
                .find(|&i| i > start)
                .unwrap_or(lines.len());
            (start + underline, end)
        }
    };
    lines[start..end].join("\n")
}

/// Words, after removing list numbers, `**`, leading dashes, and normalising
/// whitespace and quotes. A colon ending a word is dropped, since the report
/// prints the page's bold labels (`**Challenges:**`) as headings.
fn normalise(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in text.lines() {
        let mut line = line.trim().replace("**", "");
        for marker in ["– ", "- ", "• "] {
            if let Some(rest) = line.strip_prefix(marker) {
                line = rest.to_owned();
            }
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && line[digits..].starts_with(". ") {
            line = line[digits + 2..].to_owned();
        }
        let line = line
            .replace(['’', '‘'], "'")
            .replace(['“', '”'], "\"")
            .replace('\u{a0}', " ");
        words.extend(
            line.split_whitespace()
                .map(|w| w.trim_end_matches(':').to_owned())
                .filter(|w| !w.is_empty()),
        );
    }
    words
}

/// Where `wanted` appears as a run of consecutive words at or after `from`;
/// returns the index just past it.
fn find_run(words: &[String], wanted: &[String], from: usize) -> Option<usize> {
    if wanted.is_empty() {
        return Some(from);
    }
    (from..words.len().saturating_sub(wanted.len() - 1))
        .find(|&i| words[i..i + wanted.len()] == *wanted)
        .map(|i| i + wanted.len())
}
