//! PDF: the Typst source a template made, typeset by Typst embedded as a
//! library. Nothing is read from disk but fonts, and nothing is fetched:
//! the [`world::EmbeddedWorld`] serves the one generated source and the
//! fonts of [`fonts`], so the same input and fonts give the same bytes.

pub(crate) mod contents;
pub(super) mod fonts;
pub(crate) mod join;
pub(crate) mod markup;
mod world;

use typst::WorldExt as _;
use typst::diag::Severity;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::error::{Error, PdfDocument};

/// Typeset `source` (Typst markup made by the template `template`) into a
/// tagged PDF/UA-1 document.
pub(crate) fn typeset(source: String, template: &str) -> Result<Vec<u8>, Error> {
    let source = markup::isolates_as_text_direction(source);
    on_typesetter_thread(|| typeset_here(source, template))
}

/// How many pages `source` takes, laid out but not made into a PDF.
pub(crate) fn page_count(source: String, template: &str) -> Result<usize, Error> {
    let source = markup::isolates_as_text_direction(source);
    on_typesetter_thread(|| {
        let world = world::EmbeddedWorld::new(source);
        Ok(layout(&world, template)?.pages().len())
    })
}

/// How many pages `source` takes, and the page (from 0) of each string its
/// `#metadata("...")` marks, in order.
pub(crate) fn marked_pages(
    source: String,
    template: &str,
) -> Result<(usize, Vec<(String, usize)>), Error> {
    use typst::foundations::Value;
    use typst::introspection::{MetadataElem, Tag};
    use typst::layout::{Frame, FrameItem};

    fn collect(frame: &Frame, page: usize, marks: &mut Vec<(String, usize)>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => collect(&group.frame, page, marks),
                FrameItem::Tag(Tag::Start(element, _)) => {
                    if let Some(metadata) = element.to_packed::<MetadataElem>()
                        && let Value::Str(mark) = &metadata.value
                    {
                        marks.push((mark.to_string(), page));
                    }
                }
                _ => {}
            }
        }
    }
    let source = markup::isolates_as_text_direction(source);
    on_typesetter_thread(|| {
        let world = world::EmbeddedWorld::new(source);
        let document = layout(&world, template)?;
        let mut marks = Vec::new();
        for (page, content) in document.pages().iter().enumerate() {
            collect(&content.frame, page, &mut marks);
        }
        Ok((document.pages().len(), marks))
    })
}

/// Drop everything Typst keeps for reuse: between the parts of a booklet,
/// so that no part's layout outlives it.
pub(crate) fn forget_reusable() {
    typst::comemo::evict(0);
}

fn on_typesetter_thread<T: Send>(
    work: impl FnOnce() -> Result<T, Error> + Send,
) -> Result<T, Error> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(TYPESETTER_STACK)
            .spawn_scoped(scope, work)
            .map_err(|e| Error::WorkerThreads {
                jobs: 1,
                reason: e.to_string(),
            })?
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// The most memory one profile's PDF may take to typeset, in MiB, as
/// [`estimated_mebibytes`] reckons it (Typst itself has no limit).
const MAX_MEBIBYTES: u64 = 400;
/// The same for a booklet typeset whole (from Typst templates of a user's
/// own; the built-in ones typeset a long booklet in parts), and for each
/// part, which the reckoning overstates about twice (measured: 1,000
/// handouts reckoned 4,559 MiB, took 2,096 MiB and 12 s): about 2.3 GiB at
/// most, some 1,000 handouts. And for an export's index.
const MAX_BOOKLET_MEBIBYTES: u64 = 5_000;

/// What typesetting `source` takes, in MiB, reckoned from its size: Typst
/// 0.15 took about 60 MiB to start, 250 bytes per byte of source and 29 KB
/// per line (a heading, a paragraph, a list entry), measured on reports of
/// 1,000 to 20,000 sections, 7,000 list entries and one 4 MB paragraph
/// (`benches/README.md`). Its time follows its memory, about 5 s per GiB.
pub(crate) fn estimated_mebibytes(source: &str) -> u64 {
    let bytes = source.len() as u64;
    let lines = source.bytes().filter(|&b| b == b'\n').count() as u64;
    60 + bytes * 250 / (1024 * 1024) + lines * 29 / 1024
}

/// Refuse, before typesetting, a document too large for its budget (one
/// profile's, or a whole export's): it would take minutes and gigabytes, or
/// end the program.
pub(crate) fn check_budget(source: &str, document: PdfDocument) -> Result<(), Error> {
    let estimate = estimated_mebibytes(source);
    let limit = match document {
        PdfDocument::Profile => MAX_MEBIBYTES,
        PdfDocument::Booklet | PdfDocument::Index => MAX_BOOKLET_MEBIBYTES,
    };
    if estimate > limit {
        return Err(Error::TooLargeForPdf {
            estimate,
            limit,
            document,
        });
    }
    Ok(())
}

