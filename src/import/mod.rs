//! IMPORT: legacy career pages (plain text exported from a website) → profiles.
//!
//! `page` splits the page into blocks under headings, `draft` reads each
//! block's lists, pairs and figures, `yaml` writes the profile. The result is
//! parsed and validated like any profile before it is written.

mod draft;
mod page;
mod yaml;

use crate::finding::Finding;
use crate::load::{Source, parse};
use crate::validate::{Policy, validate};

/// A page turned into a profile.
#[derive(Debug)]
pub struct Imported {
    pub id: String,
    /// The profile, as YAML.
    pub yaml: String,
    /// What was found, inferred and needs review: (page line, note); line 0 for the whole page.
    pub found: Vec<(usize, String)>,
    pub review: Vec<(usize, String)>,
    /// Findings of `pathways check` (default policy) on the result.
    pub findings: Vec<Finding>,
}

/// Why a page could not be imported.
#[derive(Debug)]
pub enum ImportError {
    /// Nothing on the page.
    Empty,
    /// The file is not text (a program, an image, a document in a binary format).
    NotText,
    /// More headings than any career page has: not a career page.
    TooManyHeadings(usize),
    /// The page read, but the profile made from it does not (a bug, or an id given that is not a slug).
    Unreadable(Box<Finding>),
}

/// More headings than a career page has (the seed has 31); past this a
/// page is refused rather than turned into a profile nobody could read.
pub const MAX_HEADINGS: usize = 500;

/// A page's bytes as text: UTF-8 (bad bytes become U+FFFD), or UTF-16 with
/// a byte-order mark (what Windows calls "Unicode"). A file with NUL bytes,
/// or mostly control characters, is not a text page.
pub fn decode_page(bytes: &[u8]) -> Result<String, ImportError> {
    let utf16 = |big_endian: bool, body: &[u8]| {
        let units = body.chunks(2).map(|pair| match (pair, big_endian) {
            ([high, low], true) | ([low, high], false) => u16::from_be_bytes([*high, *low]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    let text = match bytes {
        [0xFF, 0xFE, body @ ..] => utf16(false, body),
        [0xFE, 0xFF, body @ ..] => utf16(true, body),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    };
    let controls = text
        .chars()
        .filter(|&c| crate::finding::is_hidden_control(c) && c != '\r')
        .count();
    if text.contains('\0') || controls * 10 > text.chars().count() {
        return Err(ImportError::NotText);
    }
    Ok(text)
}

/// Import one page; `source` names it in the profile's header comment, and
/// `schema` is the path of a `profile.schema.json` for editors, if there is one.
pub fn import(
    text: &str,
    source: &str,
    id: Option<&str>,
    schema: Option<&str>,
) -> Result<Imported, ImportError> {
    let lines = page::lines_of(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ImportError::Empty);
    }
    let blocks = page::blocks_of(&lines);
    if blocks.len() > MAX_HEADINGS {
        return Err(ImportError::TooManyHeadings(blocks.len()));
    }
    let draft = draft::draft(&blocks);
    let title = draft
        .title
        .clone()
        .unwrap_or_else(|| "Untitled Career".to_owned());
    let id = id.map_or_else(|| crate::validate::slug_from(&title), str::to_owned);
    let mut review = draft.review.clone();
    if draft.title.is_none() {
        review.insert(0, (0, "no title found on the page: set `title`".to_owned()));
    }
    let yaml = yaml::write(&draft, &id, &title, source, schema);
    let document = parse(Source {
        name: format!("{id}.yaml"),
        text: yaml.clone(),
    })
    .map_err(|failure| match failure {
        crate::load::LoadFailure::Invalid { finding, .. } => ImportError::Unreadable(finding),
        crate::load::LoadFailure::Unreadable(error) => {
            ImportError::Unreadable(Box::new(Finding::error("io", error.to_string(), "")))
        }
    })?;
    let findings = validate(&document, &Policy::default());
    Ok(Imported {
        id,
        yaml,
        found: draft.found,
        review,
        findings,
    })
}
