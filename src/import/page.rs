//! Reading a legacy career page: lines → blocks under headings → profile parts.
//!
//! The page layout is recognised by its structure (heading lines between
//! blank lines, numbered and dashed lists, bold labels), not by the wording
//! of one page.

use super::headings::{Headings, Target};
use super::markers::starts_list;

/// A line of the page, with its 1-based line number.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub number: usize,
    pub text: String,
}

/// What a heading line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HeadingKind {
    /// A catalogue section, by id.
    Section(&'static str),
    Category,
    CareerType,
    /// The counselling-overview block that opens the page.
    Overview,
    /// The page's own name ("Career Pathways View").
    PageName,
    /// A heading pathways does not know: becomes an extra section.
    Unknown(String),
}

/// Lines under one heading.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub kind: HeadingKind,
    /// The heading line as the page wrote it (empty for the opening block).
    pub heading: String,
    /// Where the heading is on the page.
    pub line: usize,
    pub lines: Vec<Line>,
}

/// Normalise the page's text: BOM, line endings, non-breaking spaces.
pub(super) fn lines_of(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .enumerate()
        .map(|(i, line)| Line {
            number: i + 1,
            text: line
                .replace(['\u{a0}', '\u{202f}', '\u{2007}'], " ")
                // Noncharacters YAML cannot carry even escaped (found by fuzzing).
                .replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}")
                .trim_end()
                .to_owned(),
        })
        .collect()
}

/// What a line names, if it is a heading. `isolated`: a blank line (or the
/// page's edge) on both sides, which unknown headings need.
pub(super) fn heading_kind(text: &str, isolated: bool, headings: &Headings) -> Option<HeadingKind> {
    let bare = text
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches('*')
        .trim()
        .trim_end_matches(':')
        .trim();
    if bare.is_empty() {
        return None;
    }
    // "Career List Library Technicians" names the career: the title, not a
    // heading; "Mito: …" is half of a pair.
    if super::language::title_in(bare).is_some()
        || super::language::myth_part(text).is_some()
        || super::language::reality_part(text).is_some()
    {
        return None;
    }
    if let Some(target) = headings.find(bare) {
        return Some(match target {
            Target::Section(id) => HeadingKind::Section(id),
            Target::Category => HeadingKind::Category,
            Target::CareerType => HeadingKind::CareerType,
            Target::Summary => HeadingKind::Overview,
            Target::PageName => HeadingKind::PageName,
        });
    }
    // A question is a heading like any other ("Why Join an Association?").
    // A line listing names ("Librarian; Archivist; Curator") is not a heading.
    let lists_names = bare.contains(';') || bare.matches(',').count() >= 2;
    let looks_like_heading = isolated
        && !lists_names
        && bare.chars().count() <= 60
        && !bare.ends_with(['.', '!', ',', ';'])
        && !starts_list(text)
        && bare.chars().next().is_some_and(char::is_uppercase)
        && bare.split_whitespace().count() <= 8;
    looks_like_heading.then(|| HeadingKind::Unknown(bare.to_owned()))
}

/// Split the page into blocks under headings. Lines before the first
/// heading form a block of kind `Overview` (the counselling overview).
/// A bold label (`**Earning Potential:**`) is a heading only when it stands
/// alone between blank lines; otherwise it labels what follows it.
pub(super) fn blocks_of(lines: &[Line], headings: &Headings) -> Vec<Block> {
    let mut blocks = vec![Block {
        kind: HeadingKind::Overview,
        heading: String::new(),
        line: 1,
        lines: Vec::new(),
    }];
    let blank = |i: Option<usize>| {
        i.is_none_or(|i: usize| lines.get(i).is_none_or(|l| l.text.trim().is_empty()))
    };
    for (index, line) in lines.iter().enumerate() {
        if line.text.trim().is_empty() {
            continue;
        }
        let isolated = blank(index.checked_sub(1)) && blank(Some(index + 1));
        let bold = line.text.trim_start().starts_with("**");
        // The line after "Career Category" is its value, even standing alone.
        let awaiting_value = blocks.last().is_some_and(|b| {
            matches!(b.kind, HeadingKind::Category | HeadingKind::CareerType) && b.lines.is_empty()
        });
        if !awaiting_value
            && let Some(kind) = heading_kind(&line.text, isolated, headings)
            && (!bold || isolated)
        {
            blocks.push(Block {
                kind,
                heading: line.text.trim().to_owned(),
                line: line.number,
                lines: Vec::new(),
            });
            continue;
        }
        if let Some(block) = blocks.last_mut() {
            block.lines.push(line.clone());
        }
    }
    blocks
}
