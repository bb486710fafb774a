//! IMPORT: legacy career pages (plain text exported from a website) → profiles.
//!
//! `page` splits the page into blocks under headings (`headings`: which
//! heading names what), `language` tells the page's language and region,
//! `draft` reads each block's lists (`markers`), tables (`table`),
//! misconception pairs and pay (`salary`), `facts` its quick facts and
//! codes, `yaml` writes the profile, and `check` makes sure every line of
//! the page is in it. The result is parsed and validated like any profile
//! before it is written.

mod check;
mod draft;
mod facts;
mod headings;
mod language;
mod markers;
mod page;
mod salary;
mod table;
mod yaml;

pub use headings::{Headings, Target};
pub(crate) use yaml::{flow_scalar as yaml_flow_scalar, scalar as yaml_scalar};

use crate::finding::Finding;
use crate::load::{Source, parse};
use crate::validate::{Policy, validate};

/// A page turned into a profile.
#[derive(Debug)]
pub struct Imported {
    /// The id of the profile made (`--id`, else from the page's title).
    pub id: String,
    /// The profile, as YAML.
    pub yaml: String,
    /// What was found, inferred and needs review: (page line, note); line 0 for the whole page.
    pub found: Vec<(usize, String)>,
    /// Lines of the page a person should look at, with why (line 0: the page as a whole).
    pub review: Vec<(usize, String)>,
    /// Findings of `pathways check` (default policy) on the result.
    pub findings: Vec<Finding>,
    /// Page lines that are not in the profile (the import checks itself):
    /// (page line, text). Empty when nothing was lost.
    pub missing: Vec<(usize, String)>,
    /// When most of the page's headings are unknown: each of them, to map
    /// to a section in a `--headings` file. Empty otherwise.
    pub headings_to_map: Vec<String>,
}

/// How to import: the id to give, the schema to name, the headings to know.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions<'a> {
    /// The profile's id; default: made from the page's title.
    pub id: Option<&'a str>,
    /// The path of a `profile.schema.json` for editors, if there is one.
    pub schema: Option<&'a str>,
    /// The headings that name each section (built-in, plus `--headings`).
    pub headings: &'a Headings,
    /// The profile's `locale` (`--locale`); default: told from the page.
    pub locale: Option<&'a str>,
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
    /// The page read, but the profile made from it does not (a bug, or an
    /// id given that is not a slug): why, in words.
    Unreadable(String),
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

/// Import one page; `source` names it in the profile's header comment.
pub fn import(
    text: &str,
    source: &str,
    options: ImportOptions<'_>,
) -> Result<Imported, ImportError> {
    let lines = page::lines_of(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ImportError::Empty);
    }
    let blocks = page::blocks_of(&lines, options.headings);
    if blocks.len() > MAX_HEADINGS {
        return Err(ImportError::TooManyHeadings(blocks.len()));
    }
    let language = language::detect(
        text,
        blocks.iter().map(|block| block.heading.as_str()),
        options.headings,
        options.locale,
    );
    let mut draft = draft::draft(&blocks, options.headings, &language);
    draft
        .found
        .push((0, format!("language: {}", language.reason)));
    // Facts are read from every line but the salary section's, which
    // `draft` reads for pay.
    let fact_lines: Vec<page::Line> = blocks
        .iter()
        .filter(|block| block.kind != page::HeadingKind::Section("salary"))
        .flat_map(|block| {
            let heading = (!block.heading.is_empty()).then(|| page::Line {
                number: block.line,
                text: block.heading.clone(),
            });
            heading.into_iter().chain(block.lines.iter().cloned())
        })
        .collect();
    let (page_facts, notes) = facts::read(&fact_lines);
    draft.found.extend(notes.found);
    draft.found.sort_by_key(|(line, _)| *line);
    draft.review.extend(notes.review);
    draft::place_median(&mut draft, &page_facts);
    let title = draft
        .title
        .clone()
        .unwrap_or_else(|| "Untitled Career".to_owned());
    let id = options
        .id
        .map_or_else(|| crate::validate::slug_from(&title), str::to_owned);
    let mut review = draft.review.clone();
    if draft.title.is_none() {
        review.insert(0, (0, "no title found on the page: set `title`".to_owned()));
    }
    let headings_to_map = unknown_headings(&blocks);
    if !headings_to_map.is_empty() {
        review.insert(
            0,
            (
                0,
                format!(
                    "most of the page's headings ({} of {}) are not ones pathways knows: if they name sections, map each to its section in a headings file and import again with `--headings FILE` (the headings are listed below, ready to paste)",
                    headings_to_map.len(),
                    blocks.iter().filter(|b| !b.heading.is_empty()).count()
                ),
            ),
        );
    }
    let yaml = yaml::write(
        &draft,
        &page_facts,
        yaml::Identity {
            id: &id,
            title: &title,
            locale: &language.locale,
        },
        source,
        options.schema,
    );
    let document = parse(Source {
        name: format!("{id}.yaml"),
        text: yaml.clone(),
    })
    .map_err(|failure| match failure {
        crate::load::LoadFailure::Invalid { finding, .. } => {
            ImportError::Unreadable(finding.message)
        }
        crate::load::LoadFailure::Unreadable(error) => ImportError::Unreadable(error.to_string()),
    })?;
    let findings = validate(&document, &Policy::default());
    let missing = check::missing_lines(&blocks, &draft.structural_lines, &yaml);
    Ok(Imported {
        id,
        yaml,
        found: draft.found,
        review,
        findings,
        missing,
        headings_to_map,
    })
}