/// Typst recurses deeply for long documents, and keeps per-thread state
/// that grows with every document a thread typesets: each document gets a
/// thread of its own, with the main thread's stack.
const TYPESETTER_STACK: usize = 8 * 1024 * 1024;

fn typeset_here(source: String, template: &str) -> Result<Vec<u8>, Error> {
    let world = world::EmbeddedWorld::new(source);
    let document = layout(&world, template)?;
    // PDF/UA-1 asks that a font show every character. Text no font has
    // (which `check` and `render` warn of as `missing-glyph`) still gets a
    // tagged PDF, with boxes where the glyphs are missing, not marked PDF/UA.
    if !missing_glyphs(&document).is_empty() {
        return typst_pdf::pdf(&document, &PdfOptions::default())
            .map_err(|errors| failure(&world, errors.as_slice(), template));
    }
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| Error::Template {
        message: format!("cannot make an accessible PDF: {}", e.message()),
    })?;
    let accessible = PdfOptions {
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &accessible).map_err(|errors| Error::Template {
        message: format!(
            "`{template}` made a PDF that cannot be accessible (PDF/UA-1): {}",
            errors.first().map_or_else(
                || "Typst gave no reason".to_owned(),
                |e| e.message.to_string()
            )
        ),
    })
}

/// The characters the laid-out pages show as a box (`.notdef`): no font
/// had them.
fn missing_glyphs(document: &PagedDocument) -> std::collections::BTreeSet<char> {
    use typst::layout::{Frame, FrameItem};
    fn collect(frame: &Frame, missing: &mut std::collections::BTreeSet<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => collect(&group.frame, missing),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|glyph| glyph.id == 0) {
                        let shown = text.text.get(glyph.range()).unwrap_or_default();
                        missing.extend(shown.chars().filter(|c| !c.is_whitespace()));
                    }
                }
                _ => {}
            }
        }
    }
    let mut missing = std::collections::BTreeSet::new();
    for page in document.pages() {
        collect(&page.frame, &mut missing);
    }
    missing
}

/// The pages Typst lays out from the world's source.
fn layout(world: &world::EmbeddedWorld, template: &str) -> Result<PagedDocument, Error> {
    let compiled = typst::compile::<PagedDocument>(world).output;
    // Typst keeps what it computed for reuse; a batch export must not
    // collect every document's, so what was not used lately goes.
    typst::comemo::evict(4);
    compiled.map_err(|errors| failure(world, errors.as_slice(), template))
}