/// The page's unknown headings, when they are most of its headings (and
/// more than one): a page in a language or layout pathways does not know.
fn unknown_headings(blocks: &[page::Block]) -> Vec<String> {
    let headed: Vec<&page::Block> = blocks.iter().filter(|b| !b.heading.is_empty()).collect();
    let unknown: Vec<String> = headed
        .iter()
        .filter_map(|block| match &block.kind {
            page::HeadingKind::Unknown(heading) => Some(heading.clone()),
            _ => None,
        })
        .collect();
    if unknown.len() > 1 && unknown.len() * 2 > headed.len() {
        unknown
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each heading of the built-in list, on a page of its own, is read as
    /// the section it names, and nothing of the page is lost.
    #[test]
    fn every_built_in_heading_names_its_section() {
        let headings = Headings::built_in();
        let options = ImportOptions {
            id: None,
            schema: None,
            headings: &headings,
            locale: None,
        };
        let mut tried = 0;
        for line in include_str!("headings.yaml").lines() {
            let Some((heading, id)) = line.split_once(": ") else {
                continue;
            };
            if line.starts_with('#') || crate::profile::section_info(id).is_none() {
                continue;
            }
            // Written as a page would: capitalised, with a colon.
            let heading = heading
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                })
                .collect::<Vec<_>>()
                .join(" ");
            let page = format!("Career List Archivists\n\n{heading}:\n\nSome text about it.\n");
            let imported =
                import(&page, "page.txt", options).unwrap_or_else(|e| panic!("{heading}: {e:?}"));
            assert!(
                imported
                    .found
                    .iter()
                    .any(|(_, note)| note.contains(&format!("(`{id}`)"))),
                "{heading} → {id}: {:?}",
                imported.found
            );
            assert!(
                imported.missing.is_empty(),
                "{heading}: {:?}",
                imported.missing
            );
            tried += 1;
        }
        assert!(tried > 80, "{tried} headings tried");
    }

    fn options(headings: &Headings) -> ImportOptions<'_> {
        ImportOptions {
            id: None,
            schema: None,
            headings,
            locale: None,
        }
    }

    /// What Windows calls "Unicode", in either byte order, reads as the
    /// same text as UTF-8; a lone last byte becomes U+FFFD, not lost silently.
    #[test]
    fn utf16_pages_in_either_byte_order_read_as_utf8_does() {
        let text = "Library Technicians\r\n\r\nSalary: €36,000 — «good»\n";
        let mut little = vec![0xFF, 0xFE];
        little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut big = vec![0xFE, 0xFF];
        big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_page(&little).ok().as_deref(), Some(text));
        assert_eq!(decode_page(&big).ok().as_deref(), Some(text));
        big.push(b'x');
        assert_eq!(decode_page(&big).ok(), Some(format!("{text}\u{fffd}")));
    }

    /// A page may hold a few control characters (one in ten at most) and
    /// any number of Windows line endings; a NUL byte or more controls
    /// than that make it a binary file.
    #[test]
    fn a_page_is_text_unless_it_has_nul_or_mostly_control_characters() {
        let is_text = |text: &str| decode_page(text.as_bytes()).is_ok();
        assert!(is_text("a\r\nb\r\nc\r\n"), "CRLF is text");
        assert!(is_text("abcdefghi\u{7}"), "one control in ten");
        assert!(!is_text("abcdefgh\u{7}\u{7}"), "two in ten");
        assert!(!is_text("\u{7}\u{1b}\u{7}\u{1b}"), "all controls");
        let long_with_nul = format!("{}\0{}", "a".repeat(100), "b".repeat(100));
        assert!(!is_text(&long_with_nul), "one NUL in 201");
    }

    /// Unknown headings are listed when they are more than half of the
    /// page's headings, and more than one.
    #[test]
    fn unknown_headings_are_listed_when_they_are_most_of_the_page() {
        let headings = Headings::built_in();
        let page = |unknown: usize, known: usize| {
            let mut page = "Career List Archivists\n\n".to_owned();
            for i in 0..unknown {
                page.push_str(&format!("Rubrica {i}\n\nTesto.\n\n"));
            }
            for heading in ["Overview", "Job Outlook", "Required Skills"]
                .iter()
                .take(known)
            {
                page.push_str(&format!("{heading}\n\nText.\n\n"));
            }
            let imported = import(&page, "p.txt", options(&headings)).unwrap();
            imported.headings_to_map.len()
        };
        assert_eq!(page(1, 0), 0, "one heading alone");
        assert_eq!(page(2, 0), 2);
        assert_eq!(page(3, 2), 3, "3 of 5");
        assert_eq!(page(2, 2), 0, "half is not most");
        assert_eq!(page(2, 3), 0);
    }

    /// `MAX_HEADINGS` blocks are accepted; one more is refused, with the count.
    #[test]
    fn the_heading_limit_is_exact() {
        let headings = Headings::built_in();
        // A title, then n headings each with a line of text: n + 2 blocks.
        let page = |n: usize| {
            let flood: String = (0..n)
                .map(|i| format!("Heading {i}\n\nSome text.\n\n"))
                .collect();
            format!("Title\n\n{flood}")
        };
        assert!(import(&page(MAX_HEADINGS - 2), "p.txt", options(&headings)).is_ok());
        match import(&page(MAX_HEADINGS - 1), "p.txt", options(&headings)) {
            Err(ImportError::TooManyHeadings(count)) => assert_eq!(count, MAX_HEADINGS + 1),
            other => panic!("expected too many headings, got {:?}", other.map(|_| ())),
        }
    }
}