/// The first error Typst reports, with the line of the generated source it
/// is about and what that line says.
fn failure(
    world: &world::EmbeddedWorld,
    errors: &[typst::diag::SourceDiagnostic],
    template: &str,
) -> Error {
    let Some(error) = errors
        .iter()
        .find(|e| e.severity == Severity::Error)
        .or(errors.first())
    else {
        return Error::Template {
            message: format!("Typst could not typeset what `{template}` made"),
        };
    };
    let text = world.text();
    let place = world.range(error.span).map(|range| {
        let line = text[..range.start.min(text.len())].matches('\n').count() + 1;
        let source_line = text.lines().nth(line - 1).unwrap_or("").trim();
        let shown: String = source_line.chars().take(80).collect();
        format!(" (line {line} of the Typst it made: `{shown}`)")
    });
    let hints: String = error
        .hints
        .iter()
        .map(|hint| format!("; hint: {}", hint.v))
        .collect();
    Error::Template {
        message: format!(
            "Typst could not typeset what `{template}` made: {}{}{hints}",
            error.message,
            place.unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::{Frame, FrameItem};

    /// The text Typst sets on the pages of `source`, without spaces.
    fn typeset_text(source: &str) -> String {
        let world = world::EmbeddedWorld::new(source.to_owned());
        let document = layout(&world, "test.typ.j2").unwrap_or_else(|e| panic!("{e}"));
        fn collect(frame: &Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Text(text) => out.push_str(&text.text),
                    FrameItem::Group(group) => collect(&group.frame, out),
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        for page in document.pages() {
            collect(&page.frame, &mut out);
        }
        out.split_whitespace().collect()
    }

    #[test]
    fn profile_text_is_set_literally_never_run() {
        let payloads = [
            r#"#read("/etc/passwd")"#,
            r#"#import "@preview/cetz:0.3.0": *"#,
            r#"#include "x.typ""#,
            r#"#eval("1 + 1")"#,
            "$ x^2 $",
            "<label> @ref",
            "= Heading? - item + item / term: x ~ 1. two \\ back",
            "*bold* _em_ `raw` [link](x) https://example.org",
        ];
        for payload in payloads {
            let source = format!(
                "#set text(font: \"Libertinus Serif\")\n{}",
                markup::escape(payload)
            );
            let shown = typeset_text(&source);
            let expected: String = payload.split_whitespace().collect();
            assert_eq!(shown, expected, "{payload}");
        }
    }

    #[test]
    fn a_template_cannot_read_files_or_load_packages() {
        let read = typeset(r#"#read("/etc/passwd")"#.to_owned(), "mine.typ.j2").unwrap_err();
        let message = read.to_string();
        assert!(message.contains("`mine.typ.j2`"), "{message}");
        assert!(message.contains("cannot read files"), "{message}");
        let package = typeset(
            r#"#import "@preview/cetz:0.3.0": *"#.to_owned(),
            "mine.typ.j2",
        )
        .unwrap_err()
        .to_string();
        assert!(
            package.contains("does not load Typst packages"),
            "{package}"
        );
        assert!(package.contains("line 1"), "{package}");
    }

    #[test]
    fn pdf_ua_when_the_fonts_show_every_character_else_still_a_tagged_pdf() {
        let source = |text: &str| {
            format!("#set document(title: [T])\n#set text(lang: \"en\")\n= T\n\n{text}")
        };
        let latin = typeset(source("Café, Ελληνικά, Кириллица."), "t.typ.j2")
            .unwrap_or_else(|e| panic!("{e}"));
        let contains = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
        assert!(contains(&latin, b"pdfuaid:part"), "PDF/UA-1");
        let other = typeset(source("中文 🙂"), "t.typ.j2").unwrap_or_else(|e| panic!("{e}"));
        assert!(other.starts_with(b"%PDF-"));
        assert!(!contains(&other, b"pdfuaid:part"));
        assert!(contains(&other, b"/StructTreeRoot"), "still tagged");
    }

    #[test]
    fn documents_past_the_memory_budget_are_refused_before_typesetting() {
        // A seed-size report (42 KB, 450 lines) is far within it.
        let report = "A line of a report, as long as many are.\n".repeat(450);
        assert!(estimated_mebibytes(&report) < 100);
        assert!(check_budget(&report, PdfDocument::Profile).is_ok());
        // 20,000 sections' worth of lines: refused for a profile, and a
        // booklet twice that size is refused too.
        let huge = "= Heading\n\nWords.\n".repeat(20_000);
        let refused = check_budget(&huge, PdfDocument::Profile)
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("too large to make into a PDF"),
            "{refused}"
        );
        assert!(
            check_budget(&huge, PdfDocument::Booklet).is_ok(),
            "a booklet may be larger"
        );
        let booklet = huge.repeat(3);
        let refused = check_budget(&booklet, PdfDocument::Booklet)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("--book FILE.html"), "{refused}");
        let refused = check_budget(&booklet, PdfDocument::Index)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("--no-index"), "{refused}");
        // The limits themselves are allowed; a mebibyte more is not.
        for (document, limit) in [
            (PdfDocument::Profile, MAX_MEBIBYTES),
            (PdfDocument::Booklet, MAX_BOOKLET_MEBIBYTES),
            (PdfDocument::Index, MAX_BOOKLET_MEBIBYTES),
        ] {
            let bytes = ((limit - 60) * 1024 * 1024).div_ceil(250) as usize;
            let at_limit = "x".repeat(bytes);
            assert_eq!(estimated_mebibytes(&at_limit), limit);
            assert!(check_budget(&at_limit, document).is_ok(), "{document:?}");
            let over = "x".repeat(bytes + 1024 * 1024 / 250 + 1);
            assert!(check_budget(&over, document).is_err(), "{document:?}");
        }
    }

    #[test]
    fn a_template_cannot_run_a_plugin() {
        for call in [
            "#plugin(bytes((0, 97, 115, 109)))",
            "#std.plugin(bytes(()))",
        ] {
            let message = typeset(call.to_owned(), "mine.typ.j2")
                .unwrap_err()
                .to_string();
            assert!(message.contains("`mine.typ.j2`"), "{message}");
            assert!(message.contains("plugin"), "{message}");
        }
    }

    #[test]
    fn the_same_source_gives_the_same_bytes() {
        let source = "#set document(title: [T])\n#set text(lang: \"en\")\n= T\n\nText.".to_owned();
        let first = typeset(source.clone(), "t.typ.j2").unwrap_or_else(|e| panic!("{e}"));
        let second = typeset(source, "t.typ.j2").unwrap_or_else(|e| panic!("{e}"));
        assert!(first.starts_with(b"%PDF-"));
        assert_eq!(first, second);
    }
}
